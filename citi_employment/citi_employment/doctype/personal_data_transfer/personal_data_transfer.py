# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PersonalDataTransfer(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		consent: DF.Link
		employer: DF.Link
		graduate: DF.Link
		recipient_email: DF.Data | None
		reference_doctype: DF.Link
		reference_name: DF.DynamicLink
		transferred_at: DF.Datetime
		transferred_by: DF.Link
	# end: auto-generated types

	pass
