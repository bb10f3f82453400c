"""Approvals reach the approver: the framework's Notification records, made from the app's workflows.

Why Notification records, and not the Workflow's own "Send Email Alert" (``send_email_alert`` stays off):
- the Workflow Action e-mail attaches the document's print as a PDF — for a contract about a graduate or a
  mentor recommendation that puts graduate personal data into a mailbox — and carries signed links that
  apply the action without logging in (``workflow_action.confirm_action`` takes the user from the link);
- it writes nothing to the bell, and mails every role of every next transition, the author's own team at
  each step included.
A Notification writes the bell entry (Notification Log) and queues one e-mail with our own short text and a
link to the document, no attachment, only to the roles the document now waits for
(``citi_employment.domain.approvals``). The bell and the e-mail are two records: the framework sends both
channels of one record in one try, so a site without an outgoing e-mail account would lose the bell too.

The records follow the workflows, so a workflow added or changed later (work plans, annual reports,
mentor recommendations) gets its notifications with no code: they are made after install (once the
fixtures are in), on every migrate, and whenever a Workflow of an app DocType is saved. An administrator
may disable one; a sync keeps it disabled.
"""

import json

import frappe

from citi_employment.domain.approvals import Transition, waiting_roles

APP = "citi_employment"
NOTIFICATION = "Notification"
# One name per workflow and channel; the suffixes tell the app's records from any the site makes itself.
CHANNELS = {
	"System Notification": ": Awaiting Action (Bell)",
	"Email": ": Awaiting Action (Email)",
}

# Jinja, rendered by the framework in the language of the user whose action moved the document. What
# waits and where: the DocType, the document's ID (never a title, which may be a graduate's name) and the
# state. The link is the Notification Log's own (document_type / document_name) and the mail's.
# STATE_FIELD stands for the workflow's state field, quoted.
SUBJECT = (
	'{{ _("{0} {1}: {2}. Awaits your action.")'
	".format(_(doc.doctype), doc.name, _(doc.get(STATE_FIELD))) }}"
)


def message_with_link(subject: str) -> str:
	"""The mail's body: the subject's sentence and a link to the document."""
	return f"""<p>{subject}</p>
<p><a href="{{{{ frappe.utils.get_url_to_form(doc.doctype, doc.name) }}}}">{{{{ _("Open the document") }}}}</a></p>
"""


def notification_name(workflow: str, channel: str) -> str:
	return f"{workflow}{CHANNELS[channel]}"


def app_doctypes() -> list[str]:
	return frappe.get_all(
		"DocType", filters={"module": ("in", frappe.get_module_list(APP))}, pluck="name", order_by="name"
	)


def sync_all() -> None:
	"""Notifications for every workflow of an app DocType; those of workflows that are gone go too."""
	doctypes = app_doctypes()
	kept = set()
	for workflow in frappe.get_all("Workflow", filters={"document_type": ("in", doctypes)}, pluck="name"):
		kept.update(sync_workflow(frappe.get_doc("Workflow", workflow)))
	for name in app_notifications(doctypes):
		if name not in kept:
			frappe.delete_doc(NOTIFICATION, name, ignore_permissions=True, force=True)


def app_notifications(doctypes: list[str] | None = None) -> list[str]:
	"""The notifications this module made: on an app DocType, named with one of its suffixes."""
	return notifications_named(tuple(CHANNELS.values()), doctypes)


def notifications_named(suffixes: tuple[str, ...], doctypes: list[str] | None = None) -> list[str]:
	"""Notifications on app DocTypes whose names end with one of ``suffixes`` (the records a module made)."""
	names = frappe.get_all(
		NOTIFICATION, filters={"document_type": ("in", doctypes or app_doctypes())}, pluck="name"
	)
	return [name for name in names if name.endswith(suffixes)]


def waiting_of(workflow) -> dict[str, tuple[str, ...]]:
	"""The workflow's states that wait for a role, with those roles (``domain.approvals.waiting_roles``)."""
	optional = [state.state for state in workflow.states if state.is_optional_state]
	return waiting_roles(
		[Transition(row.state, row.next_state, row.allowed, row.action) for row in workflow.transitions],
		optional,
	)


def sync_workflow(workflow) -> list[str]:
	"""Make or refresh the notifications of one workflow; return their names (none for an inactive one)."""
	if workflow.document_type not in app_doctypes():
		return []
	waiting = waiting_of(workflow)
	names = []
	for channel in CHANNELS:
		name = notification_name(workflow.name, channel)
		if workflow.is_active and waiting:
			event = {"event": "Value Change", "value_changed": workflow.workflow_state_field}
			save_notification(name, channel, workflow, waiting, event, SUBJECT)
			names.append(name)
		elif frappe.db.exists(NOTIFICATION, name):
			frappe.delete_doc(NOTIFICATION, name, ignore_permissions=True, force=True)
	return names


def save_notification(
	name: str, channel: str, workflow, waiting: dict[str, tuple[str, ...]], event: dict, subject: str
) -> None:
	"""Make or refresh one Notification of ``workflow``: ``event`` fires it, each waiting state's roles receive
	it, ``subject`` (Jinja, STATE_FIELD for the quoted state field) is its subject and first line. An
	unchanged record is left as it is, so an administrator's "disabled" stays."""
	field = json.dumps(workflow.workflow_state_field)
	values = {
		"document_type": workflow.document_type,
		**event,
		"channel": channel,
		"send_system_notification": 0,
		"attach_print": 0,
		"is_standard": 0,
		"condition": f"doc.get({field}) in {json.dumps(list(waiting))}",
		"subject": subject.replace("STATE_FIELD", field),
		"message_type": "HTML",
		"message": message_with_link(subject).replace("STATE_FIELD", field),
	}
	recipients = [
		{"receiver_by_role": role, "condition": f"doc.get({field}) == {json.dumps(state)}"}
		for state, roles in waiting.items()
		for role in roles
	]
	if frappe.db.exists(NOTIFICATION, name):
		doc = frappe.get_doc(NOTIFICATION, name)
		current = [
			{"receiver_by_role": row.receiver_by_role, "condition": row.condition} for row in doc.recipients
		]
		if all(doc.get(key) == value for key, value in values.items()) and current == recipients:
			return
	else:
		doc = frappe.new_doc(NOTIFICATION)
		doc.name = name
		doc.enabled = 1
	doc.update(values)
	doc.set("recipients", recipients)
	doc.flags.ignore_permissions = True
	doc.save()


def on_workflow_update(doc, method=None) -> None:
	"""doc_events hook: a workflow of an app DocType saved in the desk or by a fixture sync."""
	sync_workflow(doc)


def on_workflow_trash(doc, method=None) -> None:
	for channel in CHANNELS:
		name = notification_name(doc.name, channel)
		if frappe.db.exists(NOTIFICATION, name):
			frappe.delete_doc(NOTIFICATION, name, ignore_permissions=True, force=True)


def delete_all(doctypes: list[str]) -> None:
	"""Uninstall: the notifications made for the app's workflows."""
	for name in app_notifications(doctypes):
		frappe.delete_doc(NOTIFICATION, name, ignore_permissions=True, force=True)
