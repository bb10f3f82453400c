"""What keeps the guest forms from being flooded: limits per address, ИНН and e-mail, and the duplicate check.

Per address: the framework's ``frappe.rate_limiter.rate_limit`` on each endpoint (every POST counts, a refused
one too). Per ИНН and per contact e-mail: counters here, in the same Redis cache, keyed by a hash so the
cache holds none of the values. The limits are the domain's defaults; a site may lower or raise them in its
config under ``citi_employment_guest_form_limits`` (for example ``{"vacancy_per_ip": 5}``).

The address is the framework's ``frappe.local.request_ip``: the first X-Forwarded-For entry, which a reverse
proxy must set (bench's nginx configuration overwrites it with the client address).
"""

import frappe
from frappe import _

from citi_employment.domain import employer_forms as rules

LIMITS_CONFIG_KEY = "citi_employment_guest_form_limits"
COUNTER_PREFIX = "citi_employment:guest_forms:"
# The framework's decorator keys its counters "rl:<dotted method>:<address>".
RATE_LIMIT_PREFIX = "rl:citi_employment.employer_forms."
# The decorator takes its window once, when the module is imported.
IP_WINDOW_SECONDS = rules.GuestLimits().ip_window_seconds
# How long a first submission may take to be saved before an identical one is let through again.
PENDING_SECONDS = 60
PENDING = "pending"


class TooManySubmissionsError(frappe.RateLimitExceededError):
	"""A guest sent more than a limit allows (HTTP 429)."""


def limits() -> rules.GuestLimits:
	return rules.limits_from(frappe.conf.get(LIMITS_CONFIG_KEY))


def vacancy_ip_limit() -> int:
	return limits().vacancy_per_ip


def feedback_ip_limit() -> int:
	return limits().feedback_per_ip


def counter_key(kind: str, identity: str) -> str:
	return frappe.cache.make_key(f"{COUNTER_PREFIX}{kind}:{rules.identity_key(identity)}")


def count(kind: str, identity: str, window_seconds: int) -> int:
	"""One more submission for ``identity`` within its window; returns how many there were."""
	key = counter_key(kind, identity)
	value = frappe.cache.incrby(key, 1)
	if value == 1 or frappe.cache.ttl(key) < 0:
		frappe.cache.expire(key, window_seconds)
	return value


def refuse_over_limit(kind: str, identity: str, limit: int, window_seconds: int, message: str) -> None:
	if count(kind, identity, window_seconds) > limit:
		frappe.throw(message, TooManySubmissionsError, title=_("Too many requests"))


def address_blocked(method: str, limit: int) -> bool:
	"""Whether the visitor's address has used up the framework's limit for ``method`` (for the page to say so
	before the visitor fills in the form in vain)."""
	ip = frappe.local.request_ip
	if not ip:
		return False
	value = frappe.cache.get(frappe.cache.make_key(f"rl:{method}:{ip}"))
	try:
		return int(value or 0) >= limit
	except (TypeError, ValueError):
		return False


def claim_submission(fingerprint: str, doctype: str) -> str | None:
	"""None for a first submission, which may go on; else what an identical earlier one became: its
	document's name, or ``PENDING`` while it is still being saved.

	The mark is set at once (so 50 identical requests in a second make one document) and removed when the
	transaction rolls back. A name whose document does not exist (a worker killed between insert and commit)
	does not stop a new submission."""
	key = seen_key(fingerprint)
	if frappe.cache.set(key, PENDING, nx=True, ex=PENDING_SECONDS):
		frappe.db.after_rollback.add(lambda: frappe.cache.delete(key))
		return None
	value = frappe.cache.get(key)
	name = value.decode() if isinstance(value, bytes) else value
	if name == PENDING or (name and frappe.db.exists(doctype, name)):
		return name
	frappe.cache.set(key, PENDING, ex=PENDING_SECONDS)
	frappe.db.after_rollback.add(lambda: frappe.cache.delete(key))
	return None


def remember_submission(fingerprint: str, name: str) -> None:
	frappe.cache.set(seen_key(fingerprint), name, ex=limits().duplicate_window_seconds)


def seen_key(fingerprint: str) -> str:
	return frappe.cache.make_key(f"{COUNTER_PREFIX}seen:{fingerprint}")


def clear_counters() -> int:
	"""Forget every counter and duplicate mark of the guest forms on this site; returns how many went.

	For an administrator who unblocks an address, and for the browser tests, which flood the form on purpose:
	``bench --site <site> execute citi_employment.employer_forms.abuse.clear_counters``."""
	keys = [*frappe.cache.get_keys(COUNTER_PREFIX), *frappe.cache.get_keys(RATE_LIMIT_PREFIX)]
	if keys:
		frappe.cache.delete_value(keys, make_keys=False)
	return len(keys)
