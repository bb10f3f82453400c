"""The public page «/employment-outcomes» (§2.4): graduates' employment by year, profession and outcome.

Only the figures of published annual reports reach it (``citi_employment.reporting.published``), never a
draft's, and never anything about one person: counts below the minimum cell size of the Settings read «<N»
and the cells that would give them back are hidden (``domain.suppression``).

Caching, two levels, both cleared by :func:`clear_cache`:

- the page's HTML, in the framework's website page cache (``website_page`` under :data:`ROUTE`, one copy per
  language, filled by the framework's ``cache_html`` on the first render). The page holds no personal data and
  nothing of the user who asked, so one copy serves everybody; ``citi_employment.publication.page`` answers a
  guest's request from it before the framework resolves the route, which is most of a cached answer's time;
- its data, in the site cache under :data:`CACHE_KEY` and the minimum cell size, for a day at most, so that a
  new language's first render, or one after a deploy's ``clear-cache``, does not recompute the tables.

A change to an annual report's status, or its deletion, and a save of the Settings (the minimum cell size and
the institution's names are on the page) clear both (``doc_events`` in hooks.py), at once and again after the
commit, so that a page built from the old figures while the change was being saved is not kept. A value
written behind the controllers' back (``db_set``, ``set_single_value``) must call :func:`clear_cache` itself.
"""

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.website.utils import delete_page_cache

from citi_employment.domain import reporting
from citi_employment.domain.publication import NO_PROFESSION, PublishedYear, publish_year
from citi_employment.domain.russian_text import LANGUAGE
from citi_employment.domain.suppression import CellState, effective_min_cell_size, small_label
from citi_employment.reporting.published import REPORT_DOCTYPE, published_figures

SETTINGS_DOCTYPE = "Employment Center Settings"
# The page's route: the key of its HTML in the framework's page cache (``frappe.website.utils.cache_html``).
ROUTE = "employment-outcomes"
OUTCOME_TABLE = "outcome_rows"
CACHE_KEY = "citi_employment:employment_outcomes"
# Part of the key: a release that changes the data's shape never meets a cached copy of the old shape.
CACHE_VERSION = 1
CACHE_SECONDS = 24 * 60 * 60
PUBLIC_STATUSES = ("Published", "Superseded")

# The columns of a year's table: the monitoring's outcomes, then the graduates without a check.
COLUMNS = (*(reporting.outcome_key(outcome) for outcome in reporting.OUTCOME_CATEGORIES), "not_checked")
WORKING_COLUMNS = tuple(reporting.outcome_key(outcome) for outcome in reporting.STILL_WORKING_OUTCOMES)


def column_labels() -> dict[str, str]:
	"""The page's column headings: about groups of graduates, so plural where the desk's labels are not."""
	return {
		"working_at_this_employer": _("Working where placed by the Center", lang=LANGUAGE),
		"working_elsewhere": _("Working for another employer", lang=LANGUAGE),
		"self_employed_npd": _("Self-employed (NPD)", lang=LANGUAGE),
		"individual_entrepreneur": _("Individual entrepreneurs", lang=LANGUAGE),
		"continuing_education": _("Continuing their education", lang=LANGUAGE),
		"military_service": _("In military service", lang=LANGUAGE),
		"parental_leave": _("On parental leave", lang=LANGUAGE),
		"not_working_seeking": _("Not working, seeking a job", lang=LANGUAGE),
		"not_working_not_seeking": _("Not working, not seeking a job", lang=LANGUAGE),
		"unreachable": _("Could not be reached", lang=LANGUAGE),
		"not_checked": _("No monitoring data yet", lang=LANGUAGE),
	}


# --- the page's data ------------------------------------------------------------------------------------


def page_data() -> dict:
	"""The page's figures, from the cache or freshly built (and then cached)."""
	minimum = effective_min_cell_size(
		frappe.db.get_single_value(SETTINGS_DOCTYPE, "publication_min_cell_size")
	)
	key = f"{CACHE_KEY}:v{CACHE_VERSION}:{minimum}"
	data = frappe.cache.get_value(key, expires=True)
	if data is None:
		data = build_page_data(minimum)
		frappe.cache.set_value(key, data, expires_in_sec=CACHE_SECONDS)
	return data


def build_page_data(minimum: int) -> dict:
	"""Plain values for the template: one entry per published year, newest first, and the chart."""
	reports = published_figures()
	checkpoints = outcome_checkpoints([report["report"] for report in reports])
	years = [
		publish_year(
			year=int(report["year"]),
			rows=report["tables"].get(OUTCOME_TABLE) or (),
			columns=COLUMNS,
			working_columns=WORKING_COLUMNS,
			min_cell_size=minimum,
			checkpoint=checkpoints.get(report["report"]),
		)
		for report in reports
	]
	years.sort(key=lambda year: year.year, reverse=True)
	labels = column_labels()
	return {
		"min_cell_size": minimum,
		"small_label": small_label(minimum),
		"years": [year_view(year, labels) for year in years],
		"chart": chart_view(years),
	}


