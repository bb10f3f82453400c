"""How the analytical reports shape their figures (§2.2, §2.4, §3.6 «отчёты сотрудников Центра», §6.2).

The figures are counted in SQL by ``citi_employment.reporting`` (one query per block); this module turns
those plain rows into what the reports show and the Annual Report stores: pivots, shares, gaps, cohorts,
totals and chart series. It also holds the rules for report filters (a date, a choice, a period whose end
is not before its start), so a bad filter is refused the same way everywhere.

Plain values in, plain values out: rows are mappings with the keys each function names, and
the results are lists of plain dicts, so they go as they are into a report's data or a child table.
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from enum import Enum

from citi_employment.domain import graduate as graduate_rules
from citi_employment.domain import monitoring
from citi_employment.domain import vacancies as vacancy_rules
from citi_employment.domain import work_plan as plan_rules
from citi_employment.domain.contracts import ContractStatus
from citi_employment.domain.dates import date_or_none
from citi_employment.domain.errors import DomainError

# --- filters --------------------------------------------------------------------------------------------

# A year outside this range is a typo, not a year the Center has data for.
MIN_YEAR = 1990
MAX_YEAR = 2100
# Text filters are names and short phrases; anything longer is not a value a user typed into a filter.
MAX_TEXT_LENGTH = 140
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T][0-9:.]*)?$")


class FilterProblem(str, Enum):
	"""Why a report filter is refused; stable codes the reports word and tests rely on."""

	NOT_A_DATE = "not_a_date"
	NOT_A_NUMBER = "not_a_number"
	NOT_TEXT = "not_text"
	OUT_OF_RANGE = "out_of_range"
	UNKNOWN_VALUE = "unknown_value"
	PERIOD_ORDER = "period_order"


class FilterError(DomainError):
	"""A report filter broke a rule. Only the filter's key is kept, never the value (it may be anything)."""

	def __init__(self, field: str, problem: FilterProblem) -> None:
		self.field = field
		self.problem = problem
		super().__init__(f"{field}: {problem.value}")

	def __reduce__(self):
		return type(self), (self.field, self.problem)


def is_blank(value: object) -> bool:
	return value is None or (isinstance(value, str) and not value.strip())


def parse_date(value: object, field: str) -> date | None:
	"""A date filter: empty, a date, or the ISO text the desk's date picker sends ("2026-03-05")."""
	if is_blank(value):
		return None
	if isinstance(value, date):
		# A date or a datetime: its day, as everywhere in the app.
		return date_or_none(value)
	match = ISO_DATE.match(value.strip()) if isinstance(value, str) else None
	if not match:
		raise FilterError(field, FilterProblem.NOT_A_DATE)
	try:
		return date(*(int(part) for part in match.groups()))
	except ValueError:
		raise FilterError(field, FilterProblem.NOT_A_DATE)


def parse_int(value: object, field: str, minimum: int, maximum: int) -> int | None:
	"""A whole-number filter within its range; "6" and 6 are the same, "6 months" or 6.5 are not numbers."""
	if is_blank(value):
		return None
	if isinstance(value, bool):
		raise FilterError(field, FilterProblem.NOT_A_NUMBER)
	if isinstance(value, float) and value.is_integer():
		value = int(value)
	if isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,9}\s*", value):
		value = int(value)
	if not isinstance(value, int):
		raise FilterError(field, FilterProblem.NOT_A_NUMBER)
	if not minimum <= value <= maximum:
		raise FilterError(field, FilterProblem.OUT_OF_RANGE)
	return value


def parse_year(value: object, field: str) -> int | None:
	return parse_int(value, field, MIN_YEAR, MAX_YEAR)


def parse_choice(value: object, field: str, choices: Iterable[str]) -> str | None:
	"""A select filter: empty, or exactly one of the values the report knows."""
	if is_blank(value):
		return None
	if not isinstance(value, str) or value not in tuple(choices):
		raise FilterError(field, FilterProblem.UNKNOWN_VALUE)
	return value


