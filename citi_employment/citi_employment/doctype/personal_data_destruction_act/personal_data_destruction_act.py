# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class PersonalDataDestructionAct(Document):
	"""Made and submitted by citi_employment.personal_data.destruction only; nobody edits or cancels it."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from citi_employment.citi_employment.doctype.consent_data_category.consent_data_category import (
			ConsentDataCategory,
		)

		act_date: DF.Date
		amended_from: DF.Link | None
		categories: DF.Table[ConsentDataCategory]
		consent: DF.Link | None
		destroyed_records: DF.SmallText | None
		destruction_method: DF.SmallText | None
		event_log: DF.LongText | None
		graduate: DF.Link | None
		information_system: DF.Data | None
		performed_at: DF.Datetime | None
		performed_by: DF.Link | None
		performed_by_name: DF.Data | None
		reason: DF.SmallText | None
		subject_full_name: DF.Data | None
	# end: auto-generated types

	pass
