# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PersonalDataCategory(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		category_name: DF.Data
		in_minor_form: DF.Check
		legal_category: DF.Literal["General", "Special", "Biometric"]
		minor_form_wording: DF.SmallText | None
		sort_order: DF.Int
		wording: DF.SmallText
	# end: auto-generated types

	pass
