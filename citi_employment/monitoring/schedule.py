"""The checks a placement brings (§6.2): one per checkpoint of Settings, moved with the employment date,
set aside after a dismissal, and one follow-up to learn what the graduate does after leaving.

``GraduatePlacement`` calls ``sync_placement`` after every save and ``remove_unmade_checks`` before it is
deleted; the rules are ``domain.monitoring.plan_schedule``.
"""

import frappe
from frappe.utils import getdate, now_datetime

from citi_employment.domain import monitoring as rules
from citi_employment.domain.dates import date_or_none
from citi_employment.monitoring import RECORD_DOCTYPE
from citi_employment.monitoring.policy import current_policy

# The placement's values its checks copy (fetched fields, refreshed if the placement changes).
COPIED_FIELDS = {"graduate": "graduate", "employer": "employer", "employer_name": "employer_name"}
# What the schedule reads of a placement's checks: the plan's inputs, and the copied values to refresh.
CHECK_FIELDS = (
	"name",
	"checkpoint",
	"due_date",
	"status",
	"is_follow_up",
	"responsible_specialist",
	*COPIED_FIELDS,
)


def placement_checks(placement: str) -> list[frappe._dict]:
	record = frappe.qb.DocType(RECORD_DOCTYPE)
	return (
		frappe.qb.from_(record)
		.select(*(record[field] for field in CHECK_FIELDS))
		.where(record.placement == placement)
		.orderby(record.creation)
	).run(as_dict=True)


def sync_placement(placement) -> rules.SchedulePlan:
	"""Bring the placement's checks in line with its dates and the Settings; returns what was done."""
	if not placement.employment_date:
		return rules.SchedulePlan()
	rows = placement_checks(placement.name)
	plan = rules.plan_schedule(
		getdate(placement.employment_date),
		date_or_none(placement.dismissal_date),
		[
			rules.ScheduledCheck(
				row.name, int(row.checkpoint or 0), getdate(row.due_date), row.status, bool(row.is_follow_up)
			)
			for row in rows
		],
		current_policy(),
		getdate(),
	)
	# New checks go to the specialist who already follows this placement, if any.
	responsible = next((row.responsible_specialist for row in rows if row.responsible_specialist), None)
	for months, due_date, _status in plan.create:
		make_check(placement, months, due_date, responsible)
	for change in plan.reschedule:
		frappe.db.set_value(
			RECORD_DOCTYPE, change.name, {"due_date": change.due_date, "status": change.status}
		)
	if plan.not_applicable:
		set_status(list(plan.not_applicable), rules.NOT_APPLICABLE)
	if plan.follow_up:
		make_check(placement, rules.AD_HOC, plan.follow_up[0], responsible, follow_up=True)
	refresh_copied_fields(placement, rows)
	return plan


def make_check(placement, checkpoint: int, due_date, responsible: str | None, follow_up: bool = False):
	doc = frappe.get_doc(
		{
			"doctype": RECORD_DOCTYPE,
			"placement": placement.name,
			"checkpoint": checkpoint,
			"due_date": due_date,
			"is_follow_up": int(follow_up),
			"responsible_specialist": responsible,
		}
	)
	# The checkpoint and the follow-up flag are the schedule's, not the user's (SERVICE_FIELDS).
	doc.flags.written_by_service = True
	return doc.insert(ignore_permissions=True)


def set_status(names: list[str], status: str) -> None:
	"""One UPDATE for all the named checks; ``modified`` moves, so a form opened before reloads first."""
	record = frappe.qb.DocType(RECORD_DOCTYPE)
	(
		frappe.qb.update(record)
		.set(record.status, status)
		.set(record.modified, now_datetime())
		.where(record.name.isin(names))
	).run()


def refresh_copied_fields(placement, rows: list[frappe._dict]) -> None:
	"""A placement moved to another graduate or employer takes its checks along (one UPDATE)."""
	stale = [
		row.name
		for row in rows
		if any(row.get(field) != placement.get(source) for field, source in COPIED_FIELDS.items())
	]
	if not stale:
		return
	graduate_name = frappe.db.get_value("Graduate", placement.graduate, "full_name")
	record = frappe.qb.DocType(RECORD_DOCTYPE)
	query = frappe.qb.update(record).set(record.graduate_name, graduate_name)
	for field, source in COPIED_FIELDS.items():
		query = query.set(record[field], placement.get(source))
	query.where(record.name.isin(stale)).run()


def remove_unmade_checks(placement: str) -> None:
	"""A deleted placement takes its checks not yet made along; a Done check keeps the placement (the
	framework then refuses the deletion, since the check links it)."""
	for row in placement_checks(placement):
		if row.status != rules.DONE:
			frappe.delete_doc(RECORD_DOCTYPE, row.name, ignore_permissions=True, force=True)
