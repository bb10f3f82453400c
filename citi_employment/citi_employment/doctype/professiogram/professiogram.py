# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class Professiogram(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		adaptations_needed: DF.Text | None
		contraindications: DF.Text | None
		employer: DF.Link | None
		intellectual_load: DF.Text | None
		physical_load: DF.Text | None
		prepared_by: DF.Link | None
		prepared_on: DF.Date | None
		profession: DF.Link
		work_content: DF.Text | None
		working_conditions: DF.Text | None
	# end: auto-generated types

	pass
