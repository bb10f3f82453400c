"""Every open of a Graduate Personal Data record, every print of a form that shows passport data and every export
is written to the framework's Access Log: who, what, when and how, and nothing of the data itself (152-ФЗ
ст. 18.1, ст. 19 ч. 2; the rules are in ``citi_employment/domain/audit.py``).

Where each row comes from, and why there:

- **Opening a record.** Frappe v15 has no document event for "a record was sent to a client": ``onload`` runs
  only in the desk's ``getdoc``; REST v1 and v2 (``/api/resource``, ``/api/v2/document``) and
  ``frappe.client.get`` run nothing, and ``has_permission`` is also asked where nothing is sent (print helpers,
  link titles), so it would log reads that never happened. :func:`log_sent_record`, an ``after_request`` hook,
  sees every way in at one place, after the answer is made: it logs a Graduate Personal Data record only when
  the request was one of the four reads and answered 200, with the name the answer carries. One request, one row.
- **Printing.** The framework logs every print that renders the ``/printview`` page: the page itself and
  everything made by ``frappe.get_print`` (the PDF download, print by server, e-mail attachments, the dossier's
  PDFs), one row per print, of any form; :class:`RedactedAccessLog` adds the print format to that row. The
  desk's print preview, raw printing and the WeasyPrint PDF render without that page, so the app's replacements
  in ``citi_employment/paper_forms/access.py`` call :func:`log_print` after the print is made, for a form that
  shows passport data (``PASSPORT_FORMS``) or a Graduate Personal Data record in any format.
- **Exporting.** The framework logs the list export (``frappe.desk.reportview.export_query``) and the Data
  Export tool; a query report's export it leaves to the browser, which calls ``make_access_log`` before it asks
  for the file. :func:`export_report` logs that export on the server, where a direct API call cannot skip it,
  and :func:`make_access_log` drops the browser's duplicate.
- **No sensitive value in the log.** The framework stores the request's filters as they came (a filter on
  ``snils`` keeps the number) and a report's PDF with its whole HTML. Its rows are written with ``db_insert``,
  which no document event sees, so the Access Log controller is replaced (``override_doctype_class``) by
  :class:`RedactedAccessLog`, which drops the page, redacts filter values and column lists that are not plain
  field names, and names the endpoint in ``method`` on every path, the framework's own included.
"""

import ast
import json
import re

import frappe
from frappe import _
from frappe.api import API_URL_MAP
from frappe.core.doctype.access_log import access_log as framework_access_log
from frappe.core.doctype.access_log.access_log import AccessLog
from frappe.desk import query_report
from werkzeug.exceptions import HTTPException

from citi_employment.domain import audit as rules
from citi_employment.reporting.filters import (
	read_custom_columns,
	read_visible_rows,
	require_filters_object,
	require_report,
)

# The page a print's HTML would go to: the printed data itself.
DROPPED_FIELDS = ("page",)
FIELDNAME = re.compile(r"^[a-z0-9_]{1,140}$")
DOCTYPE_NAME = re.compile(r"^[A-Za-z0-9 _-]{1,140}$")
SHORT_TEXT_LENGTH = 140
EXPORT_FILE_TYPES = ("CSV", "Excel")


# --- the Access Log, as the app writes it -------------------------------------------------------------------


class RedactedAccessLog(AccessLog):
	"""The framework's Access Log with no sensitive value in it, whoever writes the row."""

	def db_insert(self, *args, **kwargs):
		self.redact()
		return super().db_insert(*args, **kwargs)

	def redact(self) -> None:
		for fieldname in DROPPED_FIELDS:
			self.set(fieldname, None)
		self.filters = logged_filters(self.filters, self.export_from, self.report_name)
		self.columns = logged_columns(self.columns)
		if self.is_framework_print() and not self.report_name:
			# ``frappe.get_print`` (PDFs, e-mail attachments) renders the /printview page with the format in
			# the form dict, as the page itself is asked for it.
			self.report_name = print_format_name(self.export_from, frappe.form_dict.get("format"))
		label = request_method_label()
		if label in rules.METHOD_KINDS:
			self.method = label

	def is_framework_print(self) -> bool:
		"""The row ``frappe.www.printview.get_context`` writes for every print of a record."""
		return (
			self.method == "Print"
			and self.file_type == "PDF"
			and is_doctype(self.export_from)
			and isinstance(self.reference_document, str)
			and bool(self.reference_document)
		)


