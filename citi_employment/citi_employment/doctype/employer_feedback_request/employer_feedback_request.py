# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""A feedback link sent to an employer (§6.2) and what became of it. Written only by
``citi_employment.employer_forms.feedback``; the token itself is never stored, only its SHA-256."""

from frappe.model.document import Document


class EmployerFeedbackRequest(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		answered_at: DF.Datetime | None
		employer: DF.Link | None
		expires_at: DF.Datetime | None
		graduate: DF.Link | None
		monitoring_record: DF.Link
		recipient_email: DF.Data | None
		sent_at: DF.Datetime | None
		sent_by: DF.Link | None
		status: DF.Literal["Sent", "Answered", "Superseded"]
		token_hash: DF.Data | None
	# end: auto-generated types

	pass