def parse_text(value: object, field: str) -> str | None:
	"""A free-text or link filter: one short string (a list or a dict is not a value)."""
	if is_blank(value):
		return None
	if isinstance(value, int) and not isinstance(value, bool):
		value = str(value)
	if not isinstance(value, str):
		raise FilterError(field, FilterProblem.NOT_TEXT)
	value = value.strip()
	if len(value) > MAX_TEXT_LENGTH:
		raise FilterError(field, FilterProblem.OUT_OF_RANGE)
	return value


def check_period(start: date | int | None, end: date | int | None, end_field: str) -> None:
	"""A period (of dates or of years) may be open at either end, but its end may not come before its start."""
	if start is not None and end is not None and end < start:
		raise FilterError(end_field, FilterProblem.PERIOD_ORDER)


def year_bounds(year: int) -> tuple[date, date]:
	return date(year, 1, 1), date(year, 12, 31)


# --- shares ---------------------------------------------------------------------------------------------


def percent(part: int | float | None, whole: int | float | None) -> float | None:
	"""``part`` as a percentage of ``whole``, one decimal; None when there is nothing to divide by (a share
	of nobody is not 0 %)."""
	if not whole:
		return None
	return round(100.0 * (part or 0) / whole, 1)


def field_key(value: str) -> str:
	"""A value turned into a column name: "Not Working, Seeking" → "not_working_seeking"."""
	return re.sub(r"[^0-9a-z]+", "_", value.lower()).strip("_")


def as_int(value: object) -> int:
	"""SQL sums come back as Decimal or None; a count is a whole number."""
	return int(value or 0)


# --- graduate outcomes (§6.2: the regional committee's table) ------------------------------------------

# "Still working" is defined once, here: the outcomes after which the graduate's employment status is
# Employed (domain.monitoring.OUTCOME_EMPLOYMENT_STATUS) — working at the placement's employer, working
# elsewhere, self-employed (НПД) or an individual entrepreneur. Continuing education, military service,
# parental leave, not working and unreachable are not working.
STILL_WORKING_OUTCOMES = tuple(
	outcome
	for outcome, status in monitoring.OUTCOME_EMPLOYMENT_STATUS.items()
	if status == graduate_rules.EMPLOYED
)
OUTCOME_CATEGORIES = monitoring.OUTCOMES
# A graduate with no recorded check at the chosen checkpoint (never placed, or not yet checked).
NOT_CHECKED = "Not Checked"


def outcome_key(outcome: str) -> str:
	return field_key(outcome)


def outcome_table(
	graduate_counts: Iterable[Mapping], outcome_counts: Iterable[Mapping]
) -> list[dict[str, object]]:
	"""Graduation year × profession rows of the outcome table.

	``graduate_counts``: rows of ``year``, ``profession``, ``graduates`` (every graduate of that year and
	profession); ``outcome_counts``: rows of ``year``, ``profession``, ``outcome``, ``graduates`` (each
	graduate counted once, by the latest check at the chosen checkpoint).

	Each result row has ``year``, ``profession``, ``graduates``, one key per outcome (``outcome_key``),
	``checked``, ``not_checked`` (graduates without a check at that checkpoint), ``working`` (still working,
	see STILL_WORKING_OUTCOMES) and ``working_share`` (percent of the graduates). Sorted by year, then
	profession; a missing year or profession sorts last.
	"""
	rows: dict[tuple, dict[str, object]] = {}

	def row_of(year, profession) -> dict[str, object]:
		key = (year, profession)
		if key not in rows:
			rows[key] = {"year": year, "profession": profession, "graduates": 0}
			rows[key].update({outcome_key(outcome): 0 for outcome in OUTCOME_CATEGORIES})
		return rows[key]

	for count in graduate_counts:
		row_of(count["year"], count["profession"])["graduates"] += as_int(count["graduates"])
	for count in outcome_counts:
		if count["outcome"] not in OUTCOME_CATEGORIES:
			continue
		row_of(count["year"], count["profession"])[outcome_key(count["outcome"])] += as_int(
			count["graduates"]
		)
	result = [finish_outcome_row(row) for row in rows.values()]
	return sorted(
		result, key=lambda row: (row["year"] is None, row["year"] or 0, sort_text(row["profession"]))
	)


