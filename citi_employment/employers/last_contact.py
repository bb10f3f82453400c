"""The date of the Center's last contact with each employer, shown on the Employer form.

A contact is an Employer Interaction (§5.3), or correspondence kept by the framework: a Communication about
the employer (an e-mail sent from the Employer form with Frappe's own e-mail dialog, which files it under the
employer, or mail linked to it through one of its contacts). Mail is never copied into an interaction by
hand, so both sources are read. ``Employer.last_contact_on`` is owned by this service and written with
``db_set``; the Employer's connections list the interactions, its timeline the correspondence.
"""

import frappe
from frappe.query_builder import DocType
from frappe.query_builder.functions import Max
from frappe.utils import getdate

from citi_employment.domain.dates import date_or_none
from citi_employment.domain.employer_interactions import last_contact

EMPLOYER_DOCTYPE = "Employer"
INTERACTION_DOCTYPE = "Employer Interaction"
# Communications that are correspondence, not comments, notifications or automated messages.
CORRESPONDENCE = "Communication"


def refresh_last_contact(employer: str | None) -> None:
	if not employer or not frappe.db.exists(EMPLOYER_DOCTYPE, employer):
		return
	latest = last_contact([last_interaction_date(employer), last_correspondence_date(employer)])
	stored = frappe.db.get_value(EMPLOYER_DOCTYPE, employer, "last_contact_on")
	if (date_or_none(stored)) == latest:
		return
	# The employer's ``modified`` moves too, and an open Employer form is told: a form loaded before would
	# otherwise send its old date back on its next save, which the write guard refuses as a forged value.
	frappe.db.set_value(EMPLOYER_DOCTYPE, employer, "last_contact_on", latest)
	frappe.get_doc(EMPLOYER_DOCTYPE, employer).notify_update()


def last_interaction_date(employer: str):
	interaction = DocType(INTERACTION_DOCTYPE)
	rows = (
		frappe.qb.from_(interaction)
		.select(Max(interaction.interaction_date))
		.where(interaction.employer == employer)
	).run()
	return getdate(rows[0][0]) if rows and rows[0][0] else None


def last_correspondence_date(employer: str):
	"""The latest Communication filed under the employer or linked to it in the timeline."""
	communication = DocType("Communication")
	link = DocType("Communication Link")
	direct = (
		frappe.qb.from_(communication)
		.select(Max(communication.communication_date))
		.where(communication.communication_type == CORRESPONDENCE)
		.where(communication.reference_doctype == EMPLOYER_DOCTYPE)
		.where(communication.reference_name == employer)
	).run()
	linked = (
		frappe.qb.from_(communication)
		.join(link)
		.on(link.parent == communication.name)
		.select(Max(communication.communication_date))
		.where(communication.communication_type == CORRESPONDENCE)
		.where(link.parenttype == "Communication")
		.where(link.link_doctype == EMPLOYER_DOCTYPE)
		.where(link.link_name == employer)
	).run()
	return last_contact(getdate(rows[0][0]) for rows in (direct, linked) if rows and rows[0][0])


def employers_of_communication(doc) -> set[str]:
	employers = {
		row.link_name for row in doc.get("timeline_links") or [] if row.link_doctype == EMPLOYER_DOCTYPE
	}
	if doc.reference_doctype == EMPLOYER_DOCTYPE and doc.reference_name:
		employers.add(doc.reference_name)
	return employers


def on_communication_change(doc, method=None) -> None:
	"""``doc_events`` of Communication (``on_update``, ``after_delete``): its employers' last contact."""
	if doc.communication_type != CORRESPONDENCE:
		return
	for employer in employers_of_communication(doc):
		refresh_last_contact(employer)
