"""The Center's annual report (§3.6 «годовой отчёт о выполнении плана работы»): the snapshot of a year's
figures, the report's versions and the moves its workflow allows.

The figures are counted by ``citi_employment.reporting`` (the queries the analytical reports run) and partly
shaped there by ``domain.reporting``; this module turns them into the rows of the report's tables and its
key figures, so that the form, the print, the XLSX and the published page show one set of numbers.

Plain values in, plain values out: rows are mappings with the keys each function names, the
results are lists of plain dicts whose keys are the fields of the report's child tables.
"""

import calendar
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path

from citi_employment.domain import monitoring
from citi_employment.domain import reporting as report_rules
from citi_employment.domain import work_plan as plan_rules
from citi_employment.domain.errors import DomainError
from citi_employment.domain.reporting import as_int, outcome_key, percent, sort_text

# --- statuses and moves ---------------------------------------------------------------------------------


class ReportStatus(str, Enum):
	DRAFT = "Draft"
	SUBMITTED = "Pending Director Approval"
	APPROVED = "Approved"
	PUBLISHED = "Published"
	# A later version was approved in its place; set by the correction service, never by a user.
	SUPERSEDED = "Superseded"


DRAFT = ReportStatus.DRAFT.value
SUBMITTED = ReportStatus.SUBMITTED.value
APPROVED = ReportStatus.APPROVED.value
PUBLISHED = ReportStatus.PUBLISHED.value
SUPERSEDED = ReportStatus.SUPERSEDED.value
STATUSES = tuple(status.value for status in ReportStatus)

# From approval on, the figures are what the Director signed: nothing in the report changes any more.
FROZEN_STATUSES = frozenset({APPROVED, PUBLISHED, SUPERSEDED})
# A report in one of these is the source of the year's figures; a correction starts from one of them.
CORRECTABLE_STATUSES = frozenset({APPROVED, PUBLISHED})

# The moves a user makes (the workflow "Annual Report Workflow"): submit, return, approve, publish.
USER_MOVES = frozenset({(DRAFT, SUBMITTED), (SUBMITTED, DRAFT), (SUBMITTED, APPROVED), (APPROVED, PUBLISHED)})
# The move only the correction service makes, when a later version of the report is approved.
SERVICE_MOVES = frozenset({(APPROVED, SUPERSEDED), (PUBLISHED, SUPERSEDED)})


def is_allowed_move(before: str | None, after: str | None, by_service: bool = False) -> bool:
	"""Whether a report may go from ``before`` to ``after`` (a new report starts as a draft)."""
	if before is None:
		return after in (None, DRAFT)
	if before == after:
		return True
	return (before, after) in USER_MOVES or (by_service and (before, after) in SERVICE_MOVES)


def is_approval(before: str | None, after: str | None) -> bool:
	return after == APPROVED and before != APPROVED


def is_publication(before: str | None, after: str | None) -> bool:
	return after == PUBLISHED and before != PUBLISHED


def is_frozen(status: str | None) -> bool:
	return status in FROZEN_STATUSES


# --- the year and the name ------------------------------------------------------------------------------

MIN_YEAR = plan_rules.MIN_YEAR
MAX_YEAR = plan_rules.MAX_YEAR
FIRST_VERSION = 1


class ReportYearError(DomainError):
	"""The report's year is outside the range a report can be made for."""


def check_year(year: int | None) -> int:
	if year is None or not MIN_YEAR <= year <= MAX_YEAR:
		raise ReportYearError(f"year {year} is outside {MIN_YEAR}-{MAX_YEAR}")
	return year


def report_name(year: int, version: int = FIRST_VERSION) -> str:
	"""``AR-2026`` for a year's report, ``AR-2026-v2`` for its first correction: the name says which report
	and which version it is, and the database keeps one report per year and version."""
	check_year(year)
	return f"AR-{year}" if version <= FIRST_VERSION else f"AR-{year}-v{version}"


# --- corrections ----------------------------------------------------------------------------------------


class CorrectionProblem(str, Enum):
	"""Why a correction cannot be made from a report; stable codes the service words."""

	NOT_APPROVED = "not_approved"  # a draft or submitted report is corrected in place
	SUPERSEDED = "superseded"  # only the latest version is corrected
	IN_PROGRESS = "in_progress"  # one correction at a time
	NO_REASON = "no_reason"  # a correction records why


