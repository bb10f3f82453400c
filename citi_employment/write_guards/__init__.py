"""The app's write rules, applied on the server to every save of its DocTypes (``doc_events`` "*").

Frappe v15 enforces neither ``read_only``, nor what ``allow_on_submit`` should leave alone, nor a workflow
state's ``allow_edit`` against a REST PUT, ``frappe.client.set_value`` or ``savedocs``. So every save of a
Citi Employment document passes here first, before its controller's ``validate``:

- a field a service owns (``domain.write_rules.SERVICE_FIELDS``) keeps its stored value: a request that
  changes it is refused, and a new record starts with it empty whatever the request sent;
- a document in a workflow state that the user's roles may not edit takes no change but the transition;
- a cancellation changes nothing but the document status;
- no text value holds markup that a browser would run or render (``write_guards.markup``), since the
  framework's own sanitiser skips values that parse as JSON.

A service that writes such a field through a document (rather than ``db_set``) marks the document with
``doc.flags.written_by_service = True``; flags cannot be sent by a client (Frappe drops the key).
"""

import frappe
from frappe import _
from frappe.model import no_value_fields, table_fields
from frappe.utils import cint, cstr, flt, get_datetime

from citi_employment.domain import write_rules
from citi_employment.domain.dates import date_or_none
from citi_employment.write_guards import markup

APP_MODULE = "Citi Employment"
NUMBER_FIELDTYPES = frozenset({"Float", "Currency", "Percent", "Rating"})
# Kept by the framework on every row; not a value the user edits.
ROW_BOOKKEEPING = frozenset({"name", "idx", "parent", "parentfield", "parenttype", "doctype"})


class ServiceFieldChangeError(frappe.ValidationError):
	"""A request tried to change a field that only the app's services set."""


class LockedDocumentError(frappe.ValidationError):
	"""A request tried to change a document in a state that the user's roles may not edit."""


def guard_write(doc, method=None) -> None:
	"""``doc_events`` handler for ``before_validate``, ``before_update_after_submit`` and ``before_cancel``."""
	if doc.meta.module != APP_MODULE or doc.meta.istable:
		return
	# A cancellation changes no value, and must still work for a record that holds escaped old markup.
	if method != "before_cancel":
		markup.reject_markup(doc)
	if doc.flags.written_by_service:
		return
	if doc.is_new():
		reset_service_fields(doc)
		return
	before = doc.get_doc_before_save()
	if not before:
		return
	changed = changed_fields(doc, before)
	if not changed:
		return
	if method == "before_cancel":
		refuse_locked(doc, sorted(changed), before)
	state_field = workflow_state_field(doc)
	refuse_service_changes(doc, write_rules.refused_service_changes(doc.doctype, changed, state_field))
	refuse_service_changes(doc, refused_child_changes(doc, before))
	if state_field:
		refused = write_rules.refused_locked_changes(
			changed,
			may_edit_state=may_edit_state(doc, before.get(state_field)),
			workflow_state_field=state_field,
		)
		refuse_locked(doc, refused, before)


def changed_fields(doc, before) -> set[str]:
	"""Fields whose value differs from the stored one (a table counts as one field).

	Fetched fields are left out: the framework fills them from the linked record before this runs."""
	changed = set()
	for df in doc.meta.get("fields"):
		if df.fetch_from:
			continue
		if df.fieldtype in table_fields:
			if table_signature(doc.get(df.fieldname)) != table_signature(before.get(df.fieldname)):
				changed.add(df.fieldname)
		elif df.fieldtype not in no_value_fields:
			if comparable(df.fieldtype, doc.get(df.fieldname)) != comparable(
				df.fieldtype, before.get(df.fieldname)
			):
				changed.add(df.fieldname)
	return changed