def finish_outcome_row(row: dict[str, object]) -> dict[str, object]:
	checked = sum(row[outcome_key(outcome)] for outcome in OUTCOME_CATEGORIES)
	working = sum(row[outcome_key(outcome)] for outcome in STILL_WORKING_OUTCOMES)
	# Both counts come from the same graduates; should a graduate row be missing, the checks still count.
	row["graduates"] = max(row["graduates"], checked)
	row["checked"] = checked
	row["not_checked"] = row["graduates"] - checked
	row["working"] = working
	row["working_share"] = percent(working, row["graduates"])
	return row


def outcome_totals(rows: Iterable[Mapping]) -> dict[str, object]:
	"""The table's total row: every count summed, the share recomputed from the sums."""
	total: dict[str, object] = {"year": None, "profession": None, "graduates": 0}
	total.update({outcome_key(outcome): 0 for outcome in OUTCOME_CATEGORIES})
	for row in rows:
		total["graduates"] += row["graduates"]
		for outcome in OUTCOME_CATEGORIES:
			total[outcome_key(outcome)] += row[outcome_key(outcome)]
	return finish_outcome_row(total)


def outcome_chart(rows: Sequence[Mapping]) -> dict[str, object] | None:
	"""Graduates by outcome per graduation year (stacked): ``labels`` (years) and ``datasets`` of
	(outcome or NOT_CHECKED, counts per year); only outcomes someone has. None when there is no graduate."""
	years = sorted({row["year"] for row in rows if row["year"] is not None})
	if not years:
		return None
	by_year: dict[int, dict[str, int]] = {year: defaultdict(int) for year in years}
	for row in rows:
		if row["year"] is None:
			continue
		for outcome in OUTCOME_CATEGORIES:
			by_year[row["year"]][outcome] += row[outcome_key(outcome)]
		by_year[row["year"]][NOT_CHECKED] += row["not_checked"]
	datasets = []
	for category in (*OUTCOME_CATEGORIES, NOT_CHECKED):
		values = [by_year[year][category] for year in years]
		if any(values):
			datasets.append((category, values))
	return {"labels": [str(year) for year in years], "datasets": datasets} if datasets else None


# --- employment retention (§6.2 «длительность периода трудоустройства») ---------------------------------


def checkpoint_key(prefix: str, months: int) -> str:
	"""The column of one checkpoint: ``checkpoint_key("working", 6)`` → "working_6"."""
	return f"{prefix}_{months}"


def retention_table(rows: Iterable[Mapping], checkpoints: Sequence[int]) -> list[dict[str, object]]:
	"""Cohorts by month of employment × checkpoint.

	Each SQL row has ``cohort`` ("2026-03"), ``placed``, ``overdue`` and, per checkpoint ``c``,
	``reached_c`` (placements whose checkpoint date has come by the report's date), ``checked_c`` (done
	checks of those) and ``working_c`` (done checks whose outcome is still working).

	The share at a checkpoint is ``working / reached``: a placement whose check is not yet done, or no longer
	applies because the graduate was dismissed, is not counted as still working — the figure says what the
	Center knows, not a guess; the overdue count says how much is still to be checked. A checkpoint that no
	placement of the cohort has reached has no share (None), not 0 %.
	"""
	result = []
	for row in rows:
		shaped: dict[str, object] = {
			"cohort": row["cohort"],
			"placed": as_int(row["placed"]),
			"overdue": as_int(row.get("overdue")),
		}
		for months in checkpoints:
			add_checkpoint_figures(shaped, row, months)
		result.append(shaped)
	return sorted(result, key=lambda row: row["cohort"] or "")


def add_checkpoint_figures(shaped: dict[str, object], row: Mapping, months: int) -> None:
	reached = as_int(row.get(checkpoint_key("reached", months)))
	working = as_int(row.get(checkpoint_key("working", months)))
	shaped[checkpoint_key("reached", months)] = reached
	shaped[checkpoint_key("checked", months)] = as_int(row.get(checkpoint_key("checked", months)))
	shaped[checkpoint_key("working", months)] = working
	shaped[checkpoint_key("share", months)] = percent(working, reached)


