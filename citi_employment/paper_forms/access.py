"""Who may print what: the framework's print entries, checked before they render (152-ФЗ ст. 7).

Frappe v15 prints whatever document a request describes, with whatever print format it names:

- ``frappe.www.printview.get_html_and_style`` (the desk's print preview) and ``get_rendered_raw_commands`` take
  the document as JSON. A made-up document passes the permission check (a Practice contract for a Practice
  Supervisor, a Vacancy Request for the Admissions Committee) and may carry any field, ``graduate`` included,
  which a print format of another DocType then looks up.
- ``frappe.utils.print_format.download_pdf`` (the desk's PDF button), ``print_by_server`` and
  ``frappe.utils.weasyprint.download_pdf`` take a print format made for another DocType, as does the
  ``/printview`` page.

The replacements here (registered in ``override_whitelisted_methods``) print only the stored record of an app
DocType, refuse a print format made for another DocType when the document or the format is the app's, and
leave out the link titles that name a graduate the user may not read (``citi_employment.graduates.link_titles``). The
``/printview`` page is not a whitelisted method: every print format of the app starts with
:func:`citi_check_print`, which refuses there what the overrides refuse here.

Who may print is the ``print`` right of the document, not its ``read`` right: v15 prints for whoever may read
(``printview.validate_print_permission`` asks for read *or* print), so a role that reads a DocType without the
right to print it (the Director and a consent, a teacher and a graduate, a Practice Supervisor and a contract)
could print it. Rights are denied by default (a role has only what its row of the DocType's permissions
grants; citi_employment/tests/permission_table.py holds them all) and a print is a copy of the Center's
records leaving the system (the regulation, §3.6: the Center keeps its documentation; 152-ФЗ ст. 7, 19), so
:func:`guard_print` refuses it, as the ``before_print`` event of every DocType: every print renders through
``printview.get_rendered_template``, which runs that event (the page, the preview, the PDFs,
print by server, raw printing, the dossier's PDFs).
"""

import json

import frappe
from frappe import _
from frappe.utils import print_format as framework_print_format
from frappe.utils import weasyprint as framework_weasyprint
from frappe.www import printview

from citi_employment.audit.sensitive_access import log_print
from citi_employment.domain import audit
from citi_employment.graduates.link_titles import (
	APP_NAME,
	app_doctypes,
	hide_unreadable_link_titles,
	require_names,
)

# The framework's print page (frappe/www/printview.py).
PRINT_PAGE_ROUTE = "printview"


class UnsavedDocumentPrintError(frappe.PermissionError):
	"""A document of the app that is not a stored record was sent to be printed."""


class PrintFormatMismatchError(frappe.PermissionError):
	"""A print format was asked for a document of another DocType."""


class InvalidPrintDocumentError(frappe.ValidationError):
	"""The document sent to be printed is not a JSON object naming its DocType."""


class PrintNotPermittedError(frappe.PermissionError):
	"""The user may not print the document: their roles hold no ``print`` right to it."""


# --- the rules ----------------------------------------------------------------------------------------------


def is_app_doctype(doctype) -> bool:
	return isinstance(doctype, str) and doctype in app_doctypes()


def is_app_print_format(format_doc) -> bool:
	return bool(format_doc) and format_doc.module in frappe.get_module_list(APP_NAME)


def is_stored(doc) -> bool:
	"""A record in the database, not a document built from a request."""
	name = doc.get("name")
	return (
		not doc.get("__islocal")
		and isinstance(name, str)
		and bool(name)
		and bool(frappe.db.exists(doc.doctype, name))
	)


def throw_unsaved(doctype: str) -> None:
	frappe.throw(
		_("Only a saved {0} can be printed: save it first.").format(_(doctype)),
		UnsavedDocumentPrintError,
		title=_("Not Saved"),
	)


def throw_mismatch(format_doctype: str, doctype: str) -> None:
	frappe.throw(
		_("The print format is made for {0} and cannot print {1}.").format(_(format_doctype), _(doctype)),
		PrintFormatMismatchError,
		title=_("Wrong Print Format"),
	)


def check_print_format(doctype: str, format_doc) -> None:
	"""A print format made for another DocType prints nothing of the app's, and nothing with the app's formats."""
	if not format_doc or format_doc.doc_type == doctype:
		return
	if is_app_doctype(doctype) or is_app_print_format(format_doc):
		throw_mismatch(format_doc.doc_type, doctype)


def check_print_format_name(doctype: str, print_format: str | None) -> None:
	"""As :func:`check_print_format`, for a format named in a request (none: the DocType's default)."""
	if not isinstance(doctype, str) or not frappe.db.exists("DocType", doctype):
		# v15 would import a controller named after it: an ImportError (a 500) instead of a refusal.
		frappe.throw(_("There is no such DocType."), frappe.DoesNotExistError)
	check_print_format(doctype, printview.get_print_format_doc(print_format, meta=frappe.get_meta(doctype)))