def correction_problem(
	status: str | None, superseded_by: str | None, open_correction: str | None, reason: str | None
) -> CorrectionProblem | None:
	if status == SUPERSEDED or superseded_by:
		return CorrectionProblem.SUPERSEDED
	if status not in CORRECTABLE_STATUSES:
		return CorrectionProblem.NOT_APPROVED
	if open_correction:
		return CorrectionProblem.IN_PROGRESS
	if not (reason or "").strip():
		return CorrectionProblem.NO_REASON
	return None


# The sections the Head writes; a correction starts from the text of the version it corrects.
NARRATIVE_FIELDS = (
	"summary_text",
	"plan_text",
	"employment_text",
	"employers_text",
	"events_text",
	"conclusions_text",
)


# --- the snapshot ---------------------------------------------------------------------------------------

# Retention is reported at these checkpoints (months after employment), each for the placements whose
# checkpoint fell in the report's year.
RETENTION_CHECKPOINTS = (6, 12)
# The checkpoint at which the outcome distribution of the year's graduates is taken unless the Head picks
# another: a June graduate's six-month check falls in December of the same year.
DEFAULT_OUTCOME_CHECKPOINT = 6


def _select_options(doctype: str, fieldname: str) -> tuple[str, ...]:
	"""The options of a Select field as its DocType JSON lists them. Read as a data file, not through frappe:
	the DocType is the one place the list is written (its controller's type block is generated from it)."""
	folder = doctype.lower().replace(" ", "_")
	path = Path(__file__).resolve().parents[1] / "citi_employment" / "doctype" / folder / f"{folder}.json"
	fields = json.loads(path.read_text(encoding="utf-8"))["fields"]
	options = next(spec["options"] for spec in fields if spec["fieldname"] == fieldname)
	return tuple(option for option in options.split("\n") if option)


# The Center's events (§2.2), in the order of the Center Event's options.
EVENT_TYPES = _select_options("Center Event", "event_type")
REGIONS = report_rules.REGIONS
OUTCOME_KEYS = tuple(outcome_key(outcome) for outcome in monitoring.OUTCOMES)

# The child tables of the report and the fields of their rows, in the order the print and the XLSX show them.
TABLE_FIELDS: dict[str, tuple[str, ...]] = {
	"plan_rows": (
		"work_plan",
		"period",
		"plan_status",
		"items",
		"done",
		"in_progress",
		"planned",
		"not_done",
		"overdue",
		"done_share",
	),
	"placement_rows": ("profession", "placements", "graduates", "quota_positions", "special_workplaces"),
	"retention_rows": (
		"checkpoint",
		"employed_from",
		"employed_to",
		"reached",
		"checked",
		"working",
		"share",
		"overdue",
	),
	"outcome_rows": ("profession", "graduates", *OUTCOME_KEYS, "not_checked", "working", "working_share"),
	"employer_rows": ("region", "employers", "new_employers", "active_employers"),
	"contract_rows": ("journal", "registered", "in_force", "expired", "terminated"),
	"request_rows": ("profession", "requests", "positions", "filled", "filled_share"),
	"event_rows": ("event_type", "events", "graduates", "students", "employers", "participants"),
	"satisfaction_rows": (
		"profession",
		"checks",
		"answers",
		"average",
		"complaints",
		"conditions_mismatch",
		"workplace_needed",
	),
}
TABLES = tuple(TABLE_FIELDS)
# The child DocType of each table.
TABLE_DOCTYPES: dict[str, str] = {
	"plan_rows": "Annual Report Plan Row",
	"placement_rows": "Annual Report Placement Row",
	"retention_rows": "Annual Report Retention Row",
	"outcome_rows": "Annual Report Outcome Row",
	"employer_rows": "Annual Report Employer Row",
	"contract_rows": "Annual Report Contract Row",
	"request_rows": "Annual Report Request Row",
	"event_rows": "Annual Report Event Row",
	"satisfaction_rows": "Annual Report Satisfaction Row",
}

# The report's key figures (fields of the report itself), each the total of one block.
FIGURES = (
	"plan_items",
	"plan_items_done",
	"plan_items_overdue",
	"plan_done_share",
	"placements",
	"graduates_placed",
	"retention_6_reached",
	"retention_6_working",
	"retention_6_share",
	"retention_12_reached",
	"retention_12_working",
	"retention_12_share",
	"graduates",
	"graduates_working",
	"working_share",
	"employers_total",
	"employers_new",
	"employers_active",
	"contracts_registered",
	"contracts_in_force",
	"requests_received",
	"positions_requested",
	"positions_filled",
	"events_held",
	"event_participants",
	"satisfaction_answers",
	"satisfaction_average",
	"complaints",
)


