"""Small-cell suppression (§2.4): every hidden cell of a published table is attacked by an exhaustive solver
that knows only what the page shows, and must keep at least two possible values.

The solver here is written apart from the module's residual-graph audit on purpose: it propagates interval
bounds through the row, column and grand-total equations and branches on every value (integer search), so
it checks the audit instead of repeating it.
"""

import random

import pytest

from citi_employment.domain import suppression as rules
from citi_employment.domain.suppression import CellState, SuppressedTable, TableShapeError, suppress

# --- the attacker -------------------------------------------------------------------------------------------


def attacker_problem(table: SuppressedTable):
	"""Variables (with the bounds the page gives) and equations, from the published table only.

	Variables are the grid positions (i, j) of the table with its margins, totals last. An equation is
	(terms, constant): sum of terms (coefficient, variable) == constant."""
	grid = table.grid()
	rows, columns = len(grid), len(grid[0])
	minimum = table.min_cell_size
	grand = table.total
	# A hidden count is a whole number >= 0; no count exceeds the grand total (or the «<N» it is said to be).
	cap = grand.value if grand.shown else (minimum - 1 if grand.state == CellState.SMALL else 10**6)
	variables: dict[tuple[int, int], tuple[int, int]] = {}
	for i in range(rows):
		for j in range(columns):
			cell = grid[i][j]
			if cell.state == CellState.SHOWN:
				variables[i, j] = (cell.value, cell.value)
			elif cell.state == CellState.SMALL:
				variables[i, j] = (1, minimum - 1)
			else:
				variables[i, j] = (0, cap)
	equations = []
	for i in range(rows):
		equations.append(([(1, (i, j)) for j in range(columns - 1)] + [(-1, (i, columns - 1))], 0))
	for j in range(columns):
		equations.append(([(1, (i, j)) for i in range(rows - 1)] + [(-1, (rows - 1, j))], 0))
	return variables, equations


def propagate(bounds: dict, equations) -> bool:
	"""Tighten the bounds to a fixpoint; False when no solution is left."""
	changed = True
	while changed:
		changed = False
		for terms, constant in equations:
			for coefficient, variable in terms:
				# coefficient * x = constant - sum(others)
				low_rest = high_rest = 0
				for other_coefficient, other in terms:
					if other is variable:
						continue
					low, high = bounds[other]
					if other_coefficient > 0:
						low_rest += low
						high_rest += high
					else:
						low_rest -= high
						high_rest -= low
				if coefficient > 0:
					new_low, new_high = constant - high_rest, constant - low_rest
				else:
					new_low, new_high = low_rest - constant, high_rest - constant
				low, high = bounds[variable]
				low, high = max(low, new_low), min(high, new_high)
				if low > high:
					return False
				if (low, high) != bounds[variable]:
					bounds[variable] = (low, high)
					changed = True
	return True


def feasible(bounds: dict, equations) -> bool:
	"""Whether some integer assignment within the bounds satisfies every equation (branch and propagate)."""
	bounds = dict(bounds)
	if not propagate(bounds, equations):
		return False
	open_variables = [variable for variable, (low, high) in bounds.items() if low < high]
	if not open_variables:
		return True
	variable = min(open_variables, key=lambda v: bounds[v][1] - bounds[v][0])
	low, high = bounds[variable]
	for value in range(low, high + 1):
		trial = dict(bounds)
		trial[variable] = (value, value)
		if feasible(trial, equations):
			return True
	return False


def possible_values(table: SuppressedTable, cell: tuple[int, int], enough: int = 2) -> list[int]:
	"""Values the hidden ``cell`` can take given everything shown, up to ``enough`` of them."""
	variables, equations = attacker_problem(table)
	bounds = dict(variables)
	if not propagate(bounds, equations):
		return []
	found = []
	low, high = bounds[cell]
	for value in range(low, high + 1):
		trial = dict(bounds)
		trial[cell] = (value, value)
		if feasible(trial, equations):
			found.append(value)
			if len(found) >= enough:
				break
	return found


def recomputed_cells(table: SuppressedTable) -> list[tuple[tuple[int, int], list[int]]]:
	"""The hidden cells (margins included) an attacker pins to one value."""
	grid = table.grid()
	result = []
	for i, row in enumerate(grid):
		for j, cell in enumerate(row):
			if not cell.shown:
				values = possible_values(table, (i, j))
				if len(values) < 2:
					result.append(((i, j), values))
	return result


def true_grid(values):
	return rules.augmented(values, len(values[0]))


