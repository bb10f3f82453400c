"""Corrections of an approved annual report: a new version, never an edit (§3.6; issue 12).

«Create Correction» on an approved or published report makes its next version as a draft: the same year and
outcome checkpoint, the Head's narrative to start from, a link to the version it corrects and the reason,
which is required. The new version is computed, submitted and approved like any report; when the Director
approves it, the version it corrects becomes Superseded and names its successor. The old version stays
readable, with its figures and its XLSX, but is no longer the year's source of published figures.
"""

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.query_builder.functions import Max
from frappe.utils import cint, cstr

from citi_employment.annual_report import REPORT_DOCTYPE
from citi_employment.annual_report.compute import has_computer_role
from citi_employment.domain import annual_report as rules

MAX_REASON_LENGTH = 2000


class CorrectionError(frappe.ValidationError):
	"""A correction cannot be made from this report (or without a reason)."""


def open_correction(name: str) -> str | None:
	"""A correction of ``name`` not yet approved (a draft or a submitted one), if any."""
	return frappe.db.get_value(
		REPORT_DOCTYPE,
		{"supersedes": name, "status": ("in", (rules.DRAFT, rules.SUBMITTED))},
		"name",
	)


def next_version(year: int) -> int:
	report = DocType(REPORT_DOCTYPE)
	(latest,) = frappe.qb.from_(report).select(Max(report.version)).where(report.year == year).run()[0]
	return cint(latest) + 1


def refuse(problem: rules.CorrectionProblem, source, existing: str | None) -> None:
	messages = {
		rules.CorrectionProblem.SUPERSEDED: _(
			"The annual report {0} has been superseded by {1}: correct the latest version."
		).format(frappe.bold(source.name), frappe.bold(source.superseded_by or "")),
		rules.CorrectionProblem.NOT_APPROVED: _(
			"The annual report {0} is not approved yet: change it as it is, no correction is needed."
		).format(frappe.bold(source.name)),
		rules.CorrectionProblem.IN_PROGRESS: _("A correction of {0} is already in progress: {1}.").format(
			frappe.bold(source.name), frappe.bold(existing or "")
		),
		rules.CorrectionProblem.NO_REASON: _("Give the reason for the correction."),
	}
	frappe.throw(messages[problem], CorrectionError, title=_("Cannot Create a Correction"))


def create_correction(name: str, reason: str | None) -> str:
	"""Make the next version of report ``name``; returns the new report's name."""
	source = frappe.get_doc(REPORT_DOCTYPE, name, for_update=True)
	source.check_permission("read")
	frappe.has_permission(REPORT_DOCTYPE, "create", throw=True)
	if not has_computer_role():
		frappe.throw(
			_("Only the Head of the Center or an Employment Specialist can correct an annual report."),
			frappe.PermissionError,
			title=_("Not Permitted"),
		)
	reason = cstr(reason).strip()[:MAX_REASON_LENGTH]
	existing = open_correction(source.name)
	problem = rules.correction_problem(source.status, source.superseded_by, existing, reason)
	if problem:
		refuse(problem, source, existing)
	version = next_version(int(source.year))
	correction = frappe.get_doc(
		{
			"doctype": REPORT_DOCTYPE,
			"year": source.year,
			"version": version,
			"outcome_checkpoint": source.outcome_checkpoint,
			"supersedes": source.name,
			"correction_reason": reason,
			**{fieldname: source.get(fieldname) for fieldname in rules.NARRATIVE_FIELDS},
		}
	)
	# Version, link and reason are the service's: the write guard would reset them on a user's new record.
	correction.flags.written_by_service = True
	correction.insert()
	correction.add_comment("Info", _("Correction of {0}. Reason: {1}").format(source.name, reason))
	return correction.name


def supersede_previous(doc) -> None:
	"""When a correction is approved, the version it corrects is superseded by it."""
	if not doc.supersedes:
		return
	old = frappe.get_doc(REPORT_DOCTYPE, doc.supersedes, for_update=True)
	if old.status == rules.SUPERSEDED:
		return
	# db_set: the old version is frozen, and this is the one change it may still take (see workflow).
	old.db_set({"status": rules.SUPERSEDED, "superseded_by": doc.name})
	old.add_comment(
		"Info",
		_("Superseded by {0}, approved on {1}. Reason for the correction: {2}").format(
			doc.name, frappe.utils.formatdate(doc.approved_on), doc.correction_reason or ""
		),
	)
