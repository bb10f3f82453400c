"""The plan's execution recorded by the Center's events (§2.2): a held event marks its plan item's progress.

An item's status stays editable after approval (it is how the plan is reported against), so the event moves
it on an approved plan too. The plan is saved as a document, not written with ``db_set``, so the change has
its Version like any other and the plan's own checks still run: they refuse anything but a status change.
"""

import frappe
from frappe import _
from frappe.utils import cint

from citi_employment.domain import work_plan as rules

PLAN_DOCTYPE = "Work Plan"
HELD = "Held"


class PlanItemNotFoundError(frappe.ValidationError):
	"""The event names an item that is not a row of its work plan."""


def plan_item(work_plan: str, item: str):
	"""The row ``item`` of ``work_plan`` (a dict), or None."""
	rows = frappe.get_all(
		"Work Plan Item",
		filters={"parent": work_plan, "parenttype": PLAN_DOCTYPE, "parentfield": "items", "name": item},
		fields=["name", "idx", "activity", "status", "done_when_event_held"],
	)
	return rows[0] if rows else None


def check_event_item(event) -> None:
	"""The event's plan item is a row of the event's plan; its activity is shown on the event."""
	if not event.work_plan:
		event.work_plan_item = None
	if not event.work_plan_item:
		event.work_plan_activity = None
		return
	row = plan_item(event.work_plan, event.work_plan_item)
	if not row:
		frappe.throw(
			_("The selected item is not an activity of the work plan {0}: choose one of its items.").format(
				frappe.bold(event.work_plan)
			),
			PlanItemNotFoundError,
			title=_("Invalid Work Plan Item"),
		)
	event.work_plan_activity = _("№{0}. {1}").format(cint(row.idx), row.activity)


def record_event_progress(event) -> None:
	"""``on_update`` of a Center Event: once held, its plan item is In Progress, or Done if one event does it.

	Only the save that makes the event held (or points a held event at another item) moves the item, so
	that a Head who later corrects the item's status by hand is not overruled by an unrelated edit.
	"""
	if event.status != HELD or not (event.work_plan and event.work_plan_item):
		return
	before = event.get_doc_before_save()
	if (
		before
		and before.status == HELD
		and before.work_plan == event.work_plan
		and before.work_plan_item == event.work_plan_item
	):
		return
	plan = frappe.get_doc(PLAN_DOCTYPE, event.work_plan)
	row = next((item for item in plan.items if item.name == event.work_plan_item), None)
	if not row:
		return
	status = rules.progress_after_event(row.status, bool(cint(row.done_when_event_held)))
	if status == row.status:
		return
	row.status = status
	# The organiser may not edit a submitted plan, and the guard would take a status set by a service for a
	# user's change; the plan's own checks still refuse any other change.
	plan.flags.written_by_service = True
	plan.flags.ignore_permissions = True
	plan.save()
	plan.add_comment(
		"Info",
		_("Item №{0} is now {1}: the event {2} was held.").format(cint(row.idx), _(status), event.name),
	)


@frappe.whitelist()
def plan_items(work_plan: str) -> list[dict]:
	"""The plan's items for the event's item picker: the row name as value, «№ 3. activity» as label."""
	frappe.has_permission(PLAN_DOCTYPE, "read", throw=True)
	if not work_plan or not frappe.db.exists(PLAN_DOCTYPE, work_plan):
		frappe.throw(
			_("Work plan {0} not found.").format(frappe.bold(work_plan or "")), frappe.DoesNotExistError
		)
	plan = frappe.get_doc(PLAN_DOCTYPE, work_plan)
	plan.check_permission("read")
	return [
		{"value": row.name, "label": _("№{0}. {1}").format(cint(row.idx), row.activity or "")}
		for row in plan.items
	]
