"""The committee's XLSX table of an annual report (``domain.annual_report_xlsx``), attached to the report as
a private file.

It is written when the figures are computed (so that the Head and the Director review the very table) and
again when the Director approves, so that the attached table names its approval; a new computation replaces
the file, never adds a second one. After approval nothing changes the snapshot, so the approved file stays.
"""

import frappe
from frappe import _
from frappe.utils import getdate

from citi_employment.annual_report import REPORT_DOCTYPE
from citi_employment.domain import annual_report as rules
from citi_employment.domain import annual_report_xlsx as table
from citi_employment.paper_forms.jinja import citi_center_settings

FILE_FIELD = "xlsx_file"
LANGUAGE = "ru"
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


def report_data(doc) -> table.ReportData:
	"""The stored report as the plain values the writer takes."""
	settings = citi_center_settings()
	return table.ReportData(
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


def file_name(doc) -> str:
	return f"{doc.name}.xlsx"


def attach(doc) -> str:
	"""Write the table of ``doc`` as stored, replace the report's earlier table, and return the file's URL."""
	content = table.workbook_bytes(report_data(doc))
	for old in frappe.get_all(
		"File",
		filters={
			"attached_to_doctype": REPORT_DOCTYPE,
			"attached_to_name": doc.name,
			"attached_to_field": FILE_FIELD,
		},
		pluck="name",
	):
		frappe.delete_doc("File", old, ignore_permissions=True, force=True)
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": file_name(doc),
			"attached_to_doctype": REPORT_DOCTYPE,
			"attached_to_name": doc.name,
			"attached_to_field": FILE_FIELD,
			"is_private": 1,
			"content": content,
		}
	)
	file.flags.ignore_permissions = True
	file.insert()
	# The file field is the service's; db_set keeps the approved report's modification stamp honest.
	doc.db_set(FILE_FIELD, file.file_url, update_modified=False)
	return file.file_url
