"""The public page's year tables (§2.4): built from the published rows, suppressed, and a chart figure taken
only from what the table shows."""

from citi_employment.domain import publication
from citi_employment.domain.suppression import CellState

COLUMNS = ("working_here", "working_elsewhere", "continuing_education", "not_working_seeking", "not_checked")
WORKING = ("working_here", "working_elsewhere")


def test_rows_of_a_profession_are_added_and_empty_rows_and_columns_left_out():
	rows = [
		{"profession": "Повар", "working_here": 6, "working_elsewhere": 2, "not_working_seeking": None},
		{"profession": "Повар", "working_here": 1},
		{"profession": "Швея", "working_here": 0, "working_elsewhere": 7, "not_checked": 5},
		{"profession": "Маляр"},
		{"profession": None, "not_checked": 9},
	]
	professions, columns, values = publication.outcome_counts(rows, COLUMNS)
	assert professions == ["Повар", "Швея", publication.NO_PROFESSION]
	assert columns == ["working_here", "working_elsewhere", "not_checked"]
	assert values == [[7, 2, 0], [0, 7, 5], [0, 0, 9]]


def test_the_share_of_working_graduates_comes_from_the_shown_totals():
	rows = [
		{"profession": "Повар", "working_here": 10, "working_elsewhere": 5, "not_working_seeking": 5},
		{"profession": "Швея", "working_here": 8, "continuing_education": 12},
	]
	year = publication.publish_year(2025, rows, COLUMNS, WORKING, 5, checkpoint=6)
	assert (year.year, year.checkpoint) == (2025, 6)
	assert year.columns == (
		"working_here",
		"working_elsewhere",
		"continuing_education",
		"not_working_seeking",
	)
	assert year.working_share == round(100 * 23 / 40, 1)


def test_small_cells_never_reach_the_chart():
	# One profession: a small column is hidden with its total, so no share is given at all.
	rows = [{"profession": "Повар", "working_here": 3, "working_elsewhere": 9, "not_working_seeking": 8}]
	year = publication.publish_year(2025, rows, COLUMNS, WORKING, 5)
	assert year.table.cells[0][0].state == CellState.SMALL
	assert not year.table.column_totals[0].shown
	assert year.working_share is None


def test_a_year_of_fewer_graduates_than_the_minimum_has_no_share():
	year = publication.publish_year(2025, [{"profession": "Повар", "working_here": 3}], COLUMNS, WORKING, 5)
	assert year.table.withheld
	assert year.working_share is None


def test_a_year_without_graduates_is_an_empty_table():
	year = publication.publish_year(2025, [], COLUMNS, WORKING, 5)
	assert year.table.rows == ()
	assert year.working_share is None
