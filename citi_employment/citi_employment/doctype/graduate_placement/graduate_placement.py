# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import flt

from citi_employment.domain import vacancies as rules
from citi_employment.domain.consents import ConsentUse
from citi_employment.domain.errors import FieldError
from citi_employment.monitoring.schedule import remove_unmade_checks, sync_placement
from citi_employment.personal_data.consents import consent_problem, problem_message
from citi_employment.vacancies.positions import lock_request, placements_on
from citi_employment.write_guards.field_errors import (
	InvalidFieldValueError,
	throw_field_errors,
	validate_period,
)

REQUEST_DOCTYPE = "Vacancy Request"


class PlacementNotAllowedError(frappe.ValidationError):
	"""The graduate withdrew consent: processing stops, so no new placements (152-ФЗ ст. 21 ч. 5)."""


class NoOpenPositionError(frappe.ValidationError):
	"""Every position of the vacancy request is taken by a placement already."""


class GraduatePlacement(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		contract_type: DF.Literal["Permanent", "Fixed Term", "Civil Law"]
		dismissal_date: DF.Date | None
		dismissal_reason: DF.SmallText | None
		employer: DF.Link
		employer_contract: DF.Link | None
		employer_name: DF.Data | None
		employment_date: DF.Date
		graduate: DF.Link
		graduate_name: DF.Data | None
		latest_outcome: DF.Literal[
			"",
			"Working at This Employer",
			"Working Elsewhere",
			"Self-Employed (NPD)",
			"Individual Entrepreneur",
			"Continuing Education",
			"Military Service",
			"Parental Leave",
			"Not Working, Seeking",
			"Not Working, Not Seeking",
			"Unreachable",
		]
		position: DF.Data | None
		profession: DF.Link | None
		quota_position: DF.Check
		salary: DF.Currency
		special_workplace_created: DF.Check
		status: DF.Literal["Employed", "Dismissed"]
		supported_employment_until: DF.Date | None
		vacancy_request: DF.Link | None
		workplace_mentor: DF.Data | None
	# end: auto-generated types

	def validate(self):
		self.validate_consent()
		self.set_from_vacancy_request()
		self.validate_open_position()
		self.validate_dates()
		self.validate_salary()
		self.status = rules.placement_status(self.dismissal_date)

	def on_update(self):
		# §6.2: the monitoring checks follow the placement's dates (citi_employment/monitoring/schedule.py).
		sync_placement(self)
		self.refresh_graduate()
		self.update_vacancy_requests(hired=True)

	def on_trash(self):
		# The request is recounted after the deletion: lock it before the placement's row, in the order
		# every writer of the count keeps (citi_employment/vacancies/positions.py).
		if self.vacancy_request:
			lock_request(self.vacancy_request)
		remove_unmade_checks(self.name)

	def after_delete(self):
		self.refresh_graduate()
		self.update_vacancy_requests(hired=False)

	def validate_consent(self):
		"""After a revocation the Center stops processing the graduate's data: no placement is recorded for them,
		neither a new one nor an existing one moved to them (152-ФЗ ст. 21 ч. 5)."""
		if not self.graduate or not (self.is_new() or self.has_value_changed("graduate")):
			return
		problem = consent_problem(self.graduate, ConsentUse.PLACE)
		if problem:
			frappe.throw(
				_("{0}: a placement cannot be recorded. {1}").format(
					frappe.bold(self.graduate_name or self.graduate), problem_message(problem)
				),
				exc=PlacementNotAllowedError,
				title=_("Processing Stopped"),
			)

	def set_from_vacancy_request(self):
		if not self.vacancy_request:
			return
		request = frappe.db.get_value(
			REQUEST_DOCTYPE,
			self.vacancy_request,
			["employer", "position", "profession", "salary"],
			as_dict=True,
		)
		if not request:
			return
		if self.employer and request.employer != self.employer:
			frappe.throw(
				_("Vacancy Request {0} belongs to another employer.").format(
					frappe.bold(self.vacancy_request)
				),
				exc=InvalidFieldValueError,
				title=_("Invalid Values"),
			)
		self.employer = self.employer or request.employer
		self.position = self.position or request.position
		self.profession = self.profession or request.profession
		if not self.salary:
			self.salary = request.salary

	def validate_open_position(self):
		"""A placement against a request takes one of its positions, and none is left once all are taken.

		Two placements may take the last position at the same moment: the request stays locked until this
		transaction ends, so the second waits for the first and then counts it.
		"""
		if not self.vacancy_request or not (self.is_new() or self.has_value_changed("vacancy_request")):
			return
		positions = lock_request(self.vacancy_request)
		if positions is None:
			return
		if not rules.open_positions(positions, placements_on(self.vacancy_request, exclude=self.name)):
			frappe.throw(
				_("Vacancy Request {0} has no open position left: all {1} positions are filled.").format(
					frappe.bold(self.vacancy_request), positions
				),
				exc=NoOpenPositionError,
				title=_("No Open Position"),
			)

	def validate_dates(self):
		validate_period(self, "employment_date", "dismissal_date")
		validate_period(self, "employment_date", "supported_employment_until")

	def validate_salary(self):
		try:
			rules.check_not_negative(flt(self.salary), "salary")
		except FieldError as error:
			throw_field_errors(self, [error])

	def refresh_graduate(self):
		graduates = {self.graduate}
		before = self.get_doc_before_save()
		if before and before.graduate:
			graduates.add(before.graduate)
		for graduate in filter(None, graduates):
			if frappe.db.exists("Graduate", graduate):
				frappe.get_doc("Graduate", graduate).refresh_employment_status()

	def update_vacancy_requests(self, hired: bool):
		"""Mark the candidate Hired and recount the request's filled positions (the old request too)."""
		requests = {self.vacancy_request}
		before = self.get_doc_before_save()
		if before and before.vacancy_request:
			requests.add(before.vacancy_request)
		for name in filter(None, requests):
			if not frappe.db.exists(REQUEST_DOCTYPE, name):
				continue
			request = frappe.get_doc(REQUEST_DOCTYPE, name)
			if hired and name == self.vacancy_request:
				request.mark_hired(self.graduate)
			request.recount_placements()
