# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class AnnualReportRetentionRow(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		checked: DF.Int
		checkpoint: DF.Int
		employed_from: DF.Date | None
		employed_to: DF.Date | None
		overdue: DF.Int
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		reached: DF.Int
		share: DF.Percent
		working: DF.Int
	# end: auto-generated types

	pass
