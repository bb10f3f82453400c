# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document


class ContractJournal(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		is_practice_journal: DF.Check
		journal_name: DF.Data
		number_prefix: DF.Data
		register_title: DF.SmallText
		requires_graduate: DF.Check
	# end: auto-generated types

	def validate(self):
		self.validate_number_prefix()

	def validate_number_prefix(self):
		"""The prefix starts every registration number (ЦП-2026-001), so it must be one short word."""
		self.number_prefix = (self.number_prefix or "").strip().strip("-")
		if not self.number_prefix or any(char.isspace() or char == "-" for char in self.number_prefix):
			frappe.throw(
				_("Number Prefix must be one word without spaces or hyphens, for example ЦП."),
				title=_("Invalid Number Prefix"),
			)
