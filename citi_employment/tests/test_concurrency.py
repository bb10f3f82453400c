"""Concurrency on a real site (issue 15, item 7): real servers and processes, each with its own connection.

- Two users save the same Graduate through a gunicorn started for these tests (the desk's own save,
  ``frappe.desk.form.save.savedocs``): the second gets the framework's TimestampMismatchError (HTTP 417) and
  nothing is lost.
- Placements race for the last open position of a vacancy request: one wins, the others are refused, and
  the request never shows more positions filled than it has (citi_employment/vacancies/positions.py).
- The daily jobs of hooks.py run twice at once, or are killed before their commit and run again, in
  processes of their own: the records they touch end as after one clean run
  (citi_employment/scheduler_lock.py).

The other processes see only committed data, so these tests commit what they make, and delete it again.
The server listens on 127.0.0.1, port ``CITI_CONCURRENCY_PORT`` (8011 unless set).
"""

import json
import os
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import frappe
import requests
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, add_years, get_bench_path, getdate, now_datetime

from citi_employment.tests.records import (
	HEAD_USER,
	SPECIALIST_USER,
	act,
	ensure_outgoing_email_account,
	make_center_users,
	make_consent,
	make_contract,
	make_employer,
	make_graduate,
	make_job_seeker,
	make_placement,
	make_request,
)

BENCH = Path(get_bench_path())
SITES = BENCH / "sites"
PYTHON = BENCH / "env" / "bin" / "python"
GUNICORN = BENCH / "env" / "bin" / "gunicorn"
PORT = int(os.environ.get("CITI_CONCURRENCY_PORT", "8011"))
JOURNAL = "Cooperation (Partnership)"
CONTRACT = "Employer Contract"
CONSENT = "Personal Data Consent"
MONITORING = "Employment Monitoring Record"


def daily_jobs() -> list[str]:
	"""The app's daily jobs, as the scheduler finds them in hooks.py."""
	return [
		method
		for method in frappe.get_hooks("scheduler_events").get("daily", [])
		if method.startswith("citi_employment.")
	]


# --- a served site ----------------------------------------------------------------------------------------


class Server:
	"""gunicorn with two sync workers serving the bench's sites, as in production (loopback only)."""

	def __init__(self, port: int = PORT):
		self.url = f"http://127.0.0.1:{port}"
		self.port = port
		self.process = None

	def start(self) -> None:
		with socket.socket() as probe:
			if probe.connect_ex(("127.0.0.1", self.port)) == 0:
				raise RuntimeError(f"port {self.port} is taken: set CITI_CONCURRENCY_PORT to a free one")
		self.log = tempfile.TemporaryFile()
		self.process = subprocess.Popen(
			[str(GUNICORN), "-b", f"127.0.0.1:{self.port}", "-w", "2", "-t", "120", "frappe.app:application"],
			cwd=SITES,
			stdout=self.log,
			stderr=subprocess.STDOUT,
			start_new_session=True,
		)
		deadline = time.monotonic() + 180
		while time.monotonic() < deadline:
			try:
				# A worker loads the app on its first request: slow on a busy machine.
				answered = self.session().get(f"{self.url}/api/method/ping", timeout=60).ok
				# Our server, not one left on the port: a gunicorn that could not bind has exited.
				if answered and self.process.poll() is None:
					return
			except requests.RequestException:
				pass
			if self.process.poll() is not None:
				break
			time.sleep(0.5)
		self.stop()
		raise RuntimeError(f"gunicorn on port {self.port} did not start")

	def stop(self) -> None:
		if self.process and self.process.poll() is None:
			os.killpg(self.process.pid, signal.SIGTERM)
			try:
				self.process.wait(timeout=30)
			except subprocess.TimeoutExpired:
				os.killpg(self.process.pid, signal.SIGKILL)
				self.process.wait()

	def session(self, user: str | None = None) -> requests.Session:
		"""A client of the test site; with ``user``, signed in with that user's API key (no CSRF token)."""
		session = requests.Session()
		session.headers["Host"] = frappe.local.site
		session.headers["Accept"] = "application/json"
		if user:
			session.headers["Authorization"] = f"token {api_token(user)}"
		return session


TOKENS: dict[str, str] = {}


def api_token(user: str) -> str:
	"""The user's API key and secret, made once per test run (making them again revokes the old secret)."""
	from frappe.core.doctype.user.user import generate_keys

	if user not in TOKENS:
		secret = generate_keys(user)["api_secret"]
		TOKENS[user] = f"{frappe.db.get_value('User', user, 'api_key')}:{secret}"
	return TOKENS[user]


