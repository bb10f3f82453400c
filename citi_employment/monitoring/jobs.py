"""The daily monitoring job (§6.2, §6.5).

- Planned checks become Due the configured number of days before their date, and Due checks become Overdue
  after the grace period (``domain.monitoring.next_status``).
- The responsible specialist of a Due or Overdue check gets one to-do for it, once.
- Each Employment Center Head gets one digest a day of what is overdue (§6.5: the deputy director controls
  the monitoring), not one message per check.

The job works in batches: a fixed number of queries whatever the number of checks (one read of the checks
to move, one UPDATE per new status, one read of the to-dos to make, one INSERT of them per 10,000, one UPDATE
of the assignment column per distinct value and 10,000 checks, three reads for the digest and one insert
per Head), so it stays fast on a region's 600k records.
"""

import json
from collections import defaultdict

import frappe
from frappe import _
from frappe.query_builder import Order
from frappe.query_builder.functions import Count, Min
from frappe.utils import formatdate, get_datetime, getdate, now_datetime

from citi_employment.approvals.head_tasks import center_heads
from citi_employment.domain import monitoring as rules
from citi_employment.monitoring import RECORD_DOCTYPE
from citi_employment.monitoring.policy import current_policy
from citi_employment.monitoring.schedule import set_status
from citi_employment.scheduler_lock import run_alone

DIGEST_LINK = "/app/employment-monitoring-record?status=Overdue"
# ToDos are inserted in chunks of this size (frappe.db.bulk_insert's own default).
TODO_CHUNK_SIZE = 10_000


@run_alone("monitoring daily")
def run_daily() -> dict:
	"""The scheduler's entry point; returns what it did, for logs and tests."""
	today = getdate()
	policy = current_policy()
	moved = move_statuses(today, policy)
	todos = make_todos()
	digests = send_overdue_digest(today)
	return {"moved": moved, "todos": todos, "digests": digests}


def move_statuses(today, policy: rules.SchedulePolicy) -> dict[str, list[str]]:
	"""Planned → Due → Overdue by date: one read of the candidates, one UPDATE per new status."""
	record = frappe.qb.DocType(RECORD_DOCTYPE)
	rows = (
		frappe.qb.from_(record)
		.select(record.name, record.status, record.due_date)
		.where(record.status.isin([rules.PLANNED, rules.DUE]))
		# Only a check that falls within the lead time can move; the index on due_date keeps this cheap.
		.where(record.due_date <= rules.due_cutoff(today, policy.due_lead_days))
	).run(as_dict=True)
	moved: dict[str, list[str]] = defaultdict(list)
	for row in rows:
		status = rules.next_status(
			row.status, getdate(row.due_date), today, policy.due_lead_days, policy.overdue_grace_days
		)
		if status:
			moved[status].append(row.name)
	for status, names in moved.items():
		set_status(names, status)
	return dict(moved)


def make_todos() -> list[str]:
	"""One to-do for the responsible specialist of each Due or Overdue check that has none for them yet.

	"Once" holds across runs: a to-do the specialist closed or cancelled still counts, so it is not made
	again; a new responsible specialist gets their own.
	"""
	record = frappe.qb.DocType(RECORD_DOCTYPE)
	todo = frappe.qb.DocType("ToDo")
	rows = (
		frappe.qb.from_(record)
		.left_join(todo)
		.on(
			(todo.reference_type == RECORD_DOCTYPE)
			& (todo.reference_name == record.name)
			& (todo.allocated_to == record.responsible_specialist)
		)
		.select(
			record.name,
			record.responsible_specialist,
			record.graduate_name,
			record.employer_name,
			record.checkpoint,
			record.is_follow_up,
			record.due_date,
			record._assign,
		)
		.where(record.status.isin([rules.DUE, rules.OVERDUE]))
		.where(record.responsible_specialist.isnotnull() & (record.responsible_specialist != ""))
		.where(todo.name.isnull())
	).run(as_dict=True)
	if not rows:
		return []
	now = now_datetime()
	values = [
		(
			frappe.generate_hash(length=10),
			now,
			now,
			"Administrator",
			"Administrator",
			"Open",
			"Medium",
			row.due_date,
			row.responsible_specialist,
			"Administrator",
			todo_description(row),
			RECORD_DOCTYPE,
			row.name,
		)
		for row in rows
	]
	frappe.db.bulk_insert(
		"ToDo",
		[
			"name",
			"creation",
			"modified",
			"owner",
			"modified_by",
			"status",
			"priority",
			"date",
			"allocated_to",
			"assigned_by",
			"description",
			"reference_type",
			"reference_name",
		],
		values,
		chunk_size=TODO_CHUNK_SIZE,
	)
	update_assignments(rows)
	return [row.name for row in rows]


