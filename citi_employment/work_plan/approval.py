"""Approval of a work plan by the Institution Director and what approval locks (Appendix №8 «УТВЕРЖДАЮ»).

The workflow "Work Plan Workflow" already offers the Approve action to the Director only. These checks hold
whatever path the save took (a REST PUT of ``status``, an import, a disabled workflow), as the Employer
Contract does for its approval: the Work Plan controller calls them from ``validate``.
"""

from dataclasses import asdict

import frappe
from frappe import _
from frappe.model.workflow import WorkflowPermissionError
from frappe.utils import cint, cstr, getdate, nowdate

from citi_employment.approvals import director
from citi_employment.approvals.director import (
	APPROVAL_FIELDS,
	previous_status,
	refuse_director_edits,
	refuse_unless_director,
)
from citi_employment.domain import work_plan as rules
from citi_employment.domain.dates import date_or_none
from citi_employment.write_guards.field_errors import validate_year

PLAN_DOCTYPE = "Work Plan"
# Until submission the Center drafts freely; from then on the content is what the Director approves.
LOCKED_STATUSES = frozenset({rules.PlanStatus.SUBMITTED.value, rules.PlanStatus.APPROVED.value})


class PlanApprovalError(WorkflowPermissionError):
	"""Someone other than the Institution Director approved a plan: the transition is not theirs to make."""


class ApprovedPlanReopenedError(frappe.ValidationError):
	"""An approved plan was moved out of Approved."""


class LockedPlanContentError(frappe.ValidationError):
	"""The content of a submitted or approved plan was changed."""


class DirectorPlanEditError(frappe.ValidationError):
	"""The Director changed something other than the plan's status."""


class DuplicatePlanError(frappe.ValidationError):
	"""A plan for the same year and period exists already."""


class PlanYearInvalidError(frappe.ValidationError):
	pass


class EmptyPlanError(frappe.ValidationError):
	"""A plan without activities was submitted or approved."""


def check_year(doc) -> None:
	validate_year(doc, rules.check_year, PlanYearInvalidError)


def check_unique(doc) -> None:
	"""One plan per year and period (§5.1 plans by the half-year; Appendix №8 by the year)."""
	filters = {"year": cint(doc.year), "period": doc.period}
	if not doc.is_new():
		filters["name"] = ("!=", doc.name)
	# A new plan already carries its name (``WP-2026-H1``), the one an existing plan of the period has.
	existing = frappe.db.get_value(PLAN_DOCTYPE, filters, "name")
	if existing:
		frappe.throw(
			_("A work plan for {0} ({1}) already exists: {2}.").format(
				cint(doc.year), _(doc.period), frappe.bold(existing)
			),
			DuplicatePlanError,
			title=_("Duplicate Work Plan"),
		)


def check_approval_rights(doc) -> None:
	"""Only the Institution Director approves a plan, and an approved plan stays approved."""
	message = _("Only the Institution Director can approve a work plan.")
	refuse_unless_director(doc, rules.is_approval, message, PlanApprovalError)
	if rules.leaves_approval(previous_status(doc), doc.status):
		frappe.throw(
			_(
				"The work plan is approved and stays approved: record the execution in each item's status and result."
			),
			ApprovedPlanReopenedError,
			title=_("Not Allowed"),
		)


def check_has_items(doc) -> None:
	if doc.status in LOCKED_STATUSES and not doc.items:
		frappe.throw(
			_("Add the plan's activities before submitting it."),
			EmptyPlanError,
			title=_("Empty Work Plan"),
		)


def check_director_edits(doc) -> None:
	"""The Director approves or returns the plan as the Center wrote it; nothing else changes."""
	refuse_director_edits(
		doc,
		APPROVAL_FIELDS | {"status"},
		_("The Institution Director can only approve or return a work plan, not change {0}."),
		DirectorPlanEditError,
	)


def check_locked_content(doc) -> None:
	"""After submission the activities, their dates and the responsible persons stay as submitted; each
	item's status and result stay open, so that the plan can be reported against (Appendix №8)."""
	before = doc.get_doc_before_save()
	if not before or before.status not in LOCKED_STATUSES:
		return
	changes = rules.approved_content_changes(
		plan_values(before), plan_values(doc), item_values(before), item_values(doc)
	)
	if not changes:
		return
	frappe.throw(
		_(
			"The work plan is {0}: its activities, due dates and responsible persons can no longer change, only each item's status and result. Changed: {1}."
		).format(frappe.bold(_(before.status)), describe(doc, changes)),
		LockedPlanContentError,
		title=_("Not Allowed"),
	)


def describe(doc, changes: rules.ContentChanges) -> str:
	item_meta = frappe.get_meta("Work Plan Item")
	parts = [_(doc.meta.get_label(field)) for field in changes.plan_fields]
	parts += [
		_("item №{0}: {1}").format(idx, _(item_meta.get_label(field))) for idx, field in changes.changed_items
	]
	if changes.added_items:
		parts.append(_("new items: {0}").format(changes.added_items))
	parts += [_("item №{0} removed").format(idx) for idx in changes.removed_items]
	if changes.reordered:
		parts.append(_("the order of the items"))
	return "; ".join(parts)


def plan_values(doc) -> dict:
	return {"year": cint(doc.year), "period": cstr(doc.period)}


def item_values(doc) -> list[dict]:
	"""The items as the database stores them, so that "" and None, or a date and its text, compare equal."""
	return [
		{
			"name": row.name,
			"idx": cint(row.idx),
			"activity": cstr(row.activity).strip(),
			"due": cstr(row.due).strip(),
			"due_date": date_or_none(row.due_date),
			"responsible": cstr(row.responsible).strip(),
			"done_when_event_held": cint(row.done_when_event_held),
		}
		for row in doc.get("items") or []
	]


def record_approval(doc) -> None:
	director.record_approval(doc, rules.is_approval)


def fill_due_dates(doc) -> None:
	"""An item whose due text names one day («15.04.2026») takes that day as its due date, which the overdue
	count reads; a period («в течение года») leaves it empty (the end of the plan's period counts then)."""
	if previous_status(doc) in LOCKED_STATUSES:
		return
	for row in doc.get("items") or []:
		if not row.due_date:
			row.due_date = rules.date_in_due_text(row.due)
		elif not cstr(row.due).strip():
			row.due = frappe.utils.formatdate(row.due_date, "dd.MM.yyyy")


def execution_summary(doc) -> dict:
	"""Done, in progress and overdue items for the plan's form, counted as of today."""
	_start, end = rules.period_bounds(cint(doc.year), doc.period)
	items = [
		rules.PlanItem(
			key=row.name,
			idx=cint(row.idx),
			status=row.status,
			due_date=date_or_none(row.due_date),
		)
		for row in doc.get("items") or []
	]
	summary = rules.execution_summary(items, end, getdate(nowdate()))
	return {**asdict(summary), "overdue_items": list(summary.overdue_items)}