# What the services set on the report itself, besides the figures and the tables: the version and its links,
# the workflow's state and stamps, the computation's date and author, the attached table.
SERVICE_HEADER_FIELDS = (
	"version",
	"status",
	"figures_as_on",
	"computed_at",
	"computed_by",
	"xlsx_file",
	"approved_on",
	"approved_by",
	"published_on",
	"supersedes",
	"correction_reason",
	"superseded_by",
)


def end_of_month(day: date) -> date:
	return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def checkpoint_cohort(year: int, months: int) -> tuple[date, date]:
	"""The employment dates of the placements whose check at ``months`` falls in ``year``.

	A placement's checkpoint is its employment date ``months`` later (the month's last day when it has no
	such day, as SQL's ``+ INTERVAL`` and ``monitoring.add_months`` do), so for six months: employed from
	1 July of the year before to 30 June of the year.
	"""
	first = monitoring.add_months(date(year, 1, 1), -months)
	last = end_of_month(monitoring.add_months(date(year, 12, 1), -months))
	return first, last


@dataclass
class YearFigures:
	"""What the reporting queries returned for the year, as they returned it.

	- ``plan``: rows of ``domain.reporting.plan_table`` (the year's work plans);
	- ``placements``: rows of ``profession``, ``placements``, ``graduates``, ``quota_positions``,
	  ``special_workplaces`` and ``all_graduates`` (graduates placed in the year, each once);
	- ``retention``: per checkpoint, the cohort's first and last employment date and its totals
	  (``domain.reporting.retention_totals``);
	- ``outcomes``: rows of ``domain.reporting.outcome_table`` for the year's graduates;
	- ``employers``: rows of ``region``, ``employers``, ``new_employers``, ``active_employers``;
	- ``journals``: every contract journal, in the register's order; ``contracts``: rows of
	  ``domain.reporting.journal_table`` for the contracts registered in the year;
	- ``requests``: rows of ``profession``, ``requests``, ``positions``, ``filled``;
	- ``events``: rows of ``event_type``, ``events``, ``graduates``, ``students``, ``employers``;
	- ``satisfaction``: rows of ``profession``, ``checks``, ``answers``, ``satisfaction_sum``,
	  ``complaints``, ``conditions_mismatch``, ``workplace_needed``.
	"""

	plan: Sequence[Mapping] = ()
	placements: Sequence[Mapping] = ()
	retention: Mapping[int, tuple[date, date, Mapping]] = field(default_factory=dict)
	outcomes: Sequence[Mapping] = ()
	employers: Sequence[Mapping] = ()
	journals: Sequence[str] = ()
	contracts: Sequence[Mapping] = ()
	requests: Sequence[Mapping] = ()
	events: Sequence[Mapping] = ()
	satisfaction: Sequence[Mapping] = ()


@dataclass
class Snapshot:
	"""The report's tables (child table field → rows) and key figures (field → value)."""

	tables: dict[str, list[dict]]
	figures: dict[str, object]


def plan_rows(rows: Iterable[Mapping]) -> list[dict]:
	"""The work plans of the year and the execution of their items (counted as on the report's date)."""
	return [
		{
			"work_plan": row["plan"],
			"period": row["period"],
			"plan_status": row["plan_status"],
			"items": as_int(row.get("total")),
			"done": as_int(row.get("done")),
			"in_progress": as_int(row.get("in_progress")),
			"planned": as_int(row.get("planned")),
			"not_done": as_int(row.get("not_done")),
			"overdue": as_int(row.get("overdue")),
			"done_share": percent(as_int(row.get("done")), as_int(row.get("total"))),
		}
		for row in rows
	]


def placement_rows(rows: Iterable[Mapping]) -> tuple[list[dict], int]:
	"""Placements of the year by profession, and the number of graduates placed (each once, whatever the
	number of their placements or professions)."""
	result, graduates = [], 0
	for row in rows:
		graduates = max(graduates, as_int(row.get("all_graduates")))
		result.append(
			{
				"profession": row.get("profession") or None,
				"placements": as_int(row.get("placements")),
				"graduates": as_int(row.get("graduates")),
				"quota_positions": as_int(row.get("quota_positions")),
				"special_workplaces": as_int(row.get("special_workplaces")),
			}
		)
	return sorted(result, key=lambda row: sort_text(row["profession"])), graduates


