"""Small-cell suppression of a published count table (§2.4, the public page «/employment-outcomes»).

The public page shows, for each year, graduates by profession (rows) and outcome (columns) with the row
totals, the column totals and the grand total. A count below the minimum cell size of the Settings could
single a person out, so it is not shown: it reads «<N» (a *small* cell, primary suppression). Hiding it is not
enough, because the row and column totals and the other cells would give it back by subtraction, so other
cells are hidden too (*hidden* cells, secondary or complementary suppression), shown as «×».

What a reader of the page knows, and what the audit below assumes an attacker knows
-------------------------------------------------------------------------------
- every shown cell and total exactly;
- a small cell lies in ``[1, N-1]`` (zeros are never small, see below);
- a hidden cell is a whole number ``>= 0`` and nothing more;
- every row sums to its total, every column to its total, the totals to the grand total.

A hidden or small cell is safe when these facts allow at least two values for it. The audit
(:func:`determined_cells`) decides that exactly: the table with its margins is a transportation table, so
the integer solutions differ from the true one by alternating cycles over hidden cells (the constraint matrix
is totally unimodular), and a cell can take another value iff a cycle through it fits within the bounds
(a path in the residual graph, :func:`can_move`). The suppression hides cells until the audit finds no cell
determined; at worst it hides the whole table, which is always safe (every cell sits on the cycle through
its row total, its column total and the grand total).

Zeros
-----
A zero is not a count of people, so it is shown: hiding every zero of a table with ten outcomes would hide
most of it. A zero still tells something (a row whose only non-zero cell is small says that every graduate of
that profession had that outcome), which is why zeros take part in the audit as exactly known values, the
attacker's strongest position, and may be chosen as complementary cells (hiding a zero loses the reader
least). Showing zeros has one consequence: «<2» would mean exactly 1. The minimum is therefore never taken
below :data:`LOWEST_MIN_CELL_SIZE` (3), whatever the Settings say.

Margins
-------
Row, column and grand totals are shown: the number of graduates of a profession is not about any one of them.
They are hidden only when no interior cell can protect a small one (a table of one row or one column), and a
whole table whose grand total is below the minimum is withheld (everything hidden, the total «<N»).

This module knows nothing of Frappe; the publication service (``citi_employment.publication``) feeds it the
figures of published annual reports and renders what it returns. A suppressed cell's value is not in the
result at all, so no template can print it by mistake.
"""

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from citi_employment.domain.errors import DomainError

# With zeros shown, «<2» would say "1": the smallest minimum that still hides something.
LOWEST_MIN_CELL_SIZE = 3
DEFAULT_MIN_CELL_SIZE = 5
# Hidden cells and totals have no upper bound the reader knows; a number no count of graduates reaches.
UNBOUNDED = 10**12


class CellState(str, Enum):
	SHOWN = "shown"
	# Below the minimum (primary suppression): shown as «<N».
	SMALL = "small"
	# Hidden so that a small cell cannot be recomputed (secondary suppression): shown as «×».
	HIDDEN = "hidden"


class TableShapeError(DomainError):
	"""The counts do not form a table: ragged rows, a negative count, a label repeated."""


@dataclass(frozen=True)
class Cell:
	"""A published cell: its value only when shown."""

	state: CellState
	value: int | None = None

	@property
	def shown(self) -> bool:
		return self.state == CellState.SHOWN


@dataclass(frozen=True)
class SuppressedTable:
	rows: tuple[str, ...]
	columns: tuple[str, ...]
	cells: tuple[tuple[Cell, ...], ...]
	row_totals: tuple[Cell, ...]
	column_totals: tuple[Cell, ...]
	total: Cell
	min_cell_size: int

	@property
	def withheld(self) -> bool:
		"""The whole table is hidden: fewer graduates than the minimum."""
		return not self.total.shown

	def grid(self) -> list[list[Cell]]:
		"""The table with its margins as one (rows + 1) x (columns + 1) grid, totals last."""
		grid = [[*row, row_total] for row, row_total in zip(self.cells, self.row_totals, strict=True)]
		grid.append([*self.column_totals, self.total])
		return grid


def effective_min_cell_size(setting: int | None) -> int:
	"""The minimum the page applies: the Settings' value, never below :data:`LOWEST_MIN_CELL_SIZE`; unset
	means :data:`DEFAULT_MIN_CELL_SIZE`."""
	if setting is None or setting == "":
		return DEFAULT_MIN_CELL_SIZE
	return max(int(setting), LOWEST_MIN_CELL_SIZE)


def small_label(min_cell_size: int) -> str:
	return f"<{min_cell_size}"


# --- the augmented grid -------------------------------------------------------------------------------------
# The table with margins written so that every row and every column sums to zero: interior cells as they are,
# row and column totals negated, the grand total as it is. A change that keeps every line's sum is then a set
# of alternating +1/-1 cycles, the same rule for a total as for a cell.


