# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class AnnualReportPlacementRow(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		graduates: DF.Int
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		placements: DF.Int
		profession: DF.Link | None
		quota_positions: DF.Int
		special_workplaces: DF.Int
	# end: auto-generated types

	pass
