# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class AnnualReportRequestRow(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		filled: DF.Int
		filled_share: DF.Percent
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		positions: DF.Int
		profession: DF.Link | None
		requests: DF.Int
	# end: auto-generated types

	pass