def comparable(fieldtype: str, value):
	"""A value as the database would store it, so "0" and 0, or "2026-01-05" and a date, compare equal."""
	try:
		if fieldtype in ("Check", "Int"):
			return cint(value)
		if fieldtype in NUMBER_FIELDTYPES:
			return flt(value)
		if fieldtype == "Date":
			return date_or_none(value)
		if fieldtype == "Datetime":
			return get_datetime(value) if value else None
	except Exception:
		# Not a value of its type: the framework's own validation refuses it later with its own message.
		return cstr(value)
	return cstr(value)


def table_signature(rows) -> list[tuple]:
	signature = []
	for row in rows or []:
		values = row.as_dict() if hasattr(row, "as_dict") else dict(row)
		signature.append(
			tuple(
				(df.fieldname, comparable(df.fieldtype, values.get(df.fieldname)))
				for df in frappe.get_meta(row.doctype).get("fields")
				if df.fieldtype not in no_value_fields and df.fieldname not in ROW_BOOKKEEPING
			)
		)
	return signature


def refused_child_changes(doc, before) -> list[str]:
	"""Service fields of child rows: a kept row keeps them, a new row starts without them."""
	refused = []
	for table_df in doc.meta.get_table_fields():
		child_fields = write_rules.service_fields(table_df.options)
		if not child_fields:
			continue
		stored = {row.name: row for row in before.get(table_df.fieldname) or []}
		child_meta = frappe.get_meta(table_df.options)
		for row in doc.get(table_df.fieldname) or []:
			old = stored.get(row.name)
			if not old:
				reset_fields(row, child_fields)
				continue
			for fieldname in child_fields:
				fieldtype = child_meta.get_field(fieldname).fieldtype
				if comparable(fieldtype, row.get(fieldname)) != comparable(fieldtype, old.get(fieldname)):
					refused.append(fieldname)
	return refused


def reset_service_fields(doc) -> None:
	reset_fields(doc, write_rules.service_fields(doc.doctype))
	for table_df in doc.meta.get_table_fields():
		child_fields = write_rules.service_fields(table_df.options)
		if child_fields:
			for row in doc.get(table_df.fieldname) or []:
				reset_fields(row, child_fields)


def reset_fields(doc, fieldnames) -> None:
	for fieldname in fieldnames:
		df = doc.meta.get_field(fieldname)
		if not df:
			continue
		if df.fieldtype in ("Check", "Int") or df.fieldtype in NUMBER_FIELDTYPES:
			doc.set(fieldname, cint(df.default) if df.fieldtype in ("Check", "Int") else flt(df.default))
		else:
			doc.set(fieldname, df.default or None)


def workflow_state_field(doc) -> str | None:
	workflow = doc.meta.get_workflow()
	if not workflow:
		return None
	return frappe.get_cached_value("Workflow", workflow, "workflow_state_field")


def may_edit_state(doc, state: str | None) -> bool:
	"""Whether a role of the user is the workflow's ``allow_edit`` for ``state``."""
	workflow = frappe.get_cached_doc("Workflow", doc.meta.get_workflow())
	editors = {row.allow_edit for row in workflow.states if row.state == state}
	return bool(editors & set(frappe.get_roles()))


def labels(doc, fieldnames) -> str:
	return ", ".join(frappe.bold(_(doc.meta.get_label(fieldname))) for fieldname in dict.fromkeys(fieldnames))


def refuse_service_changes(doc, fieldnames: list[str]) -> None:
	if fieldnames:
		frappe.throw(
			_("{0} cannot be changed by hand: the system sets it.").format(labels(doc, fieldnames)),
			ServiceFieldChangeError,
			title=_("Not Allowed"),
		)


def refuse_locked(doc, fieldnames: list[str], before) -> None:
	if not fieldnames:
		return
	state_field = workflow_state_field(doc)
	if state_field:
		message = _("In the state {0} your role cannot change {1}.").format(
			frappe.bold(_(before.get(state_field))), labels(doc, fieldnames)
		)
	else:
		message = _("{0} cannot be changed now.").format(labels(doc, fieldnames))
	frappe.throw(message, LockedDocumentError, title=_("Not Allowed"))