def logged_filters(filters, doctype: str | None, report_name: str | None):
	"""The filters as the log may keep them: text, values redacted (see ``rules.redact_filters``)."""
	if filters in (None, ""):
		return None
	if isinstance(filters, str):
		filters = parse_logged(filters)
	if is_script_report(report_name) or not is_doctype(doctype):
		keeps = keeps_report_value
	else:
		keeps = field_value_keeper(doctype)
	redacted = rules.redact_filters(filters, keeps)
	return redacted if isinstance(redacted, str) else json.dumps(redacted, ensure_ascii=False, default=str)


def parse_logged(text: str):
	"""Filters as the framework hands them over: JSON, or ``cstr()`` of a list or dict (Python's repr)."""
	try:
		return json.loads(text)
	except ValueError:
		pass
	try:
		return ast.literal_eval(text)
	except (ValueError, SyntaxError, MemoryError, RecursionError):
		return rules.REDACTED


def logged_columns(columns) -> str | None:
	"""A column list names fields (the Data Export tool: ``{DocType: [fieldname, …]}``); anything else goes."""
	if columns in (None, ""):
		return None
	try:
		parsed = json.loads(columns) if isinstance(columns, str) else columns
	except ValueError:
		return rules.REDACTED
	return columns if names_only(parsed) else rules.REDACTED


def names_only(value) -> bool:
	if isinstance(value, dict):
		return all(
			isinstance(key, str) and DOCTYPE_NAME.match(key) and names_only(item)
			for key, item in value.items()
		)
	if isinstance(value, list | tuple):
		return all(names_only(item) for item in value)
	return isinstance(value, str) and bool(FIELDNAME.match(value))


def is_doctype(doctype) -> bool:
	return isinstance(doctype, str) and bool(doctype) and bool(frappe.db.exists("DocType", doctype))


def is_script_report(report_name) -> bool:
	"""A query or script report: its filters are its own, not fields of a DocType."""
	if not isinstance(report_name, str) or not report_name:
		return False
	return frappe.db.get_value("Report", report_name, "report_type") in ("Script Report", "Query Report")


def keeps_report_value(doctype, fieldname, value) -> bool:
	return rules.is_plain_value(value)


def field_value_keeper(default_doctype: str):
	def keeps(doctype, fieldname, value) -> bool:
		doctype = doctype if is_doctype(doctype) else default_doctype
		field = frappe.get_meta(doctype).get_field(fieldname) if isinstance(fieldname, str) else None
		return rules.keeps_field_value(
			fieldname, field.fieldtype if field else None, doctype in rules.PERSONAL_DATA_DOCTYPES
		)

	return keeps


def request_method_label() -> str | None:
	"""The endpoint of the current request, by the names of ``rules.METHOD_KINDS`` where it is one of them."""
	request = getattr(frappe.local, "request", None)
	if request is None:
		return None
	if request.path.rstrip("/") == "/printview":
		return rules.PRINT_PAGE
	target = api_target(request)
	return target[0] if target else None


def api_target(request) -> tuple[str, dict] | None:
	"""``(label, arguments)`` of an ``/api`` request: the whitelisted method's name, or a REST read."""
	if frappe.form_dict.get("cmd"):
		return str(frappe.form_dict.cmd), {}
	if not request.path.startswith("/api/"):
		return None
	try:
		endpoint, arguments = API_URL_MAP.bind_to_environ(request.environ).match()
	except HTTPException:
		return None
	name = getattr(endpoint, "__name__", "")
	if name == "handle_rpc_call":
		return str(arguments.get("method")), arguments
	if name == "read_doc" and request.method == "GET" and "run_method" not in frappe.form_dict:
		v2 = endpoint.__module__ == "frappe.api.v2"
		return (rules.REST_V2_READ if v2 else rules.REST_V1_READ), arguments
	return None


def write(**values) -> None:
	"""One Access Log row, through the framework's writer (it commits on GET requests, which roll back)."""
	framework_access_log._make_access_log(**values)


# --- opening a record --------------------------------------------------------------------------------------


def log_sent_record(response=None, request=None) -> None:
	"""``after_request``: a Graduate Personal Data record sent by one of the read endpoints is logged once."""
	try:
		if response is None or response.status_code != 200 or request is None:
			return
		target = api_target(request)
		if not target:
			return
		label, arguments = target
		if label in rules.RPC_READ_METHODS:
			doctype, name = frappe.form_dict.get("doctype"), frappe.form_dict.get("name")
		elif label in (rules.REST_V1_READ, rules.REST_V2_READ):
			doctype, name = arguments.get("doctype"), arguments.get("name")
		else:
			return
		if doctype != rules.PERSONAL_DATA_DOCTYPE:
			return
		name = sent_name(response, doctype) or name
		if not isinstance(name, str) or not name:
			return
		write(doctype=doctype, document=name, method=label)
	except Exception:
		# A failed log must not turn a read into an error page; the reason goes to the Error Log, no value.
		frappe.log_error(title="Sensitive read not logged")


