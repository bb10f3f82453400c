# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

from frappe.model.document import Document

from citi_employment.domain.graduate import normalize_okpdtr_code
from citi_employment.write_guards.field_errors import collect_field_errors, throw_field_errors


class Profession(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		description: DF.Text | None
		okpdtr_code: DF.Data | None
		profession_name: DF.Data
		program_name: DF.SmallText | None
		taught_here: DF.Check
	# end: auto-generated types

	def validate(self):
		self.validate_okpdtr_code()

	def validate_okpdtr_code(self):
		throw_field_errors(self, collect_field_errors(self, {"okpdtr_code": normalize_okpdtr_code}))