def at_once(*calls):
	"""Run the calls in threads released together; returns their results in order."""
	barrier = threading.Barrier(len(calls))
	results = [None] * len(calls)

	def run(index, call):
		barrier.wait()
		results[index] = call()

	threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
	for thread in threads:
		thread.start()
	for thread in threads:
		thread.join(timeout=120)
	return results


def exc_type(response: requests.Response) -> str | None:
	try:
		return response.json().get("exc_type")
	except ValueError:
		return None


class ServedSiteTestCase(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		frappe.db.commit()
		cls.server = Server()
		cls.server.start()
		cls.made: list[tuple[str, str]] = []

	@classmethod
	def tearDownClass(cls):
		cls.server.stop()
		frappe.set_user("Administrator")
		for doctype, name in reversed(cls.made):
			if frappe.db.exists(doctype, name):
				frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	def keep(self, doc):
		"""Delete the record after the class's tests (they commit)."""
		self.made.append((doc.doctype, doc.name))
		return doc


# --- two users, one Graduate --------------------------------------------------------------------------


class TestTwoUsersSaveOneGraduate(ServedSiteTestCase):
	def load(self, session, name: str) -> dict:
		response = session.get(
			f"{self.server.url}/api/method/frappe.desk.form.load.getdoc",
			params={"doctype": "Graduate", "name": name},
		)
		self.assertEqual(response.status_code, 200, response.text[:500])
		return response.json()["docs"][0]

	def save(self, session, doc: dict) -> requests.Response:
		return session.post(
			f"{self.server.url}/api/method/frappe.desk.form.save.savedocs",
			data={"doc": json.dumps(doc), "action": "Save"},
		)

	def test_the_second_save_gets_timestamp_mismatch_and_nothing_is_lost(self):
		graduate = self.keep(make_graduate(phone="+79110000000"))
		frappe.db.commit()
		head, specialist = self.server.session(HEAD_USER), self.server.session(SPECIALIST_USER)
		frappe.db.commit()  # the API keys
		first, second = self.load(head, graduate.name), self.load(specialist, graduate.name)
		first["phone"], second["phone"] = "+79111111111", "+79112222222"

		answers = at_once(lambda: self.save(head, first), lambda: self.save(specialist, second))

		codes = sorted(response.status_code for response in answers)
		self.assertEqual(codes, [200, 417], [response.text[:300] for response in answers])
		(won,) = [index for index, response in enumerate(answers) if response.status_code == 200]
		lost = 1 - won
		self.assertEqual(exc_type(answers[lost]), "TimestampMismatchError")
		winner, loser = (
			((head, first), (specialist, second))[won],
			((head, first), (specialist, second))[lost],
		)
		frappe.db.rollback()  # a fresh snapshot of what the server committed
		self.assertEqual(frappe.db.get_value("Graduate", graduate.name, "phone"), winner[1]["phone"])

		# The loser reloads, sees the winner's value, and saves their own over it.
		reloaded = self.load(loser[0], graduate.name)
		self.assertEqual(reloaded["phone"], winner[1]["phone"])
		reloaded["phone"] = loser[1]["phone"]
		response = self.save(loser[0], reloaded)
		self.assertEqual(response.status_code, 200, response.text[:300])
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value("Graduate", graduate.name, "phone"), loser[1]["phone"])
		# Both values are in the record's history: the first save was not overwritten unseen.
		changes = [
			change
			for data in frappe.get_all(
				"Version", filters={"ref_doctype": "Graduate", "docname": graduate.name}, pluck="data"
			)
			for change in (json.loads(data).get("changed") or [])
			if change[0] == "phone"
		]
		self.assertIn(["phone", "+79110000000", winner[1]["phone"]], changes)
		self.assertIn(["phone", winner[1]["phone"], loser[1]["phone"]], changes)


# --- the last open position -----------------------------------------------------------------------------


