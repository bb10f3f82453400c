"""Rules of the long-term monitoring of graduates' employment (§6.2): the checkpoint schedule of a placement,
the status of a check by date, what a check's outcome says about the graduate, and what a recorded check
must hold to.

Plain values in, plain values out. The Employment Monitoring Record controller, the placement
integration and the daily job (``citi_employment.monitoring``) map their fields here.
"""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import Enum

from citi_employment.domain import graduate as graduate_rules

# --- statuses -------------------------------------------------------------------------------------------

PLANNED = "Planned"
DUE = "Due"
DONE = "Done"
OVERDUE = "Overdue"
NOT_APPLICABLE = "Not Applicable"
STATUSES = (PLANNED, DUE, DONE, OVERDUE, NOT_APPLICABLE)
# Checks still to be made: the ones the daily job moves on and the digest counts.
OPEN_STATUSES = (PLANNED, DUE, OVERDUE)
# The order in which time moves an open check.
STATUSES_ORDER = {PLANNED: 0, DUE: 1, OVERDUE: 2}

# --- outcomes -------------------------------------------------------------------------------------------
# The categories a regional committee asks for. The values are stored and read by the reports: keep them
# stable and in English (Russian comes from the translation).

WORKING_HERE = "Working at This Employer"
WORKING_ELSEWHERE = "Working Elsewhere"
SELF_EMPLOYED = "Self-Employed (NPD)"
INDIVIDUAL_ENTREPRENEUR = "Individual Entrepreneur"
CONTINUING_EDUCATION = "Continuing Education"
MILITARY_SERVICE = "Military Service"
PARENTAL_LEAVE = "Parental Leave"
NOT_WORKING_SEEKING = "Not Working, Seeking"
NOT_WORKING_NOT_SEEKING = "Not Working, Not Seeking"
UNREACHABLE = "Unreachable"
OUTCOMES = (
	WORKING_HERE,
	WORKING_ELSEWHERE,
	SELF_EMPLOYED,
	INDIVIDUAL_ENTREPRENEUR,
	CONTINUING_EDUCATION,
	MILITARY_SERVICE,
	PARENTAL_LEAVE,
	NOT_WORKING_SEEKING,
	NOT_WORKING_NOT_SEEKING,
	UNREACHABLE,
)

# What an outcome says about the graduate's employment status. "Unreachable" says nothing: the status stays
# what the placements make it. Military service and parental leave take the graduate off the labour market
# for a while, so they count as not seeking; further education is studying.
OUTCOME_EMPLOYMENT_STATUS: dict[str, str | None] = {
	WORKING_HERE: graduate_rules.EMPLOYED,
	WORKING_ELSEWHERE: graduate_rules.EMPLOYED,
	SELF_EMPLOYED: graduate_rules.EMPLOYED,
	INDIVIDUAL_ENTREPRENEUR: graduate_rules.EMPLOYED,
	CONTINUING_EDUCATION: graduate_rules.STUDYING,
	MILITARY_SERVICE: graduate_rules.NOT_SEEKING,
	PARENTAL_LEAVE: graduate_rules.NOT_SEEKING,
	NOT_WORKING_SEEKING: graduate_rules.SEEKING_EMPLOYMENT,
	NOT_WORKING_NOT_SEEKING: graduate_rules.NOT_SEEKING,
	UNREACHABLE: None,
}

# The outcomes that say something about the employment status; the Graduate reads the latest of these, so an
# "Unreachable" call does not undo what an earlier check found.
INFORMATIVE_OUTCOMES = tuple(outcome for outcome, status in OUTCOME_EMPLOYMENT_STATUS.items() if status)

METHODS = ("Phone Call", "Site Visit", "Employer's Report", "Graduate's Report")

# --- parameters -----------------------------------------------------------------------------------------

# A checkpoint of 0 months is a check added by hand (ad hoc), or the follow-up after a dismissal.
AD_HOC = 0
DEFAULT_CHECKPOINTS = (1, 3, 6, 12, 24)
DEFAULT_DUE_LEAD_DAYS = 7
DEFAULT_OVERDUE_GRACE_DAYS = 14
# The follow-up after a dismissal asks what the graduate does a month after leaving.
FOLLOW_UP_MONTHS = 1
# 0 is "not assessed" (an Int field cannot be empty); a score is 1 to 5.
SATISFACTION_MIN, SATISFACTION_MAX = 1, 5


@dataclass(frozen=True)
class SchedulePolicy:
	"""The Center's monitoring parameters (Employment Center Settings)."""

	checkpoints: tuple[int, ...] = DEFAULT_CHECKPOINTS
	due_lead_days: int = DEFAULT_DUE_LEAD_DAYS
	overdue_grace_days: int = DEFAULT_OVERDUE_GRACE_DAYS


# --- dates ----------------------------------------------------------------------------------------------


