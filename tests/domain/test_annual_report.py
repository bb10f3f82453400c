import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from citi_employment.domain import annual_report as rules
from citi_employment.domain import monitoring
from citi_employment.domain.annual_report import (
	APPROVED,
	DRAFT,
	PUBLISHED,
	SUBMITTED,
	SUPERSEDED,
	CorrectionProblem,
	YearFigures,
)
from citi_employment.domain.write_rules import SERVICE_FIELDS

DOCTYPES = Path(__file__).resolve().parents[2] / "citi_employment" / "citi_employment" / "doctype"


def doctype_json(name: str) -> dict:
	folder = name.lower().replace(" ", "_")
	return json.loads((DOCTYPES / folder / f"{folder}.json").read_text(encoding="utf-8"))


# --- moves ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
	"before, after",
	[
		(None, DRAFT),
		(None, None),
		(DRAFT, SUBMITTED),
		(SUBMITTED, DRAFT),
		(SUBMITTED, APPROVED),
		(APPROVED, PUBLISHED),
		(APPROVED, APPROVED),
	],
)
def test_the_workflow_moves_are_allowed(before, after):
	assert rules.is_allowed_move(before, after)


@pytest.mark.parametrize(
	"before, after",
	[
		(None, APPROVED),
		(None, SUBMITTED),
		(DRAFT, APPROVED),
		(DRAFT, PUBLISHED),
		(APPROVED, DRAFT),
		(APPROVED, SUBMITTED),
		(PUBLISHED, APPROVED),
		(PUBLISHED, DRAFT),
		(SUPERSEDED, APPROVED),
		(APPROVED, SUPERSEDED),
		(PUBLISHED, SUPERSEDED),
	],
)
def test_other_moves_are_refused_to_a_user(before, after):
	assert not rules.is_allowed_move(before, after)


def test_only_the_service_supersedes_an_approved_or_published_report():
	assert rules.is_allowed_move(APPROVED, SUPERSEDED, by_service=True)
	assert rules.is_allowed_move(PUBLISHED, SUPERSEDED, by_service=True)
	assert not rules.is_allowed_move(DRAFT, SUPERSEDED, by_service=True)
	assert not rules.is_allowed_move(SUPERSEDED, PUBLISHED, by_service=True)


def test_approval_publication_and_frozen_states():
	assert rules.is_approval(SUBMITTED, APPROVED)
	assert not rules.is_approval(APPROVED, APPROVED)
	assert rules.is_publication(APPROVED, PUBLISHED)
	assert not rules.is_publication(PUBLISHED, PUBLISHED)
	assert {status for status in rules.STATUSES if rules.is_frozen(status)} == {
		APPROVED,
		PUBLISHED,
		SUPERSEDED,
	}


# --- names and corrections ------------------------------------------------------------------------------


def test_the_name_says_year_and_version():
	assert rules.report_name(2026) == "AR-2026"
	assert rules.report_name(2026, 1) == "AR-2026"
	assert rules.report_name(2026, 2) == "AR-2026-v2"


@pytest.mark.parametrize("year", [None, 1999, 2101])
def test_a_year_out_of_range_is_refused(year):
	with pytest.raises(rules.ReportYearError):
		rules.check_year(year)


def test_a_correction_starts_from_the_latest_approved_version_with_a_reason():
	assert rules.correction_problem(APPROVED, None, None, "Опечатка в данных") is None
	assert rules.correction_problem(PUBLISHED, None, None, "Опечатка") is None
	assert rules.correction_problem(DRAFT, None, None, "x") == CorrectionProblem.NOT_APPROVED
	assert rules.correction_problem(SUBMITTED, None, None, "x") == CorrectionProblem.NOT_APPROVED
	assert rules.correction_problem(SUPERSEDED, "AR-2026-v2", None, "x") == CorrectionProblem.SUPERSEDED
	assert rules.correction_problem(APPROVED, "AR-2026-v2", None, "x") == CorrectionProblem.SUPERSEDED
	assert rules.correction_problem(APPROVED, None, "AR-2026-v2", "x") == CorrectionProblem.IN_PROGRESS
	assert rules.correction_problem(APPROVED, None, None, "  ") == CorrectionProblem.NO_REASON
	assert rules.correction_problem(APPROVED, None, None, None) == CorrectionProblem.NO_REASON


