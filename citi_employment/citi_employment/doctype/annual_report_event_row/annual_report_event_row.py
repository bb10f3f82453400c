# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class AnnualReportEventRow(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		employers: DF.Int
		event_type: DF.Literal[
			"Open Day",
			"Working Meeting",
			"Employer Consultation",
			"Seminar",
			"Webinar",
			"Conference",
			"Job Fair",
			"Career Guidance",
		]
		events: DF.Int
		graduates: DF.Int
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		participants: DF.Int
		students: DF.Int
	# end: auto-generated types

	pass