def retention_totals(rows: Iterable[Mapping], checkpoints: Sequence[int]) -> dict[str, object]:
	"""All cohorts together, the shares recomputed from the summed counts (not averaged)."""
	keys = ["placed", "overdue"] + [
		checkpoint_key(prefix, months)
		for months in checkpoints
		for prefix in ("reached", "checked", "working")
	]
	summed = {key: 0 for key in keys}
	for row in rows:
		for key in keys:
			summed[key] += as_int(row.get(key))
	total: dict[str, object] = {"cohort": None, "placed": summed["placed"], "overdue": summed["overdue"]}
	for months in checkpoints:
		add_checkpoint_figures(total, summed, months)
	return total


def retention_chart(total: Mapping, checkpoints: Sequence[int]) -> dict[str, object] | None:
	"""The share still working at each checkpoint reached by anyone: ``labels`` (months) and ``values``."""
	reached = [months for months in checkpoints if total.get(checkpoint_key("reached", months))]
	if not reached:
		return None
	return {
		"labels": reached,
		"values": [total[checkpoint_key("share", months)] for months in reached],
	}


# --- employer data bank (§2.2 «Банк данных» потенциальных и фактических работодателей) ------------------

POTENTIAL = "Potential"
ACTIVE_PARTNER = "Active Partner"
INACTIVE = "Inactive"
EMPLOYER_STATUSES = (POTENTIAL, ACTIVE_PARTNER, INACTIVE)
REGIONS = ("Saint Petersburg", "Leningrad Oblast", "Other")
# The data bank lists employers one by one, or sums them by region or by activity.
BY_EMPLOYER = "Employer"
BY_REGION = "Region"
BY_ACTIVITY = "Activity"
EMPLOYER_GROUPINGS = (BY_EMPLOYER, BY_REGION, BY_ACTIVITY)
EMPLOYER_COUNTS = (
	"employers",
	"potential",
	"active_partners",
	"inactive",
	"contracts",
	"contracts_in_force",
	"requests",
	"positions",
	"placements",
)


def employer_bank_rows(rows: Iterable[Mapping]) -> list[dict[str, object]]:
	"""The SQL rows with every count a whole number (an employer with nothing linked has 0, not None)."""
	result = []
	for row in rows:
		shaped = dict(row)
		for key in EMPLOYER_COUNTS:
			if key in shaped:
				shaped[key] = as_int(shaped[key])
		result.append(shaped)
	return result


def employer_bank_totals(rows: Iterable[Mapping]) -> dict[str, object]:
	"""Employers by status and their contracts, requests and placements, summed over the rows; the latest
	contact of all."""
	total: dict[str, object] = {key: 0 for key in EMPLOYER_COUNTS}
	last_contact = None
	for row in rows:
		for key in EMPLOYER_COUNTS:
			total[key] += as_int(row.get(key))
		contact = row.get("last_contact_on")
		if contact and (last_contact is None or contact > last_contact):
			last_contact = contact
	total["last_contact_on"] = last_contact
	return total


def employer_region_chart(rows: Iterable[Mapping]) -> dict[str, object] | None:
	"""Employers per region, one series per status: ``labels`` (regions, a missing one as None) and
	``datasets`` of (status, counts)."""
	counts: dict[object, dict[str, int]] = {}
	for row in rows:
		region = row.get("region") or None
		bucket = counts.setdefault(region, defaultdict(int))
		bucket[POTENTIAL] += as_int(row.get("potential"))
		bucket[ACTIVE_PARTNER] += as_int(row.get("active_partners"))
		bucket[INACTIVE] += as_int(row.get("inactive"))
	if not counts:
		return None
	regions = sorted(
		counts, key=lambda region: (region is None, REGIONS.index(region) if region in REGIONS else 99)
	)
	datasets = [(status, [counts[region][status] for region in regions]) for status in EMPLOYER_STATUSES]
	return {"labels": regions, "datasets": [dataset for dataset in datasets if any(dataset[1])]}


# --- contract journal (§3.6 journals, §5.4 register) ---------------------------------------------------

