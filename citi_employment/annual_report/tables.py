"""The stored annual report as the plain values its tables are made of (``domain.annual_report_tables``): the
committee's XLSX (``annual_report.xlsx``) and the print format (``citi_annual_report_print``) are both made
from them, so the two show the same headers, rows and totals."""

import frappe
from frappe import _
from frappe.utils import getdate

from citi_employment.annual_report import REPORT_DOCTYPE
from citi_employment.domain import annual_report as rules
from citi_employment.domain import annual_report_tables as tables
from citi_employment.domain.russian_text import LANGUAGE
from citi_employment.paper_forms.access import require_print_permission
from citi_employment.paper_forms.jinja import citi_center_settings

# Choice values the table shows in words: the options of these fields of the child tables, and the journals.
LABELLED_FIELDS = ("period", "plan_status", "region", "event_type")


def russian(text: str) -> str:
	return _(text, lang=LANGUAGE)


def choice_labels(doc) -> dict[str, str]:
	labels = {status: russian(status) for status in rules.STATUSES}
	for table_field in rules.TABLES:
		meta = frappe.get_meta(doc.meta.get_field(table_field).options)
		for fieldname in LABELLED_FIELDS:
			df = meta.get_field(fieldname)
			if df and df.fieldtype == "Select":
				labels.update(
					{option: russian(option) for option in (df.options or "").split("\n") if option}
				)
	for row in doc.get("contract_rows") or []:
		labels[row.journal] = russian(row.journal)
	return labels


def report_data(doc) -> tables.ReportData:
	"""The stored report as the plain values its XLSX and its print are made of."""
	settings = citi_center_settings()
	return tables.ReportData(
		name=doc.name,
		year=int(doc.year),
		version=int(doc.version or 1),
		status=doc.status,
		institution=settings.get("institution_short_name") or "",
		as_on=getdate(doc.figures_as_on) if doc.figures_as_on else None,
		approved_on=getdate(doc.approved_on) if doc.approved_on else None,
		approved_by=doc.approved_by_name or "",
		outcome_checkpoint=int(doc.outcome_checkpoint or rules.DEFAULT_OUTCOME_CHECKPOINT),
		figures={fieldname: doc.get(fieldname) for fieldname in rules.FIGURES},
		tables={
			table_field: [
				{fieldname: row.get(fieldname) for fieldname in rules.TABLE_FIELDS[table_field]}
				for row in doc.get(table_field) or []
			]
			for table_field in rules.TABLES
		},
		labels=choice_labels(doc),
	)


def citi_annual_report_print(doc) -> dict:
	"""What the print format of ``doc`` shows, worded: its key figures, its two outcome tables and its tables
	by child table (``domain.annual_report_tables.printed_report``).

	A Jinja helper is callable from any template, so it asks for the print right itself, as the print does."""
	require_print_permission(REPORT_DOCTYPE, doc)
	return tables.printed_report(report_data(doc))
