# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

from frappe.model.document import Document

from citi_employment.domain.identifiers import normalize_phone_ru
from citi_employment.domain.resume import application_status
from citi_employment.write_guards.field_errors import (
	collect_field_errors,
	throw_field_errors,
	validate_period,
)


class EmploymentAssistanceApplication(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		actual_address: DF.SmallText | None
		amended_from: DF.Link | None
		application_date: DF.Date
		certificate_number: DF.Data | None
		graduate: DF.Link
		graduate_name: DF.Data | None
		kind: DF.Literal["Assistance", "Refusal"]
		mobile_phone: DF.Data | None
		profession: DF.Link | None
		program_name: DF.SmallText | None
		registration_address: DF.SmallText | None
		status: DF.Literal["Draft", "Filed", "Cancelled"]
		support_from: DF.Date | None
		support_to: DF.Date | None
	# end: auto-generated types

	def validate(self):
		throw_field_errors(self, collect_field_errors(self, {"mobile_phone": normalize_phone_ru}))
		self.validate_support_period()
		self.set_status()

	def on_cancel(self):
		# A cancellation runs no validate, and takes no field change from the request (write_guards).
		self.db_set("status", application_status(self.docstatus))

	def validate_support_period(self):
		if self.kind == "Refusal":
			# Whoever refuses assistance is not accompanied: a period would print on nothing.
			self.support_from = self.support_to = None
			return
		validate_period(self, "support_from", "support_to")

	def set_status(self):
		"""The status mirrors the document state: submitted means the signed paper was received."""
		self.status = application_status(self.docstatus)
