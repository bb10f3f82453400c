# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""A dossier sent to an employer (§2.3; 152-ФЗ ст. 9): what was sent, to whom, and the Center's cover letter.

Made only by ``citi_employment.dossier.sending.send_dossier``, after the graduate's consent has been checked;
every field is the service's. The record prints as the cover letter («Сопроводительное письмо»), which is
the first part of the PDF the employer receives.
"""

from frappe.model.document import Document


class EmployerDossier(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		employer: DF.Link
		employer_name: DF.SmallText | None
		graduate: DF.Link
		mentor_recommendation: DF.Link
		personal_data_transfer: DF.Link | None
		profession: DF.Link | None
		recipient_email: DF.Data | None
		sent_at: DF.Datetime | None
		sent_by: DF.Link | None
		signatory_name: DF.Data | None
		student_resume: DF.Link
	# end: auto-generated types

	pass
