# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PersonalDataDestructionAct(Document):
	"""Made and submitted by citi_employment.personal_data.destruction only; nobody edits or cancels it."""

	# begin: auto-generated types
	# end: auto-generated types

	pass