def document_to_print(doc, name: str | None = None):
	"""The document a preview request describes, read from the database for a DocType of the app.

	The desk sends the form's document as JSON even when it is saved; its stored record is printed instead, so a
	request cannot add fields to it or change its links. A document of the app that is not stored is refused.
	Other apps' DocTypes are printed as the framework prints them.
	"""
	if isinstance(name, str):
		if not isinstance(doc, str) or not frappe.db.exists("DocType", doc):
			frappe.throw(_("There is no such DocType."), frappe.DoesNotExistError)
		return frappe.get_doc(doc, name)
	require_names(optional=(name,))
	values = parse_document(doc)
	doctype = values.get("doctype")
	if not is_app_doctype(doctype):
		return frappe.get_doc(values)
	# Whether a record of that name is stored is told only to a user who may read the DocType.
	frappe.has_permission(doctype, "read", throw=True)
	stored = frappe._dict(doctype=doctype, name=values.get("name"), __islocal=values.get("__islocal"))
	if not is_stored(stored):
		throw_unsaved(doctype)
	return frappe.get_doc(doctype, stored.name)


def parse_document(doc) -> dict:
	"""A document sent whole: a JSON object naming its DocType. v15 fails on null, a number, a list or malformed
	JSON with a TypeError, AttributeError or JSONDecodeError (a 500)."""
	try:
		values = json.loads(doc) if isinstance(doc, str) else None
	except ValueError:
		values = None
	if not (isinstance(values, dict) and values.get("doctype") and isinstance(values["doctype"], str)):
		frappe.throw(
			_("The document to print is not valid."), InvalidPrintDocumentError, title=_("Not Printed")
		)
	return values


def may_print(doctype: str, doc=None) -> bool:
	"""The ``print`` right of the DocType, or of the record when one is given (its record rules and shares)."""
	return bool(frappe.has_permission(doctype, "print", doc=doc))


def require_print_permission(doctype: str, doc=None) -> None:
	"""Refuse a print the user has no ``print`` right to. The message names the DocType only, no value of it."""
	if not may_print(doctype, doc):
		frappe.throw(
			_("Your roles do not allow printing {0}.").format(_(doctype)),
			PrintNotPermittedError,
			title=_("Not Printed"),
		)


def guard_print(doc, *args, **kwargs) -> None:
	"""``before_print`` of every DocType (``doc_events["*"]``): a document of the app prints only for a user with
	its ``print`` right.

	The framework runs the event after its own check (read or print) and before the format is rendered, on every
	path that prints. Other apps' DocTypes keep the framework's rule. ``frappe.attach_print`` (the framework's
	e-mail attachments: a Communication, the Workflow Action mail, the e-mail queue) sets
	``ignore_print_permissions`` and is not refused here: it is gated by the ``email`` right, which no role holds
	on a DocType of the app without the ``print`` right (test_print_leaks checks it), or it is the system's own.
	"""
	if frappe.flags.ignore_print_permissions or not is_app_doctype(getattr(doc, "doctype", None)):
		return
	require_print_permission(doc.doctype, doc)


def refuse_before_logged(doctype, name) -> None:
	"""Refuse the print of a stored app document the user may not print before the framework's print page runs.

	The ``/printview`` page, which every PDF of ``frappe.get_print`` renders too, writes and commits its Access
	Log "Print" row before it renders; a print refused while rendering (:func:`guard_print`) would stay in the
	Head's audit (``citi_employment/audit``) as a print that never happened."""
	if not (isinstance(doctype, str) and isinstance(name, str) and is_app_doctype(doctype)):
		return
	# Asked of the record by name: one that does not exist gets the framework's "not found" from loading it.
	if not frappe.has_permission(doctype, "print", doc=name):
		if not frappe.has_permission(doctype, "read", doc=name):
			# What a record that does not exist gets: the refusal must not tell that this one does.
			frappe.throw(_("{0} {1} not found").format(_(doctype), name), frappe.DoesNotExistError)
		require_print_permission(doctype, name)


def guard_print_page() -> None:
	"""``before_request``: :func:`refuse_before_logged` for a request of the ``/printview`` page itself."""
	request = getattr(frappe.local, "request", None)
	if request is not None and request.path.strip("/") == PRINT_PAGE_ROUTE:
		refuse_before_logged(frappe.form_dict.get("doctype"), frappe.form_dict.get("name"))


def refuse_classic_print_format(print_format) -> None:
	"""The WeasyPrint entry renders the layout of the new Print Format Builder only: v15 fails with a TypeError (a
	500) on any other format, the app's forms included, so those are refused with a message instead."""
	if not isinstance(print_format, str) or not frappe.db.get_value(
		"Print Format", print_format, "print_format_builder_beta"
	):
		frappe.throw(
			_("Only a print format made with the new Print Format Builder can be printed this way."),
			frappe.ValidationError,
			title=_("Wrong Print Format"),
		)


