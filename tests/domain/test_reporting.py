import re
from datetime import date
from pathlib import Path

import pytest

from citi_employment.domain import reporting as rules
from citi_employment.domain.reporting import (
	FilterError,
	FilterProblem,
	checkpoint_key,
	outcome_key,
	status_key,
)

TODAY = date(2026, 3, 10)


# Filters


def problem_of(call, *args):
	with pytest.raises(FilterError) as caught:
		call(*args)
	return caught.value.problem


def test_dates_come_as_iso_text_or_dates():
	assert rules.parse_date("2026-03-05", "from_date") == date(2026, 3, 5)
	assert rules.parse_date("2026-03-05 00:00:00", "from_date") == date(2026, 3, 5)
	assert rules.parse_date(date(2026, 3, 5), "from_date") == date(2026, 3, 5)
	assert rules.parse_date(None, "from_date") is None
	assert rules.parse_date("  ", "from_date") is None


@pytest.mark.parametrize(
	"value",
	["05.03.2026", "2026-02-30", "yesterday", "2026-03-05'; DROP TABLE x; --", ["2026-03-05"], 20260305],
)
def test_anything_else_is_not_a_date(value):
	assert problem_of(rules.parse_date, value, "from_date") == FilterProblem.NOT_A_DATE


def test_numbers_are_whole_and_within_range():
	assert rules.parse_int("6", "checkpoint", 1, 120) == 6
	assert rules.parse_int(6.0, "checkpoint", 1, 120) == 6
	assert rules.parse_int("", "checkpoint", 1, 120) is None
	assert problem_of(rules.parse_int, "6 months", "checkpoint", 1, 120) == FilterProblem.NOT_A_NUMBER
	assert problem_of(rules.parse_int, 6.5, "checkpoint", 1, 120) == FilterProblem.NOT_A_NUMBER
	assert problem_of(rules.parse_int, True, "checkpoint", 1, 120) == FilterProblem.NOT_A_NUMBER
	assert problem_of(rules.parse_int, "1 OR 1=1", "checkpoint", 1, 120) == FilterProblem.NOT_A_NUMBER
	assert problem_of(rules.parse_int, 0, "checkpoint", 1, 120) == FilterProblem.OUT_OF_RANGE
	assert problem_of(rules.parse_year, 20266, "year") == FilterProblem.OUT_OF_RANGE


def test_a_choice_is_one_of_the_known_values():
	assert rules.parse_choice("Region", "group_by", rules.EMPLOYER_GROUPINGS) == "Region"
	assert rules.parse_choice("", "group_by", rules.EMPLOYER_GROUPINGS) is None
	for value in ("region", "Region' OR '1'='1", ["Region"]):
		assert problem_of(rules.parse_choice, value, "group_by", rules.EMPLOYER_GROUPINGS) == (
			FilterProblem.UNKNOWN_VALUE
		)


def test_text_is_one_short_string():
	assert rules.parse_text("  Повар ", "profession") == "Повар"
	assert rules.parse_text(None, "profession") is None
	assert problem_of(rules.parse_text, ["in", ["a", "b"]], "profession") == FilterProblem.NOT_TEXT
	assert problem_of(rules.parse_text, {"a": 1}, "profession") == FilterProblem.NOT_TEXT
	assert problem_of(rules.parse_text, "x" * 141, "profession") == FilterProblem.OUT_OF_RANGE


def test_a_period_may_be_open_but_not_reversed():
	rules.check_period(date(2026, 1, 1), date(2026, 1, 1), "to_date")
	rules.check_period(None, date(2026, 1, 1), "to_date")
	rules.check_period(2025, None, "year_to")
	assert problem_of(rules.check_period, date(2026, 2, 1), date(2026, 1, 31), "to_date") == (
		FilterProblem.PERIOD_ORDER
	)
	assert problem_of(rules.check_period, 2026, 2025, "year_to") == FilterProblem.PERIOD_ORDER


def test_a_filter_error_keeps_the_field_not_the_value():
	error = FilterError("profession", FilterProblem.NOT_TEXT)
	assert str(error) == "profession: not_text"
	rebuilt = error.__reduce__()
	assert rebuilt[0](*rebuilt[1]).field == "profession"


# Shares and keys


def test_a_share_of_nobody_is_none_not_zero():
	assert rules.percent(1, 3) == 33.3
	assert rules.percent(0, 4) == 0.0
	assert rules.percent(2, 0) is None
	assert rules.percent(None, 5) == 0.0


