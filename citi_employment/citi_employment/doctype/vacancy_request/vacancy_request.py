# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, flt, getdate

from citi_employment.domain import vacancies as rules
from citi_employment.domain.dates import date_or_none
from citi_employment.domain.errors import FieldError
from citi_employment.roles import ADMISSIONS_COMMITTEE, ALL_RECORDS_ROLES
from citi_employment.vacancies.positions import lock_request, placements_on
from citi_employment.write_guards.field_errors import InvalidFieldValueError, throw_field_errors

CANDIDATE_DOCTYPE = "Vacancy Candidate"
# The employer's age and gender wishes, 1:1 and named after the request; only the Head and Specialists read it.
INTERNAL_REQUIREMENTS_DOCTYPE = "Vacancy Internal Requirements"


class ProbationSalaryNotConfirmedError(frappe.ValidationError):
	pass


class VacancyRequest(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		activity: DF.SmallText | None
		closed_on: DF.Date | None
		compiled_on: DF.Date | None
		contact_email: DF.Data | None
		contact_person: DF.Data | None
		contact_person_position: DF.Data | None
		contact_phone: DF.Data | None
		department: DF.Data | None
		education_requirement: DF.Data | None
		employer: DF.Link
		employer_contacts: DF.SmallText | None
		employer_full_name: DF.SmallText | None
		employer_region: DF.Data | None
		expected_start_date: DF.Date | None
		filled_count: DF.Int
		founding_year: DF.Int
		head_name: DF.Data | None
		kind: DF.Literal["Employment", "Targeted Training", "Practice"]
		pc_skills: DF.Data | None
		position: DF.Data
		positions_count: DF.Int
		privacy_notice_version: DF.Data | None
		probation_period: DF.Data | None
		probation_salary: DF.Currency
		probation_salary_above_confirmed: DF.Check
		profession: DF.Link | None
		reports_to: DF.Data | None
		salary: DF.Currency
		schedule: DF.Data | None
		sent_on: DF.Date | None
		sent_to_admissions_committee: DF.Check
		status: DF.Literal["Draft", "Registered", "In Progress", "Filled", "Closed", "Cancelled"]
		submitted_at: DF.Datetime | None
		submitted_details: DF.SmallText | None
		submitted_online: DF.Check
		website: DF.Data | None
		work_address: DF.SmallText | None
	# end: auto-generated types

	def onload(self):
		# Only whether the button may be shown; the wishes themselves never travel with the request.
		self.set_onload("can_read_internal_requirements", can_read_internal_requirements())

	def validate(self):
		self.set_employer_header()
		self.validate_positions_count()
		self.validate_salaries()
		self.set_sent_on()
		self.set_closed_on()

	def on_trash(self):
		# The proposals belong to the request; placements keep their link and stop the deletion instead.
		for name in frappe.get_all(CANDIDATE_DOCTYPE, filters={"vacancy_request": self.name}, pluck="name"):
			frappe.delete_doc(CANDIDATE_DOCTYPE, name)
		self.delete_internal_requirements()

	def delete_internal_requirements(self):
		"""Delete the 1:1 age and gender record with the request.

		The deleter need not be able to read it, so permissions are ignored here — but only after Frappe checked
		delete rights on the request (or the caller deliberately ignored them). Deleted permanently: a copy in
		Deleted Document would be readable by the System Manager.
		"""
		if not self.flags.ignore_permissions:
			self.check_permission("delete")
		for name in frappe.get_all(
			INTERNAL_REQUIREMENTS_DOCTYPE, filters={"vacancy_request": self.name}, pluck="name"
		):
			frappe.delete_doc(
				INTERNAL_REQUIREMENTS_DOCTYPE, name, ignore_permissions=True, delete_permanently=True
			)

	def set_employer_header(self):
		"""The form's header is a copy of the employer's card at the time the request is made."""
		if not self.employer:
			return
		before = self.get_doc_before_save()
		if before and before.employer == self.employer and self.employer_full_name:
			return
		employer = frappe.db.get_value(
			"Employer",
			self.employer,
			["full_name", "phone", "email", "website", "activity", "founding_year", "head_name", "region"],
			as_dict=True,
		)
		if not employer:
			return
		self.employer_full_name = employer.full_name
		self.employer_contacts = ", ".join(value for value in (employer.phone, employer.email) if value)
		self.website = employer.website
		self.activity = employer.activity
		self.founding_year = employer.founding_year
		self.head_name = employer.head_name
		self.employer_region = employer.region

	def validate_positions_count(self):
		try:
			self.positions_count = rules.check_positions_count(self.positions_count)
		except FieldError:
			frappe.throw(
				_("{0} must be at least 1: the employer asks for at least one worker.").format(
					frappe.bold(_(self.meta.get_label("positions_count")))
				),
				exc=InvalidFieldValueError,
				title=_("Invalid Values"),
			)

	def validate_salaries(self):
		errors = []
		for fieldname in ("salary", "probation_salary"):
			try:
				rules.check_not_negative(flt(self.get(fieldname)), fieldname)
			except FieldError as error:
				errors.append(error)
		throw_field_errors(self, errors)
		if rules.probation_salary_needs_confirmation(
			flt(self.salary), flt(self.probation_salary), bool(self.probation_salary_above_confirmed)
		):
			frappe.throw(
				_(
					"{0} is higher than {1}. If the employer really pays more during probation, tick {2}; otherwise correct the amounts."
				).format(
					frappe.bold(_(self.meta.get_label("probation_salary"))),
					frappe.bold(_(self.meta.get_label("salary"))),
					frappe.bold(_(self.meta.get_label("probation_salary_above_confirmed"))),
				),
				exc=ProbationSalaryNotConfirmedError,
				title=_("Check the Salary"),
			)

	def set_sent_on(self):
		if self.sent_to_admissions_committee and not self.sent_on:
			self.sent_on = getdate()
		elif not self.sent_to_admissions_committee:
			self.sent_on = None

	def set_closed_on(self):
		before = self.get_doc_before_save()
		self.closed_on = rules.closed_on(
			self.status, before.status if before else None, date_or_none(self.closed_on), getdate()
		)

	def recount_placements(self) -> None:
		"""Filled positions and the Filled state from the placements made against this request.

		Counted under the request's lock with a locking read: a placement saved or deleted at the same moment
		by another user is counted once it is committed, so the count never misses or repeats one.
		"""
		lock_request(self.name)
		filled = placements_on(self.name)
		status = rules.status_after_placements(self.status, self.positions_count, filled)
		values = {}
		if filled != cint(self.filled_count):
			values["filled_count"] = filled
		if status != self.status:
			values["status"] = status
			values["closed_on"] = rules.closed_on(
				status, self.status, date_or_none(self.closed_on), getdate()
			)
		if values:
			self.db_set(values, notify=True)

	def mark_hired(self, graduate: str) -> None:
		"""The placed graduate's proposal becomes Hired."""
		for name in frappe.get_all(
			CANDIDATE_DOCTYPE,
			filters={"vacancy_request": self.name, "graduate": graduate, "status": ("!=", rules.HIRED)},
			pluck="name",
		):
			frappe.db.set_value(CANDIDATE_DOCTYPE, name, {"status": rules.HIRED, "status_date": getdate()})


def can_read_internal_requirements(user: str | None = None) -> bool:
	return bool(frappe.has_permission(INTERNAL_REQUIREMENTS_DOCTYPE, "read", user=user))


def is_restricted_user(user: str | None = None) -> bool:
	"""Whether the user sees only Targeted Training requests (the Admissions Committee, §3.3)."""
	return not ALL_RECORDS_ROLES.intersection(frappe.get_roles(user or frappe.session.user))


def get_permission_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	if not is_restricted_user(user):
		return ""
	return f"`tabVacancy Request`.`kind` = {frappe.db.escape(rules.TARGETED_TRAINING)}"


def has_permission(doc, ptype: str = "read", user: str | None = None) -> bool | None:
	if not is_restricted_user(user):
		return None
	if ADMISSIONS_COMMITTEE not in frappe.get_roles(user or frappe.session.user):
		return False
	return doc.kind == rules.TARGETED_TRAINING
