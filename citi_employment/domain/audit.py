"""Audit of sensitive reads (152-ФЗ ст. 18.1, ст. 19 ч. 2): what is logged, by which name, of which kind, and
what a log row may keep of a request's filters.

A row of the framework's Access Log says who (user), when (creation), what (DocType, document, print format or
report) and how (``method``: the endpoint that sent the data). This module names the endpoints and sorts them
into the three kinds the Head's report filters by; the Frappe side (``citi_employment/audit``) writes the rows.

The log itself must hold no personal data: a filter's value is kept only when it is an ID, a choice or a date of
no person; every other value is replaced by :data:`REDACTED`. Field names are kept: they say what was searched.
"""

import json
from collections.abc import Callable
from datetime import date, datetime

from citi_employment.domain.paper_forms import APPLICATION_FORM, CONSENT_FORM, CONSENT_MINOR_FORM

PERSONAL_DATA_DOCTYPE = "Graduate Personal Data"
# The DocTypes whose every value is personal data of a special category or an identity document.
PERSONAL_DATA_DOCTYPES = frozenset({PERSONAL_DATA_DOCTYPE, "Representative Identity Document"})

# The print formats that show passport lines: the application (the graduate's passport) and the legal
# representative's consent (the representative's document), also when the consent's own format picks it.
# A quick-suite test derives the list from the templates, so a new form that prints a passport joins it.
PASSPORT_FORMS = frozenset({APPLICATION_FORM, CONSENT_MINOR_FORM, CONSENT_FORM})

READ = "Read"
PRINT = "Print"
EXPORT = "Export"
OTHER = "Other"
KINDS = (READ, PRINT, EXPORT, OTHER)

# How a record of Graduate Personal Data is sent: the desk's form, frappe.client.get, REST v1 and v2.
FORM_LOAD = "frappe.desk.form.load.getdoc"
CLIENT_GET = "frappe.client.get"
REST_V1_READ = "GET /api/resource"
REST_V2_READ = "GET /api/v2/document"
READ_METHODS = (FORM_LOAD, CLIENT_GET, REST_V1_READ, REST_V2_READ)
# The whitelisted methods whose answer is the record itself (``handle_rpc_call``).
RPC_READ_METHODS = frozenset({FORM_LOAD, CLIENT_GET})

PRINT_PREVIEW = "frappe.www.printview.get_html_and_style"
RAW_PRINT = "frappe.www.printview.get_rendered_raw_commands"
PDF_DOWNLOAD = "frappe.utils.print_format.download_pdf"
SERVER_PRINT = "frappe.utils.print_format.print_by_server"
WEASYPRINT_PDF = "frappe.utils.weasyprint.download_pdf"
REPORT_PDF = "frappe.utils.print_format.report_to_pdf"
PRINT_PAGE = "GET /printview"
# The framework's own names for a print: the /printview page and the query report's client-side print.
FRAMEWORK_PRINT_METHODS = ("Print", "PDF")
PRINT_METHODS = (
	PRINT_PREVIEW,
	RAW_PRINT,
	PDF_DOWNLOAD,
	SERVER_PRINT,
	WEASYPRINT_PDF,
	REPORT_PDF,
	PRINT_PAGE,
	*FRAMEWORK_PRINT_METHODS,
)

LIST_EXPORT = "frappe.desk.reportview.export_query"
REPORT_EXPORT = "frappe.desk.query_report.export_query"
DATA_EXPORT = "frappe.core.doctype.data_export.exporter.export_data"
FRAMEWORK_EXPORT_METHOD = "Export"
EXPORT_METHODS = (LIST_EXPORT, REPORT_EXPORT, DATA_EXPORT, FRAMEWORK_EXPORT_METHOD)

METHOD_KINDS: dict[str, str] = {
	**dict.fromkeys(READ_METHODS, READ),
	**dict.fromkeys(PRINT_METHODS, PRINT),
	**dict.fromkeys(EXPORT_METHODS, EXPORT),
}

