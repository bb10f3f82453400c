# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class AnnualReportPlanRow(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		done: DF.Int
		done_share: DF.Percent
		in_progress: DF.Int
		items: DF.Int
		not_done: DF.Int
		overdue: DF.Int
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		period: DF.Literal["Year", "1st Half", "2nd Half"]
		plan_status: DF.Literal["Draft", "Pending Director Approval", "Approved"]
		planned: DF.Int
		work_plan: DF.Link | None
	# end: auto-generated types

	pass
