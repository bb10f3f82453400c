"""The committee's XLSX table of an annual report (``domain.annual_report_xlsx``), attached to the report as
a private file.

It is written when the figures are computed (so that the Head and the Director review the very table) and
again when the Director approves, so that the attached table names its approval; a new computation replaces
the file, never adds a second one. After approval nothing changes the snapshot, so the approved file stays.
"""

import frappe

from citi_employment.annual_report import REPORT_DOCTYPE
from citi_employment.annual_report.tables import report_data
from citi_employment.domain import annual_report_xlsx as table

FILE_FIELD = "xlsx_file"


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
