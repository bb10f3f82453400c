"""Rules of the Center's scheduled e-mail reports (issue 12): who gets the Head's
monthly digest, which consents it asks to renew, and when a document waiting for the Director is reminded of.

Plain values in and out: the Frappe side is ``citi_employment/email_reports`` (the framework's Auto Email
Report and Notification records) and ``citi_employment/reporting/digest.py`` (the digest's queries).
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta

from citi_employment.domain import graduate as graduate_rules

# A consent that ends within two months is renewed now: time to meet the graduate (or the representative)
# and sign before the Center has to stop processing the data.
CONSENT_RENEWAL_DAYS = 60
# A representative's consent is replaced by the graduate's own once the graduate is 18 (ГК РФ ст. 21); the
# digest names it three months ahead, as the Consent Register does.
COMING_OF_AGE_DAYS = 90
# Rows listed per section of the digest; its counts are always complete.
DIGEST_LIST_LIMIT = 50

# Why a consent is to be renewed.
EXPIRING = "Expires Soon"
COMING_OF_AGE = "Graduate Comes of Age"
LAPSED = "Expired, Graduate Seeks Work"
RENEWAL_REASONS = (EXPIRING, COMING_OF_AGE, LAPSED)


def digest_recipients(configured: Iterable[str | None], heads: Iterable[str | None]) -> list[str]:
	"""The addresses the digest goes to: the configured ones, or every Head when none is configured; each
	once as first spelt (addresses that differ only in case are one mailbox), sorted so that a comparison with the stored list
	does not depend on the order of users."""
	chosen = [address.strip() for address in configured if address and address.strip()]
	if not chosen:
		chosen = [address.strip() for address in heads if address and address.strip()]
	unique: dict[str, str] = {}
	for address in chosen:
		unique.setdefault(address.lower(), address)
	return sorted(unique.values(), key=str.lower)


def expiry_window(as_on: date, days: int = CONSENT_RENEWAL_DAYS) -> tuple[date, date]:
	"""First and last ``valid_until`` of a consent that is still in force on ``as_on`` and ends within
	``days``."""
	return as_on, as_on + timedelta(days=days)


def latest_birth_date_of_age_by(day: date) -> date:
	"""Everyone born on or before this date is 18 by ``day``, with a day's margin for 29 February (the SQL
	filter is wide, ``comes_of_age_by`` is exact)."""
	return graduate_rules.birthday_in_year(day, day.year - graduate_rules.AGE_OF_MAJORITY) + timedelta(days=1)


def comes_of_age_by(date_of_birth: date | None, day: date) -> bool:
	"""Whether the graduate is 18 on ``day`` (already, or turning 18 by then)."""
	return date_of_birth is not None and graduate_rules.majority_date(date_of_birth) <= day


def representative_consent_to_renew(
	date_of_birth: date | None, as_on: date, days: int = COMING_OF_AGE_DAYS
) -> bool:
	"""A representative's consent is to be renewed when its graduate is 18 within ``days`` of ``as_on``, or
	already is (the graduate's own consent has not been collected yet)."""
	return comes_of_age_by(date_of_birth, as_on + timedelta(days=days))


# --- approval reminders -----------------------------------------------------------------------------------


def reminded_states(
	waiting: Mapping[str, Sequence[str]], reminded_roles: Iterable[str]
) -> dict[str, tuple[str, ...]]:
	"""The states in which a document waits for one of ``reminded_roles`` (``domain.approvals.waiting_roles``
	gives ``waiting``), each with those of its roles only."""
	reminded = frozenset(reminded_roles)
	states = {}
	for state, roles in waiting.items():
		kept = tuple(role for role in roles if role in reminded)
		if kept:
			states[state] = kept
	return states


def entered_state_at(
	versions: Iterable[tuple[datetime, Iterable[Sequence]]], field: str, state: str
) -> datetime | None:
	"""When the document last entered ``state``: the latest version whose changes set ``field`` from
	another value to ``state``. ``versions`` are (created, changes) with the framework's Version rows
	``[field, old, new]``; None when no version records the move (a DocType that keeps no versions)."""
	latest = None
	for created, changes in versions:
		for change in changes:
			if (
				isinstance(change, list | tuple)
				and len(change) == 3
				and change[0] == field
				and change[2] == state
				and change[1] != state
				and (latest is None or created > latest)
			):
				latest = created
	return latest


def reminder_due(waiting_since: date, today: date, every_days: int) -> bool:
	"""Remind on the ``every_days``-th day of waiting and every ``every_days`` days after, while the document
	waits; never when reminders are off (0 days). One rule for every day's run, so the job keeps no state."""
	if every_days <= 0:
		return False
	waited = (today - waiting_since).days
	return waited >= every_days and waited % every_days == 0
