# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class LegalRepresentative(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		address: DF.SmallText | None
		basis: DF.Literal["", "Parent", "Adoptive Parent", "Guardian", "Custodian"]
		email: DF.Data | None
		first_name: DF.Data
		full_name: DF.Data | None
		last_name: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		patronymic: DF.Data | None
		phone: DF.Data | None
	# end: auto-generated types

	pass
