"""Compute: the snapshot of the report's year, from the queries the analytical reports run
(``citi_employment.reporting``), shaped by ``domain.annual_report`` and stored in the report's child tables
and key figures, then written out as the committee's XLSX table.

All the queries run first and the report is saved once, so a computation is stored whole or not at all. A
year without records computes zeros: every query returns no rows, and the fixed rows (journals, event
types, regions, checkpoints) show 0.
"""

from datetime import date

import frappe
from frappe import _
from frappe.utils import getdate, now_datetime, nowdate

from citi_employment.annual_report import REPORT_DOCTYPE, year_queries
from citi_employment.annual_report.workflow import FrozenReportError
from citi_employment.domain import annual_report as rules
from citi_employment.domain import reporting as report_rules
from citi_employment.monitoring.policy import current_policy
from citi_employment.reporting import (
	contracts,
	demand,
	events,
	outcomes,
	placements,
	satisfaction,
	work_plan,
)
from citi_employment.roles import EMPLOYMENT_CENTER_HEAD, EMPLOYMENT_SPECIALIST

# The Center computes its report; the Director approves what it computed.
COMPUTER_ROLES = frozenset({EMPLOYMENT_CENTER_HEAD, EMPLOYMENT_SPECIALIST})
JOURNAL_DOCTYPE = "Contract Journal"


class ComputeNotAllowedError(frappe.PermissionError):
	"""The user may not compute the report."""


class ReportNotDraftError(frappe.ValidationError):
	"""A submitted report is computed again (the Director is looking at its figures)."""


def has_computer_role() -> bool:
	"""Whether the user's roles compute and correct reports (the form's buttons ask this too)."""
	return frappe.session.user == "Administrator" or bool(set(frappe.get_roles()) & COMPUTER_ROLES)


def check_may_compute(doc) -> None:
	doc.check_permission("write")
	if not has_computer_role():
		frappe.throw(
			_("Only the Head of the Center or an Employment Specialist can compute an annual report."),
			ComputeNotAllowedError,
			title=_("Not Permitted"),
		)
	if rules.is_frozen(doc.status):
		frappe.throw(
			_(
				"The annual report {0} is {1}: its figures are frozen and cannot be computed again. To correct them, use Create Correction."
			).format(frappe.bold(doc.name), frappe.bold(_(doc.status))),
			FrozenReportError,
			title=_("Not Allowed"),
		)
	if doc.status != rules.DRAFT:
		frappe.throw(
			_(
				"The annual report {0} awaits the Director's approval: return it to Draft to compute it again."
			).format(frappe.bold(doc.name)),
			ReportNotDraftError,
			title=_("Not Allowed"),
		)


def contract_journals() -> list[str]:
	"""Every journal, in the order the register lists them (the fixture's)."""
	return frappe.get_all(JOURNAL_DOCTYPE, order_by="creation asc, name asc", pluck="name")


def year_figures(year: int, as_on: date, outcome_checkpoint: int) -> rules.YearFigures:
	"""Everything the reporting queries count for ``year``, as on ``as_on`` (one query per block; the
	retention and the employers from ``year_queries``, which read only the year's records)."""
	start, end = report_rules.year_bounds(year)
	grace_days = current_policy().overdue_grace_days
	cohorts = year_queries.retention_of_year(year, rules.RETENTION_CHECKPOINTS, as_on, grace_days)
	outcome_table = report_rules.outcome_table(
		outcomes.graduates_by_year(year, year),
		outcomes.outcomes_at_checkpoint(outcome_checkpoint, year, year),
	)
	journal_table = report_rules.journal_table(
		contracts.contracts_by_journal(
			as_on,
			contracts.expiry_warning_days(),
			contracts.ContractSelection(registered_from=start, registered_to=end),
		)
	)
	return rules.YearFigures(
		plan=report_rules.plan_table(work_plan.plan_items_by_status(as_on, year=year), as_on),
		placements=placements.placements_by_profession(start, end),
		retention=cohorts,
		outcomes=outcome_table,
		employers=year_queries.employers_new_and_active(start, end),
		journals=contract_journals(),
		contracts=journal_table,
		requests=demand.positions_requested(start, end, report_rules.YEAR, kinds=report_rules.REQUEST_KINDS),
		events=events.events_by_type(start, end),
		satisfaction=satisfaction.employer_feedback(start, end),
	)


def store(doc, snapshot: rules.Snapshot, as_on: date) -> None:
	for table in rules.TABLES:
		doc.set(table, snapshot.tables[table])
	for fieldname in rules.FIGURES:
		doc.set(fieldname, snapshot.figures[fieldname])
	doc.figures_as_on = as_on
	doc.computed_at = now_datetime()
	doc.computed_by = frappe.session.user


def compute(name: str, today: date | None = None) -> None:
	"""Take the snapshot of report ``name``'s year, as on ``today``, store it and attach the XLSX.

	The report is read afresh and locked: the values a request posted along with the call are not used.
	"""
	from citi_employment.annual_report import xlsx

	doc = frappe.get_doc(REPORT_DOCTYPE, name, for_update=True)
	check_may_compute(doc)
	as_on = getdate(today or nowdate())
	snapshot = rules.snapshot(year_figures(int(doc.year), as_on, int(doc.outcome_checkpoint)))
	store(doc, snapshot, as_on)
	# The snapshot is the service's: the write guard lets it through, the controller's checks still run.
	doc.flags.written_by_service = True
	doc.save()
	xlsx.attach(doc)
	doc.add_comment("Info", _("Figures computed as on {0}.").format(frappe.utils.formatdate(as_on)))