def test_values_become_column_names():
	assert outcome_key("Not Working, Seeking") == "not_working_seeking"
	assert outcome_key("Self-Employed (NPD)") == "self_employed_npd"
	assert status_key("Pending Director Approval") == "pending_director_approval"
	assert checkpoint_key("share", 12) == "share_12"


# Graduate outcomes


def test_still_working_means_employed_in_any_form():
	assert set(rules.STILL_WORKING_OUTCOMES) == {
		"Working at This Employer",
		"Working Elsewhere",
		"Self-Employed (NPD)",
		"Individual Entrepreneur",
	}
	assert "Continuing Education" not in rules.STILL_WORKING_OUTCOMES
	assert "Unreachable" not in rules.STILL_WORKING_OUTCOMES


def test_outcome_table_joins_graduates_and_their_checks():
	graduates = [
		{"year": 2025, "profession": "Повар", "graduates": 5},
		{"year": 2025, "profession": "Садовник", "graduates": 2},
		{"year": 2024, "profession": "Повар", "graduates": 1},
		{"year": None, "profession": None, "graduates": 1},
	]
	checks = [
		{"year": 2025, "profession": "Повар", "outcome": "Working at This Employer", "graduates": 2},
		{"year": 2025, "profession": "Повар", "outcome": "Self-Employed (NPD)", "graduates": 1},
		{"year": 2025, "profession": "Повар", "outcome": "Not Working, Seeking", "graduates": 1},
		{"year": 2025, "profession": "Садовник", "outcome": "Continuing Education", "graduates": 1},
		{"year": 2025, "profession": "Садовник", "outcome": "Something New", "graduates": 7},
	]
	rows = rules.outcome_table(graduates, checks)
	assert [(row["year"], row["profession"]) for row in rows] == [
		(2024, "Повар"),
		(2025, "Повар"),
		(2025, "Садовник"),
		(None, None),
	]
	cook = rows[1]
	assert cook["graduates"] == 5
	assert cook["working_at_this_employer"] == 2
	assert cook["self_employed_npd"] == 1
	assert cook["not_working_seeking"] == 1
	assert cook["checked"] == 4
	assert cook["not_checked"] == 1
	assert cook["working"] == 3
	assert cook["working_share"] == 60.0
	gardener = rows[2]
	assert (gardener["checked"], gardener["working"], gardener["working_share"]) == (1, 0, 0.0)
	assert rows[0]["not_checked"] == 1 and rows[0]["working_share"] == 0.0

	total = rules.outcome_totals(rows)
	assert (total["graduates"], total["checked"], total["working"], total["not_checked"]) == (9, 5, 3, 4)
	assert total["working_share"] == 33.3


def test_a_check_without_its_graduate_row_still_counts():
	rows = rules.outcome_table(
		[], [{"year": 2025, "profession": "Повар", "outcome": "Working Elsewhere", "graduates": 2}]
	)
	assert (rows[0]["graduates"], rows[0]["not_checked"], rows[0]["working_share"]) == (2, 0, 100.0)


def test_outcome_chart_stacks_outcomes_per_year():
	rows = rules.outcome_table(
		[
			{"year": 2024, "profession": "A", "graduates": 2},
			{"year": 2025, "profession": "A", "graduates": 3},
		],
		[
			{"year": 2024, "profession": "A", "outcome": "Working Elsewhere", "graduates": 1},
			{"year": 2025, "profession": "A", "outcome": "Working Elsewhere", "graduates": 2},
			{"year": 2025, "profession": "A", "outcome": "Military Service", "graduates": 1},
		],
	)
	chart = rules.outcome_chart(rows)
	assert chart["labels"] == ["2024", "2025"]
	assert chart["datasets"] == [
		("Working Elsewhere", [1, 2]),
		("Military Service", [0, 1]),
		(rules.NOT_CHECKED, [1, 0]),
	]
	assert rules.outcome_chart([]) is None


# Retention