def retention_rows(retention: Mapping[int, tuple[date, date, Mapping]]) -> list[dict]:
	"""One row per checkpoint: the placements that reached it in the year, checked, still working."""
	result = []
	for months in sorted(retention):
		first, last, total = retention[months]
		reached = as_int(total.get(report_rules.checkpoint_key("reached", months)))
		working = as_int(total.get(report_rules.checkpoint_key("working", months)))
		result.append(
			{
				"checkpoint": months,
				"employed_from": first,
				"employed_to": last,
				"reached": reached,
				"checked": as_int(total.get(report_rules.checkpoint_key("checked", months))),
				"working": working,
				"share": percent(working, reached),
				"overdue": as_int(total.get("overdue")),
			}
		)
	return result


def outcome_rows(rows: Iterable[Mapping]) -> list[dict]:
	"""The year's graduates by profession and outcome category at the report's checkpoint."""
	return [
		{
			"profession": row.get("profession") or None,
			"graduates": as_int(row.get("graduates")),
			**{key: as_int(row.get(key)) for key in OUTCOME_KEYS},
			"not_checked": as_int(row.get("not_checked")),
			"working": as_int(row.get("working")),
			"working_share": percent(as_int(row.get("working")), as_int(row.get("graduates"))),
		}
		for row in rows
	]


def employer_rows(rows: Iterable[Mapping]) -> list[dict]:
	"""Employers of the data bank by region: every region, and employers without one only if there are any."""
	by_region = {region: {"employers": 0, "new_employers": 0, "active_employers": 0} for region in REGIONS}
	for row in rows:
		counts = by_region.setdefault(
			row.get("region") or None, {"employers": 0, "new_employers": 0, "active_employers": 0}
		)
		for key in counts:
			counts[key] += as_int(row.get(key))
	result = []
	for region, counts in by_region.items():
		if region in REGIONS or any(counts.values()):
			result.append({"region": region, **counts})
	return result


def contract_rows(table: Iterable[Mapping], journals: Sequence[str]) -> list[dict]:
	"""Contracts registered in the year by journal (every journal, in the register's order), and what
	became of them."""
	shaped = {row["journal"]: row for row in table}
	result = []
	for journal in [*journals, *(name for name in shaped if name not in journals)]:
		row = shaped.get(journal, {})
		result.append(
			{
				"journal": journal,
				"registered": as_int(row.get("total")),
				"in_force": as_int(row.get("in_force")),
				"expired": as_int(row.get(report_rules.status_key("Expired"))),
				"terminated": as_int(row.get(report_rules.status_key("Terminated"))),
			}
		)
	return result


def request_rows(rows: Iterable[Mapping]) -> list[dict]:
	"""Vacancy requests received in the year by profession: requests, positions asked and filled."""
	merged: dict[object, dict] = {}
	for row in rows:
		profession = row.get("profession") or None
		shaped = merged.setdefault(
			profession, {"profession": profession, "requests": 0, "positions": 0, "filled": 0}
		)
		for key in ("requests", "positions", "filled"):
			shaped[key] += as_int(row.get(key))
	for shaped in merged.values():
		shaped["filled_share"] = percent(shaped["filled"], shaped["positions"])
	return sorted(merged.values(), key=lambda row: sort_text(row["profession"]))


def event_rows(rows: Iterable[Mapping]) -> list[dict]:
	"""Events held in the year by type (every type), with their participants."""
	by_type = {
		event_type: {"events": 0, "graduates": 0, "students": 0, "employers": 0} for event_type in EVENT_TYPES
	}
	for row in rows:
		counts = by_type.setdefault(
			row["event_type"], {"events": 0, "graduates": 0, "students": 0, "employers": 0}
		)
		for key in counts:
			counts[key] += as_int(row.get(key))
	return [
		{
			"event_type": event_type,
			**counts,
			"participants": counts["graduates"] + counts["students"] + counts["employers"],
		}
		for event_type, counts in by_type.items()
	]


def average(total: int | float, answers: int) -> float | None:
	"""The mean score, two decimals; None when nobody answered (no answer is not a score of 0)."""
	return round(total / answers, 2) if answers else None


