# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, formatdate, getdate

from citi_employment.domain import monitoring as rules
from citi_employment.domain.dates import date_or_none
from citi_employment.domain.monitoring import MonitoringProblem
from citi_employment.monitoring.derived import refresh_after_check
from citi_employment.monitoring.policy import current_policy
from citi_employment.roles import EMPLOYMENT_CENTER_HEAD, EMPLOYMENT_SPECIALIST

PLACEMENT_DOCTYPE = "Graduate Placement"


class MonitoringRecordError(frappe.ValidationError):
	"""A monitoring record breaks a rule of §6.2 (dates, outcome, satisfaction score)."""


class EmploymentMonitoringRecord(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		actions_taken: DF.SmallText | None
		checked_on: DF.Date | None
		checkpoint: DF.Int
		complaint_details: DF.SmallText | None
		conditions_match_contract: DF.Literal["Unknown", "Yes", "No"]
		due_date: DF.Date
		employer: DF.Link | None
		employer_complaints: DF.Check
		employer_name: DF.Data | None
		employer_satisfaction: DF.Int
		graduate: DF.Link | None
		graduate_name: DF.Data | None
		is_follow_up: DF.Check
		method: DF.Literal["", "Phone Call", "Site Visit", "Employer's Report", "Graduate's Report"]
		outcome: DF.Literal[
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
		outcome_employer: DF.Link | None
		outcome_employer_name: DF.Data | None
		placement: DF.Link
		responsible_specialist: DF.Link | None
		special_workplace: DF.Literal["", "Not Needed", "Needed, Not Adapted", "Adapted"]
		status: DF.Literal["Planned", "Due", "Done", "Overdue", "Not Applicable"]
		training_quality_feedback: DF.SmallText | None
	# end: auto-generated types

	def before_insert(self):
		self.set_responsible_specialist()

	def validate(self):
		self.validate_due_date_change()
		if not rules.keeps_outcome_employer(self.outcome):
			self.outcome_employer = self.outcome_employer_name = None
		self.validate_check()
		policy = current_policy()
		self.status = rules.status_on_save(
			self.status,
			bool(self.checked_on and self.outcome),
			date_or_none(self.due_date),
			getdate(),
			policy.due_lead_days,
			policy.overdue_grace_days,
		)

	def on_update(self):
		before = self.get_doc_before_save()
		if self.status == rules.DONE or (before and before.status == rules.DONE):
			refresh_after_check(self.graduate, self.placement)

	def after_delete(self):
		if self.status == rules.DONE:
			refresh_after_check(self.graduate, self.placement)

	def set_responsible_specialist(self):
		"""A check added by a specialist is theirs unless they name someone else."""
		if not self.responsible_specialist and {EMPLOYMENT_CENTER_HEAD, EMPLOYMENT_SPECIALIST} & set(
			frappe.get_roles()
		):
			self.responsible_specialist = frappe.session.user

	def validate_due_date_change(self):
		"""A scheduled check is due a fixed number of months after the employment date, and moves only with
		it; the form shows the date read-only, and this refuses it through any other path as well."""
		if self.is_new() or not cint(self.checkpoint) or self.flags.written_by_service:
			return
		if self.has_value_changed("due_date"):
			frappe.throw(
				_(
					"{0} of a scheduled check follows the employment date of the placement. Add a check by hand for another date."
				).format(frappe.bold(_(self.meta.get_label("due_date")))),
				exc=MonitoringRecordError,
				title=_("Invalid Values"),
			)

	def validate_check(self):
		placement = (
			frappe.db.get_value(
				PLACEMENT_DOCTYPE, self.placement, ["employment_date", "employer"], as_dict=True
			)
			if self.placement
			else None
		) or frappe._dict()
		employment_date = date_or_none(placement.employment_date)
		problems = rules.check_problems(
			rules.CheckValues(
				checked_on=date_or_none(self.checked_on),
				outcome=self.outcome or None,
				employment_date=employment_date,
				placement_employer=placement.employer,
				outcome_employer=self.outcome_employer or None,
				employer_satisfaction=cint(self.employer_satisfaction),
				today=getdate(),
			)
		)
		if problems:
			frappe.throw(
				[self.problem_message(problem, employment_date) for problem in problems],
				exc=MonitoringRecordError,
				title=_("Invalid Values"),
				as_list=True,
			)

	def problem_message(self, problem: MonitoringProblem, employment_date) -> str:
		field = frappe.bold(_(self.meta.get_label(rules.PROBLEM_FIELDS[problem])))
		if problem is MonitoringProblem.CHECK_BEFORE_EMPLOYMENT:
			return _("{0} cannot be before the placement started on {1}.").format(
				field, formatdate(employment_date)
			)
		if problem is MonitoringProblem.CHECK_IN_FUTURE:
			return _("{0} cannot be in the future.").format(field)
		if problem is MonitoringProblem.CHECK_DATE_WITHOUT_OUTCOME:
			return _("A check is done only with its outcome: choose the {0}.").format(field)
		if problem is MonitoringProblem.OUTCOME_WITHOUT_CHECK_DATE:
			return _("A check is done only with its date: fill in {0}.").format(field)
		if problem is MonitoringProblem.SATISFACTION_OUT_OF_RANGE:
			return _("{0} is a score from 1 to 5, or 0 if the employer gave none.").format(field)
		return _("{0} is the employer of this placement: choose the outcome {1} instead.").format(
			frappe.bold(self.employer_name or self.employer), frappe.bold(_(rules.WORKING_HERE))
		)


def on_doctype_update():
	"""A specialist's own checks by status and date (the list's «my checks» filter, the to-do sweep): without
	it the list reads the whole region's records through the due_date index (issue 14 benchmarks)."""
	frappe.db.add_index(
		"Employment Monitoring Record",
		["responsible_specialist", "status", "due_date"],
		"responsible_status_due",
	)
