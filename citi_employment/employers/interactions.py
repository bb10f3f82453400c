"""Interactions with employers (§5.3): their checks, and the next step's ToDo for the responsible specialist."""

import frappe
from frappe import _
from frappe.utils import escape_html, formatdate

from citi_employment.domain import employer_interactions as rules
from citi_employment.domain.dates import date_or_none
from citi_employment.write_guards.field_errors import validate_period

INTERACTION_DOCTYPE = "Employer Interaction"
EMPLOYER_DOCTYPE = "Employer"
# A link of the interaction and the field of the linked record that names its employer.
EMPLOYER_OF_REFERENCE = {"vacancy_request": "Vacancy Request", "employer_contract": "Employer Contract"}


class ReferenceOfAnotherEmployerError(frappe.ValidationError):
	"""A contact, vacancy request or contract of another employer was linked."""


class NextStepMissingError(frappe.ValidationError):
	"""A next-step date was given without the step."""


def check_references(doc) -> None:
	"""The contact person, the vacancy request and the contract are all the interaction's employer's."""
	if not doc.employer:
		return
	if doc.contact_person and not is_contact_of(doc.contact_person, doc.employer):
		frappe.throw(
			_("The contact {0} is not a contact of the employer {1}: choose one of its contacts.").format(
				frappe.bold(doc.contact_person), frappe.bold(doc.employer_name or doc.employer)
			),
			ReferenceOfAnotherEmployerError,
			title=_("Wrong Employer"),
		)
	for fieldname, doctype in EMPLOYER_OF_REFERENCE.items():
		reference = doc.get(fieldname)
		if not reference:
			continue
		if frappe.db.get_value(doctype, reference, "employer") != doc.employer:
			frappe.throw(
				_("{0} {1} belongs to another employer, not to {2}.").format(
					_(doctype), frappe.bold(reference), frappe.bold(doc.employer_name or doc.employer)
				),
				ReferenceOfAnotherEmployerError,
				title=_("Wrong Employer"),
			)


def is_contact_of(contact: str, employer: str) -> bool:
	"""Frappe's Contact is linked to its organisations through its Dynamic Link rows."""
	return bool(
		frappe.db.exists(
			"Dynamic Link",
			{
				"parenttype": "Contact",
				"parent": contact,
				"link_doctype": EMPLOYER_DOCTYPE,
				"link_name": employer,
			},
		)
	)


def check_next_step(doc) -> None:
	"""A next step is described, and not dated before the interaction it follows."""
	next_step_date = date_or_none(doc.next_step_date)
	if rules.lacks_step(doc.next_step, next_step_date):
		frappe.throw(
			_("Describe the {0} that is due on {1}.").format(
				frappe.bold(_("Next Step")), formatdate(next_step_date)
			),
			NextStepMissingError,
			title=_("Next Step Missing"),
		)
	validate_period(doc, "interaction_date", "next_step_date")


def set_mode(doc) -> None:
	"""§5.3 tells in-person forms from remote ones; the mode follows from the form."""
	doc.mode = rules.mode_of(doc.form)


def sync_next_step_todo(doc) -> None:
	"""``on_update``: the responsible specialist's ToDo for the next step, made once and moved with the step.

	The ToDo's name is kept on the interaction (``next_step_todo``), so a ToDo someone assigned by hand on the
	same interaction is never taken for it.
	"""
	# The ToDo's description is HTML: the step's text goes in escaped, its lines as line breaks.
	wanted = rules.next_step_of(
		escape_html((doc.next_step or "").strip()).replace("\n", "<br>"),
		date_or_none(doc.next_step_date),
		doc.responsible,
	)
	existing = existing_todo(doc.next_step_todo)
	change = rules.todo_change(existing, wanted)
	if change == rules.TodoChange.CREATE:
		todo = frappe.get_doc(
			{
				"doctype": "ToDo",
				"status": "Open",
				"allocated_to": wanted.allocated_to,
				"date": wanted.due,
				"description": wanted.description,
				"reference_type": INTERACTION_DOCTYPE,
				"reference_name": doc.name,
				"assigned_by": frappe.session.user,
			}
		).insert(ignore_permissions=True)
		doc.db_set("next_step_todo", todo.name, update_modified=False)
	elif change == rules.TodoChange.UPDATE:
		todo = frappe.get_doc("ToDo", existing.name)
		todo.update(
			{
				"status": "Open",
				"allocated_to": wanted.allocated_to,
				"date": wanted.due,
				"description": wanted.description,
			}
		)
		todo.save(ignore_permissions=True)
	elif change == rules.TodoChange.CANCEL:
		todo = frappe.get_doc("ToDo", existing.name)
		todo.status = "Cancelled"
		todo.save(ignore_permissions=True)


def existing_todo(name: str | None) -> rules.ExistingTodo | None:
	if not name:
		return None
	values = frappe.db.get_value(
		"ToDo", name, ["name", "status", "description", "allocated_to", "date"], as_dict=True
	)
	if not values:
		return None
	return rules.ExistingTodo(
		name=values.name,
		status=values.status,
		description=values.description or "",
		allocated_to=values.allocated_to or "",
		due=date_or_none(values.date),
	)