# --- the retention cohorts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
	"months, first, last",
	[
		(6, date(2025, 7, 1), date(2026, 6, 30)),
		(12, date(2025, 1, 1), date(2025, 12, 31)),
		(1, date(2025, 12, 1), date(2026, 11, 30)),
		(3, date(2025, 10, 1), date(2026, 9, 30)),
		(24, date(2024, 1, 1), date(2024, 12, 31)),
	],
)
def test_a_cohort_is_the_placements_whose_checkpoint_falls_in_the_year(months, first, last):
	assert rules.checkpoint_cohort(2026, months) == (first, last)


@pytest.mark.parametrize("months", [1, 3, 6, 12, 24])
def test_exactly_the_cohort_reaches_its_checkpoint_within_the_year(months):
	first, last = rules.checkpoint_cohort(2026, months)
	day = first - timedelta(days=40)
	while day <= last + timedelta(days=40):
		in_cohort = first <= day <= last
		assert (monitoring.add_months(day, months).year == 2026) == in_cohort, day
		day += timedelta(days=1)


# --- the snapshot ---------------------------------------------------------------------------------------

JOURNALS = (
	"Targeted Vocational Training",
	"Free Candidate Training",
	"Cooperation (Partnership)",
	"Practice",
)


def known_year() -> YearFigures:
	"""A small year whose every figure is known (as the reporting queries and domain.reporting give them)."""
	return YearFigures(
		plan=[
			{
				"plan": "WP-2026-H1",
				"year": 2026,
				"period": "1st Half",
				"plan_status": "Approved",
				"planned": 1,
				"in_progress": 1,
				"done": 2,
				"not_done": 0,
				"overdue": 1,
				"total": 4,
				"done_share": 50.0,
			},
			{
				"plan": "WP-2026-H2",
				"year": 2026,
				"period": "2nd Half",
				"plan_status": "Draft",
				"planned": 1,
				"in_progress": 0,
				"done": 0,
				"not_done": 1,
				"overdue": 0,
				"total": 2,
				"done_share": 0.0,
			},
		],
		placements=[
			{
				"profession": "Повар",
				"placements": 3,
				"graduates": 2,
				"quota_positions": 1,
				"special_workplaces": 1,
				"all_graduates": 3,
			},
			{
				"profession": None,
				"placements": 1,
				"graduates": 1,
				"quota_positions": 0,
				"special_workplaces": 0,
				"all_graduates": 3,
			},
		],
		retention={
			6: (
				date(2025, 7, 1),
				date(2026, 6, 30),
				{"placed": 4, "overdue": 1, "reached_6": 4, "checked_6": 3, "working_6": 2, "share_6": 50.0},
			),
			12: (
				date(2025, 1, 1),
				date(2025, 12, 31),
				{
					"placed": 0,
					"overdue": 0,
					"reached_12": 0,
					"checked_12": 0,
					"working_12": 0,
					"share_12": None,
				},
			),
		},
		outcomes=[
			{
				"year": 2026,
				"profession": "Повар",
				"graduates": 5,
				"working_at_this_employer": 2,
				"working_elsewhere": 1,
				"self_employed_npd": 0,
				"individual_entrepreneur": 0,
				"continuing_education": 1,
				"military_service": 0,
				"parental_leave": 0,
				"not_working_seeking": 0,
				"not_working_not_seeking": 0,
				"unreachable": 0,
				"checked": 4,
				"not_checked": 1,
				"working": 3,
				"working_share": 60.0,
			}
		],
		employers=[
			{"region": "Leningrad Oblast", "employers": 3, "new_employers": 2, "active_employers": 2},
			{"region": "", "employers": 1, "new_employers": 1, "active_employers": 0},
		],
		journals=JOURNALS,
		contracts=[
			{
				"journal": "Cooperation (Partnership)",
				"active": 1,
				"expiring_soon": 1,
				"expired": 1,
				"terminated": 1,
				"total": 4,
				"in_force": 2,
				"expiring": 1,
			}
		],
		requests=[
			{"profession": "Повар", "year": 2026, "requests": 2, "positions": 5, "filled": 2},
			{"profession": None, "year": 2026, "requests": 1, "positions": 1, "filled": 0},
		],
		events=[
			{"event_type": "Job Fair", "events": 2, "graduates": 10, "students": 5, "employers": 3},
			{"event_type": "Open Day", "events": 1, "graduates": 0, "students": 20, "employers": 0},
		],
		satisfaction=[
			{
				"profession": "Повар",
				"checks": 3,
				"answers": 2,
				"satisfaction_sum": 9,
				"complaints": 1,
				"conditions_mismatch": 1,
				"workplace_needed": 0,
			},
			{
				"profession": None,
				"checks": 1,
				"answers": 1,
				"satisfaction_sum": 3,
				"complaints": 0,
				"conditions_mismatch": 0,
				"workplace_needed": 1,
			},
		],
	)


