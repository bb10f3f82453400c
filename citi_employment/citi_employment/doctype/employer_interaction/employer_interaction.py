# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""A contact with an employer (§5.3): in person (an interview, a consultation) or remote (e-mail, phone).

E-mails sent from the Employer form are the framework's Communications filed under the employer; they are
not copied into interactions. Both count for the employer's last contact
(``citi_employment.employers.last_contact``).
"""

from frappe.model.document import Document

from citi_employment.employers import interactions, last_contact


class EmployerInteraction(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		contact_person: DF.Link | None
		employer: DF.Link
		employer_contract: DF.Link | None
		employer_name: DF.Data | None
		form: DF.Literal["Interview", "Consultation", "E-mail", "Phone"]
		interaction_date: DF.Date
		mode: DF.Literal["", "In Person", "Distance"]
		next_step: DF.SmallText | None
		next_step_date: DF.Date | None
		next_step_todo: DF.Data | None
		outcome: DF.Text | None
		responsible: DF.Link
		topic: DF.Data
		vacancy_request: DF.Link | None
	# end: auto-generated types

	def validate(self):
		interactions.check_references(self)
		interactions.check_next_step(self)
		interactions.set_mode(self)

	def on_update(self):
		interactions.sync_next_step_todo(self)
		last_contact.refresh_last_contact(self.employer)
		before = self.get_doc_before_save()
		if before and before.employer != self.employer:
			last_contact.refresh_last_contact(before.employer)

	def after_delete(self):
		last_contact.refresh_last_contact(self.employer)
