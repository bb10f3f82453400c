# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Sensitive Data Access («Журнал доступа к персональным данным»): who opened a Graduate Personal Data record,
printed a form with passport data or exported data, when and how (152-ФЗ ст. 18.1, ст. 19 ч. 2).

The rows are the framework's Access Log, as ``citi_employment.audit.sensitive_access`` writes it (no sensitive
value in it). Frappe lets only the System Manager read the Access Log, so the report reads it itself, for the
Head and the System Manager only: the report's roles are the first gate, :func:`check_roles` the second.
"""

import frappe
from frappe import _
from frappe.query_builder import Order
from frappe.utils import add_days, getdate

from citi_employment import roles
from citi_employment.domain import audit as rules
from citi_employment.reporting import filters as report_filters
from citi_employment.reporting.access import check_roles
from citi_employment.reporting.desk import column, desk_report

AUDIT_READERS = (roles.EMPLOYMENT_CENTER_HEAD, "System Manager")
KIND_LABELS = {
	rules.READ: "Record Opened",
	rules.PRINT: "Printed",
	rules.EXPORT: "Exported",
	rules.OTHER: "Other Access",
}
# A month of the log is what the desk opens with; the log is long, so a period is always set.
DEFAULT_DAYS = 30


@desk_report
def execute(filters=None):
	check_roles(AUDIT_READERS)
	filters = frappe._dict(filters or {})
	return get_columns(), get_data(*read_filters(filters))


def read_filters(filters):
	today = getdate()
	start, end = report_filters.date_period(filters, add_days(today, -DEFAULT_DAYS), today)
	user = report_filters.text_filter(filters, "user", _("User"))
	document_type = report_filters.text_filter(filters, "document_type", _("Document Type"))
	kind = report_filters.choice_filter(filters, "kind", _("Kind of Access"), rules.KINDS)
	return start, end, user, document_type, kind


def get_data(start, end, user, document_type, kind) -> list[dict]:
	log = frappe.qb.DocType("Access Log")
	query = (
		frappe.qb.from_(log)
		.select(
			log.creation,
			log.user,
			log.method,
			log.export_from,
			log.reference_document,
			log.report_name,
			log.file_type,
			log.filters,
		)
		.where(log.creation >= start)
		.where(log.creation < add_days(end, 1))
		.orderby(log.creation, order=Order.desc)
	)
	if user:
		query = query.where(log.user == user)
	if document_type:
		query = query.where(log.export_from == document_type)
	if kind == rules.OTHER:
		query = query.where(log.method.isnull() | log.method.notin(list(rules.METHOD_KINDS)))
	elif kind:
		query = query.where(log.method.isin(list(rules.methods_of(kind))))
	rows = query.run(as_dict=True)
	for row in rows:
		row["kind"] = _(KIND_LABELS[rules.kind_of(row.method)])
	return rows


def get_columns() -> list[dict]:
	return [
		column("creation", _("When"), "Datetime", 160),
		# Plain text, not links: v15 checks the reader's right to every linked DocType (DocType, User) of a report's
		# rows, which the Head does not have.
		column("user", _("User"), "Data", 200),
		column("kind", _("Kind of Access"), "Data", 110),
		column("export_from", _("Document Type"), "Data", 170),
		column("reference_document", _("Document"), "Data", 150),
		column("report_name", _("Print Format or Report"), "Data", 220),
		column("file_type", _("File Type"), "Data", 80),
		column("method", _("Method"), "Data", 260),
		column("filters", _("Filters"), "Data", 260),
	]