class TestPlacementsRaceForTheLastPosition(ServedSiteTestCase):
	def place(self, session, graduate: str, request: str, employment_date: str) -> requests.Response:
		"""Called in a thread without the site's context: everything it needs comes as arguments."""
		return session.post(
			f"{self.server.url}/api/resource/Graduate Placement",
			data={
				"data": json.dumps(
					{"graduate": graduate, "vacancy_request": request, "employment_date": employment_date}
				)
			},
		)

	def request_with(self, positions: int, filled: int):
		request = self.keep(
			make_request(positions_count=positions, age_requirement=None, gender_requirement=None)
		)
		self.made.append(("Employer", request.employer))
		for number in range(filled):
			graduate = self.keep(make_job_seeker(f"Занятый{number}"))
			self.keep(make_placement(graduate.name, vacancy_request=request.name))
		return request

	def race(self, positions: int, filled: int, racers: int):
		request = self.request_with(positions, filled)
		graduates = [self.keep(make_job_seeker(f"Гонщик{number}")).name for number in range(racers)]
		frappe.db.commit()
		users = [HEAD_USER, SPECIALIST_USER]
		sessions = [self.server.session(users[number % 2]) for number in range(racers)]
		frappe.db.commit()

		employment_date = str(add_days(getdate(), -1))
		answers = at_once(
			*[
				(
					lambda session=session, graduate=graduate: self.place(
						session, graduate, request.name, employment_date
					)
				)
				for session, graduate in zip(sessions, graduates, strict=True)
			]
		)
		frappe.db.rollback()
		for name in frappe.get_all(
			"Graduate Placement", filters={"vacancy_request": request.name}, pluck="name"
		):
			self.made.append(("Graduate Placement", name))
		return request, answers

	def assert_race(self, positions: int, filled: int, racers: int):
		request, answers = self.race(positions, filled, racers)
		codes = Counter(response.status_code for response in answers)
		open_positions = positions - filled
		self.assertEqual(
			codes,
			Counter({200: open_positions, 417: racers - open_positions}),
			[a.text[:300] for a in answers],
		)
		for response in answers:
			if response.status_code == 417:
				self.assertEqual(exc_type(response), "NoOpenPositionError")
		stored = frappe.db.get_value(
			"Vacancy Request", request.name, ["filled_count", "status"], as_dict=True
		)
		placed = frappe.db.count("Graduate Placement", {"vacancy_request": request.name})
		self.assertEqual((stored.filled_count, placed), (positions, positions))
		self.assertEqual(stored.status, "Filled")

	def test_two_placements_for_the_last_position_one_is_refused(self):
		self.assert_race(positions=2, filled=1, racers=2)

	def test_four_placements_for_two_positions(self):
		self.assert_race(positions=2, filled=0, racers=4)


# --- the daily jobs ---------------------------------------------------------------------------------------

# A process of its own runs one daily job as the scheduler does (its Scheduled Job Type's execute, which
# commits), or, with "hang", runs it and then waits before the commit to be killed. Every daily job of
# hooks.py is run, whoever wrote it.
JOB_RUNNER = """
import os, sys, time
import frappe
site, method, mode, go, marker = sys.argv[1:6]
frappe.init(site=site, sites_path=".")
frappe.connect()
frappe.set_user("Administrator")
while not os.path.exists(go):
    time.sleep(0.01)
if mode == "hang":
    frappe.get_attr(method)()
    open(marker, "w").write("done")
    time.sleep(600)
elif frappe.db.exists("Scheduled Job Type", {"method": method}):
    frappe.get_doc("Scheduled Job Type", {"method": method}).execute()
else:  # a job added to hooks.py since the site's last migrate
    frappe.get_attr(method)()
    frappe.db.commit()
frappe.destroy()
"""


def start_jobs(mode: str, go: str, marker: str, copies: int, methods: list[str]) -> list[subprocess.Popen]:
	return [
		subprocess.Popen(
			[str(PYTHON), "-c", JOB_RUNNER, frappe.local.site, method, mode, go, f"{marker}.{index}.{copy}"],
			cwd=SITES,
			stdout=subprocess.DEVNULL,
			stderr=subprocess.PIPE,
		)
		for index, method in enumerate(methods)
		for copy in range(copies)
	]


def wait_all(processes: list[subprocess.Popen]) -> None:
	"""Wait for the runs; a run whose job raised is logged Failed by the framework, which is an error here."""
	started = now_datetime()
	for process in processes:
		_out, err = process.communicate(timeout=600)
		if process.returncode:
			raise AssertionError(err.decode()[-2000:])
	frappe.db.rollback()
	failed = frappe.get_all(
		"Scheduled Job Log",
		filters={"status": "Failed", "modified": (">=", started)},
		fields=["scheduled_job_type", "details"],
	)
	if failed:
		raise AssertionError("\n".join(f"{row.scheduled_job_type}: {row.details[-1500:]}" for row in failed))


