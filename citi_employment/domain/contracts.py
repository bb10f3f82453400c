"""Employer contracts kept in the Center's contract journals (§3.6) and their register (§5.4).

Plain values in, plain values out: the registration number format, the gapless sequence step, the
duplicate (overlapping period) rule and the daily expiry transitions. The Frappe controller and the
scheduler job only map documents onto these functions.
"""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from citi_employment.domain.errors import DomainError

SEQUENCE_DIGITS = 3


class ContractStatus(str, Enum):
	DRAFT = "Draft"
	PENDING_APPROVAL = "Pending Director Approval"
	ACTIVE = "Active"
	EXPIRING_SOON = "Expiring Soon"
	EXPIRED = "Expired"
	REJECTED = "Declined"
	TERMINATED = "Terminated"


# A registered contract: approved into the journal with a registration number (§5.4), whatever became of
# it since; the figures count these.
REGISTERED_STATUSES = (
	ContractStatus.ACTIVE.value,
	ContractStatus.EXPIRING_SOON.value,
	ContractStatus.EXPIRED.value,
	ContractStatus.TERMINATED.value,
)
# A contract in force: it has a registration number and the daily job watches its end date.
IN_FORCE_STATUSES = frozenset({ContractStatus.ACTIVE, ContractStatus.EXPIRING_SOON})
# §5.4 forbids duplicates among live contracts only; these no longer block a new one.
CLOSED_STATUSES = frozenset({ContractStatus.TERMINATED, ContractStatus.REJECTED, ContractStatus.EXPIRED})


class RegistrationNumberError(DomainError):
	"""A registration number could not be built from its parts."""


def is_in_force(status: str | None) -> bool:
	return status in {s.value for s in IN_FORCE_STATUSES}


def is_closed(status: str | None) -> bool:
	return status in {s.value for s in CLOSED_STATUSES}


def enters_force(previous_status: str | None, new_status: str | None) -> bool:
	"""True when this save moves the contract into force, i.e. it is being approved (§5.4)."""
	return is_in_force(new_status) and not is_in_force(previous_status)


# Registration numbers ---------------------------------------------------------------------------


def format_registration_number(prefix: str, year: int, sequence: int) -> str:
	"""``ЦП-2026-001``: journal prefix, year, sequence of at least three digits (1000 stays 1000)."""
	prefix = (prefix or "").strip()
	if not prefix:
		raise RegistrationNumberError("the journal has no number prefix")
	if not 1900 <= year <= 9999:
		raise RegistrationNumberError(f"year {year} is out of range")
	if sequence < 1:
		raise RegistrationNumberError(f"sequence {sequence} must be positive")
	return f"{prefix}-{year}-{sequence:0{SEQUENCE_DIGITS}d}"


def next_sequence(last_number: int | None) -> int:
	"""The number after the journal-year counter's last one: gapless, starting at 1 each year."""
	last = last_number or 0
	if last < 0:
		raise RegistrationNumberError(f"counter {last} is negative")
	return last + 1


# Validity period and duplicates (§5.4) -----------------------------------------------------------


def periods_overlap(
	start_a: date | None, end_a: date | None, start_b: date | None, end_b: date | None
) -> bool:
	"""Closed intervals; a missing end is open-ended (infinity), a missing start is the dawn of time."""
	start_a = start_a or date.min
	start_b = start_b or date.min
	end_a = end_a or date.max
	end_b = end_b or date.max
	return start_a <= end_b and start_b <= end_a


@dataclass(frozen=True)
class ExistingContract:
	name: str
	status: str
	valid_from: date | None
	valid_to: date | None
	graduate: str | None = None
	registration_number: str | None = None

	@property
	def reference(self) -> str:
		"""What a user recognises: the registration number, or the internal ID of a draft."""
		return self.registration_number or self.name


def find_duplicate(
	valid_from: date | None,
	valid_to: date | None,
	graduate: str | None,
	requires_graduate: bool,
	existing: Iterable[ExistingContract],
) -> ExistingContract | None:
	"""The first live contract of the same journal and employer whose period overlaps this one.

	``existing`` are the journal's other contracts with the same employer. In the two training journals
	a contract is about one graduate, so only a contract for the same graduate is a duplicate there.
	"""
	for other in existing:
		if is_closed(other.status):
			continue
		if requires_graduate and (other.graduate or None) != (graduate or None):
			continue
		if periods_overlap(valid_from, valid_to, other.valid_from, other.valid_to):
			return other
	return None


# Expiry (daily job) -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExpiryChange:
	status: ContractStatus
	valid_to: date
	renewals: int = 0

	@property
	def renewed(self) -> bool:
		return self.renewals > 0


def _add_months(day: date, months: int) -> date:
	"""The same day ``months`` later, clamped to the month's end (31.01 + 1 month = 28.02 or 29.02)."""
	index = day.month - 1 + months
	year, month = day.year + index // 12, index % 12 + 1
	return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _whole_months(start: date, end_exclusive: date) -> int | None:
	"""N when [start, end_exclusive) is exactly N calendar months, else None."""
	months = (end_exclusive.year - start.year) * 12 + end_exclusive.month - start.month
	if months > 0 and _add_months(start, months) == end_exclusive:
		return months
	return None


def renewed_end(valid_from: date, term_end: date, current_end: date) -> date:
	"""``current_end`` moved on by one term of the contract's original length.

	A term of whole calendar months (01.01–31.12, 15.03–14.09) is extended by the same number of months,
	so a yearly contract stays yearly across leap years; any other term by the same number of days.
	"""
	months = _whole_months(valid_from, term_end + timedelta(days=1))
	if months:
		return _add_months(current_end + timedelta(days=1), months) - timedelta(days=1)
	return current_end + (term_end - valid_from + timedelta(days=1))


def expiry_change(
	status: str,
	valid_from: date | None,
	valid_to: date | None,
	auto_renew: bool,
	today: date,
	warning_days: int,
	term_end: date | None = None,
) -> ExpiryChange | None:
	"""Where the daily job moves a contract in force on ``today``; None when it stays as it is.

	Active → Expiring Soon when ``valid_to`` is at most ``warning_days`` away; → Expired the day after
	``valid_to``. An auto-renewing contract is instead extended by whole terms until it covers today
	(``term_end`` is the end of its first term, so the term length never grows with the renewals), and
	its status follows the new end date.
	"""
	if not is_in_force(status) or not valid_to:
		return None
	end = valid_to
	renewals = 0
	if today > end:
		if not (auto_renew and valid_from and (term_end or valid_to) >= valid_from):
			return ExpiryChange(ContractStatus.EXPIRED, end)
		first_term_end = term_end or valid_to
		while today > end:
			end = renewed_end(valid_from, first_term_end, end)
			renewals += 1
	new_status = ContractStatus.EXPIRING_SOON if (end - today).days <= warning_days else ContractStatus.ACTIVE
	if new_status.value == status and end == valid_to:
		return None
	return ExpiryChange(new_status, end, renewals)
