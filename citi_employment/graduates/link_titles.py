"""Link titles that name a graduate, shown only to users who may read the record (152-ФЗ ст. 7).

Graduate, and every DocType of the app about one graduate (Student Resume, Graduate Placement, …), shows its
title in links: the graduate's full name. Frappe v15 reads that title with no permission check wherever it
shows a link: the form's ``_link_titles`` (``frappe.desk.form.load.getdoc``), ``frappe.desk.search.get_link_title``
(any signed-in user, any record) and the print view. So a Practice Supervisor or the Admissions Committee, who
may not read graduates, could learn a name from a graduate's ID. The two desk methods are replaced here
(``override_whitelisted_methods``); the print entries use :func:`hide_unreadable_link_titles`.

Other titles (an employer's short name in a professiogram a teacher reads) stay as the framework shows them.
"""

import frappe
from frappe import _
from frappe.desk import search
from frappe.desk.form import load

APP_NAME = "citi_employment"
GRADUATE_DOCTYPE = "Graduate"


def app_doctypes() -> frozenset[str]:
	"""The DocTypes of this app's modules (one query per request)."""
	if not hasattr(frappe.local, "citi_app_doctypes"):
		frappe.local.citi_app_doctypes = frozenset(
			frappe.get_all(
				"DocType", filters={"module": ("in", frappe.get_module_list(APP_NAME))}, pluck="name"
			)
		)
	return frappe.local.citi_app_doctypes


def names_a_graduate(doctype: str) -> bool:
	"""Graduate itself, or a DocType of the app whose records are about one graduate (a Graduate link)."""
	if not isinstance(doctype, str) or doctype not in app_doctypes():
		return False
	if doctype == GRADUATE_DOCTYPE:
		return True
	return any(df.options == GRADUATE_DOCTYPE for df in frappe.get_meta(doctype).get_link_fields())


def may_read(doctype: str, name) -> bool:
	"""Whether the session user may read the record; never raises for a missing or malformed one."""
	if not isinstance(name, str) or not name:
		return False
	try:
		return bool(frappe.db.exists(doctype, name)) and bool(
			frappe.has_permission(doctype, "read", doc=name)
		)
	except (frappe.DoesNotExistError, frappe.PermissionError):
		return False


def shows_title(doctype: str, name) -> bool:
	"""A link title is shown unless it names a graduate the user may not read."""
	return not names_a_graduate(doctype) or may_read(doctype, name)


def readable_link_titles(link_titles: dict) -> dict:
	"""``{"DocType::name": title}`` without the titles the user may not see (the link then shows the ID)."""
	readable = {}
	for key, title in (link_titles or {}).items():
		doctype, separator, name = key.partition("::") if isinstance(key, str) else ("", "", "")
		if separator and not shows_title(doctype, name):
			continue
		readable[key] = title
	return readable


def hide_unreadable_link_titles(doc, *args, **kwargs) -> None:
	"""Drop from a document being printed the link titles its printer may not see.

	The print view fills ``doc.__link_titles`` from every link field (``frappe.www.printview.set_link_titles``)
	and the Standard print shows a link by that title. The signature also fits a ``before_print`` document
	event, which would cover the ``/printview`` page as well.
	"""
	link_titles = doc.get("__link_titles")
	if link_titles:
		setattr(doc, "__link_titles", readable_link_titles(link_titles))


class RecordNameError(frappe.ValidationError):
	"""A DocType, a record or a print format was sent as something other than its name."""


def require_names(*names, optional=()) -> None:
	"""Refuse a DocType, record or print format name that is not text (``optional`` ones may be None).

	The framework passes a list or a dict sent in their place on to the database, where it becomes an unknown
	column or a filter: a 500, or a record found by something other than its name."""
	if all(isinstance(name, str) for name in names) and all(
		name is None or isinstance(name, str) for name in optional
	):
		return
	frappe.throw(
		_("A DocType, a record and a print format are given by their names."),
		RecordNameError,
		title=_("Invalid Value"),
	)


@frappe.whitelist()
def get_link_title(doctype, docname):
	"""``frappe.desk.search.get_link_title`` that shows a graduate's name only to readers of the record."""
	require_names(doctype, docname)
	if not shows_title(doctype, docname):
		return docname
	return search.get_link_title(doctype, docname)


@frappe.whitelist()
def getdoc(doctype, name, user=None):
	"""``frappe.desk.form.load.getdoc`` whose ``_link_titles`` leave out graduates the user may not read.

	The framework has checked the user's right to the document itself before it computed the titles. It raises
	a bare Exception (a 500) when the DocType or the name is missing, so that is refused here with a message.
	"""
	if not (doctype and isinstance(doctype, str) and name and isinstance(name, str)):
		frappe.throw(
			_("Open a record by its DocType and name."), frappe.ValidationError, title=_("Invalid Value")
		)
	# v15 imports a controller named after any DocType it is given: an unknown name is an ImportError (a 500).
	if not frappe.db.exists("DocType", doctype):
		frappe.throw(_("There is no such DocType."), frappe.DoesNotExistError)
	result = load.getdoc(doctype, name, user)
	link_titles = frappe.local.response.get("_link_titles")
	if link_titles:
		frappe.local.response["_link_titles"] = readable_link_titles(link_titles)
	return result
