# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class AnnualReportContractRow(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		expired: DF.Int
		in_force: DF.Int
		journal: DF.Link | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		registered: DF.Int
		terminated: DF.Int
	# end: auto-generated types

	pass