def refuse_sent_document(doc, doctype) -> None:
	"""The PDF entries print a stored record by DocType and name; one sent whole is never printed."""
	if doc is not None:
		throw_unsaved(doctype if isinstance(doctype, str) and doctype else "Document")


# --- Jinja -------------------------------------------------------------------------------------------------


def citi_check_print(doc, doctype: str) -> str:
	"""Jinja, first line of each print format of the app: ``{{ citi_check_print(doc, "Student Resume") }}``.

	Refuses a document of another DocType and one that is not a stored record, on every path that renders the
	format (the ``/printview`` page, PDFs, e-mail attachments). Prints nothing.
	"""
	if getattr(doc, "doctype", None) != doctype:
		throw_mismatch(doctype, getattr(doc, "doctype", None) or "")
	if not is_stored(doc):
		throw_unsaved(doctype)
	return ""


# --- the whitelisted replacements ------------------------------------------------------------------------


@frappe.whitelist()
def get_html_and_style(
	doc=None,
	name: str | None = None,
	print_format: str | None = None,
	no_letterhead: bool | None = None,
	letterhead: str | None = None,
	trigger_print: bool = False,
	style: str | None = None,
	settings: str | None = None,
):
	"""``frappe.www.printview.get_html_and_style`` for the stored record, its own formats and readable titles.

	The body follows the framework's (v15) step for step; only the document, the format check and the link
	titles differ, which is why it is not a call to it. ``doc`` has no type hint: a missing or null one is
	refused by :func:`parse_document` with a message, not by the framework's type check naming Python types.
	"""
	document = document_to_print(doc, name)
	document.check_permission()
	format_doc = printview.get_print_format_doc(print_format, meta=document.meta)
	check_print_format(document.doctype, format_doc)
	printview.set_link_titles(document)
	hide_unreadable_link_titles(document)
	try:
		html = printview.get_rendered_template(
			doc=document,
			print_format=format_doc,
			meta=document.meta,
			no_letterhead=no_letterhead,
			letterhead=letterhead,
			trigger_print=trigger_print,
			settings=frappe.parse_json(settings),
		)
	except frappe.TemplateNotFoundError:
		frappe.clear_last_message()
		html = None
	if html is not None:
		log_print(
			document.doctype,
			document.name,
			format_doc.name if format_doc else None,
			audit.PRINT_PREVIEW,
			"HTML",
		)
	return {"html": html, "style": printview.get_print_style(style=style, print_format=format_doc)}


@frappe.whitelist()
def get_rendered_raw_commands(doc=None, name: str | None = None, print_format: str | None = None):
	"""``frappe.www.printview.get_rendered_raw_commands`` for the stored record and its own formats."""
	document = document_to_print(doc, name)
	document.check_permission()
	check_print_format(document.doctype, printview.get_print_format_doc(print_format, meta=document.meta))
	if is_app_doctype(document.doctype):
		commands = printview.get_rendered_raw_commands(document.doctype, document.name, print_format)
	else:
		commands = printview.get_rendered_raw_commands(doc, name, print_format)
	log_print(document.doctype, document.name, print_format, audit.RAW_PRINT, "Raw")
	return commands


@frappe.whitelist(allow_guest=True)
def download_pdf(
	doctype: str, name: str, format=None, doc=None, no_letterhead=0, language=None, letterhead=None
):
	"""``frappe.utils.print_format.download_pdf`` (guests print through a share key) with the format checked."""
	require_names(doctype, name, optional=(format,))
	refuse_sent_document(doc, doctype)
	check_print_format_name(doctype, format)
	refuse_before_logged(doctype, name)
	return framework_print_format.download_pdf(
		doctype, name, format, no_letterhead=no_letterhead, language=language, letterhead=letterhead
	)


@frappe.whitelist()
def print_by_server(
	doctype, name, printer_setting, print_format=None, doc=None, no_letterhead=0, file_path=None
):
	"""``frappe.utils.print_format.print_by_server`` for a stored record and a format of its own DocType."""
	require_names(doctype, name, printer_setting, optional=(print_format,))
	refuse_sent_document(doc, doctype)
	check_print_format_name(doctype, print_format)
	refuse_before_logged(doctype, name)
	return framework_print_format.print_by_server(
		doctype, name, printer_setting, print_format, no_letterhead=no_letterhead, file_path=file_path
	)


@frappe.whitelist()
def download_weasyprint_pdf(doctype, name, print_format, letterhead=None):
	"""``frappe.utils.weasyprint.download_pdf`` (print format builder, beta) with the format checked."""
	require_names(doctype, name, optional=(print_format,))
	check_print_format_name(doctype, print_format)
	refuse_classic_print_format(print_format)
	framework_weasyprint.download_pdf(doctype, name, print_format, letterhead)
	log_print(doctype, name, print_format, audit.WEASYPRINT_PDF, "PDF")