def assert_published_faithfully(table: SuppressedTable, values, minimum: int) -> None:
	"""Shown figures are the true ones, every small count is marked small, no hidden value travels."""
	grid = table.grid()
	truth = true_grid(values)
	for i, row in enumerate(grid):
		for j, cell in enumerate(row):
			if cell.shown:
				assert cell.value == abs(truth[i][j])
			else:
				assert cell.value is None
	if table.withheld:
		return
	for i, row in enumerate(values):
		for j, value in enumerate(row):
			if 0 < value < minimum:
				assert table.cells[i][j].state == CellState.SMALL
			else:
				assert table.cells[i][j].state != CellState.SMALL


def table_of(values, minimum=5) -> SuppressedTable:
	rows = [f"r{i}" for i in range(len(values))]
	columns = [f"c{j}" for j in range(len(values[0]))]
	return suppress(rows, columns, values, minimum)


# --- examples -----------------------------------------------------------------------------------------------


def test_a_table_without_small_cells_is_shown_whole():
	table = table_of([[10, 20], [30, 0]])
	assert all(cell.shown for row in table.grid() for cell in row)
	assert table.total.value == 60


def test_a_small_cell_reads_below_the_minimum_and_takes_complements_in_its_row_and_column():
	values = [[2, 10, 12], [9, 11, 15], [20, 30, 40]]
	table = table_of(values)
	assert table.cells[0][0].state == CellState.SMALL
	hidden = [(i, j) for i, row in enumerate(table.cells) for j, cell in enumerate(row) if not cell.shown]
	# A rectangle: the small cell, one more in its row, one in its column, and the fourth corner.
	assert len(hidden) == 4
	assert len({i for i, _ in hidden}) == 2 and len({j for _, j in hidden}) == 2
	assert all(total.shown for total in (*table.row_totals, *table.column_totals, table.total))
	assert recomputed_cells(table) == []
	assert_published_faithfully(table, values, 5)


def test_the_next_smallest_cell_is_the_complement():
	values = [[3, 50, 7, 40], [30, 60, 8, 45]]
	table = table_of(values)
	# Row 0 hides its 3 and the smallest other count, 7; column 2 then hides row 1's 8; row 1 is closed by it.
	assert [cell.state for cell in table.cells[0]] == [
		CellState.SMALL,
		CellState.SHOWN,
		CellState.HIDDEN,
		CellState.SHOWN,
	]
	assert table.cells[1][2].state == CellState.HIDDEN
	assert recomputed_cells(table) == []


def test_a_profession_whose_graduates_all_had_one_small_outcome_is_protected_through_a_zero():
	# 3 graduates, all working: the zero beside them is hidden too, else the total gives the 3 back.
	values = [[3, 0, 0], [12, 9, 6], [15, 7, 8]]
	table = table_of(values)
	assert table.cells[0][0].state == CellState.SMALL
	assert sum(not cell.shown for cell in table.cells[0]) >= 2
	assert recomputed_cells(table) == []
	assert_published_faithfully(table, values, 5)


def test_a_single_row_table_hides_totals_when_no_cell_can_protect():
	# One profession: each column total equals its cell, so the totals must go with the cells.
	values = [[2, 14, 9]]
	table = table_of(values)
	assert table.cells[0][0].state == CellState.SMALL
	assert not table.column_totals[0].shown
	assert recomputed_cells(table) == []


def test_a_year_with_fewer_graduates_than_the_minimum_is_withheld_whole():
	values = [[1, 0], [2, 0]]
	table = table_of(values)
	assert table.withheld
	assert table.total.state == CellState.SMALL
	assert not any(cell.shown for row in table.grid() for cell in row)
	assert recomputed_cells(table) == []


def test_zeros_are_shown_and_count_as_known():
	values = [[0, 12, 6], [7, 0, 9]]
	table = table_of(values)
	assert table.cells[0][0] == rules.Cell(CellState.SHOWN, 0)
	assert table.cells[1][1] == rules.Cell(CellState.SHOWN, 0)


def test_the_minimum_is_never_below_three_and_defaults_to_five():
	assert rules.effective_min_cell_size(None) == 5
	assert rules.effective_min_cell_size("") == 5
	assert rules.effective_min_cell_size(0) == 3
	assert rules.effective_min_cell_size(2) == 3
	assert rules.effective_min_cell_size(10) == 10
	# «<2» would mean exactly 1 once zeros are shown: the table applies 3.
	table = table_of([[1, 20], [20, 20]], minimum=2)
	assert table.min_cell_size == 3
	assert table.cells[0][0].state == CellState.SMALL
	assert rules.small_label(table.min_cell_size) == "<3"


def test_the_same_counts_give_the_same_table():
	values = [[2, 3, 0, 11], [4, 0, 8, 1], [0, 6, 2, 9]]
	assert table_of(values) == table_of(values)


