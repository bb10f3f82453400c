"""What the public page «/employment-outcomes» shows of a published annual report (§2.4).

For each year: the year's graduates by profession (rows) and by what the monitoring found at the report's
checkpoint (columns), small cells suppressed (``domain.suppression``), and one figure for the chart, the
share of the year's graduates who are working. Every number here comes from the suppressed table as the
page shows it, so the chart can tell nothing the table hides; the report's own totals and shares are not
read at all (a total that did not add up to its cells would undo the suppression).

Plain values in, plain values out: the publication service (``citi_employment.publication``) reads the
published figures and the minimum cell size and renders what this module returns.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from citi_employment.domain.suppression import CellState, SuppressedTable, suppress

# The label of a row whose profession was not recorded.
NO_PROFESSION = ""


@dataclass(frozen=True)
class PublishedYear:
	year: int
	checkpoint: int | None
	columns: tuple[str, ...]
	table: SuppressedTable
	# Percent of the year's graduates working at the checkpoint, from shown figures only; None when the
	# figures it needs are hidden (or there are no graduates).
	working_share: float | None


def outcome_counts(
	rows: Iterable[Mapping], columns: Sequence[str]
) -> tuple[list[str], list[str], list[list[int]]]:
	"""Professions, columns and counts of a year's table.

	``rows``: one mapping per profession, with ``profession`` and a count under each key of ``columns``
	(missing or empty counts are 0). Rows of the same profession are added up; professions without
	graduates and columns nobody is in are left out (a zero row or column says nothing the totals do not).
	Professions sort by name, the unnamed one last."""
	by_profession: dict[str, list[int]] = {}
	for row in rows:
		profession = row.get("profession") or NO_PROFESSION
		counts = by_profession.setdefault(profession, [0] * len(columns))
		for index, column in enumerate(columns):
			counts[index] += int(row.get(column) or 0)
	professions = sorted(
		(name for name, counts in by_profession.items() if any(counts)), key=lambda name: (not name, name)
	)
	used = [
		index for index, column in enumerate(columns) if any(by_profession[p][index] for p in professions)
	]
	return (
		professions,
		[columns[index] for index in used],
		[[by_profession[profession][index] for index in used] for profession in professions],
	)


def publish_year(
	year: int,
	rows: Iterable[Mapping],
	columns: Sequence[str],
	working_columns: Iterable[str],
	min_cell_size: int | None,
	checkpoint: int | None = None,
) -> PublishedYear:
	professions, shown_columns, values = outcome_counts(rows, columns)
	table = suppress(professions, shown_columns, values, min_cell_size)
	return PublishedYear(
		year=year,
		checkpoint=checkpoint,
		columns=tuple(shown_columns),
		table=table,
		working_share=working_share(table, working_columns),
	)


def working_share(table: SuppressedTable, working_columns: Iterable[str]) -> float | None:
	"""The share of working graduates as the table shows it: the working columns' totals over the grand
	total, one decimal. None if one of those totals is hidden or nobody graduated."""
	if not table.total.shown or not table.total.value:
		return None
	working_columns = set(working_columns)
	working = 0
	for column, total in zip(table.columns, table.column_totals, strict=True):
		if column not in working_columns:
			continue
		if total.state != CellState.SHOWN:
			return None
		working += total.value
	return round(100.0 * working / table.total.value, 1)
