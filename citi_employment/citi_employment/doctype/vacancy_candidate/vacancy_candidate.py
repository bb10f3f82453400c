# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from citi_employment.domain import vacancies as rules
from citi_employment.vacancies import candidates as candidate_service
from citi_employment.write_guards.field_errors import InvalidFieldValueError

REQUEST_DOCTYPE = "Vacancy Request"


class VacancyCandidate(Document):
	"""A graduate proposed for a vacancy request.

	A DocType of its own rather than a child table of the request: the Admissions Committee reads Targeted
	Training requests, and Frappe v15 lets a reader of a parent select its child-table columns through
	``get_list``; this DocType grants the committee nothing (§3.3: it gets the requests, not graduates).
	"""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		employer: DF.Link | None
		graduate: DF.Link
		graduate_name: DF.Data | None
		position: DF.Data | None
		score: DF.Int
		score_explanation: DF.SmallText | None
		status: DF.Literal["Proposed", "Resume Sent", "Interview", "Hired", "Declined", "Withdrawn"]
		status_date: DF.Date | None
		vacancy_request: DF.Link
	# end: auto-generated types

	def validate(self):
		self.validate_unique()
		self.set_status_date()
		if self.is_new():
			# Proposing a graduate passes their data to the employer (152-ФЗ ст. 9).
			candidate_service.assert_candidate_allowed(self.graduate, self.graduate_name or self.graduate)
			self.set_score()

	def validate_unique(self):
		duplicate = frappe.db.exists(
			self.doctype,
			{"vacancy_request": self.vacancy_request, "graduate": self.graduate, "name": ("!=", self.name)},
		)
		if duplicate:
			frappe.throw(
				_("{0} is already a candidate for this request.").format(
					frappe.bold(self.graduate_name or self.graduate)
				),
				exc=InvalidFieldValueError,
				title=_("Duplicate Candidates"),
			)

	def set_status_date(self):
		self.status = self.status or rules.PROPOSED
		before = self.get_doc_before_save()
		if not self.status_date or (before and before.status != self.status):
			self.status_date = getdate()

	def set_score(self):
		"""The score is the server's: read_only is not enforced on the server, so sent values are replaced."""
		if self.flags.written_by_service:
			return
		self.score, self.score_explanation = 0, None
		request = frappe.get_doc(REQUEST_DOCTYPE, self.vacancy_request)
		score = candidate_service.scores_for(request, [self.graduate]).get(self.graduate)
		if score:
			self.score = score["score"]
			self.score_explanation = "\n".join(score["explanation"])
