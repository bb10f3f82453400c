# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PersonalDataTransfer(Document):
	# begin: auto-generated types
	# end: auto-generated types

	pass
