# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class AnnualReportEmployerRow(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		active_employers: DF.Int
		employers: DF.Int
		new_employers: DF.Int
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		region: DF.Literal["", "Saint Petersburg", "Leningrad Oblast", "Other"]
	# end: auto-generated types

	pass