def test_retention_share_is_working_out_of_reached():
	rows = rules.retention_table(
		[
			{
				"cohort": "2025-06",
				"placed": 4,
				"overdue": 1,
				"reached_1": 4,
				"checked_1": 3,
				"working_1": 3,
				"reached_6": 4,
				"checked_6": 2,
				"working_6": 1,
				"reached_12": 0,
				"checked_12": 0,
				"working_12": 0,
			},
			{
				"cohort": "2025-01",
				"placed": 1,
				"overdue": None,
				"reached_1": 1,
				"checked_1": 1,
				"working_1": 1,
			},
		],
		(1, 6, 12),
	)
	assert [row["cohort"] for row in rows] == ["2025-01", "2025-06"]
	june = rows[1]
	assert (june["share_1"], june["share_6"], june["share_12"]) == (75.0, 25.0, None)
	assert rows[0]["overdue"] == 0 and rows[0]["share_6"] is None

	total = rules.retention_totals(rows, (1, 6, 12))
	assert (total["placed"], total["overdue"]) == (5, 1)
	assert (total["reached_1"], total["working_1"], total["share_1"]) == (5, 4, 80.0)
	assert (total["reached_6"], total["working_6"], total["share_6"]) == (4, 1, 25.0)
	assert total["share_12"] is None

	assert rules.retention_chart(total, (1, 6, 12)) == {"labels": [1, 6], "values": [80.0, 25.0]}
	assert rules.retention_chart(rules.retention_totals([], (1, 6)), (1, 6)) is None


# Employer data bank


def test_employer_bank_counts_are_whole_and_summed():
	rows = rules.employer_bank_rows(
		[
			{
				"employer": "EMP-1",
				"region": "Saint Petersburg",
				"status": "Potential",
				"employers": 1,
				"potential": 1,
				"active_partners": 0,
				"inactive": 0,
				"contracts": None,
				"placements": 2,
				"last_contact_on": date(2026, 1, 5),
			},
			{
				"employer": "EMP-2",
				"region": "Leningrad Oblast",
				"status": "Active Partner",
				"employers": 1,
				"potential": 0,
				"active_partners": 1,
				"inactive": 0,
				"contracts": 3,
				"placements": 0,
				"last_contact_on": date(2026, 2, 1),
			},
			{
				"employer": "EMP-3",
				"region": None,
				"status": "Inactive",
				"employers": 1,
				"potential": 0,
				"active_partners": 0,
				"inactive": 1,
				"contracts": 0,
				"placements": 0,
				"last_contact_on": None,
			},
		]
	)
	assert rows[0]["contracts"] == 0
	total = rules.employer_bank_totals(rows)
	assert (total["employers"], total["potential"], total["active_partners"], total["inactive"]) == (
		3,
		1,
		1,
		1,
	)
	assert (total["contracts"], total["placements"]) == (3, 2)
	assert total["last_contact_on"] == date(2026, 2, 1)
	chart = rules.employer_region_chart(rows)
	assert chart["labels"] == ["Saint Petersburg", "Leningrad Oblast", None]
	assert chart["datasets"] == [
		("Potential", [1, 0, 0]),
		("Active Partner", [0, 1, 0]),
		("Inactive", [0, 0, 1]),
	]
	assert rules.employer_region_chart([]) is None


# Contract journal


def test_journal_table_pivots_statuses():
	rows = rules.journal_table(
		[
			{"journal": "Partnership", "status": "Active", "contracts": 2, "expiring": 1},
			{"journal": "Partnership", "status": "Expiring Soon", "contracts": 1, "expiring": 1},
			{"journal": "Partnership", "status": "Draft", "contracts": 1, "expiring": 0},
			{"journal": "Free Training", "status": "Expired", "contracts": 1, "expiring": 0},
		]
	)
	assert [row["journal"] for row in rows] == ["Free Training", "Partnership"]
	partnership = rows[1]
	assert (partnership["active"], partnership["expiring_soon"], partnership["draft"]) == (2, 1, 1)
	assert (partnership["total"], partnership["in_force"], partnership["expiring"]) == (4, 3, 2)
	total = rules.journal_totals(rows)
	assert (total["total"], total["in_force"], total["expiring"], total["expired"]) == (5, 3, 2, 1)


def test_expiring_rows_count_days_left():
	rows = rules.expiring_rows(
		[
			{"registration_number": "B", "valid_to": date(2026, 3, 20)},
			{"registration_number": "A", "valid_to": date(2026, 3, 10)},
		],
		TODAY,
	)
	assert [(row["registration_number"], row["days_left"]) for row in rows] == [("A", 0), ("B", 10)]


# Profession demand


def test_period_labels():
	assert rules.period_label(2026, None, rules.YEAR) == "2026"
	assert rules.period_label(2026, 2, rules.QUARTER) == "2026-Q2"
	assert rules.period_label(2026, 3, rules.MONTH) == "2026-03"
	assert rules.period_label(None, None, rules.YEAR) is None


