# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from citi_employment.domain.dates import date_or_none
from citi_employment.domain.identifiers import normalize_phone_ru
from citi_employment.domain.resume import normalize_driving_licence_categories, unordered_rows
from citi_employment.dossier import sending as dossier_sending
from citi_employment.personal_data.sharing import may_send_documents
from citi_employment.resumes.prefill import get_education_prefill
from citi_employment.write_guards.field_errors import collect_field_errors, throw_field_errors


class ResumeRowOrderError(frappe.ValidationError):
	pass


class StudentResume(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from citi_employment.citi_employment.doctype.resume_education.resume_education import ResumeEducation
		from citi_employment.citi_employment.doctype.resume_work_experience.resume_work_experience import (
			ResumeWorkExperience,
		)

		address: DF.SmallText | None
		date_of_birth: DF.Date | None
		desired_position: DF.Data | None
		driving_licence_categories: DF.Data | None
		education: DF.Table[ResumeEducation]
		expected_salary: DF.Currency
		foreign_language: DF.Data | None
		full_name: DF.Data | None
		graduate: DF.Link
		has_car: DF.Check
		marital_status: DF.Literal["", "Single", "Married", "Divorced", "Widowed"]
		pc_level: DF.Data | None
		personal_qualities: DF.SmallText | None
		phone: DF.Data | None
		ready_from: DF.Date | None
		work_experience: DF.Table[ResumeWorkExperience]
	# end: auto-generated types

	def onload(self):
		# The form shows Send Dossier from this flag; the sending checks role, consent and approval again.
		self.set_onload("can_send_dossier", dossier_sending.can_send(self))
		self.set_onload("can_send_to_employer", may_send_documents())

	def before_insert(self):
		if not self.education:
			self.prefill_education()

	def validate(self):
		throw_field_errors(
			self,
			collect_field_errors(
				self,
				{
					"phone": normalize_phone_ru,
					"driving_licence_categories": normalize_driving_licence_categories,
				},
			),
		)
		self.validate_row_order()

	def prefill_education(self):
		"""The Center's own programme is the first line of every resume; staff edit it if needed."""
		row = get_education_prefill(self.graduate)
		if row:
			self.append("education", row)

	def validate_row_order(self):
		messages = []
		if rows := unordered_rows(
			(date_or_none(row.date_from), date_or_none(row.date_to)) for row in self.work_experience
		):
			messages.append(
				_("Work experience, rows {0}: the date of leaving is earlier than the date of hiring").format(
					", ".join(map(str, rows))
				)
			)
		if rows := unordered_rows((row.year_in, row.year_out) for row in self.education):
			messages.append(
				_("Education, rows {0}: the year of graduation is earlier than the year of admission").format(
					", ".join(map(str, rows))
				)
			)
		if messages:
			frappe.throw(messages, exc=ResumeRowOrderError, title=_("Invalid Values"), as_list=True)
