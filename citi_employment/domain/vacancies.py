"""Rules of an employer's vacancy request («Заявка от потенциального работодателя») and of a placement.

Plain values in, plain values out: the Vacancy Request and Graduate Placement controllers map their
fields here and turn the answers into translated messages.
"""

from datetime import date
from decimal import Decimal

from citi_employment.domain.errors import FieldError, Reason

# Kinds of request («Заявка»): a job, a worker trained for the employer (§2.1, §3.3), or a practice place.
EMPLOYMENT = "Employment"
TARGETED_TRAINING = "Targeted Training"
PRACTICE = "Practice"
KINDS = (EMPLOYMENT, TARGETED_TRAINING, PRACTICE)

# Workflow states of a request (Vacancy Request Workflow).
DRAFT = "Draft"
REGISTERED = "Registered"
IN_PROGRESS = "In Progress"
FILLED = "Filled"
CLOSED = "Closed"
CANCELLED = "Cancelled"
# Requests whose positions the Vacancy Registry offers for targeted enrollment (§2.4, §3.3).
OPEN_STATUSES = (REGISTERED, IN_PROGRESS)

# A candidate's way through the employer's selection.
PROPOSED = "Proposed"
RESUME_SENT = "Resume Sent"
INTERVIEW = "Interview"
HIRED = "Hired"
REJECTED = "Declined"
WITHDRAWN = "Withdrawn"
CANDIDATE_STATUSES = (PROPOSED, RESUME_SENT, INTERVIEW, HIRED, REJECTED, WITHDRAWN)

# Gender requirement values; kept internal (Закон РФ 1032-1 ст. 25).
ANY_GENDER = "Any"

# Graduate Placement
EMPLOYED = "Employed"
DISMISSED = "Dismissed"
PERMANENT = "Permanent"
FIXED_TERM = "Fixed Term"
CIVIL_LAW = "Civil Law"


def check_positions_count(count: int | None, field: str = "positions_count") -> int:
	"""A request is for at least one worker; zero or a negative number is a typing error."""
	if count is None:
		raise FieldError(field, Reason.REQUIRED)
	if int(count) < 1:
		raise FieldError(field, Reason.RANGE)
	return int(count)


def check_not_negative(amount: Decimal | float | int | None, field: str) -> None:
	if amount is not None and amount < 0:
		raise FieldError(field, Reason.RANGE)


def probation_salary_needs_confirmation(
	salary: Decimal | float | int | None, probation_salary: Decimal | float | int | None, confirmed: bool
) -> bool:
	"""Pay during probation is normally not above the permanent pay: a higher figure is usually swapped fields.

	It may still be right, so the user confirms it explicitly instead of being refused.
	"""
	if not salary or not probation_salary:
		return False
	return probation_salary > salary and not confirmed


def open_positions(positions_count: int | None, filled_count: int | None) -> int:
	"""Positions still to fill; never negative (placements past the count, made before the placement refused
	them, stay on record)."""
	return max(0, int(positions_count or 0) - int(filled_count or 0))


# A request in one of these states is over: its positions are filled or the work on it has stopped, and the
# contact person's data is kept for a fixed time after the day it got there (employer_forms.contact_data_expired).
FINAL_STATUSES = frozenset({FILLED, CLOSED, CANCELLED})


def closed_on(
	status: str | None, previous_status: str | None, recorded: date | None, today: date
) -> date | None:
	"""The day the request was closed, filled or cancelled; None while it is open.

	The recorded day stands only while the request stays over: one that came back to work (a placement
	deleted) and is over again counts from the new day, whatever an earlier closing left behind.
	"""
	if status not in FINAL_STATUSES:
		return None
	if previous_status in FINAL_STATUSES and recorded:
		return recorded
	return today


def status_after_placements(status: str | None, positions_count: int | None, filled_count: int | None) -> str:
	"""The request's state once its placements were counted again.

	A request still being worked on becomes Filled when every position is taken; a Filled request whose
	placement was deleted goes back to In Progress. Closed and Cancelled are decisions of the Center and stay.
	"""
	status = status or DRAFT
	is_full = int(filled_count or 0) >= int(positions_count or 0) > 0
	if is_full and status in (DRAFT, REGISTERED, IN_PROGRESS):
		return FILLED
	if not is_full and status == FILLED:
		return IN_PROGRESS
	return status


def placement_status(dismissal_date: date | None) -> str:
	"""A dismissal ends the placement (ТК РФ ст. 84.1: the dismissal day is the last working day)."""
	return DISMISSED if dismissal_date else EMPLOYED


def kinds_with_requests(counts: dict[str, int]) -> list[str]:
	"""The kinds that have at least one request, in the fixed order of ``KINDS`` (for the Vacancy Registry)."""
	return [kind for kind in KINDS if int(counts.get(kind) or 0) > 0]