REDACTED = "***"
# Standard fields whose values are IDs, users of the Center or timestamps, never a graduate's data.
STANDARD_FIELDS = frozenset(
	{"name", "owner", "modified_by", "creation", "modified", "docstatus", "parent", "parenttype", "idx"}
)
# Fields of a person that a Select, Date or number carries: kept out even where their type is.
PERSONAL_FIELDNAMES = frozenset(
	{"date_of_birth", "age", "gender", "marital_status", "is_minor", "disability_group", "disability_until"}
)
ID_FIELDTYPES = frozenset({"Link", "Dynamic Link"})
KEPT_FIELDTYPES = ID_FIELDTYPES | {"Select", "Check", "Date", "Datetime"}


def kind_of(method: str | None) -> str:
	"""The kind of an Access Log row by its method; rows the app does not write (file downloads) are Other."""
	return METHOD_KINDS.get(method or "", OTHER)


def methods_of(kind: str) -> tuple[str, ...]:
	"""The methods of a kind, for the report's filter (Other: none of the known ones)."""
	return tuple(method for method, method_kind in METHOD_KINDS.items() if method_kind == kind)


def shows_passport(doctype: str | None, print_format: str | None) -> bool:
	"""Whether a print of the document with the format (None: Standard) may show passport data."""
	return doctype in PERSONAL_DATA_DOCTYPES or print_format in PASSPORT_FORMS


def keeps_field_value(fieldname: str, fieldtype: str | None, personal_doctype: bool) -> bool:
	"""Whether an Access Log may keep the value a filter gives this field (``fieldtype`` None: no such field)."""
	if fieldname in STANDARD_FIELDS:
		return True
	if fieldtype is None or fieldname in PERSONAL_FIELDNAMES:
		return False
	if personal_doctype:
		return fieldtype in ID_FIELDTYPES
	return fieldtype in KEPT_FIELDTYPES


def is_plain_value(value) -> bool:
	"""A report filter's value that cannot name a person: a flag, a number or a date."""
	if isinstance(value, bool | int | float | date | datetime):
		return True
	if isinstance(value, str):
		try:
			date.fromisoformat(value[:10])
		except ValueError:
			return False
		return len(value) in (10, 19, 26)
	if isinstance(value, list | tuple):
		return all(is_plain_value(item) for item in value)
	return False


def redact_filters(filters, keeps: Callable[[str | None, str, object], bool]):
	"""The filters with each value replaced by :data:`REDACTED` unless ``keeps(doctype, fieldname, value)``.

	Takes the shapes the framework logs: a JSON text or its Python form, a dict ``{field: value}`` or
	``{field: [operator, value]}``, a list of ``[field, value]``, ``[field, operator, value]`` or
	``[doctype, field, operator, value]``. Anything else is redacted whole. Empty values stay: they say nothing.
	"""
	if filters in (None, "", [], {}):
		return filters
	if isinstance(filters, str):
		try:
			parsed = json.loads(filters)
		except ValueError:
			return REDACTED
		return json.dumps(redact_filters(parsed, keeps), ensure_ascii=False, default=str)
	if isinstance(filters, dict):
		return {
			key: _redact_condition(None, key, value, keeps) if isinstance(key, str) else REDACTED
			for key, value in filters.items()
		}
	if isinstance(filters, list | tuple):
		return [_redact_row(row, keeps) for row in filters]
	return REDACTED


def _redact_condition(doctype, fieldname: str, condition, keeps):
	"""``value`` or ``[operator, value]`` of one field."""
	if (
		isinstance(condition, list | tuple)
		and len(condition) == 2
		and isinstance(condition[0], str)
		and not isinstance(condition[1], list | tuple | dict)
	):
		return [condition[0], _redact_value(doctype, fieldname, condition[1], keeps)]
	return _redact_value(doctype, fieldname, condition, keeps)


def _redact_value(doctype, fieldname: str, value, keeps):
	if value in (None, ""):
		return value
	return value if keeps(doctype, fieldname, value) else REDACTED


def _redact_row(row, keeps):
	if not isinstance(row, list | tuple) or not all(isinstance(part, str) for part in row[:-1]):
		return REDACTED
	row = list(row)
	if len(row) == 4:
		return [row[0], row[1], row[2], _redact_value(row[0], row[1], row[3], keeps)]
	if len(row) == 3:
		return [row[0], row[1], _redact_value(None, row[0], row[2], keeps)]
	if len(row) == 2:
		return [row[0], _redact_value(None, row[0], row[1], keeps)]
	return REDACTED