def add_months(start: date, months: int) -> date:
	"""The same day ``months`` later, or the month's last day when it has no such day (31 Jan + 1 = 28 Feb)."""
	month_index = start.month - 1 + months
	year, month = start.year + month_index // 12, month_index % 12 + 1
	return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def checkpoint_due_date(employment_date: date, months: int) -> date:
	return add_months(employment_date, months)


def due_cutoff(today: date, due_lead_days: int) -> date:
	"""A planned check falling on or before this day is due: the specialist starts arranging it."""
	return today + timedelta(days=due_lead_days)


def overdue_cutoff(today: date, overdue_grace_days: int) -> date:
	"""A check falling before this day and still not made is overdue."""
	return today - timedelta(days=overdue_grace_days)


def status_by_date(due_date: date, today: date, due_lead_days: int, overdue_grace_days: int) -> str:
	"""Where an unmade check stands on ``today``: Planned, Due (within the lead days) or Overdue (past the
	grace period after its due date)."""
	if due_date < overdue_cutoff(today, overdue_grace_days):
		return OVERDUE
	if due_date <= due_cutoff(today, due_lead_days):
		return DUE
	return PLANNED


def next_status(
	current: str, due_date: date, today: date, due_lead_days: int, overdue_grace_days: int
) -> str | None:
	"""The daily job's move for one check, or None. Time only moves a check forward: Planned → Due →
	Overdue; Done and Not Applicable checks stay where they are."""
	if current not in (PLANNED, DUE):
		return None
	status = status_by_date(due_date, today, due_lead_days, overdue_grace_days)
	if STATUSES_ORDER[status] <= STATUSES_ORDER[current]:
		return None
	return status


def status_on_save(
	current: str | None,
	has_check: bool,
	due_date: date | None,
	today: date,
	due_lead_days: int,
	overdue_grace_days: int,
) -> str:
	"""A record's status when it is saved: Done once the check is recorded; a check that no longer applies
	stays so; otherwise the status its due date gives (a check cleared again goes back by its date)."""
	if has_check:
		return DONE
	if current == NOT_APPLICABLE:
		return NOT_APPLICABLE
	if due_date is None:
		return PLANNED
	return status_by_date(due_date, today, due_lead_days, overdue_grace_days)


# --- the schedule of a placement ------------------------------------------------------------------------


@dataclass(frozen=True)
class ScheduledCheck:
	"""A stored monitoring record of one placement, as the schedule needs it."""

	name: str
	checkpoint: int
	due_date: date
	status: str
	is_follow_up: bool = False


@dataclass(frozen=True)
class SchedulePlan:
	"""What saving a placement changes in its monitoring records."""

	create: tuple[tuple[int, date, str], ...] = ()  # (checkpoint months, due date, status)
	# Not yet made checks moved with the employment date, or reopened: each with its new date and status.
	reschedule: tuple[ScheduledCheck, ...] = ()
	not_applicable: tuple[str, ...] = ()  # checks after the dismissal
	follow_up: tuple[date, str] | None = None  # (due date, status) of the one check after a dismissal

	def __bool__(self) -> bool:
		return bool(self.create or self.reschedule or self.not_applicable or self.follow_up)


def plan_schedule(
	employment_date: date,
	dismissal_date: date | None,
	existing: Iterable[ScheduledCheck],
	policy: SchedulePolicy,
	today: date,
) -> SchedulePlan:
	"""The checks of a placement (§6.2: «длительность периода трудоустройства»).

	- One check per checkpoint of the policy, due that many months after the employment date; a checkpoint
	  that already has its record gets no second one (checkpoints later removed from Settings keep theirs).
	- Checks not yet made (Planned, or Not Applicable) follow the employment date when it changes; a check
	  that is Due, Overdue or Done keeps its date, since the specialist already works on it.
	- After a dismissal, the checks due after the dismissal date are Not Applicable and no new ones are
	  made for them; if the dismissal is withdrawn or moved later, they apply again.
	- A dismissal brings one follow-up check, once, to find out what the graduate does after leaving; it is
	  due a month after the dismissal, or today if that has passed.
	"""
	existing = list(existing)
	scheduled = {check.checkpoint: check for check in existing if check.checkpoint > AD_HOC}

	def status_of(due: date) -> str:
		return status_by_date(due, today, policy.due_lead_days, policy.overdue_grace_days)

	def after_dismissal(due: date) -> bool:
		return dismissal_date is not None and due > dismissal_date

	create = []
	for months in policy.checkpoints:
		if months <= AD_HOC or months in scheduled:
			continue
		due = checkpoint_due_date(employment_date, months)
		if not after_dismissal(due):
			create.append((months, due, status_of(due)))

	reschedule, not_applicable = [], []
	for check in sorted(scheduled.values(), key=lambda check: check.checkpoint):
		if check.status == DONE:
			continue
		movable = check.status in (PLANNED, NOT_APPLICABLE)
		due = checkpoint_due_date(employment_date, check.checkpoint) if movable else check.due_date
		if after_dismissal(due):
			if check.status != NOT_APPLICABLE:
				not_applicable.append(check.name)
		elif check.status == NOT_APPLICABLE or due != check.due_date:
			reschedule.append(replace(check, due_date=due, status=status_of(due)))

	follow_up = None
	if dismissal_date is not None and not any(check.is_follow_up for check in existing):
		due = max(add_months(dismissal_date, FOLLOW_UP_MONTHS), today)
		follow_up = (due, status_of(due))
	return SchedulePlan(tuple(create), tuple(reschedule), tuple(not_applicable), follow_up)