def augmented(values: Sequence[Sequence[int]], column_count: int) -> list[list[int]]:
	row_totals = [sum(row) for row in values]
	column_totals = [sum(row[j] for row in values) for j in range(column_count)]
	grid = [[*row, -total] for row, total in zip(values, row_totals, strict=True)]
	grid.append([-total for total in column_totals] + [sum(row_totals)])
	return grid


def is_margin(grid: Sequence[Sequence], i: int, j: int) -> bool:
	return i == len(grid) - 1 or j == len(grid[0]) - 1


def bounds(grid: Sequence[Sequence[int]], i: int, j: int, state: CellState, min_cell_size: int):
	"""What the reader knows of a cell of the augmented grid: its (low, high) there."""
	if state == CellState.SHOWN:
		return grid[i][j], grid[i][j]
	low, high = (1, min_cell_size - 1) if state == CellState.SMALL else (0, UNBOUNDED)
	negated = is_margin(grid, i, j) and not (i == len(grid) - 1 and j == len(grid[0]) - 1)
	return (-high, -low) if negated else (low, high)


def can_move(
	grid: Sequence[Sequence[int]],
	states: Sequence[Sequence[CellState]],
	min_cell_size: int,
	cell: tuple[int, int],
	step: int,
) -> bool:
	"""Whether the hidden ``cell`` of the augmented grid can change by ``step`` (+1 or -1) while every other
	fact the reader has stays true: a cycle of alternating changes through the cell, each within its bounds.

	Residual graph: a node per row and per column; a hidden cell (i, j) that may grow is an arc row i → column
	j, one that may shrink an arc column j → row i. The cell grows iff its column reaches its row without it,
	and shrinks iff its row reaches its column without it."""
	i0, j0 = cell
	low, high = bounds(grid, i0, j0, states[i0][j0], min_cell_size)
	value = grid[i0][j0]
	if (step > 0 and value >= high) or (step < 0 and value <= low):
		return False
	rows, columns = len(grid), len(grid[0])
	# Node numbering: rows 0..rows-1, columns rows..rows+columns-1.
	arcs: list[list[int]] = [[] for _ in range(rows + columns)]
	for i in range(rows):
		for j in range(columns):
			if states[i][j] == CellState.SHOWN or (i, j) == cell:
				continue
			low, high = bounds(grid, i, j, states[i][j], min_cell_size)
			if grid[i][j] < high:
				arcs[i].append(rows + j)
			if grid[i][j] > low:
				arcs[rows + j].append(i)
	start, goal = (rows + j0, i0) if step > 0 else (i0, rows + j0)
	seen = {start}
	queue = deque([start])
	while queue:
		node = queue.popleft()
		if node == goal:
			return True
		for following in arcs[node]:
			if following not in seen:
				seen.add(following)
				queue.append(following)
	return False


def determined_cells(
	grid: Sequence[Sequence[int]], states: Sequence[Sequence[CellState]], min_cell_size: int
) -> list[tuple[int, int]]:
	"""The hidden cells of the augmented grid (margins included) whose value the reader can work out."""
	return [
		(i, j)
		for i, row in enumerate(states)
		for j, state in enumerate(row)
		if state != CellState.SHOWN
		and not can_move(grid, states, min_cell_size, (i, j), +1)
		and not can_move(grid, states, min_cell_size, (i, j), -1)
	]


# --- suppression ------------------------------------------------------------------------------------------


def suppress(
	rows: Sequence[str],
	columns: Sequence[str],
	values: Sequence[Sequence[int]],
	min_cell_size: int | None = DEFAULT_MIN_CELL_SIZE,
) -> SuppressedTable:
	"""The table as it may be published: small cells «<N», complementary cells hidden, the rest shown.

	Deterministic: the same counts give the same table (so a cached page and a fresh one agree)."""
	minimum = effective_min_cell_size(min_cell_size)
	check_shape(rows, columns, values)
	grid = augmented(values, len(columns))
	states = initial_states(grid, minimum)
	hide_singletons(grid, states)
	while determined := determined_cells(grid, states, minimum):
		hide_complement(grid, states, minimum, determined[0])
		hide_singletons(grid, states)
	return published(rows, columns, grid, states, minimum)


def check_shape(rows: Sequence[str], columns: Sequence[str], values: Sequence[Sequence[int]]) -> None:
	if len(set(rows)) != len(rows) or len(set(columns)) != len(columns):
		raise TableShapeError("repeated row or column label")
	if len(values) != len(rows) or any(len(row) != len(columns) for row in values):
		raise TableShapeError("the counts do not match the labels")
	for row in values:
		for value in row:
			if isinstance(value, bool) or not isinstance(value, int) or value < 0:
				raise TableShapeError("a count is not a whole number >= 0")


