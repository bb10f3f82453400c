# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""The Center's annual report on the execution of its work plan (§3.6 «годовой отчёт о выполнении плана
работы»), approved by the Institution Director: the year's figures as a snapshot in child tables, the Head's
narrative next to them, and the committee's XLSX table attached.

Not submittable, like the Work Plan: the workflow moves it Draft → Pending Director Approval → Approved → Published, and
``citi_employment.annual_report.workflow`` holds what submission would not (only the Director approves, an
approved report is frozen, one report per year). A correction is a new version
(``citi_employment.annual_report.corrections``).
"""

import frappe
from frappe.model.document import Document
from frappe.utils import cint

from citi_employment.annual_report import compute, corrections, workflow, xlsx
from citi_employment.domain import annual_report as rules


class AnnualReport(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from citi_employment.citi_employment.doctype.annual_report_contract_row.annual_report_contract_row import (
			AnnualReportContractRow,
		)
		from citi_employment.citi_employment.doctype.annual_report_employer_row.annual_report_employer_row import (
			AnnualReportEmployerRow,
		)
		from citi_employment.citi_employment.doctype.annual_report_event_row.annual_report_event_row import (
			AnnualReportEventRow,
		)
		from citi_employment.citi_employment.doctype.annual_report_outcome_row.annual_report_outcome_row import (
			AnnualReportOutcomeRow,
		)
		from citi_employment.citi_employment.doctype.annual_report_placement_row.annual_report_placement_row import (
			AnnualReportPlacementRow,
		)
		from citi_employment.citi_employment.doctype.annual_report_plan_row.annual_report_plan_row import (
			AnnualReportPlanRow,
		)
		from citi_employment.citi_employment.doctype.annual_report_request_row.annual_report_request_row import (
			AnnualReportRequestRow,
		)
		from citi_employment.citi_employment.doctype.annual_report_retention_row.annual_report_retention_row import (
			AnnualReportRetentionRow,
		)
		from citi_employment.citi_employment.doctype.annual_report_satisfaction_row.annual_report_satisfaction_row import (
			AnnualReportSatisfactionRow,
		)

		approved_by: DF.Link | None
		approved_by_name: DF.Data | None
		approved_on: DF.Date | None
		complaints: DF.Int
		computed_at: DF.Datetime | None
		computed_by: DF.Link | None
		conclusions_text: DF.Text | None
		contract_rows: DF.Table[AnnualReportContractRow]
		contracts_in_force: DF.Int
		contracts_registered: DF.Int
		correction_reason: DF.SmallText | None
		employer_rows: DF.Table[AnnualReportEmployerRow]
		employers_active: DF.Int
		employers_new: DF.Int
		employers_text: DF.Text | None
		employers_total: DF.Int
		employment_text: DF.Text | None
		event_participants: DF.Int
		event_rows: DF.Table[AnnualReportEventRow]
		events_held: DF.Int
		events_text: DF.Text | None
		figures_as_on: DF.Date | None
		graduates: DF.Int
		graduates_placed: DF.Int
		graduates_working: DF.Int
		outcome_checkpoint: DF.Int
		outcome_rows: DF.Table[AnnualReportOutcomeRow]
		placement_rows: DF.Table[AnnualReportPlacementRow]
		placements: DF.Int
		plan_done_share: DF.Percent
		plan_items: DF.Int
		plan_items_done: DF.Int
		plan_items_overdue: DF.Int
		plan_rows: DF.Table[AnnualReportPlanRow]
		plan_text: DF.Text | None
		positions_filled: DF.Int
		positions_requested: DF.Int
		published_on: DF.Date | None
		request_rows: DF.Table[AnnualReportRequestRow]
		requests_received: DF.Int
		retention_12_reached: DF.Int
		retention_12_share: DF.Percent
		retention_12_working: DF.Int
		retention_6_reached: DF.Int
		retention_6_share: DF.Percent
		retention_6_working: DF.Int
		retention_rows: DF.Table[AnnualReportRetentionRow]
		satisfaction_answers: DF.Int
		satisfaction_average: DF.Float
		satisfaction_rows: DF.Table[AnnualReportSatisfactionRow]
		status: DF.Literal["Draft", "Pending Director Approval", "Approved", "Published", "Superseded"]
		summary_text: DF.Text | None
		superseded_by: DF.Link | None
		supersedes: DF.Link | None
		version: DF.Int
		working_share: DF.Percent
		xlsx_file: DF.Attach | None
		year: DF.Int
	# end: auto-generated types

	def onload(self):
		# The form's buttons follow the server's answer; compute and correction check everything again.
		computer = compute.has_computer_role()
		self.set_onload("can_compute", computer and self.status == rules.DRAFT)
		self.set_onload(
			"can_correct",
			computer and self.status in rules.CORRECTABLE_STATUSES and not self.superseded_by,
		)

	def autoname(self):
		# ``AR-2026``, ``AR-2026-v2``: the name says which year and version, the primary key keeps them unique.
		workflow.check_year(self)
		# Only the correction service makes a later version; a version a user sent is not taken (the write
		# guard resets it after naming).
		version = cint(self.version) if self.flags.written_by_service else rules.FIRST_VERSION
		self.name = rules.report_name(cint(self.year), version or rules.FIRST_VERSION)

	def validate(self):
		workflow.check_year(self)
		workflow.check_unique(self)
		workflow.check_move(self)
		workflow.check_approval_rights(self)
		workflow.check_frozen(self)
		workflow.check_outcome_checkpoint(self)
		workflow.check_computed(self)
		workflow.record_approval(self)
		workflow.record_publication(self)

	def on_update(self):
		before = self.get_doc_before_save()
		if rules.is_approval(before.status if before else None, self.status):
			corrections.supersede_previous(self)
			xlsx.attach(self)

	def on_trash(self):
		workflow.check_deletion(self)

	@frappe.whitelist(methods=["POST"])
	def compute(self):
		"""Take the snapshot of the year (Head and Specialist, in Draft only)."""
		compute.compute(self.name)
		self.reload()

	@frappe.whitelist(methods=["POST"])
	def create_correction(self, reason: str | None = None) -> str:
		"""Make the next version of this approved report; returns its name."""
		return corrections.create_correction(self.name, reason)