# In the order of the contract's workflow (and of its Status options).
CONTRACT_STATUSES = tuple(status.value for status in ContractStatus)
CONTRACTS_IN_FORCE = (ContractStatus.ACTIVE.value, ContractStatus.EXPIRING_SOON.value)
MAX_EXPIRY_DAYS = 3650
BY_JOURNAL = "By Journal"
EXPIRING = "Expiring Contracts"
CONTRACT_VIEWS = (BY_JOURNAL, EXPIRING)


def status_key(status: str) -> str:
	return field_key(status)


def journal_table(rows: Iterable[Mapping]) -> list[dict[str, object]]:
	"""Rows of ``journal``, ``status``, ``contracts``, ``expiring`` → one row per journal with a count per
	status (``status_key``), ``total``, ``in_force`` and ``expiring`` (in force and ending within the days
	asked)."""
	journals: dict[str, dict[str, object]] = {}
	for row in rows:
		shaped = journals.setdefault(
			row["journal"],
			{"journal": row["journal"], **{status_key(status): 0 for status in CONTRACT_STATUSES}},
		)
		if row["status"] in CONTRACT_STATUSES:
			shaped[status_key(row["status"])] += as_int(row["contracts"])
		shaped["expiring"] = shaped.get("expiring", 0) + as_int(row.get("expiring"))
	result = []
	for shaped in journals.values():
		shaped.setdefault("expiring", 0)
		shaped["total"] = sum(shaped[status_key(status)] for status in CONTRACT_STATUSES)
		shaped["in_force"] = sum(shaped[status_key(status)] for status in CONTRACTS_IN_FORCE)
		result.append(shaped)
	return sorted(result, key=lambda row: sort_text(row["journal"]))


def journal_totals(rows: Iterable[Mapping]) -> dict[str, object]:
	keys = [status_key(status) for status in CONTRACT_STATUSES] + ["total", "in_force", "expiring"]
	total: dict[str, object] = {"journal": None, **{key: 0 for key in keys}}
	for row in rows:
		for key in keys:
			total[key] += as_int(row.get(key))
	return total


def days_left(day: date | None, today: date) -> int | None:
	"""Days from ``today`` to ``day`` (negative once it has passed)."""
	return (day - today).days if day else None


def expiring_rows(rows: Iterable[Mapping], today: date) -> list[dict[str, object]]:
	"""The contracts ending soon, each with ``days_left``, the soonest first."""
	result = [{**row, "days_left": days_left(row.get("valid_to"), today)} for row in rows]
	return sorted(
		result, key=lambda row: (row["valid_to"] or date.max, sort_text(row.get("registration_number")))
	)


# --- profession demand (§2.2: in-demand professions, for planning courses) -----------------------------

YEAR = "Year"
QUARTER = "Quarter"
MONTH = "Month"
GRANULARITIES = (YEAR, QUARTER, MONTH)
# Requests for jobs and for targeted training say what the region's employers need; a practice request asks
# for students on placement, not for workers.
REQUEST_KINDS = vacancy_rules.KINDS
DEMAND_KINDS = (vacancy_rules.EMPLOYMENT, vacancy_rules.TARGETED_TRAINING)
# A draft is not yet accepted (a guest's online form), a cancelled request never was a need.
NOT_DEMAND_STATUSES = (vacancy_rules.DRAFT, vacancy_rules.CANCELLED)


def period_label(year: int | None, part: int | None, granularity: str) -> str | None:
	"""The period a row belongs to: "2026", "2026-Q1" or "2026-03"."""
	if year is None:
		return None
	year = int(year)
	if granularity == QUARTER and part:
		return f"{year}-Q{int(part)}"
	if granularity == MONTH and part:
		return f"{year}-{int(part):02d}"
	return str(year)