def outcome_checkpoints(reports: list[str]) -> dict[str, int]:
	"""The checkpoint (months) each published report's outcome table is taken at, for its caption."""
	if not reports:
		return {}
	report = DocType(REPORT_DOCTYPE)
	rows = (
		frappe.qb.from_(report)
		.select(report.name, report.outcome_checkpoint)
		.where(report.name.isin(reports))
		.run(as_dict=True)
	)
	return {row.name: row.outcome_checkpoint for row in rows}


def year_view(year: PublishedYear, labels: dict[str, str]) -> dict:
	table = year.table
	minimum = table.min_cell_size
	return {
		"year": year.year,
		"checkpoint": year.checkpoint,
		"withheld": table.withheld,
		"columns": [labels.get(column, column) for column in year.columns],
		"rows": [
			{
				"label": profession
				if profession != NO_PROFESSION
				else _("Profession not stated", lang=LANGUAGE),
				"cells": [cell_view(cell, minimum) for cell in cells],
				"total": cell_view(total, minimum),
			}
			for profession, cells, total in zip(table.rows, table.cells, table.row_totals, strict=True)
		],
		"totals": [cell_view(cell, minimum) for cell in table.column_totals],
		"total": cell_view(table.total, minimum),
		"working_share": year.working_share,
	}


def cell_view(cell, minimum: int) -> dict:
	"""What a cell shows, and what a screen reader says for a suppressed one."""
	if cell.state == CellState.SHOWN:
		return {"state": "shown", "text": str(cell.value), "spoken": ""}
	if cell.state == CellState.SMALL:
		return {
			"state": "small",
			"text": small_label(minimum),
			"spoken": _("fewer than {0}", lang=LANGUAGE).format(minimum),
		}
	return {"state": "hidden", "text": "×", "spoken": _("hidden", lang=LANGUAGE)}


# The chart: one horizontal bar per year, in the SVG's own units (it scales with the page).
CHART_WIDTH = 360
BAR_LEFT = 52
BAR_MAX_WIDTH = 230
BAR_HEIGHT = 24
BAR_GAP = 14


def chart_view(years: list[PublishedYear]) -> dict:
	"""Share of working graduates by year, oldest first; a year whose share is hidden has no bar."""
	bars = []
	for index, year in enumerate(sorted(years, key=lambda year: year.year)):
		share = year.working_share
		bars.append(
			{
				"year": year.year,
				"share": share,
				"text": format_percent(share) if share is not None else _("hidden", lang=LANGUAGE),
				"y": BAR_GAP + index * (BAR_HEIGHT + BAR_GAP),
				"width": round(BAR_MAX_WIDTH * share / 100, 1) if share is not None else 0,
			}
		)
	return {
		"bars": bars,
		"width": CHART_WIDTH,
		"height": BAR_GAP + len(bars) * (BAR_HEIGHT + BAR_GAP),
		"bar_left": BAR_LEFT,
		"bar_height": BAR_HEIGHT,
		"text_gap": 8,
	}


def format_percent(value: float) -> str:
	"""«62,5 %»: Russian decimal comma, a non-breaking space before the sign."""
	return f"{value:.1f}".replace(".", ",").replace(",0", "") + "\u00a0%"


# --- the cache --------------------------------------------------------------------------------------------


def clear_cache() -> None:
	"""Forget the page's data for every minimum cell size, and its HTML in every language."""
	frappe.cache.delete_keys(CACHE_KEY)
	delete_page_cache(ROUTE)


def clear_cache_now_and_after_commit() -> None:
	clear_cache()
	frappe.db.after_commit.add(clear_cache)


def on_annual_report_change(doc, method=None) -> None:
	"""doc_events of Annual Report (on_update): a report published, superseded, or moved in any way that
	changes what is public, clears the page's cache."""
	if doc.get("status") in PUBLIC_STATUSES or doc.has_value_changed("status"):
		clear_cache_now_and_after_commit()


def on_annual_report_trash(doc, method=None) -> None:
	"""doc_events of Annual Report (on_trash): a deleted report is no longer published."""
	clear_cache_now_and_after_commit()


def on_settings_change(doc, method=None) -> None:
	"""doc_events of Employment Center Settings (on_update): the minimum cell size and the institution's names
	are on the page. A save that changes neither clears it too: the Settings are seldom saved."""
	clear_cache_now_and_after_commit()