def todo_description(row) -> str:
	due = formatdate(row.due_date)
	if row.is_follow_up:
		return _("Follow-up after dismissal: find out what {0} does now. Due on {1}.").format(
			row.graduate_name, due
		)
	if row.checkpoint:
		return _("Monitoring check of {0} at {1}, {2} months after employment. Due on {3}.").format(
			row.graduate_name, row.employer_name, row.checkpoint, due
		)
	return _("Monitoring check of {0} at {1}. Due on {2}.").format(row.graduate_name, row.employer_name, due)


def update_assignments(rows) -> None:
	"""Frappe's list view shows and filters assignments by the ``_assign`` column, which a to-do's own save
	keeps; the bulk insert skips that save, so the column is written here: one UPDATE per distinct value
	(most checks get the one specialist's list) and chunk of TODO_CHUNK_SIZE checks. Not a CASE per check:
	MariaDB tests a CASE's branches one by one for every row, which on a region's tens of thousands of
	checks is quadratic (minutes)."""
	by_value: dict[str, list[str]] = defaultdict(list)
	for row in rows:
		users = json.loads(row._assign) if row._assign else []
		if row.responsible_specialist not in users:
			users.append(row.responsible_specialist)
		by_value[json.dumps(users)].append(row.name)
	record = frappe.qb.DocType(RECORD_DOCTYPE)
	for value, names in by_value.items():
		for start in range(0, len(names), TODO_CHUNK_SIZE):
			chunk = names[start : start + TODO_CHUNK_SIZE]
			frappe.qb.update(record).set(record._assign, value).where(record.name.isin(chunk)).run()


def send_overdue_digest(today) -> list[str]:
	"""One notification a day per Head: how many checks are overdue, per responsible specialist.

	It names no graduate: a notification refers to no record, so the destruction of a graduate's data
	(ст. 21 ч. 5 152-ФЗ) could not find a name kept in it. The link opens the overdue checks themselves.
	"""
	heads = center_heads()
	if not heads:
		return []
	log = frappe.qb.DocType("Notification Log")
	already = set(
		frappe.qb.from_(log)
		.select(log.for_user)
		.where(log.for_user.isin(heads))
		.where(log.document_type == RECORD_DOCTYPE)
		.where(log.link == DIGEST_LINK)
		.where(log.creation >= get_datetime(today))
		.run(pluck=True)
	)
	heads = [head for head in heads if head not in already]
	if not heads:
		return []
	groups = overdue_by_specialist()
	if not groups:
		return []
	count = sum(group.checks for group in groups)
	subject = _("Employment monitoring: {0} overdue checks").format(count)
	content = digest_content(count, groups)
	for head in heads:
		frappe.get_doc(
			{
				"doctype": "Notification Log",
				"for_user": head,
				"from_user": "Administrator",
				"type": "Alert",
				"subject": subject,
				"email_content": content,
				"document_type": RECORD_DOCTYPE,
				"link": DIGEST_LINK,
			}
		).insert(ignore_permissions=True)
	return heads


def overdue_by_specialist() -> list[frappe._dict]:
	"""One grouped query: the overdue checks per responsible specialist, with the oldest due date."""
	record = frappe.qb.DocType(RECORD_DOCTYPE)
	user = frappe.qb.DocType("User")
	specialist, oldest = record.responsible_specialist, Min(record.due_date)
	per_specialist = (specialist, user.full_name, Count(record.name).as_("checks"), oldest.as_("oldest"))
	query = frappe.qb.from_(record).left_join(user).on(user.name == specialist).select(*per_specialist)
	query = query.where(record.status == rules.OVERDUE).groupby(specialist, user.full_name)
	return query.orderby(oldest, order=Order.asc).run(as_dict=True)


def digest_content(count: int, groups) -> str:
	lines = [
		"<li>{}</li>".format(
			frappe.utils.escape_html(
				_("{0}: {1} overdue, the oldest due on {2}").format(
					group.full_name or group.responsible_specialist or _("No responsible specialist"),
					group.checks,
					formatdate(group.oldest),
				)
			)
		)
		for group in groups
	]
	intro = _("{0} monitoring checks are overdue.").format(count)
	return "<p>{}</p><ul>{}</ul>".format(intro, "".join(lines))
