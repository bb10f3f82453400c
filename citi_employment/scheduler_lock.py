"""One run at a time of each daily job on a site, and one daily job at a time.

The scheduler enqueues a daily job once, but the same job may still run twice at once: run by hand
(`bench execute`, the Scheduled Job Type's Execute button) while the scheduled run works, or by a second
scheduler of the same site. Two runs that each read the state before the other committed would both act on
it: two to-dos, two comments, two reminders. So a run first takes a MariaDB named lock (``GET_LOCK``) for
the site and the job. It belongs to the connection, not to the transaction, so it is held until the run's
transaction ends — released on commit or rollback — or, when the run is killed, by the server as the
connection closes, which also rolls back everything the killed run wrote. A run that finds the lock taken
does nothing: the run holding it does the same work, and a run that is killed leaves nothing behind for the
next run to trip over.

Different daily jobs wait for one another instead, on a second lock shared by all of them: run at once by
several workers, two jobs that both give the Head to-dos deadlock inside the framework's ToDo (its
``update_in_reference`` reads the reference's to-dos FOR UPDATE), and the job rolled back would lose a day.
"""

import functools
import hashlib

import frappe

# How long a daily job waits for another one to finish before it gives up (and is logged as failed).
WAIT_SECONDS = 900
DAILY_JOBS = "daily jobs"


class DailyJobBusyError(frappe.ValidationError):
	"""Another daily job kept the shared lock longer than ``WAIT_SECONDS``."""


def run_alone(job: str):
	"""Decorate a daily job: a second run started while one works returns None at once, and another daily
	job running waits for it to end."""

	def decorate(function):
		@functools.wraps(function)
		def wrapper(*args, **kwargs):
			lock = lock_name(job)
			if not take(lock):
				frappe.logger("scheduler").info(f"{job}: another run holds the lock, this run skips")
				return None
			release_at_end(lock)
			shared = lock_name(DAILY_JOBS)
			if not take(shared, WAIT_SECONDS):
				raise DailyJobBusyError(f"{job}: another daily job did not finish in {WAIT_SECONDS} s")
			release_at_end(shared)
			return function(*args, **kwargs)

		return wrapper

	return decorate


def lock_name(job: str) -> str:
	"""Named locks are server-wide and at most 64 characters: the site's database and the job, hashed."""
	digest = hashlib.sha1(f"{frappe.conf.db_name}:{job}".encode(), usedforsecurity=False).hexdigest()
	return f"citi_employment:{digest}"


def take(lock: str, wait_seconds: int = 0) -> bool:
	"""The same connection may take a lock it holds again (MariaDB counts it), as a test run does."""
	return frappe.db.sql("select get_lock(%s, %s)", (lock, wait_seconds))[0][0] == 1


def release_at_end(lock: str) -> None:
	"""Give the lock back when the transaction ends, whichever way (after a commit the work is visible)."""
	release = functools.partial(give_back, lock)
	frappe.db.after_commit.add(release)
	frappe.db.after_rollback.add(release)


def give_back(lock: str) -> None:
	frappe.db.sql("select release_lock(%s)", (lock,))