def demand_table(
	demand: Iterable[Mapping], supply: Iterable[Mapping], granularity: str
) -> list[dict[str, object]]:
	"""Positions requested vs graduates seeking work, per profession and period, and the gap.

	``demand`` rows: ``profession``, ``year``, ``part`` (quarter or month, or 0), ``requests``,
	``positions``, ``filled``; ``supply`` rows: ``profession``, ``year``, ``part``, ``graduates`` (finishing
	their studies in the period) and ``seeking`` (of those, seeking work now).

	``gap`` = positions − seeking: above 0, employers ask for more people than the Center has looking for
	work in that profession (a course to plan); below 0, more graduates seek work than positions are asked.
	"""
	rows: dict[tuple, dict[str, object]] = {}

	def row_of(source: Mapping) -> dict[str, object]:
		period = period_label(source["year"], source.get("part"), granularity)
		key = (source["profession"], period)
		if key not in rows:
			rows[key] = {
				"profession": source["profession"],
				"period": period,
				"requests": 0,
				"positions": 0,
				"filled": 0,
				"graduates": 0,
				"seeking": 0,
			}
		return rows[key]

	for source in demand:
		row = row_of(source)
		for key in ("requests", "positions", "filled"):
			row[key] += as_int(source.get(key))
	for source in supply:
		row = row_of(source)
		for key in ("graduates", "seeking"):
			row[key] += as_int(source.get(key))
	for row in rows.values():
		row["gap"] = row["positions"] - row["seeking"]
	return sorted(rows.values(), key=lambda row: (sort_text(row["profession"]), row["period"] or ""))


def demand_totals(rows: Iterable[Mapping]) -> dict[str, object]:
	keys = ("requests", "positions", "filled", "graduates", "seeking")
	total: dict[str, object] = {key: 0 for key in keys}
	by_profession: dict[object, int] = defaultdict(int)
	for row in rows:
		for key in keys:
			total[key] += as_int(row.get(key))
		by_profession[row["profession"]] += as_int(row.get("positions")) - as_int(row.get("seeking"))
	professions_short = {profession for profession, gap in by_profession.items() if gap > 0}
	total["gap"] = total["positions"] - total["seeking"]
	# Professions where, over the whole period, more positions were asked than graduates seek work.
	total["professions_short"] = len(professions_short)
	return total


def demand_chart(rows: Iterable[Mapping]) -> dict[str, object] | None:
	"""Positions requested and graduates seeking work per profession, summed over the periods."""
	positions: dict[object, int] = defaultdict(int)
	seeking: dict[object, int] = defaultdict(int)
	for row in rows:
		positions[row["profession"]] += as_int(row.get("positions"))
		seeking[row["profession"]] += as_int(row.get("seeking"))
	professions = sorted(positions, key=sort_text)
	if not professions:
		return None
	return {
		"labels": professions,
		"positions": [positions[profession] for profession in professions],
		"seeking": [seeking[profession] for profession in professions],
	}


# --- consent register (152-ФЗ) -----------------------------------------------------------------------------

CONSENT_KINDS = ("Processing", "Dissemination")
CONSENT_STATUSES = ("Draft", "Active", "Superseded", "Revoked", "Expired", "Cancelled")
BY_KIND_AND_STATUS = "By Kind and Status"
REVOCATIONS = "Revocations"
COMING_OF_AGE = "Coming of Age"
CONSENT_VIEWS = (BY_KIND_AND_STATUS, REVOCATIONS, COMING_OF_AGE)
# The Center asks for the graduate's own consent when a minor turns 18 (ГК РФ ст. 21); the register looks
# this far ahead.
COMING_OF_AGE_DAYS = 90
DESTROYED = "Destroyed"
AWAITING = "Awaiting Destruction"
DESTRUCTION_OVERDUE = "Destruction Overdue"


def consent_table(rows: Iterable[Mapping]) -> list[dict[str, object]]:
	"""Rows of ``kind``, ``status``, ``consents`` → one row per kind with a count per status and ``total``."""
	kinds: dict[str, dict[str, object]] = {}
	for row in rows:
		shaped = kinds.setdefault(
			row["kind"], {"kind": row["kind"], **{status_key(status): 0 for status in CONSENT_STATUSES}}
		)
		if row["status"] in CONSENT_STATUSES:
			shaped[status_key(row["status"])] += as_int(row["consents"])
	for shaped in kinds.values():
		shaped["total"] = sum(shaped[status_key(status)] for status in CONSENT_STATUSES)
	order = {kind: index for index, kind in enumerate(CONSENT_KINDS)}
	return sorted(kinds.values(), key=lambda row: (order.get(row["kind"], 99), sort_text(row["kind"])))