# --- what a check says about the graduate ---------------------------------------------------------------


@dataclass(frozen=True)
class Observation:
	"""The latest recorded check of a graduate: when, and what was found."""

	checked_on: date
	outcome: str


def employment_status_of_outcome(outcome: str | None) -> str | None:
	return OUTCOME_EMPLOYMENT_STATUS.get(outcome) if outcome else None


def employment_status_with_observation(
	placement_status: str,
	placements: Iterable[tuple[date, date | None]],
	observation: Observation | None,
	today: date,
) -> str:
	"""The graduate's employment status, given the status the placements make and the latest check.

	The newer fact wins: a check says more than the placements did until then (a graduate found working
	elsewhere after a dismissal is employed), but a placement that started or ended after the check says
	more than that check. "Unreachable" says nothing, and a check dated in the future is ignored.
	"""
	if observation is None or observation.checked_on > today:
		return placement_status
	implied = employment_status_of_outcome(observation.outcome)
	if implied is None:
		return placement_status
	events = []
	for employment_date, dismissal_date in placements:
		if employment_date is not None and employment_date <= today:
			events.append(employment_date)
		if dismissal_date is not None and dismissal_date <= today:
			events.append(dismissal_date)
	if events and max(events) > observation.checked_on:
		return placement_status
	return implied


# --- a recorded check -----------------------------------------------------------------------------------


class MonitoringProblem(str, Enum):
	"""Why a monitoring record is refused; stable codes the controller words and tests rely on."""

	CHECK_BEFORE_EMPLOYMENT = "check_before_employment"
	CHECK_IN_FUTURE = "check_in_future"
	OUTCOME_WITHOUT_CHECK_DATE = "outcome_without_check_date"
	CHECK_DATE_WITHOUT_OUTCOME = "check_date_without_outcome"
	SATISFACTION_OUT_OF_RANGE = "satisfaction_out_of_range"
	ELSEWHERE_IS_THIS_EMPLOYER = "elsewhere_is_this_employer"


# The field each problem is about: its message names it.
PROBLEM_FIELDS = {
	MonitoringProblem.CHECK_BEFORE_EMPLOYMENT: "checked_on",
	MonitoringProblem.CHECK_IN_FUTURE: "checked_on",
	MonitoringProblem.OUTCOME_WITHOUT_CHECK_DATE: "checked_on",
	MonitoringProblem.CHECK_DATE_WITHOUT_OUTCOME: "outcome",
	MonitoringProblem.SATISFACTION_OUT_OF_RANGE: "employer_satisfaction",
	MonitoringProblem.ELSEWHERE_IS_THIS_EMPLOYER: "outcome_employer",
}


@dataclass(frozen=True)
class CheckValues:
	checked_on: date | None
	outcome: str | None
	employment_date: date | None
	placement_employer: str | None
	outcome_employer: str | None
	employer_satisfaction: int
	today: date


def check_problems(values: CheckValues) -> list[MonitoringProblem]:
	"""Every problem of a record at once, so the user fixes all of them in one pass.

	A check is Done only with both its date and its outcome; it cannot be dated before the placement
	started or after today; the employer's satisfaction is 1 to 5 (0: not assessed); and "working
	elsewhere" cannot name the placement's own employer (that is "working at this employer").
	"""
	problems = []
	if values.checked_on is not None:
		if values.employment_date is not None and values.checked_on < values.employment_date:
			problems.append(MonitoringProblem.CHECK_BEFORE_EMPLOYMENT)
		if values.checked_on > values.today:
			problems.append(MonitoringProblem.CHECK_IN_FUTURE)
		if not values.outcome:
			problems.append(MonitoringProblem.CHECK_DATE_WITHOUT_OUTCOME)
	elif values.outcome:
		problems.append(MonitoringProblem.OUTCOME_WITHOUT_CHECK_DATE)
	if values.employer_satisfaction and not (
		SATISFACTION_MIN <= values.employer_satisfaction <= SATISFACTION_MAX
	):
		problems.append(MonitoringProblem.SATISFACTION_OUT_OF_RANGE)
	if (
		values.outcome == WORKING_ELSEWHERE
		and values.outcome_employer
		and values.outcome_employer == values.placement_employer
	):
		problems.append(MonitoringProblem.ELSEWHERE_IS_THIS_EMPLOYER)
	return problems


def keeps_outcome_employer(outcome: str | None) -> bool:
	"""Only "working elsewhere" names another employer; any other outcome clears it."""
	return outcome == WORKING_ELSEWHERE