class TestDailyJobsRunTwiceOrKilled(FrappeTestCase):
	"""Three equal sets of records, each ready for every daily job: one run cleanly, one run twice at
	once, one killed before its commit and then run again. Each set ends in the same state."""

	maxDiff = None

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		ensure_outgoing_email_account()
		frappe.db.set_single_value("Employment Center Settings", "approval_reminder_days", 3)
		frappe.db.commit()
		cls.sets: list[dict] = []
		cls.workdir = tempfile.mkdtemp(prefix="citi-jobs-")
		os.chmod(cls.workdir, 0o777)

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		for records in cls.sets:
			for doctype, name in reversed(records["made"]):
				for table, field in (("ToDo", "reference_name"), ("Comment", "reference_name")):
					frappe.db.delete(table, {field: name})
				frappe.db.delete("Notification Log", {"document_name": name})
				if frappe.db.exists(doctype, name):
					if frappe.db.get_value(doctype, name, "docstatus") == 1:
						frappe.db.set_value(doctype, name, "docstatus", 2, update_modified=False)
					frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	# Records every job acts on, the same in each set but for their names.
	def make_set(self, tag: str) -> dict:
		today = getdate()
		made = []

		def keep(doctype, name):
			made.append((doctype, name))
			return name

		roles = {}
		# Contract expiry: one enters its warning period, one auto-renews after its end.
		for role, values in (
			("expiring", {"valid_to": str(add_days(today, 10)), "auto_renew": 0}),
			("renewing", {"valid_to": str(add_days(today, -1)), "auto_renew": 1}),
		):
			employer = keep("Employer", make_employer(f"Работодатель {tag} {role}"))
			contract = make_contract(JOURNAL, employer, valid_from=str(add_years(today, -1)), **values)
			frappe.db.set_value(CONTRACT, contract.name, {"status": "Active", "registration_number": None})
			roles[role] = keep(CONTRACT, contract.name)
		# Consents: one past its end, one signed by the representative of a graduate now 18.
		graduate = make_graduate(first_name=f"Истёкший{tag}")
		keep("Graduate", graduate.name)
		consent = make_consent(graduate, valid_until=str(add_days(today, 30)))
		frappe.db.set_value(CONSENT, consent.name, "valid_until", add_days(today, -1))
		roles["expired consent"] = keep(CONSENT, consent.name)
		roles["expired consent graduate"] = graduate.name
		minor = make_graduate(minor=True, first_name=f"Выросший{tag}")
		keep("Graduate", minor.name)
		represented = make_consent(minor)
		frappe.db.set_value("Graduate", minor.name, "date_of_birth", add_days(add_years(today, -18), -1))
		roles["represented consent"] = keep(CONSENT, represented.name)
		# Monitoring: a placement 70 days ago has its first-month check overdue and later ones planned.
		seeker = make_job_seeker(f"Наблюдаемый{tag}")
		keep("Graduate", seeker.name)
		employer = keep("Employer", make_employer(f"Наниматель {tag}"))
		placement = make_placement(seeker.name, employer, employment_date=add_days(today, -70))
		keep("Graduate Placement", placement.name)
		checks = frappe.get_all(
			MONITORING, filters={"placement": placement.name}, pluck="name", order_by="due_date, checkpoint"
		)
		for name in checks:
			frappe.db.set_value(
				MONITORING, name, {"status": "Planned", "responsible_specialist": SPECIALIST_USER}
			)
			keep(MONITORING, name)
		roles["checks"] = checks
		# Approval reminder: a contract handed to the Director exactly three days ago.
		employer = keep("Employer", make_employer(f"Ждущий {tag}"))
		pending = make_contract(JOURNAL, employer, valid_from=str(add_years(today, 3)))
		act(pending, "Submit for Approval", SPECIALIST_USER)
		three_days_ago = add_days(now_datetime(), -3)
		frappe.db.set_value(CONTRACT, pending.name, "modified", three_days_ago, update_modified=False)
		for doctype, field in (("Notification Log", "document_name"), ("Email Queue", "reference_name")):
			for name in frappe.get_all(doctype, filters={field: pending.name}, pluck="name"):
				frappe.db.set_value(doctype, name, "creation", three_days_ago, update_modified=False)
		roles["pending"] = keep(CONTRACT, pending.name)
		frappe.db.commit()
		records = {"tag": tag, "roles": roles, "made": made}
		self.sets.append(records)
		return records

	def state(self, records: dict) -> dict:
		"""What the jobs wrote about the set's records, with the set's own names and dates taken out."""
		frappe.db.rollback()  # a fresh snapshot of what the job processes committed
		roles = records["roles"]
		start = getdate()
		names = {value: f"<{role}>" for role, value in roles.items() if isinstance(value, str)} | {
			name: f"<check {index}>" for index, name in enumerate(roles["checks"])
		}

		def plain(text) -> str:
			text = str(text or "")
			for name, label in names.items():
				text = text.replace(name, label)
			for doctype in (CONTRACT,):
				for name in (roles["expiring"], roles["renewing"], roles["pending"]):
					number = frappe.db.get_value(doctype, name, "registration_number")
					if number:
						text = text.replace(number, "<number>")
			return text.replace(records["tag"], "<tag>")

		def todos(name):
			return sorted(
				(row.allocated_to, plain(row.description), row.status)
				for row in frappe.get_all(
					"ToDo",
					filters={"reference_name": name},
					fields=["allocated_to", "description", "status"],
				)
			)

		def comments(name):
			return sorted(
				plain(content)
				for content in frappe.get_all(
					"Comment", filters={"reference_name": name, "comment_type": "Info"}, pluck="content"
				)
			)

		state = {}
		for role in ("expiring", "renewing"):
			contract = frappe.db.get_value(
				CONTRACT, roles[role], ["status", "valid_to", "first_term_ends_on"], as_dict=True
			)
			state[role] = (dict(contract), comments(roles[role]), todos(roles[role]))
		state["expired consent"] = (
			frappe.db.get_value(CONSENT, roles["expired consent"], "status"),
			frappe.db.get_value("Graduate", roles["expired consent graduate"], "consent_status"),
		)
		state["represented consent"] = todos(roles["represented consent"])
		state["checks"] = [
			(
				frappe.db.get_value(MONITORING, name, ["checkpoint", "status", "_assign"], as_dict=True),
				todos(name),
			)
			for name in roles["checks"]
		]
		today_start = frappe.utils.get_datetime(start)
		# The mail is queued at once; the bell entry is left to a background job outside tests.
		state["pending"] = frappe.db.count(
			"Email Queue", {"reference_name": roles["pending"], "creation": (">=", today_start)}
		)
		return state

	def digests_today(self) -> Counter:
		return Counter(
			frappe.get_all(
				"Notification Log",
				filters={
					"document_type": MONITORING,
					"link": "/app/employment-monitoring-record?status=Overdue",
					"creation": (">=", frappe.utils.get_datetime(getdate())),
				},
				pluck="for_user",
			)
		)

	def run_jobs(self, mode: str = "run", copies: int = 1, methods: list[str] | None = None):
		go = os.path.join(self.workdir, f"go-{time.monotonic_ns()}")
		marker = os.path.join(self.workdir, f"done-{time.monotonic_ns()}")
		processes = start_jobs(mode, go, marker, copies, methods or daily_jobs())
		time.sleep(3)  # every process connected and waiting
		Path(go).touch()
		return processes, marker

	def test_twice_at_once_or_killed_halfway_ends_as_one_clean_run(self):
		clean = self.make_set("Набор1")
		before = self.state(clean)
		processes, _marker = self.run_jobs()
		wait_all(processes)
		after_one_run = self.state(clean)
		self.assertNotEqual(before, after_one_run, "the records were made for the jobs to act on")
		self.assertEqual(after_one_run["expiring"][0]["status"], "Expiring Soon")
		self.assertEqual(after_one_run["expired consent"][0], "Expired")
		self.assertEqual(after_one_run["pending"], 1, "one reminder mail")
		self.assertEqual(len(after_one_run["checks"][0][1]), 1, after_one_run["checks"])

		# Twice at once: every job started in two processes released together.
		twice = self.make_set("Набор2")
		processes, _marker = self.run_jobs(copies=2)
		wait_all(processes)
		self.assertEqual(self.state(twice), after_one_run)
		self.assertEqual(self.state(clean), after_one_run, "a further run changes nothing")
		self.assertTrue(all(count == 1 for count in self.digests_today().values()), self.digests_today())

		# Killed: each job in turn does all its work, then its process is killed before the commit.
		killed = self.make_set("Набор3")
		before_kill = self.state(killed)
		for method in daily_jobs():
			processes, marker = self.run_jobs(mode="hang", methods=[method])
			deadline = time.monotonic() + 240
			while time.monotonic() < deadline and not os.path.exists(f"{marker}.0.0"):
				time.sleep(0.2)
			self.assertTrue(os.path.exists(f"{marker}.0.0"), f"{method} did not reach its end")
			for process in processes:
				process.send_signal(signal.SIGKILL)
				process.wait()
		self.assertEqual(self.state(killed), before_kill, "a killed run leaves nothing half-done")
		processes, _marker = self.run_jobs()
		wait_all(processes)
		self.assertEqual(self.state(killed), after_one_run)
		self.assertEqual(self.state(twice), after_one_run)
		self.assertTrue(all(count == 1 for count in self.digests_today().values()), self.digests_today())