def test_demand_table_sets_positions_against_seekers():
	rows = rules.demand_table(
		[
			{"profession": "Повар", "year": 2026, "part": 1, "requests": 2, "positions": 5, "filled": 1},
			{"profession": "Садовник", "year": 2026, "part": 2, "requests": 1, "positions": 1, "filled": 0},
		],
		[
			{"profession": "Повар", "year": 2026, "part": 1, "graduates": 4, "seeking": 2},
			{"profession": "Садовник", "year": 2026, "part": 2, "graduates": 3, "seeking": 3},
			{"profession": None, "year": 2026, "part": 2, "graduates": 1, "seeking": 1},
		],
		rules.QUARTER,
	)
	assert [(row["profession"], row["period"], row["gap"]) for row in rows] == [
		("Повар", "2026-Q1", 3),
		("Садовник", "2026-Q2", -2),
		(None, "2026-Q2", -1),
	]
	total = rules.demand_totals(rows)
	assert (total["positions"], total["seeking"], total["gap"], total["professions_short"]) == (6, 6, 0, 1)
	chart = rules.demand_chart(rows)
	assert chart == {"labels": ["Повар", "Садовник", None], "positions": [5, 1, 0], "seeking": [2, 3, 1]}
	assert rules.demand_chart([]) is None


# Consent register


def test_consent_table_pivots_statuses_by_kind():
	rows = rules.consent_table(
		[
			{"kind": "Dissemination", "status": "Active", "consents": 1},
			{"kind": "Processing", "status": "Active", "consents": 3},
			{"kind": "Processing", "status": "Revoked", "consents": 1},
		]
	)
	assert [row["kind"] for row in rows] == ["Processing", "Dissemination"]
	assert (rows[0]["active"], rows[0]["revoked"], rows[0]["total"]) == (3, 1, 4)


def test_destruction_state_by_deadline():
	assert rules.destruction_state(date(2026, 3, 1), date(2026, 3, 2), TODAY) == rules.DESTROYED
	assert rules.destruction_state(date(2026, 3, 9), None, TODAY) == rules.DESTRUCTION_OVERDUE
	assert rules.destruction_state(TODAY, None, TODAY) == rules.AWAITING
	rows = rules.revocation_rows(
		[
			{"name": "C", "destruction_due_on": date(2026, 3, 1), "destroyed_on": date(2026, 2, 28)},
			{"name": "B", "destruction_due_on": date(2026, 4, 1), "destroyed_on": None},
			{"name": "A", "destruction_due_on": date(2026, 3, 5), "destroyed_on": None},
		],
		TODAY,
	)
	assert [(row["name"], row["state"], row["days_left"]) for row in rows] == [
		("A", rules.DESTRUCTION_OVERDUE, -5),
		("B", rules.AWAITING, 22),
		("C", rules.DESTROYED, None),
	]
	assert rules.revocation_totals(rows) == {
		rules.DESTROYED: 1,
		rules.AWAITING: 1,
		rules.DESTRUCTION_OVERDUE: 1,
	}


def test_coming_of_age_within_the_days_today_included():
	rows = rules.coming_of_age_rows(
		[
			{"graduate": "today", "date_of_birth": date(2008, 3, 10)},
			{"graduate": "day 90", "date_of_birth": date(2008, 6, 8)},
			{"graduate": "day 91", "date_of_birth": date(2008, 6, 9)},
			{"graduate": "yesterday", "date_of_birth": date(2008, 3, 9)},
			{"graduate": "no date", "date_of_birth": None},
		],
		TODAY,
		90,
	)
	assert [(row["graduate"], row["turns_18_on"], row["days_left"]) for row in rows] == [
		("today", date(2026, 3, 10), 0),
		("day 90", date(2026, 6, 8), 90),
	]
	assert "date_of_birth" not in rows[0]


def test_the_birth_window_covers_the_leap_day():
	earliest, latest = rules.birth_date_window(date(2026, 2, 28), 2)
	assert earliest <= date(2008, 2, 28) and latest >= date(2008, 3, 2)
	# Born on 29 February 2008: 18 on 1 March 2026 (a common year), inside the window and the rows.
	assert earliest <= date(2008, 2, 29) <= latest
	rows = rules.coming_of_age_rows(
		[{"graduate": "leap", "date_of_birth": date(2008, 2, 29)}], date(2026, 2, 28), 2
	)
	assert rows[0]["turns_18_on"] == date(2026, 3, 1)


# Work plan


