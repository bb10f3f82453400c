# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""The Center's work plan for a year or a half-year (Appendix №8; §5.1 plans the work with employers by the
half-year), approved by the Institution Director.

Not submittable, like the Employer Contract: after approval each item's status and result are still written
(by hand and by the Center's events), which a submitted document would allow only field by field. What
submission would protect is protected in ``citi_employment.work_plan.approval``: only the Director approves,
an approved plan stays approved, and from submission on its activities, due dates and responsible persons
stay as submitted.
"""

from frappe.model.document import Document
from frappe.utils import cint

from citi_employment.domain.work_plan import plan_name
from citi_employment.work_plan import approval


class WorkPlan(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from citi_employment.citi_employment.doctype.work_plan_item.work_plan_item import WorkPlanItem

		approved_by: DF.Link | None
		approved_by_name: DF.Data | None
		approved_on: DF.Date | None
		items: DF.Table[WorkPlanItem]
		period: DF.Literal["Year", "1st Half", "2nd Half"]
		status: DF.Literal["Draft", "Pending Director Approval", "Approved"]
		year: DF.Int
	# end: auto-generated types

	def autoname(self):
		# ``WP-2026-H1``: the name says which plan it is, and the primary key keeps one plan per period.
		approval.check_year(self)
		self.name = plan_name(cint(self.year), self.period)

	def onload(self):
		self.set_onload("execution_summary", approval.execution_summary(self))

	def validate(self):
		approval.check_year(self)
		approval.check_unique(self)
		approval.check_approval_rights(self)
		approval.check_director_edits(self)
		approval.check_locked_content(self)
		approval.check_has_items(self)
		approval.fill_due_dates(self)
		approval.record_approval(self)