def initial_states(grid: list[list[int]], minimum: int) -> list[list[CellState]]:
	"""Primary suppression: interior cells in [1, N-1]. A table of fewer than N graduates is withheld whole:
	small where the count is below N and not zero, hidden elsewhere (zeros too: with so few graduates the
	zeros alone would say where they all are)."""
	rows, columns = len(grid), len(grid[0])
	grand_total = grid[-1][-1]
	states = [[CellState.SHOWN] * columns for _ in range(rows)]
	for i in range(rows):
		for j in range(columns):
			count = abs(grid[i][j])
			if 0 < grand_total < minimum:
				states[i][j] = CellState.SMALL if count else CellState.HIDDEN
			elif not is_margin(grid, i, j) and 0 < count < minimum:
				states[i][j] = CellState.SMALL
	return states


def lines(grid: Sequence[Sequence[int]]):
	"""Every row and every column of the augmented grid, as lists of (i, j)."""
	rows, columns = len(grid), len(grid[0])
	for i in range(rows):
		yield [(i, j) for j in range(columns)]
	for j in range(columns):
		yield [(i, j) for i in range(rows)]


def crossing_line(grid, line: list[tuple[int, int]], cell: tuple[int, int]) -> list[tuple[int, int]]:
	"""The other line through ``cell``: its column if ``line`` is a row, its row if a column."""
	i, j = cell
	if all(other_i == i for other_i, _ in line):
		return [(row, j) for row in range(len(grid))]
	return [(i, column) for column in range(len(grid[0]))]


def candidate_key(grid, states, line: list[tuple[int, int]], cell: tuple[int, int]) -> tuple:
	"""How good a complement ``cell`` of ``line`` is, best lowest: an interior cell before a total (the grand
	total last), one whose crossing line already hides a cell (it closes a cycle instead of opening a line),
	then the smallest count (the reader loses least), then position (deterministic)."""
	i, j = cell
	crossing = crossing_line(grid, line, cell)
	opens_line = not any(states[a][b] != CellState.SHOWN for a, b in crossing if (a, b) != cell)
	grand = i == len(grid) - 1 and j == len(grid[0]) - 1
	return (grand, is_margin(grid, i, j), opens_line, abs(grid[i][j]), i, j)


def candidate_order(grid, states, line: list[tuple[int, int]]) -> list[tuple[int, int]]:
	"""Shown cells of a line, the best complement first (:func:`candidate_key`)."""
	shown = [cell for cell in line if states[cell[0]][cell[1]] == CellState.SHOWN]
	return sorted(shown, key=lambda cell: candidate_key(grid, states, line, cell))


def hide_singletons(grid, states) -> None:
	"""A line with one hidden cell gives it away by subtraction: hide the next smallest cell of that line,
	until no line has exactly one."""
	changed = True
	while changed:
		changed = False
		for line in lines(grid):
			hidden = [cell for cell in line if states[cell[0]][cell[1]] != CellState.SHOWN]
			if len(hidden) != 1:
				continue
			candidates = candidate_order(grid, states, line)
			if candidates:
				i, j = candidates[0]
				states[i][j] = CellState.HIDDEN
				changed = True


def hide_complement(grid, states, minimum: int, cell: tuple[int, int]) -> None:
	"""``cell`` is still determined (its cycles are blocked by bounds, or it hangs on a bridge): hide one
	more cell of its row or column, the first (in :func:`candidate_order`) that frees it, else the first."""
	i, j = cell
	row = [(i, column) for column in range(len(grid[0]))]
	column = [(r, j) for r in range(len(grid))]
	keyed = [
		(candidate_key(grid, states, line, candidate), candidate)
		for line in (row, column)
		for candidate in candidate_order(grid, states, line)
	]
	candidates = [candidate for _key, candidate in sorted(keyed)]
	if not candidates:
		# Both lines are hidden whole yet the cell is determined: cannot happen (see the module docstring),
		# but never loop: hide the rest of the table.
		for a, line in enumerate(states):
			for b, _state in enumerate(line):
				if states[a][b] == CellState.SHOWN:
					states[a][b] = CellState.HIDDEN
		return
	for candidate in candidates:
		states[candidate[0]][candidate[1]] = CellState.HIDDEN
		if can_move(grid, states, minimum, cell, +1) or can_move(grid, states, minimum, cell, -1):
			return
		states[candidate[0]][candidate[1]] = CellState.SHOWN
	first = candidates[0]
	states[first[0]][first[1]] = CellState.HIDDEN


def published(rows, columns, grid, states, minimum: int) -> SuppressedTable:
	def cell(i: int, j: int) -> Cell:
		if states[i][j] == CellState.SHOWN:
			return Cell(CellState.SHOWN, abs(grid[i][j]))
		return Cell(states[i][j])

	row_count, column_count = len(rows), len(columns)
	return SuppressedTable(
		rows=tuple(rows),
		columns=tuple(columns),
		cells=tuple(tuple(cell(i, j) for j in range(column_count)) for i in range(row_count)),
		row_totals=tuple(cell(i, column_count) for i in range(row_count)),
		column_totals=tuple(cell(row_count, j) for j in range(column_count)),
		total=cell(row_count, column_count),
		min_cell_size=minimum,
	)
