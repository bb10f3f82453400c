"""What an Annual Report holds to on every save, whatever path the save took (the form, a REST PUT, an
import, a disabled workflow): the workflow "Annual Report Workflow" offers each action to the right roles
only, and these checks hold the same rules in the controller (as ``employer_contract.py`` does for a
contract's approval).

- Only the Institution Director approves; the Head or the Director publishes. Publishing puts figures on the
  institution's site (§2.4 «размещение на сайте Учреждения сведений о трудоустройстве»), which the Center
  does under its Head (§4.1, §4.3); the Director, who approved the very figures, may publish them too.
- From approval on the report is frozen: no field changes, no new computation; a correction is a new
  version (``corrections``). Only the correction service moves a report to Superseded.
- One report per year; the next version of a year's report is made only as a correction.
"""

import frappe
from frappe import _
from frappe.model.workflow import WorkflowPermissionError, WorkflowTransitionError
from frappe.utils import cint, getdate, nowdate

from citi_employment.annual_report import REPORT_DOCTYPE
from citi_employment.approvals import director
from citi_employment.approvals.director import previous_status, refuse_unless_director
from citi_employment.domain import annual_report as rules
from citi_employment.monitoring.policy import current_policy
from citi_employment.roles import EMPLOYMENT_CENTER_HEAD, INSTITUTION_DIRECTOR
from citi_employment.write_guards import changed_fields, labels
from citi_employment.write_guards.field_errors import validate_year

PUBLISHER_ROLES = frozenset({EMPLOYMENT_CENTER_HEAD, INSTITUTION_DIRECTOR})


class ReportYearInvalidError(frappe.ValidationError):
	pass


class DuplicateReportError(frappe.ValidationError):
	"""A second report for a year that is not a correction of the first."""


class ReportMoveError(WorkflowTransitionError):
	"""A status change the report's workflow does not have (e.g. straight from Draft to Approved)."""


class ReportApprovalError(WorkflowPermissionError):
	"""Someone other than the Institution Director approved a report, or someone other than the Head or
	the Director published one."""


class FrozenReportError(frappe.ValidationError):
	"""An approved (or published, or superseded) report was changed, or computed again."""


class NotComputedError(frappe.ValidationError):
	"""A report without figures was submitted or approved."""


class OutcomeCheckpointError(frappe.ValidationError):
	"""The outcome checkpoint is not one of the monitoring checkpoints of the settings."""


class ReportDeletionError(frappe.ValidationError):
	"""A report past its draft was deleted."""


def previous(doc):
	return doc.get_doc_before_save()


def check_year(doc) -> None:
	validate_year(doc, rules.check_year, ReportYearInvalidError)


def check_unique(doc) -> None:
	"""One report per year: a second one is a correction, which only the correction service makes."""
	if not doc.is_new():
		return
	if doc.flags.written_by_service and doc.supersedes:
		return
	existing = frappe.db.get_value(REPORT_DOCTYPE, {"year": cint(doc.year)}, "name", order_by="version desc")
	if existing:
		frappe.throw(
			_(
				"An annual report for {0} already exists: {1}. Work on it; once it is approved, correct it with Create Correction, which makes its next version."
			).format(cint(doc.year), frappe.bold(existing)),
			DuplicateReportError,
			title=_("Duplicate Annual Report"),
		)


def check_outcome_checkpoint(doc) -> None:
	"""The outcome distribution is taken at one of the checkpoints the monitoring makes checks at (checked while
	the report is a draft: settings changed later do not block the approval of figures already computed)."""
	if doc.status != rules.DRAFT:
		return
	checkpoints = current_policy().checkpoints
	if cint(doc.outcome_checkpoint) not in checkpoints:
		frappe.throw(
			_("{0} must be one of the monitoring checkpoints of the Employment Center Settings: {1}.").format(
				frappe.bold(_("Outcome Checkpoint (Months)")),
				", ".join(str(months) for months in checkpoints),
			),
			OutcomeCheckpointError,
			title=_("Invalid Checkpoint"),
		)


def check_move(doc) -> None:
	"""Only the workflow's moves, and Superseded only through the correction service."""
	before = previous_status(doc)
	if doc.is_new():
		before = None
	if rules.is_allowed_move(before, doc.status, by_service=bool(doc.flags.written_by_service)):
		return
	if doc.status == rules.SUPERSEDED:
		message = _("A report is superseded only when its correction is approved.")
	else:
		message = _("An annual report cannot go from {0} to {1}.").format(
			frappe.bold(_(before or rules.DRAFT)), frappe.bold(_(doc.status))
		)
	frappe.throw(message, ReportMoveError, title=_("Not Allowed"))


def check_approval_rights(doc) -> None:
	message = _("Only the Institution Director can approve an annual report.")
	refuse_unless_director(doc, rules.is_approval, message, ReportApprovalError)
	if (
		rules.is_publication(previous_status(doc), doc.status)
		and not set(frappe.get_roles()) & PUBLISHER_ROLES
	):
		frappe.throw(
			_("Only the Head of the Center or the Institution Director can publish an annual report."),
			ReportApprovalError,
			title=_("Not Allowed"),
		)


def check_frozen(doc) -> None:
	"""After approval nothing in the report changes but its status (publication, supersession)."""
	before = previous(doc)
	if doc.is_new() or not before or not rules.is_frozen(before.status):
		return
	if doc.flags.written_by_service:
		return
	changed = sorted(changed_fields(doc, before) - {"status"})
	if changed:
		frappe.throw(
			_(
				"The annual report is {0}: its figures and text are final. Changed: {1}. To correct it, use Create Correction."
			).format(frappe.bold(_(before.status)), labels(doc, changed)),
			FrozenReportError,
			title=_("Not Allowed"),
		)


def check_computed(doc) -> None:
	if doc.status in (rules.SUBMITTED, rules.APPROVED) and not doc.computed_at:
		frappe.throw(
			_("Compute the report's figures before submitting it."),
			NotComputedError,
			title=_("No Figures"),
		)


def record_approval(doc) -> None:
	director.record_approval(doc, rules.is_approval)


def record_publication(doc) -> None:
	if rules.is_publication(previous_status(doc), doc.status):
		doc.published_on = getdate(nowdate())


def check_deletion(doc) -> None:
	"""A draft may be deleted; a report the Director saw, or approved, stays in the records (§3.6)."""
	if doc.status != rules.DRAFT:
		frappe.throw(
			_("The annual report is {0} and stays in the records: only a draft can be deleted.").format(
				frappe.bold(_(doc.status))
			),
			ReportDeletionError,
			title=_("Not Allowed"),
		)