def sent_name(response, doctype: str) -> str | None:
	"""The name of the record the answer carries (``docs[0]``, ``message`` or ``data``), if it is one."""
	try:
		body = json.loads(response.get_data(as_text=True))
	except (ValueError, TypeError, RuntimeError):
		return None
	if not isinstance(body, dict):
		return None
	docs = body.get("docs")
	for record in (
		docs[0] if isinstance(docs, list) and docs else None,
		body.get("message"),
		body.get("data"),
	):
		if (
			isinstance(record, dict)
			and record.get("doctype") == doctype
			and isinstance(record.get("name"), str)
		):
			return record["name"]
	return None


# --- printing ---------------------------------------------------------------------------------------------


def print_format_name(doctype: str, print_format: str | None) -> str:
	"""The format a print request prints with: the one named, else the DocType's default, else Standard (as
	``printview.get_print_format_doc`` picks it, also for a name that is no Print Format)."""
	if not (isinstance(print_format, str) and print_format):
		print_format = frappe.get_meta(doctype).default_print_format
	if isinstance(print_format, str) and print_format and frappe.db.exists("Print Format", print_format):
		return print_format
	return "Standard"


def log_print(doctype: str, name: str, print_format: str | None, method: str, file_type: str) -> None:
	"""A print made by one of the app's print entries, logged when the form shows passport data."""
	format_name = print_format_name(doctype, print_format)
	if rules.shows_passport(doctype, format_name):
		write(doctype=doctype, document=name, method=method, file_type=file_type, report_name=format_name)


def is_short_text(value) -> bool:
	"""A value for one of the Access Log's Data fields (140 characters), or nothing."""
	return value is None or (isinstance(value, str) and len(value) <= SHORT_TEXT_LENGTH)


# --- exporting --------------------------------------------------------------------------------------------


class ExportFormatError(frappe.ValidationError):
	"""A report export asked for a file type other than CSV and Excel."""


@frappe.whitelist()
def export_report():
	"""``frappe.desk.query_report.export_query``, logged on the server once the file is made.

	The framework checks the report and export permissions and reads its arguments from the request. Their
	types are checked first: v15 fails on a report that does not exist, filters that are not a set of named
	values, malformed added columns or rows, or a file type other than CSV and Excel with a TypeError,
	AttributeError or JSONDecodeError (a 500).
	"""
	form = frappe.local.form_dict
	require_report(form.get("report_name"))
	require_filters_object(form.get("filters"))
	read_custom_columns(form.get("custom_columns"))
	read_visible_rows(form.get("visible_idx"))
	if form.get("file_format_type") not in EXPORT_FILE_TYPES:
		frappe.throw(_("Choose CSV or Excel as the file format."), ExportFormatError, title=_("Not Exported"))
	query_report.export_query()
	# The framework has read the report by this name, so it is a Report's name.
	report_name = form.get("report_name")
	file_type = form.get("file_format_type")
	write(
		doctype=frappe.db.get_value("Report", report_name, "ref_doctype"),
		report_name=report_name,
		filters=form.get("filters"),
		file_type=file_type if file_type in EXPORT_FILE_TYPES else None,
		method=rules.REPORT_EXPORT,
	)


@frappe.whitelist()
def make_access_log(
	doctype=None,
	document=None,
	method=None,
	file_type=None,
	report_name=None,
	filters=None,
	page=None,
	columns=None,
):
	"""The framework's endpoint for the browser's own log rows, without the query report's export row,
	which :func:`export_report` writes on the server."""
	if method == rules.FRAMEWORK_EXPORT_METHOD and report_name:
		return
	if not all(is_short_text(value) for value in (doctype, document, method, file_type, report_name)):
		frappe.throw(_("The access log entry is not valid."), frappe.ValidationError, title=_("Not Logged"))
	framework_access_log.make_access_log(
		doctype=doctype,
		document=document,
		method=method,
		file_type=file_type,
		report_name=report_name,
		filters=filters,
		page=page,
		columns=columns,
	)
