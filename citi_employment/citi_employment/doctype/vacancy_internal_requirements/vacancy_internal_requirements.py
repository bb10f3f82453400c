# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""The employer's age and gender wishes for a Vacancy Request (Закон РФ 1032-1 ст. 25: never published), kept
apart so that only the Center's Head and Specialists can read them. A field level on the request did not
hold: Frappe v15's get_list lets such columns through and answers filters on them."""

from functools import partial

import frappe
from frappe.model.document import Document

from citi_employment.personal_data.center_only import purge_deleted_copy


class VacancyInternalRequirements(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		age_requirement: DF.Data | None
		gender_requirement: DF.Literal["Any", "Male", "Female"]
		vacancy_request: DF.Link
	# end: auto-generated types

	def on_trash(self):
		# Deleted Document would keep the wishes for System Managers; drop the copy once Frappe has written it.
		frappe.db.before_commit.add(partial(purge_deleted_copy, self.doctype, self.name))
