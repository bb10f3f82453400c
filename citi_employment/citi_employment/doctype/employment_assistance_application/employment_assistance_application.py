# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from citi_employment.domain.identifiers import normalize_phone_ru
from citi_employment.domain.resume import application_status, period_is_ordered
from citi_employment.write_guards.field_errors import collect_field_errors, throw_field_errors


class SupportPeriodError(frappe.ValidationError):
	pass


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
		status: DF.Literal["Draft", "Submitted", "Cancelled"]
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
		start = getdate(self.support_from) if self.support_from else None
		end = getdate(self.support_to) if self.support_to else None
		if not period_is_ordered(start, end):
			frappe.throw(
				_("{0} cannot be earlier than {1}").format(
					frappe.bold(_(self.meta.get_label("support_to"))),
					frappe.bold(_(self.meta.get_label("support_from"))),
				),
				exc=SupportPeriodError,
				title=_("Invalid Support Period"),
			)

	def set_status(self):
		"""The status mirrors the document state: submitted means the signed paper was received."""
		self.status = application_status(self.docstatus)
