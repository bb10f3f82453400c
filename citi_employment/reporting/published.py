"""The published figures of the annual reports (§2.4; approved and published reports only): the one
source of the public page (issue 13) and of anything else that shows the Center's figures outside the desk.

Only a Published report counts: the Director approved it (so its snapshot is frozen) and the Head or the
Director chose to publish it. A superseded version is never returned (its status says so), and a correction
counts only once it is published itself; until then the year has no published figures.

No permission check: published figures are public by definition. They are the report's totals as stored;
the caller that shows them to the public suppresses small cells itself.
"""

from collections import defaultdict

import frappe
from frappe.query_builder import DocType, Order

from citi_employment.domain import annual_report as rules

REPORT_DOCTYPE = "Annual Report"


def with_missing_shares(values: dict) -> dict:
	"""A share or average stored as 0 over nobody is no share: None (``domain.annual_report.SHARE_BASES``)."""
	return {
		key: (None if key in rules.SHARE_BASES and not rules.has_base(values, key) else value)
		for key, value in values.items()
	}


def published_figures(year: int | None = None) -> dict | list[dict] | None:
	"""The figures of the Published report of ``year`` (None if the year has none); without a year, those of
	every year that has one, the latest year first.

	Each entry: ``year``, ``report`` (its name), ``version``, ``approved_on``, ``published_on``, ``figures``
	(``domain.annual_report.FIGURES``) and ``tables`` (``domain.annual_report.TABLE_FIELDS``: rows per
	table). One query for the reports and one per table, whatever the number of years.
	"""
	report = DocType(REPORT_DOCTYPE)
	query = (
		frappe.qb.from_(report)
		.select(
			report.name,
			report.year,
			report.version,
			report.approved_on,
			report.published_on,
			*(report[fieldname] for fieldname in rules.FIGURES),
		)
		.where(report.status == rules.PUBLISHED)
		.orderby(report.year, order=Order.desc)
	)
	if year is not None:
		query = query.where(report.year == int(year))
	reports = query.run(as_dict=True)
	names = [row.name for row in reports]
	tables: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
	for table, doctype in rules.TABLE_DOCTYPES.items() if names else ():
		child = DocType(doctype)
		rows = (
			frappe.qb.from_(child)
			.select(child.parent, *(child[fieldname] for fieldname in rules.TABLE_FIELDS[table]))
			.where(child.parenttype == REPORT_DOCTYPE)
			.where(child.parentfield == table)
			.where(child.parent.isin(names))
			.orderby(child.parent)
			.orderby(child.idx)
		).run(as_dict=True)
		for row in rows:
			parent = row.pop("parent")
			tables[parent][table].append(with_missing_shares(row))
	entries = [
		{
			"year": row.year,
			"report": row.name,
			"version": row.version,
			"approved_on": row.approved_on,
			"published_on": row.published_on,
			"figures": with_missing_shares({fieldname: row[fieldname] for fieldname in rules.FIGURES}),
			"tables": {table: tables[row.name][table] for table in rules.TABLES},
		}
		for row in reports
	]
	if year is not None:
		return entries[0] if entries else None
	return entries
