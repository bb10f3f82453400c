"""Reminders to the Director about documents that wait for the Director's approval (§4.1.2; issue 12).

The approval notifications (``citi_employment.approvals``) tell the Director once, when a contract, a work
plan or an annual report is handed over. A document can then sit in the queue for weeks: so, while it waits,
the Director is reminded after the settings' number of days, and again every as many days (0: never).

How, with the framework's machinery:
- for every workflow of an app DocType with states that wait for the Director (``domain.approvals``), two
  Notification records (bell and e-mail, as the approval notifications have, for the same reason) with the
  event "Method" and the method ``METHOD``, addressed to the Director's role;
- a daily check (``run_daily``) finds the documents in those states and, for each one due a reminder today
  (``domain.email_reports.reminder_due``), runs the framework's notifications for ``METHOD``, which write
  the bell entry and queue the e-mail. The framework's "Days After" event cannot do this: it fires once, on
  a date field, and no DocType keeps the date a document entered its state.

When it entered its state: the latest Version that moved the document there (every app DocType with a
workflow tracks changes), else its last modification (a waiting document is locked, so nothing but the
next transition changes it).

The records follow the workflows and the settings: made on install and migrate, on every save of the
settings, and at the start of each daily check (a workflow changed in the desk); removed when reminders are
turned off or a workflow no longer waits for the Director.
"""

from datetime import datetime

import frappe
from frappe.translate import print_language
from frappe.utils import add_days, cint, get_datetime, getdate

from citi_employment import roles
from citi_employment.approvals.notifications import (
	app_doctypes,
	notifications_named,
	save_notification,
	waiting_of,
)
from citi_employment.domain import email_reports as rules
from citi_employment.email_reports.language import mail_language
from citi_employment.scheduler_lock import run_alone

NOTIFICATION = "Notification"
SETTINGS_DOCTYPE = "Employment Center Settings"
METHOD = "citi_employment_approval_reminder"
REMINDED_ROLES = (roles.INSTITUTION_DIRECTOR,)
DEFAULT_DAYS = 3
CHANNELS = {
	"System Notification": ": Approval Reminder (Bell)",
	"Email": ": Approval Reminder (Email)",
}

# Jinja, rendered by the framework in the site's language (see ``run_daily``): the DocType, the document's
# ID (never a title, which may be a graduate's name) and the state. STATE_FIELD stands for the workflow's
# state field, quoted.
SUBJECT = (
	'{{ _("Reminder: {0} {1} still awaits your action ({2}).")'
	".format(_(doc.doctype), doc.name, _(doc.get(STATE_FIELD))) }}"
)


def notification_name(workflow: str, channel: str) -> str:
	return f"{workflow}{CHANNELS[channel]}"


def reminder_days() -> int:
	value = frappe.db.get_single_value(SETTINGS_DOCTYPE, "approval_reminder_days")
	return DEFAULT_DAYS if value is None else max(cint(value), 0)


def reminded_workflows(doctypes: list[str] | None = None) -> list[tuple]:
	"""(workflow, states waiting for the Director with their reminded roles) of every active workflow of an
	app DocType that has such states."""
	found = []
	for name in frappe.get_all(
		"Workflow",
		filters={"document_type": ("in", doctypes or app_doctypes()), "is_active": 1},
		pluck="name",
	):
		workflow = frappe.get_doc("Workflow", name)
		states = rules.reminded_states(waiting_of(workflow), REMINDED_ROLES)
		if states:
			found.append((workflow, states))
	return found


def app_reminders(doctypes: list[str] | None = None) -> list[str]:
	"""The Notifications this module made: on an app DocType, named with one of its suffixes."""
	return notifications_named(tuple(CHANNELS.values()), doctypes)


def sync_reminders() -> list[str]:
	"""Make or refresh the reminder Notifications; those no longer wanted go. Returns the names kept."""
	doctypes = app_doctypes()
	kept = []
	if reminder_days() > 0:
		for workflow, states in reminded_workflows(doctypes):
			for channel in CHANNELS:
				name = notification_name(workflow.name, channel)
				save_notification(
					name, channel, workflow, states, {"event": "Method", "method": METHOD}, SUBJECT
				)
				kept.append(name)
	for name in app_reminders(doctypes):
		if name not in kept:
			frappe.delete_doc(NOTIFICATION, name, ignore_permissions=True, force=True)
	return kept


def delete_reminders(doctypes: list[str] | None = None) -> None:
	for name in app_reminders(doctypes):
		frappe.delete_doc(NOTIFICATION, name, ignore_permissions=True, force=True)


@run_alone("approval reminders")
def run_daily(today=None) -> list[tuple[str, str]]:
	"""The daily check: remind about every waiting document due a reminder today; returns them."""
	today = getdate(today)
	sync_reminders()
	days = reminder_days()
	if days <= 0:
		return []
	reminded = []
	with print_language(mail_language()):
		for workflow, states in reminded_workflows():
			doctype = workflow.document_type
			due = [
				name
				for name, since in waiting_documents(workflow, states).items()
				if rules.reminder_due(since.date(), today, days)
			]
			already = reminded_on(doctype, due, today)
			for name in due:
				if name not in already:
					# The framework's notifications of one document: one bell entry and mail per recipient.
					frappe.get_doc(doctype, name).run_notifications(METHOD)
					reminded.append((doctype, name))
	return reminded


def reminded_on(doctype: str, names: list[str], day) -> set[str]:
	"""Which of the documents already had their reminder on ``day``, so that a second run that day (after a
	run that was cut short or ran alongside) does not repeat it: a bell entry or a queued mail about the
	document made that day. A document due a reminder has waited at least a day in its state, so nothing
	else about it was sent that day. Two reads for all the documents, whatever their number."""
	if not names:
		return set()
	start = get_datetime(day)
	window = [["creation", ">=", start], ["creation", "<", add_days(start, 1)]]
	bell = frappe.get_all(
		"Notification Log",
		filters=[["document_type", "=", doctype], ["document_name", "in", names], *window],
		pluck="document_name",
	)
	mail = frappe.get_all(
		"Email Queue",
		filters=[["reference_doctype", "=", doctype], ["reference_name", "in", names], *window],
		pluck="reference_name",
	)
	return set(bell) | set(mail)


def waiting_documents(workflow, states: dict) -> dict[str, datetime]:
	"""The documents in a reminded state, each with the moment it entered that state: two queries per
	workflow, the documents and their versions."""
	doctype, field = workflow.document_type, workflow.workflow_state_field
	documents = frappe.get_all(
		doctype, filters={field: ("in", list(states))}, fields=["name", field, "modified"], order_by="name"
	)
	if not documents:
		return {}
	versions: dict[str, list] = {}
	for version in frappe.get_all(
		"Version",
		filters={"ref_doctype": doctype, "docname": ("in", [doc.name for doc in documents])},
		fields=["docname", "creation", "data"],
	):
		changes = (frappe.parse_json(version.data or "{}") or {}).get("changed") or []
		versions.setdefault(version.docname, []).append((get_datetime(version.creation), changes))
	return {
		doc.name: rules.entered_state_at(versions.get(doc.name, []), field, doc[field])
		or get_datetime(doc.modified)
		for doc in documents
	}
