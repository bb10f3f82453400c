# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class RepresentativeIdentityDocument(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		division_code: DF.Data | None
		document_type: DF.Literal["Passport", "Other"]
		issued_by: DF.SmallText | None
		issued_on: DF.Date | None
		number: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		representative_name: DF.Data
		series: DF.Data | None
	# end: auto-generated types

	pass
