"""Rules of the demo data: its scales, and the life of a graduate as the Center records it.

Plain values only (the loader in ``citi_employment/demo/`` turns them into records). Every story is drawn
from one ``random.Random``, so the same seed gives the same data, and every date and status is derived with
the app's own rules (``domain.monitoring``, ``domain.graduate``, ``domain.consents``), so a demo record is
one the controllers would have let through.
"""

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from citi_employment.domain import consents as consent_rules
from citi_employment.domain import monitoring as monitoring_rules
from citi_employment.domain.contracts import ContractStatus
from citi_employment.domain.errors import DomainError
from citi_employment.domain.graduate import is_minor_on, majority_date

SCALE_NAMES = ("institution", "region", "stress")
INSTITUTION, REGION, STRESS = SCALE_NAMES

DEFAULT_SEED = 20260901
# Every demo user's e-mail is in this domain: the marker of a demo record is its owner (see demo/__init__).
# ".invalid" is reserved (RFC 2606): no real mailbox, and no real user of the site, can have it.
DEMO_EMAIL_DOMAIN = "citi-demo.invalid"


class UnknownScaleError(DomainError):
	def __init__(self, scale: str):
		super().__init__(f"unknown demo scale {scale!r}")
		self.scale = scale


@dataclass(frozen=True)
class Sizes:
	"""How much a demo holds. Monitoring records follow from the placements (about 4 each, §6.2)."""

	graduates: int
	employers: int
	vacancy_requests: int
	placements: int
	years: int = 6

	def times(self, factor: int) -> "Sizes":
		return replace(
			self,
			graduates=self.graduates * factor,
			employers=self.employers * factor,
			vacancy_requests=self.vacancy_requests * factor,
			placements=self.placements * factor,
		)


_REGION = Sizes(graduates=100_000, employers=20_000, vacancy_requests=50_000, placements=150_000)
SCALES: Mapping[str, Sizes] = {
	# One college: about 80 graduates a year over six years.
	INSTITUTION: Sizes(graduates=500, employers=150, vacancy_requests=250, placements=750),
	# Every vocational college of the region on one site.
	REGION: _REGION,
	STRESS: _REGION.times(3),
}


def sizes_for(scale: str) -> Sizes:
	try:
		return SCALES[scale]
	except KeyError:
		raise UnknownScaleError(scale) from None


# --- shares ---------------------------------------------------------------------------------------------

# What a check finds while the graduate still works at the placement's employer.
WHILE_EMPLOYED_OUTCOMES: Mapping[str, float] = {
	monitoring_rules.WORKING_HERE: 0.90,
	monitoring_rules.PARENTAL_LEAVE: 0.03,
	monitoring_rules.MILITARY_SERVICE: 0.02,
	monitoring_rules.UNREACHABLE: 0.05,
}
# What the follow-up a month after a dismissal finds (the outcomes of graduates with disabilities reported
# by the regional monitoring: about half back in work, a fifth seeking).
AFTER_DISMISSAL_OUTCOMES: Mapping[str, float] = {
	monitoring_rules.WORKING_ELSEWHERE: 0.36,
	monitoring_rules.SELF_EMPLOYED: 0.06,
	monitoring_rules.INDIVIDUAL_ENTREPRENEUR: 0.02,
	monitoring_rules.CONTINUING_EDUCATION: 0.08,
	monitoring_rules.MILITARY_SERVICE: 0.05,
	monitoring_rules.PARENTAL_LEAVE: 0.05,
	monitoring_rules.NOT_WORKING_SEEKING: 0.20,
	monitoring_rules.NOT_WORKING_NOT_SEEKING: 0.10,
	monitoring_rules.UNREACHABLE: 0.08,
}
# Share of graduates who finished their studies and were placed at least once.
PLACED_SHARE = 0.82
# Share of minors among the students a college admits (they come at 15-17 after the ninth grade).
MINOR_AT_ADMISSION_SHARE = 0.55
# A check that fell due is made on time in most cases; the rest are left overdue.
CHECK_MADE_SHARE = 0.93
# A dismissed placement whose record was kept from the start has its later checks Not Applicable; one
# recorded after the dismissal never had them.
RECORDED_BEFORE_DISMISSAL_SHARE = 0.1
DISSEMINATION_SHARE = 0.3
CONSENT_TERM_YEARS = 5
DEFAULT_POLICY = monitoring_rules.SchedulePolicy()