def destruction_state(due_on: date | None, destroyed_on: date | None, today: date) -> str:
	"""Where a revoked consent's data stands: destroyed, awaiting destruction, or past its deadline
	(152-ФЗ ст. 21 ч. 5)."""
	if destroyed_on:
		return DESTROYED
	if due_on and due_on < today:
		return DESTRUCTION_OVERDUE
	return AWAITING


def revocation_rows(rows: Iterable[Mapping], today: date) -> list[dict[str, object]]:
	"""Revoked consents with ``state`` and ``days_left`` to the destruction deadline (None once destroyed);
	the most urgent first, the destroyed ones last."""
	result = []
	for row in rows:
		state = destruction_state(row.get("destruction_due_on"), row.get("destroyed_on"), today)
		left = None if state == DESTROYED else days_left(row.get("destruction_due_on"), today)
		result.append({**row, "state": state, "days_left": left})
	return sorted(
		result,
		key=lambda row: (
			row["state"] == DESTROYED,
			row.get("destruction_due_on") or date.max,
			sort_text(row.get("name")),
		),
	)


def revocation_totals(rows: Iterable[Mapping]) -> dict[str, int]:
	totals = {DESTROYED: 0, AWAITING: 0, DESTRUCTION_OVERDUE: 0}
	for row in rows:
		totals[row["state"]] += 1
	return totals


def birth_date_window(today: date, days: int) -> tuple[date, date]:
	"""Dates of birth of everyone who turns 18 between ``today`` and ``days`` later, with a day's margin on
	each side for 29 February (the SQL filter is wide, ``coming_of_age_rows`` is exact)."""
	first = graduate_rules.birthday_in_year(today, today.year - graduate_rules.AGE_OF_MAJORITY)
	last_day = today + timedelta(days=days)
	last = graduate_rules.birthday_in_year(last_day, last_day.year - graduate_rules.AGE_OF_MAJORITY)
	return first - timedelta(days=1), last + timedelta(days=1)


def coming_of_age_rows(rows: Iterable[Mapping], today: date, days: int) -> list[dict[str, object]]:
	"""Graduates who turn 18 within ``days`` from ``today`` (today included), with ``turns_18_on`` and
	``days_left``, the soonest first. Rows need ``date_of_birth``, which is not passed on."""
	result = []
	for row in rows:
		born = row.get("date_of_birth")
		if not born:
			continue
		majority = graduate_rules.majority_date(born)
		if today <= majority <= today + timedelta(days=days):
			shaped = {key: value for key, value in row.items() if key != "date_of_birth"}
			shaped.update({"turns_18_on": majority, "days_left": (majority - today).days})
			result.append(shaped)
	return sorted(result, key=lambda row: (row["turns_18_on"], sort_text(row.get("graduate"))))


# --- work plan execution (§3.6 «годовой отчёт о выполнении плана работы», §5.1) --------------------------

ITEM_STATUSES = tuple(status.value for status in plan_rules.ItemStatus)
PLAN_PERIODS = tuple(period.value for period in plan_rules.Period)
BY_PLAN = "By Plan"
OVERDUE_ITEMS = "Overdue Items"
PLAN_VIEWS = (BY_PLAN, OVERDUE_ITEMS)