def test_plan_table_counts_overdue_items():
	rows = rules.plan_table(
		[
			{
				"plan": "WP-2026-H1",
				"year": 2026,
				"period": "1st Half",
				"plan_status": "Approved",
				"status": "Done",
				"items": 3,
				"past_due": 3,
				"undated": 0,
			},
			{
				"plan": "WP-2026-H1",
				"year": 2026,
				"period": "1st Half",
				"plan_status": "Approved",
				"status": "Planned",
				"items": 4,
				"past_due": 1,
				"undated": 2,
			},
			{
				"plan": "WP-2026-H1",
				"year": 2026,
				"period": "1st Half",
				"plan_status": "Approved",
				"status": "In Progress",
				"items": 1,
				"past_due": 1,
				"undated": 0,
			},
			{
				"plan": "WP-2025-H2",
				"year": 2025,
				"period": "2nd Half",
				"plan_status": "Approved",
				"status": "Planned",
				"items": 2,
				"past_due": 0,
				"undated": 2,
			},
		],
		TODAY,
	)
	assert [row["plan"] for row in rows] == ["WP-2025-H2", "WP-2026-H1"]
	# The first half of 2026 has not ended: undated items are not overdue yet; its dated ones are.
	current = rows[1]
	assert (current["done"], current["planned"], current["in_progress"], current["total"]) == (3, 4, 1, 8)
	assert current["overdue"] == 2
	assert current["done_share"] == 37.5
	# The second half of 2025 is over: its undated open items are overdue.
	assert rows[0]["overdue"] == 2
	total = rules.plan_totals(rows)
	assert (total["total"], total["overdue"], total["done"]) == (10, 4, 3)
	assert total["done_share"] == 30.0


def test_overdue_items_past_their_deadline():
	rows = rules.overdue_item_rows(
		[
			{
				"plan": "WP-2026-H1",
				"year": 2026,
				"period": "1st Half",
				"idx": 1,
				"status": "Planned",
				"due_date": date(2026, 3, 1),
			},
			{
				"plan": "WP-2026-H1",
				"year": 2026,
				"period": "1st Half",
				"idx": 2,
				"status": "Done",
				"due_date": date(2026, 3, 1),
			},
			{
				"plan": "WP-2026-H1",
				"year": 2026,
				"period": "1st Half",
				"idx": 3,
				"status": "Planned",
				"due_date": None,
			},
			{
				"plan": "WP-2025-H2",
				"year": 2025,
				"period": "2nd Half",
				"idx": 4,
				"status": "In Progress",
				"due_date": None,
			},
		],
		TODAY,
	)
	assert [(row["idx"], row["deadline"], row["days_overdue"]) for row in rows] == [
		(4, date(2025, 12, 31), 69),
		(1, date(2026, 3, 1), 9),
	]


# Specialist activity


def test_activity_table_merges_the_blocks_per_user_and_period():
	rows = rules.activity_table(
		[
			[{"user": "b@x", "year": 2026, "part": 3, "checks_done": 4}],
			[{"user": "a@x", "year": 2026, "part": 3, "events_held": 1, "participants": 12}],
			[
				{"user": "b@x", "year": 2026, "part": 3, "placements": 2},
				{"user": "b@x", "year": 2026, "part": 2, "placements": 1},
			],
		],
		rules.MONTH,
	)
	assert [(row["user"], row["period"]) for row in rows] == [
		("a@x", "2026-03"),
		("b@x", "2026-02"),
		("b@x", "2026-03"),
	]
	assert (rows[0]["events_held"], rows[0]["participants"], rows[0]["checks_done"]) == (1, 12, 0)
	assert (rows[2]["checks_done"], rows[2]["placements"]) == (4, 2)
	assert rules.activity_totals(rows)["placements"] == 3


# No report reads a sensitive field


REPORTING_SOURCES = [
	*(Path(__file__).resolve().parents[2] / "citi_employment" / "reporting").glob("*.py"),
	Path(__file__).resolve().parents[2] / "citi_employment" / "domain" / "reporting.py",
]
SENSITIVE = re.compile(
	r"passport|snils|\binn\b|disability|ipra|special_workplace_need|Graduate Personal Data"
)


@pytest.mark.parametrize("path", REPORTING_SOURCES, ids=lambda path: path.name)
def test_reporting_code_never_names_a_sensitive_field(path):
	# The docstring of a module may say it never reads Graduate Personal Data; the code may not read it.
	code = re.sub(r'"""(.|\n)*?"""', "", path.read_text(encoding="utf-8"))
	assert not SENSITIVE.search(code)