def test_every_key_figure_of_a_known_year():
	snapshot = rules.snapshot(known_year())
	assert snapshot.figures == {
		"plan_items": 6,
		"plan_items_done": 2,
		"plan_items_overdue": 1,
		"plan_done_share": 33.3,
		"placements": 4,
		"graduates_placed": 3,
		"retention_6_reached": 4,
		"retention_6_working": 2,
		"retention_6_share": 50.0,
		"retention_12_reached": 0,
		"retention_12_working": 0,
		"retention_12_share": None,
		"graduates": 5,
		"graduates_working": 3,
		"working_share": 60.0,
		"employers_total": 4,
		"employers_new": 3,
		"employers_active": 2,
		"contracts_registered": 4,
		"contracts_in_force": 2,
		"requests_received": 3,
		"positions_requested": 6,
		"positions_filled": 2,
		"events_held": 3,
		"event_participants": 38,
		"satisfaction_answers": 3,
		"satisfaction_average": 4.0,
		"complaints": 1,
	}
	assert set(snapshot.figures) == set(rules.FIGURES)


def test_every_row_of_a_known_year():
	tables = rules.snapshot(known_year()).tables
	assert tables["plan_rows"][0] == {
		"work_plan": "WP-2026-H1",
		"period": "1st Half",
		"plan_status": "Approved",
		"items": 4,
		"done": 2,
		"in_progress": 1,
		"planned": 1,
		"not_done": 0,
		"overdue": 1,
		"done_share": 50.0,
	}
	assert tables["plan_rows"][1]["done_share"] == 0.0
	# Sorted by profession, a missing one last.
	assert tables["placement_rows"] == [
		{
			"profession": "Повар",
			"placements": 3,
			"graduates": 2,
			"quota_positions": 1,
			"special_workplaces": 1,
		},
		{"profession": None, "placements": 1, "graduates": 1, "quota_positions": 0, "special_workplaces": 0},
	]
	assert tables["retention_rows"] == [
		{
			"checkpoint": 6,
			"employed_from": date(2025, 7, 1),
			"employed_to": date(2026, 6, 30),
			"reached": 4,
			"checked": 3,
			"working": 2,
			"share": 50.0,
			"overdue": 1,
		},
		{
			"checkpoint": 12,
			"employed_from": date(2025, 1, 1),
			"employed_to": date(2025, 12, 31),
			"reached": 0,
			"checked": 0,
			"working": 0,
			"share": None,
			"overdue": 0,
		},
	]
	(outcome,) = tables["outcome_rows"]
	assert outcome["working_at_this_employer"] == 2 and outcome["continuing_education"] == 1
	assert (outcome["graduates"], outcome["not_checked"], outcome["working"], outcome["working_share"]) == (
		5,
		1,
		3,
		60.0,
	)
	assert "year" not in outcome and "checked" not in outcome
	assert tables["employer_rows"] == [
		{"region": "Saint Petersburg", "employers": 0, "new_employers": 0, "active_employers": 0},
		{"region": "Leningrad Oblast", "employers": 3, "new_employers": 2, "active_employers": 2},
		{"region": "Other", "employers": 0, "new_employers": 0, "active_employers": 0},
		{"region": None, "employers": 1, "new_employers": 1, "active_employers": 0},
	]
	assert [row["journal"] for row in tables["contract_rows"]] == list(JOURNALS)
	assert tables["contract_rows"][2] == {
		"journal": "Cooperation (Partnership)",
		"registered": 4,
		"in_force": 2,
		"expired": 1,
		"terminated": 1,
	}
	assert tables["contract_rows"][0]["registered"] == 0
	assert tables["request_rows"] == [
		{"profession": "Повар", "requests": 2, "positions": 5, "filled": 2, "filled_share": 40.0},
		{"profession": None, "requests": 1, "positions": 1, "filled": 0, "filled_share": 0.0},
	]
	assert [row["event_type"] for row in tables["event_rows"]] == list(rules.EVENT_TYPES)
	fair = next(row for row in tables["event_rows"] if row["event_type"] == "Job Fair")
	assert fair == {
		"event_type": "Job Fair",
		"events": 2,
		"graduates": 10,
		"students": 5,
		"employers": 3,
		"participants": 18,
	}
	assert tables["satisfaction_rows"][0]["average"] == 4.5
	assert tables["satisfaction_rows"][1]["average"] == 3.0
	for table, rows in tables.items():
		for row in rows:
			assert set(row) == set(rules.TABLE_FIELDS[table]), table