def plan_table(rows: Iterable[Mapping], today: date) -> list[dict[str, object]]:
	"""Items of each plan by status, and how many are overdue.

	SQL rows: ``plan``, ``year``, ``period``, ``plan_status``, ``status`` (of the items), ``items``,
	``past_due`` (items with a due date before today) and ``undated`` (items whose due names no day). An
	open item is overdue past its own due date, or, with none, past the end of the plan's period
	(``domain.work_plan.is_overdue``).
	"""
	plans: dict[str, dict[str, object]] = {}
	for row in rows:
		shaped = plans.setdefault(
			row["plan"],
			{
				"plan": row["plan"],
				"year": row["year"],
				"period": row["period"],
				"plan_status": row["plan_status"],
				**{status_key(status): 0 for status in ITEM_STATUSES},
				"overdue": 0,
			},
		)
		if row["status"] in ITEM_STATUSES:
			shaped[status_key(row["status"])] += as_int(row["items"])
		if row["status"] in plan_rules.OPEN_ITEM_STATUSES:
			_start, period_end = plan_rules.period_bounds(int(row["year"]), row["period"])
			shaped["overdue"] += as_int(row.get("past_due"))
			if period_end < today:
				shaped["overdue"] += as_int(row.get("undated"))
	for shaped in plans.values():
		finish_plan_row(shaped)
	order = {period: index for index, period in enumerate(PLAN_PERIODS)}
	return sorted(plans.values(), key=lambda row: (row["year"] or 0, order.get(row["period"], 9)))


def finish_plan_row(shaped: dict[str, object]) -> dict[str, object]:
	shaped["total"] = sum(shaped[status_key(status)] for status in ITEM_STATUSES)
	shaped["done_share"] = percent(shaped[status_key(plan_rules.ItemStatus.DONE.value)], shaped["total"])
	return shaped


def plan_totals(rows: Iterable[Mapping]) -> dict[str, object]:
	keys = [status_key(status) for status in ITEM_STATUSES] + ["overdue"]
	total: dict[str, object] = {"plan": None, **{key: 0 for key in keys}}
	for row in rows:
		for key in keys:
			total[key] += as_int(row.get(key))
	return finish_plan_row(total)


def overdue_item_rows(rows: Iterable[Mapping], today: date) -> list[dict[str, object]]:
	"""Open items past their deadline (rows: ``plan``, ``year``, ``period``, ``idx``, ``status``,
	``due_date``, ...), each with ``deadline`` and ``days_overdue``, the longest overdue first."""
	result = []
	for row in rows:
		_start, period_end = plan_rules.period_bounds(int(row["year"]), row["period"])
		if not plan_rules.is_overdue(row["status"], row.get("due_date"), period_end, today):
			continue
		deadline = plan_rules.deadline(row.get("due_date"), period_end)
		result.append({**row, "deadline": deadline, "days_overdue": (today - deadline).days})
	return sorted(result, key=lambda row: (row["deadline"], sort_text(row["plan"]), row.get("idx") or 0))


# --- specialist activity (§3.6 «отчёты сотрудников Центра о проделанной работе») -------------------------

ACTIVITY_COUNTS = (
	"checks_done",
	"events_held",
	"participants",
	"interactions",
	"requests_handled",
	"placements",
)


def activity_table(blocks: Iterable[Iterable[Mapping]], granularity: str) -> list[dict[str, object]]:
	"""Per responsible user and period, what each block counted.

	Each block is SQL rows of ``user``, ``year``, ``part`` (quarter or month, or 0) and one or more of
	ACTIVITY_COUNTS (the events block gives ``events_held`` and ``participants``). Sorted by user, then
	period.
	"""
	rows: dict[tuple, dict[str, object]] = {}
	for block in blocks:
		for source in block:
			period = period_label(source["year"], source.get("part"), granularity)
			row = rows.setdefault(
				(source["user"], period),
				{"user": source["user"], "period": period, **{name: 0 for name in ACTIVITY_COUNTS}},
			)
			for name in ACTIVITY_COUNTS:
				row[name] += as_int(source.get(name))
	return sorted(rows.values(), key=lambda row: (sort_text(row["user"]), row["period"] or ""))


def activity_totals(rows: Iterable[Mapping]) -> dict[str, int]:
	total = {name: 0 for name in ACTIVITY_COUNTS}
	for row in rows:
		for name in ACTIVITY_COUNTS:
			total[name] += as_int(row.get(name))
	return total


# --- helpers --------------------------------------------------------------------------------------------


def sort_text(value: object) -> tuple[bool, str]:
	"""A sort key that puts a missing value last and compares text case-insensitively."""
	return (value is None or value == "", str(value or "").casefold())
