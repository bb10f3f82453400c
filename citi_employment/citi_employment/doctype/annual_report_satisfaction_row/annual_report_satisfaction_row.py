# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class AnnualReportSatisfactionRow(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		answers: DF.Int
		average: DF.Float
		checks: DF.Int
		complaints: DF.Int
		conditions_mismatch: DF.Int
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		profession: DF.Link | None
		workplace_needed: DF.Int
	# end: auto-generated types

	pass
