# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class AnnualReportOutcomeRow(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		continuing_education: DF.Int
		graduates: DF.Int
		individual_entrepreneur: DF.Int
		military_service: DF.Int
		not_checked: DF.Int
		not_working_not_seeking: DF.Int
		not_working_seeking: DF.Int
		parent: DF.Data
		parental_leave: DF.Int
		parentfield: DF.Data
		parenttype: DF.Data
		profession: DF.Link | None
		self_employed_npd: DF.Int
		unreachable: DF.Int
		working: DF.Int
		working_at_this_employer: DF.Int
		working_elsewhere: DF.Int
		working_share: DF.Percent
	# end: auto-generated types

	pass