def satisfaction_rows(rows: Iterable[Mapping]) -> tuple[list[dict], int]:
	"""Employers' feedback at the checks done in the year, by profession (§6.2), and the sum of the scores
	(the overall average is recomputed from the sums, not averaged over the rows)."""
	result, score_sum = [], 0
	for row in rows:
		answers = as_int(row.get("answers"))
		row_sum = as_int(row.get("satisfaction_sum"))
		score_sum += row_sum
		result.append(
			{
				"profession": row.get("profession") or None,
				"checks": as_int(row.get("checks")),
				"answers": answers,
				"average": average(row_sum, answers),
				"complaints": as_int(row.get("complaints")),
				"conditions_mismatch": as_int(row.get("conditions_mismatch")),
				"workplace_needed": as_int(row.get("workplace_needed")),
			}
		)
	return sorted(result, key=lambda row: sort_text(row["profession"])), score_sum


def retention_figures(by_checkpoint: Mapping[int, Mapping]) -> dict[str, object]:
	"""``retention_6_reached``, ``retention_6_working``, ``retention_6_share`` and the same for 12 months."""
	figures: dict[str, object] = {}
	for months in RETENTION_CHECKPOINTS:
		row = by_checkpoint.get(months, {})
		figures[f"retention_{months}_reached"] = as_int(row.get("reached"))
		figures[f"retention_{months}_working"] = as_int(row.get("working"))
		figures[f"retention_{months}_share"] = row.get("share")
	return figures


def column_sum(rows: Iterable[Mapping], key: str) -> int:
	return sum(as_int(row.get(key)) for row in rows)


def snapshot(year: YearFigures) -> Snapshot:
	"""The tables and key figures of the report from the year's query results."""
	placements, graduates_placed = placement_rows(year.placements)
	satisfaction, score_sum = satisfaction_rows(year.satisfaction)
	tables = {
		"plan_rows": plan_rows(year.plan),
		"placement_rows": placements,
		"retention_rows": retention_rows(year.retention),
		"outcome_rows": outcome_rows(year.outcomes),
		"employer_rows": employer_rows(year.employers),
		"contract_rows": contract_rows(year.contracts, year.journals),
		"request_rows": request_rows(year.requests),
		"event_rows": event_rows(year.events),
		"satisfaction_rows": satisfaction,
	}
	plan, outcomes = tables["plan_rows"], tables["outcome_rows"]
	retention = {row["checkpoint"]: row for row in tables["retention_rows"]}
	answers = column_sum(satisfaction, "answers")
	figures = {
		"plan_items": column_sum(plan, "items"),
		"plan_items_done": column_sum(plan, "done"),
		"plan_items_overdue": column_sum(plan, "overdue"),
		"plan_done_share": percent(column_sum(plan, "done"), column_sum(plan, "items")),
		"placements": column_sum(placements, "placements"),
		"graduates_placed": graduates_placed,
		**retention_figures(retention),
		"graduates": column_sum(outcomes, "graduates"),
		"graduates_working": column_sum(outcomes, "working"),
		"working_share": percent(column_sum(outcomes, "working"), column_sum(outcomes, "graduates")),
		"employers_total": column_sum(tables["employer_rows"], "employers"),
		"employers_new": column_sum(tables["employer_rows"], "new_employers"),
		"employers_active": column_sum(tables["employer_rows"], "active_employers"),
		"contracts_registered": column_sum(tables["contract_rows"], "registered"),
		"contracts_in_force": column_sum(tables["contract_rows"], "in_force"),
		"requests_received": column_sum(tables["request_rows"], "requests"),
		"positions_requested": column_sum(tables["request_rows"], "positions"),
		"positions_filled": column_sum(tables["request_rows"], "filled"),
		"events_held": column_sum(tables["event_rows"], "events"),
		"event_participants": column_sum(tables["event_rows"], "participants"),
		"satisfaction_answers": answers,
		"satisfaction_average": average(score_sum, answers),
		"complaints": column_sum(satisfaction, "complaints"),
	}
	return Snapshot(tables=tables, figures=figures)


# --- shares as stored ---------------------------------------------------------------------------------

# Each share and average, with the count it is taken over: a stored 0 over nobody means "no share" (the
# database keeps a number, never an empty one), and the print and the XLSX show a dash for it.
SHARE_BASES: dict[str, str] = {
	"done_share": "items",
	"share": "reached",
	"working_share": "graduates",
	"filled_share": "positions",
	"average": "answers",
	"plan_done_share": "plan_items",
	"retention_6_share": "retention_6_reached",
	"retention_12_share": "retention_12_reached",
	"satisfaction_average": "satisfaction_answers",
}


def has_base(values: Mapping, key: str) -> bool:
	"""Whether the share or average ``key`` of ``values`` is taken over anybody (else it is shown as "—")."""
	base = SHARE_BASES.get(key)
	return base is None or as_int(values.get(base)) > 0