def test_an_empty_table_is_an_empty_table():
	table = suppress([], ["a", "b"], [], 5)
	assert table.cells == ()
	assert table.total == rules.Cell(CellState.SHOWN, 0)


@pytest.mark.parametrize(
	"rows, columns, values",
	[
		(["a"], ["x", "y"], [[1]]),
		(["a", "b"], ["x"], [[1]]),
		(["a", "a"], ["x"], [[1], [2]]),
		(["a"], ["x"], [[-1]]),
		(["a"], ["x"], [[1.5]]),
		(["a"], ["x"], [[True]]),
	],
)
def test_a_table_that_is_not_one_is_refused(rows, columns, values):
	with pytest.raises(TableShapeError):
		suppress(rows, columns, values, 5)


# --- the attacker against many tables -----------------------------------------------------------------------


def random_values(rng: random.Random, rows: int, columns: int) -> list[list[int]]:
	# Mostly small counts and zeros, as in a small institution's outcome table, some larger ones.
	choices = [0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 8, 11, 15, 25]
	return [[rng.choice(choices) for _ in range(columns)] for _ in range(rows)]


RANDOM_TABLES = [
	(seed, rows, columns, minimum)
	for seed, (rows, columns, minimum) in enumerate(
		(rows, columns, minimum)
		for rows in (1, 2, 3, 4)
		for columns in (1, 2, 3, 4)
		for minimum in (3, 5)
		for _ in range(4)
	)
]


@pytest.mark.parametrize("seed, rows, columns, minimum", RANDOM_TABLES)
def test_no_hidden_cell_of_a_random_table_can_be_recomputed(seed, rows, columns, minimum):
	values = random_values(random.Random(seed), rows, columns)
	table = table_of(values, minimum)
	assert_published_faithfully(table, values, minimum)
	assert recomputed_cells(table) == [], values


@pytest.mark.parametrize("seed", range(120))
def test_the_audit_agrees_with_the_exhaustive_solver_on_any_hiding(seed):
	"""The residual-graph audit that drives the suppression finds exactly the cells the solver pins, for any
	pattern of hidden and small cells (not only the ones the suppression would choose)."""
	rng = random.Random(1000 + seed)
	rows, columns, minimum = rng.randint(1, 3), rng.randint(1, 4), rng.choice((3, 5))
	values = random_values(rng, rows, columns)
	truth = true_grid(values)
	states = []
	for i, row in enumerate(truth):
		states.append([])
		for j, value in enumerate(row):
			count = abs(value)
			margin = rules.is_margin(truth, i, j)
			if not margin and 0 < count < minimum:
				state = rng.choice((CellState.SMALL, CellState.SHOWN))
			else:
				state = rng.choice((CellState.HIDDEN, CellState.SHOWN, CellState.SHOWN))
			if count and 0 < truth[-1][-1] < minimum and count < minimum and state == CellState.HIDDEN:
				state = CellState.SMALL
			states[-1].append(state)
	if not 0 < truth[-1][-1] < minimum and states[-1][-1] == CellState.SMALL:
		states[-1][-1] = CellState.HIDDEN
	table = published_with(values, states, minimum)
	audit = set(rules.determined_cells(truth, states, minimum))
	solver = {cell for cell, _values in recomputed_cells(table)}
	assert audit == solver, (values, states)


def published_with(values, states, minimum) -> SuppressedTable:
	rows = [f"r{i}" for i in range(len(values))]
	columns = [f"c{j}" for j in range(len(values[0]))]
	return rules.published(rows, columns, true_grid(values), states, minimum)


def test_a_small_cell_pinned_by_its_bounds_is_caught():
	# Two «<5» in a row of total 8, everything else shown: 8 = 4 + 4 is the only way.
	values = [[4, 4], [10, 9]]
	small, shown = CellState.SMALL, CellState.SHOWN
	states = [[small, small, shown], [shown, shown, shown], [shown, shown, shown]]
	table = published_with(values, states, 5)
	assert {cell for cell, _ in recomputed_cells(table)} == {(0, 0), (0, 1)}
	assert set(rules.determined_cells(true_grid(values), states, 5)) == {(0, 0), (0, 1)}
	# 3 + 4 = 7 leaves 4 + 3 open once the other row hides its cells too; with that row shown, the column
	# totals give both back.
	values = [[3, 4], [10, 9]]
	assert {cell for cell, _ in recomputed_cells(published_with(values, states, 5))} == {(0, 0), (0, 1)}
	states[1] = [CellState.HIDDEN, CellState.HIDDEN, shown]
	assert recomputed_cells(published_with(values, states, 5)) == []
	assert rules.determined_cells(true_grid(values), states, 5) == []