def test_a_year_without_records_is_zeros_not_an_error():
	snapshot = rules.snapshot(
		YearFigures(
			retention={
				months: (*rules.checkpoint_cohort(2090, months), {}) for months in rules.RETENTION_CHECKPOINTS
			},
			journals=JOURNALS,
		)
	)
	for fieldname, value in snapshot.figures.items():
		if fieldname.endswith(("_share", "_average")):
			assert value is None, fieldname
		else:
			assert value == 0, fieldname
	assert snapshot.tables["plan_rows"] == []
	assert len(snapshot.tables["event_rows"]) == len(rules.EVENT_TYPES)
	assert len(snapshot.tables["contract_rows"]) == len(JOURNALS)
	assert [row["region"] for row in snapshot.tables["employer_rows"]] == list(rules.REGIONS)
	assert [row["share"] for row in snapshot.tables["retention_rows"]] == [None, None]


def test_sql_sums_come_as_decimals_or_none():
	from decimal import Decimal

	snapshot = rules.snapshot(
		YearFigures(
			events=[
				{
					"event_type": "Seminar",
					"events": 1,
					"graduates": Decimal(2),
					"students": None,
					"employers": Decimal(1),
				}
			],
			satisfaction=[
				{
					"profession": "Повар",
					"checks": 2,
					"answers": Decimal(2),
					"satisfaction_sum": Decimal(7),
					"complaints": None,
					"conditions_mismatch": Decimal(0),
					"workplace_needed": None,
				}
			],
		)
	)
	assert snapshot.figures["event_participants"] == 3
	assert snapshot.figures["satisfaction_average"] == 3.5


def test_a_share_over_nobody_has_no_base():
	assert not rules.has_base({"items": 0, "done_share": 0}, "done_share")
	assert rules.has_base({"items": 2, "done_share": 0}, "done_share")
	assert not rules.has_base({"satisfaction_answers": 0}, "satisfaction_average")
	assert rules.has_base({"retention_6_reached": 3}, "retention_6_share")
	assert rules.has_base({}, "graduates")


# --- the DocTypes agree with the rules ------------------------------------------------------------------


def test_the_child_tables_hold_the_snapshot_fields():
	parent = doctype_json("Annual Report")
	tables = {
		field["fieldname"]: field["options"] for field in parent["fields"] if field["fieldtype"] == "Table"
	}
	assert tables == rules.TABLE_DOCTYPES
	for table, doctype in rules.TABLE_DOCTYPES.items():
		child = doctype_json(doctype)
		assert tuple(child["field_order"]) == rules.TABLE_FIELDS[table], doctype
		assert all(field.get("read_only") for field in child["fields"]), doctype


def test_the_figures_and_header_fields_are_read_only_fields_of_the_report():
	fields = {field["fieldname"]: field for field in doctype_json("Annual Report")["fields"]}
	for fieldname in (*rules.FIGURES, *rules.SERVICE_HEADER_FIELDS, *rules.TABLES):
		assert fields[fieldname].get("read_only"), fieldname
	for fieldname in rules.NARRATIVE_FIELDS:
		assert fields[fieldname]["fieldtype"] == "Text"
		assert not fields[fieldname].get("read_only")


def test_every_snapshot_field_is_service_owned():
	assert SERVICE_FIELDS["Annual Report"] >= set(rules.FIGURES) | set(rules.TABLES)
	assert "outcome_checkpoint" not in SERVICE_FIELDS["Annual Report"]
	assert not set(rules.NARRATIVE_FIELDS) & SERVICE_FIELDS["Annual Report"]
	for table, doctype in rules.TABLE_DOCTYPES.items():
		assert SERVICE_FIELDS[doctype] == set(rules.TABLE_FIELDS[table])


def test_event_types_are_the_center_events():
	event = doctype_json("Center Event")
	options = next(field["options"] for field in event["fields"] if field["fieldname"] == "event_type")
	assert tuple(options.split("\n")) == rules.EVENT_TYPES


def test_the_statuses_are_the_workflows():
	workflow_path = DOCTYPES.parents[1] / "fixtures" / "workflow.json"
	workflow = next(
		record
		for record in json.loads(workflow_path.read_text(encoding="utf-8"))
		if record["name"] == "Annual Report Workflow"
	)
	assert {row["state"] for row in workflow["states"]} == set(rules.STATUSES)
	moves = {(row["state"], row["next_state"]) for row in workflow["transitions"]}
	assert moves == set(rules.USER_MOVES)
	approvers = {row["allowed"] for row in workflow["transitions"] if row["next_state"] == APPROVED}
	assert approvers == {"Institution Director"}