def pick(rng: random.Random, shares: Mapping[str, float]) -> str:
	return rng.choices(tuple(shares), weights=tuple(shares.values()))[0]


def spread(rng: random.Random, total: int, most: Sequence[int]) -> list[int]:
	"""``total`` items over holders, holder ``i`` taking at most ``most[i]``: one each first (in order, while
	items last), the rest to holders drawn at random among those not yet full."""
	total = min(total, sum(most))
	counts = [0] * len(most)
	for index in [index for index, cap in enumerate(most) if cap > 0][:total]:
		counts[index] = 1
	rest = total - sum(counts)
	open_ = [index for index, cap in enumerate(most) if counts[index] < cap]
	while rest > 0:
		position = rng.randrange(len(open_))
		index = open_[position]
		counts[index] += 1
		rest -= 1
		if counts[index] == most[index]:
			open_[position] = open_[-1]
			open_.pop()
	return counts


# --- a graduate's dates ---------------------------------------------------------------------------------


def cohort_years(today: date, years: int) -> list[int]:
	"""The graduation years of the demo: the last ``years`` study ends, the current year's included."""
	return list(range(today.year - years + 1, today.year + 1))


def study_period(rng: random.Random, end_year: int) -> tuple[date, date]:
	"""Two to four years of study ending at the close of June (vocational programmes for students with
	intellectual disabilities, АООП ПО)."""
	length = rng.choice((2, 2, 3, 3, 4))
	return date(end_year - length, 9, 1), date(end_year, 6, 30)


def date_of_birth(rng: random.Random, study_start: date, minor_at_admission: bool) -> date:
	age_at_admission = rng.choice((15, 16, 17)) if minor_at_admission else rng.choice((18, 19, 20, 23, 27))
	born = date(study_start.year - age_at_admission, 1, 1) + timedelta(days=rng.randrange(0, 365))
	return born


def day_between(rng: random.Random, start: date, end: date) -> date:
	return start + timedelta(days=rng.randrange(0, max((end - start).days, 0) + 1))


# --- placements and their checks ------------------------------------------------------------------------


@dataclass(frozen=True)
class PlacementPeriod:
	employment_date: date
	dismissal_date: date | None
	recorded_before_dismissal: bool


# A job after the studies starts this many days after the study end, the next one this many days after a
# dismissal, and lasts one of these numbers of months (less up to 19 days).
FIRST_START_DAYS = (10, 120)
GAP_DAYS = (15, 100)
JOB_MONTHS = (2, 2, 3, 4, 5, 8, 10, 14, 18)
MOST_PLACEMENTS = 4
# A dismissal is on record at least this many days before today; a job that ended later is still held.
DISMISSAL_MARGIN_DAYS = 20
# The shortest job the plan makes room for: two months at most (add_months), so one always fits.
SHORTEST_JOB_DAYS = 62
# Every job length fits in this many days (18 months of 31 days).
LONGEST_JOB_DAYS = max(JOB_MONTHS) * 31
# The last job also ends in a dismissal in this share of stories. With the job lengths and
# RECORDED_BEFORE_DISMISSAL_SHARE it sets how many checks a placement has: about four, as a region's 600,000
# monitoring records for 150,000 placements (tests/domain/test_demo.py holds the plan to it).
LAST_JOB_ENDED_SHARE = 0.4


