# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class WorkPlanItem(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		activity: DF.SmallText
		done_when_event_held: DF.Check
		due: DF.Data | None
		due_date: DF.Date | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		responsible: DF.Data | None
		result: DF.SmallText | None
		status: DF.Literal["Planned", "In Progress", "Done", "Not Done"]
	# end: auto-generated types

	pass