def placement_capacity(study_end: date, today: date, most: int = MOST_PLACEMENTS) -> int:
	"""How many jobs one after another fit between the study end and today (``placement_periods``)."""
	first = study_end + timedelta(days=FIRST_START_DAYS[0])
	if first >= today:
		return 0
	deadline = today - timedelta(days=DISMISSAL_MARGIN_DAYS)
	step = SHORTEST_JOB_DAYS + GAP_DAYS[0]
	# The jobs before the last end before the deadline: the first needs a job's length, each next one a gap more.
	earlier = (deadline - first).days - 1 - SHORTEST_JOB_DAYS
	return min(most, 1 + (earlier // step + 1 if earlier >= 0 else 0))


def placement_periods(rng: random.Random, study_end: date, today: date, count: int) -> list[PlacementPeriod]:
	"""``count`` jobs one after another from the study end (as many as fit, ``placement_capacity``); all but
	the last end in a dismissal before today. A job is made shorter, and a gap narrower, only where the time
	left would not hold the jobs still to come."""
	count = min(count, placement_capacity(study_end, today))
	if count <= 0:
		return []
	deadline = today - timedelta(days=DISMISSAL_MARGIN_DAYS)
	step = timedelta(days=SHORTEST_JOB_DAYS + GAP_DAYS[0])
	shortest = timedelta(days=SHORTEST_JOB_DAYS)

	def latest_start(index: int) -> date:
		"""The latest start of job ``index`` that leaves room for the dismissals of the jobs after it."""
		if index == count - 1:
			return today - timedelta(days=1)
		return deadline - timedelta(days=1) - shortest - step * (count - 2 - index)

	start = _day_in(rng, study_end, FIRST_START_DAYS, latest_start(0))
	periods = []
	for index in range(count):
		last = index == count - 1
		dismissal = None
		if not last:
			# The start left at least the shortest job before this limit, and two months always fit in it.
			limit = deadline - timedelta(days=1) - step * (count - 2 - index)
			months = (
				JOB_MONTHS
				if (limit - start).days >= LONGEST_JOB_DAYS
				else [m for m in JOB_MONTHS if monitoring_rules.add_months(start, m) <= limit]
			)
			dismissal = monitoring_rules.add_months(start, rng.choice(months)) - timedelta(
				days=rng.randrange(0, 20)
			)
		elif rng.random() < LAST_JOB_ENDED_SHARE:
			candidate = monitoring_rules.add_months(start, rng.choice(JOB_MONTHS)) - timedelta(
				days=rng.randrange(0, 20)
			)
			if candidate < deadline:
				dismissal = candidate
		periods.append(
			PlacementPeriod(
				start, dismissal, dismissal is not None and rng.random() < RECORDED_BEFORE_DISMISSAL_SHARE
			)
		)
		if not last:
			start = _day_in(rng, dismissal, GAP_DAYS, latest_start(index + 1))
	return periods


def _day_in(rng: random.Random, after: date, days: tuple[int, int], latest: date) -> date:
	"""A day ``days`` after ``after`` (the upper bound excluded), no later than ``latest``."""
	most = min(days[1] - 1, (latest - after).days)
	return after + timedelta(days=rng.randint(days[0], max(days[0], most)))


@dataclass(frozen=True)
class Check:
	"""A monitoring record as the schedule made it and the specialist completed it."""

	checkpoint: int
	due_date: date
	status: str
	is_follow_up: bool
	checked_on: date | None = None
	outcome: str | None = None
	method: str | None = None
	employer_satisfaction: int = 0
	employer_complaints: bool = False


def scheduled_checks(
	period: PlacementPeriod, today: date, policy: monitoring_rules.SchedulePolicy = DEFAULT_POLICY
) -> tuple:
	"""The checks the schedule (``monitoring.plan_schedule``) made when the placement was recorded: before
	the dismissal, every checkpoint; after it, those due by the dismissal."""
	dismissal = None if period.recorded_before_dismissal else period.dismissal_date
	return monitoring_rules.plan_schedule(period.employment_date, dismissal, (), policy, today).create


def plan_checks(
	rng: random.Random,
	period: PlacementPeriod,
	today: date,
	policy: monitoring_rules.SchedulePolicy = DEFAULT_POLICY,
) -> list[Check]:
	"""The placement's checks (``scheduled_checks``), each made or not as the days went by."""
	dismissal = period.dismissal_date
	checks = []
	for months, due, _status in scheduled_checks(period, today, policy):
		after_dismissal = dismissal is not None and due > dismissal
		if after_dismissal:
			checks.append(Check(months, due, monitoring_rules.NOT_APPLICABLE, False))
			continue
		checks.append(_made_or_not(rng, months, due, today, period, WHILE_EMPLOYED_OUTCOMES, False, policy))
	if dismissal is not None:
		due = monitoring_rules.add_months(dismissal, monitoring_rules.FOLLOW_UP_MONTHS)
		checks.append(
			_made_or_not(
				rng, monitoring_rules.AD_HOC, due, today, period, AFTER_DISMISSAL_OUTCOMES, True, policy
			)
		)
	return checks


def _made_or_not(
	rng: random.Random,
	months: int,
	due: date,
	today: date,
	period: PlacementPeriod,
	outcomes: Mapping[str, float],
	follow_up: bool,
	policy: monitoring_rules.SchedulePolicy,
) -> Check:
	checked_on = due + timedelta(days=rng.randrange(-3, 10))
	checked_on = max(checked_on, period.employment_date)
	if checked_on > today or rng.random() > CHECK_MADE_SHARE:
		status = monitoring_rules.status_by_date(due, today, policy.due_lead_days, policy.overdue_grace_days)
		return Check(months, due, status, follow_up)
	outcome = pick(rng, outcomes)
	method = rng.choice(monitoring_rules.METHODS)
	at_employer = outcome == monitoring_rules.WORKING_HERE
	satisfaction = rng.choice((3, 4, 4, 5, 5, 5)) if at_employer and rng.random() < 0.6 else 0
	return Check(
		months,
		due,
		monitoring_rules.DONE,
		follow_up,
		checked_on,
		outcome,
		method,
		satisfaction,
		at_employer and satisfaction == 3 and rng.random() < 0.5,
	)


def latest_outcome(checks: Sequence[Check], informative_only: bool = False) -> Check | None:
	"""The latest Done check (by check date, then by order of entry), as ``monitoring.derived`` reads it."""
	allowed = monitoring_rules.INFORMATIVE_OUTCOMES if informative_only else monitoring_rules.OUTCOMES
	done = [
		(check.checked_on, index, check)
		for index, check in enumerate(checks)
		if check.status == monitoring_rules.DONE and check.outcome in allowed
	]
	return max(done, key=lambda item: (item[0], item[1]))[2] if done else None


# --- the plan of a load ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GraduatePlan:
	"""What is settled about a graduate before the records are made: the studies, the jobs, a revocation."""

	study_start: date
	study_end: date
	periods: tuple[PlacementPeriod, ...]
	revoke: bool


def plan_graduates(sizes: Sizes, seed: int, today: date) -> list[GraduatePlan]:
	"""The graduates of a load, from their own generator (``seed``): equal cohorts over ``sizes.years``;
	``PLACED_SHARE`` of those who finished in time to be placed hold ``sizes.placements`` jobs between them
	(each as many as fit since the study end); one in a hundred revokes the consent."""
	rng = random.Random(seed)
	years = cohort_years(today, sizes.years)
	studies = [study_period(rng, years[index % len(years)]) for index in range(sizes.graduates)]
	capacity = [placement_capacity(end, today) for _start, end in studies]
	can_be_placed = [index for index, most in enumerate(capacity) if most]
	placed = sorted(rng.sample(can_be_placed, round(len(can_be_placed) * PLACED_SHARE)))
	counts = dict(
		zip(placed, spread(rng, sizes.placements, [capacity[index] for index in placed]), strict=True)
	)
	revoking = set(rng.sample(range(sizes.graduates), min(sizes.graduates, max(3, sizes.graduates // 100))))
	return [
		GraduatePlan(
			start,
			end,
			tuple(placement_periods(rng, end, today, counts.get(index, 0))),
			index in revoking,
		)
		for index, (start, end) in enumerate(studies)
	]


# --- consents -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConsentPlan:
	kind: str
	signer: str
	signed_on: date
	valid_until: date | None
	status: str
	revocation_received_on: date | None = None
	destruction_due_on: date | None = None


def consent_plans(
	rng: random.Random, born: date, study_start: date, today: date, revoke: bool, destruction_days: int
) -> list[ConsentPlan]:
	"""The consents of one graduate, signed at admission (by a representative for a minor) and renewed by the
	graduate at 18; a dissemination consent for some; a revocation for a few."""
	signed = min(study_start + timedelta(days=rng.randrange(0, 20)), today)
	plans = [_signed(consent_rules.PROCESSING, born, signed, today)]
	if plans[0].signer == consent_rules.LEGAL_REPRESENTATIVE:
		own = majority_date(born) + timedelta(days=rng.randrange(5, 60))
		if own <= today and rng.random() < 0.8:
			plans[0] = replace(plans[0], status=consent_rules.SUPERSEDED)
			plans.append(_signed(consent_rules.PROCESSING, born, own, today))
	if rng.random() < DISSEMINATION_SHARE:
		plans.append(_signed(consent_rules.DISSEMINATION, born, signed + timedelta(days=1), today))
	if revoke:
		active = [
			plan
			for plan in plans
			if plan.kind == consent_rules.PROCESSING
			and plan.status
			in (
				consent_rules.ACTIVE,
				consent_rules.EXPIRED,
			)
		]
		if active:
			current = active[-1]
			received = day_between(rng, max(current.signed_on, today - timedelta(days=400)), today)
			revoked = replace(
				current,
				status=consent_rules.REVOKED,
				revocation_received_on=received,
				destruction_due_on=consent_rules.destruction_due_on(received, destruction_days),
			)
			plans = [
				revoked
				if plan is current
				else (
					replace(plan, status=consent_rules.REVOKED, revocation_received_on=received)
					if plan.kind == consent_rules.DISSEMINATION and plan.status == consent_rules.ACTIVE
					else plan
				)
				for plan in plans
			]
	return plans


def _signed(kind: str, born: date, signed_on: date, today: date) -> ConsentPlan:
	signer = consent_rules.LEGAL_REPRESENTATIVE if is_minor_on(born, signed_on) else consent_rules.SUBJECT
	valid_until = date(signed_on.year + CONSENT_TERM_YEARS, signed_on.month, min(signed_on.day, 28))
	status = consent_rules.EXPIRED if consent_rules.is_expired(valid_until, today) else consent_rules.ACTIVE
	return ConsentPlan(kind, signer, signed_on, valid_until, status)


# --- contracts ------------------------------------------------------------------------------------------

CONTRACT_SHARES: Mapping[str, float] = {
	ContractStatus.ACTIVE.value: 0.86,
	ContractStatus.TERMINATED.value: 0.04,
	ContractStatus.REJECTED.value: 0.03,
	ContractStatus.PENDING_APPROVAL.value: 0.04,
	ContractStatus.DRAFT.value: 0.03,
}
# Approved into the journal, so numbered (§5.4); the rest never got a number.
REGISTERED_STATUSES = frozenset(
	(
		ContractStatus.ACTIVE.value,
		ContractStatus.EXPIRING_SOON.value,
		ContractStatus.EXPIRED.value,
		ContractStatus.TERMINATED.value,
	)
)
# Statuses a demo shows at least once, whatever the size (one contract each is steered there).
SHOWN_CONTRACT_STATUSES = (
	ContractStatus.DRAFT.value,
	ContractStatus.PENDING_APPROVAL.value,
	ContractStatus.REJECTED.value,
	ContractStatus.TERMINATED.value,
	ContractStatus.EXPIRING_SOON.value,
)


@dataclass(frozen=True)
class ContractPlan:
	status: str
	signed_on: date | None
	valid_from: date
	valid_to: date
	terminated_on: date | None = None
	registered_on: date | None = None


def contract_plan(
	rng: random.Random,
	valid_from: date,
	valid_to: date,
	today: date,
	warning_days: int = 30,
	wanted: str | None = None,
) -> ContractPlan:
	"""A contract's course: signed shortly before it starts, approved (registered) two days later, then in
	force until it expires or is terminated, as the daily job moves it (``contracts.expiry_change``).
	``wanted`` steers it to that status, moving its dates where the status needs them."""
	term = valid_to - valid_from
	if wanted == ContractStatus.EXPIRING_SOON.value:
		valid_to = today + timedelta(days=rng.randrange(1, warning_days))
		valid_from = valid_to - term
	elif wanted in (
		ContractStatus.DRAFT.value,
		ContractStatus.PENDING_APPROVAL.value,
		ContractStatus.REJECTED.value,
	):
		valid_from = today + timedelta(days=rng.randrange(20, 60))
		valid_to = valid_from + term
	elif wanted == ContractStatus.TERMINATED.value and valid_from > today - timedelta(days=90):
		valid_from = today - timedelta(days=rng.randrange(90, 300))
		valid_to = valid_from + term
	signed = valid_from - timedelta(days=rng.randrange(1, 20))
	if wanted:
		status = wanted
	elif signed > today:
		status = ContractStatus.DRAFT.value
	else:
		status = pick(rng, CONTRACT_SHARES)
	if status == ContractStatus.DRAFT.value:
		return ContractPlan(status, None, valid_from, valid_to)
	if status in (ContractStatus.PENDING_APPROVAL.value, ContractStatus.REJECTED.value):
		return ContractPlan(status, min(signed, today), valid_from, valid_to)
	registered = min(signed + timedelta(days=2), today)
	terminated = None
	if status == ContractStatus.TERMINATED.value and (min(valid_to, today) - registered).days > 30:
		terminated = registered + timedelta(days=rng.randrange(30, (min(valid_to, today) - registered).days))
	elif valid_to < today:
		status = ContractStatus.EXPIRED.value
	elif (valid_to - today).days <= warning_days:
		status = ContractStatus.EXPIRING_SOON.value
	else:
		status = ContractStatus.ACTIVE.value
	return ContractPlan(status, signed, valid_from, valid_to, terminated, registered)
