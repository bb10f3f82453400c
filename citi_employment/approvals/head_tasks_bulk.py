"""``head_tasks.give_heads_todos`` for a daily job with hundreds of tasks: the same rows, written in bulk.

A ToDo saved through the framework costs about fifteen statements: its INSERT, the "Assigned" comment on
the referenced document (which loads that document), and a recount of the reference's open to-dos into its
``_assign`` column. A daily job that hands the Head a task per contract or consent would pay that per row.
Here every row those saves leave is written in one statement per kind and chunk: the ToDos, their
"Assigned" comments, and the ``_assign`` of each reference (one read of the references' open to-dos and one
UPDATE per distinct value, per DocType and chunk). Fields as the framework fills them: the defaults (date Today), the fetched
``assigned_by_full_name``, the comment's sanitised text in the job's language. The global search entry of
a ToDo is queued as its save queues it. ``tests/test_head_tasks_bulk.py`` compares the rows with those of
``give_heads_todos``.
"""

import json
from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import get_fullname, getdate, now_datetime
from frappe.utils.global_search import update_global_search
from frappe.utils.html_utils import sanitize_html

from citi_employment.approvals.head_tasks import HeadTask, center_heads

CHUNK_SIZE = 5_000
ASSIGNED_BY = "Administrator"
CLOSED_TODO_STATUSES = ("Cancelled", "Closed")
# The columns every row of a DocType has, as the framework fills them on insert; then each DocType's own.
STANDARD_FIELDS = ("name", "owner", "creation", "modified", "modified_by", "docstatus", "idx")
TODO_FIELDS = (
	*STANDARD_FIELDS,
	*("status", "priority", "date", "description", "reference_type", "reference_name"),
	*("assigned_by", "assigned_by_full_name", "allocated_to"),
)
COMMENT_FIELDS = (
	*STANDARD_FIELDS,
	*("comment_type", "comment_email", "published", "seen", "reference_doctype", "reference_name", "content"),
)


def comment_row(reference_type: str, reference_name: str, comment_type: str, text: str, now) -> tuple:
	"""A Comment as ``Document.add_comment`` inserts it (its ``validate`` sanitises the text)."""
	user = frappe.session.user
	content = sanitize_html(text or comment_type, always_sanitize=True)
	return (
		frappe.generate_hash(length=10),
		user,
		now,
		now,
		user,
		0,
		0,
		comment_type,
		user,
		0,
		0,
		reference_type,
		reference_name,
		content,
	)


def insert_comments(rows: list[tuple]) -> None:
	if rows:
		frappe.db.bulk_insert("Comment", COMMENT_FIELDS, rows, chunk_size=CHUNK_SIZE)


def open_tasks(tasks: list[HeadTask]) -> set[tuple]:
	"""(reference type, reference name, user, description) of the open to-dos of the tasks' references, in one
	read per CHUNK_SIZE references."""
	references = sorted({task.reference_name for task in tasks})
	found = set()
	for start in range(0, len(references), CHUNK_SIZE):
		for row in frappe.get_all(
			"ToDo",
			filters={"reference_name": ("in", references[start : start + CHUNK_SIZE]), "status": "Open"},
			fields=["reference_type", "reference_name", "allocated_to", "description"],
			as_list=True,
		):
			found.add(tuple(row))
	return found


def give_heads_todos_in_bulk(tasks: list[HeadTask]) -> int:
	"""One ToDo per Head and task, a task a Head already has open not repeated; returns how many."""
	heads = center_heads()
	if not (tasks and heads):
		return 0
	already = open_tasks(tasks)
	now = now_datetime()
	user = frappe.session.user
	assigner = get_fullname(ASSIGNED_BY)
	names = {head: get_fullname(head) for head in heads}
	# ToDo.assigned_by_full_name is fetched from the user on insert.
	assigner_full_name = frappe.db.get_value("User", ASSIGNED_BY, "full_name")
	todos, comments, references = [], [], defaultdict(set)
	for task in tasks:
		for head in heads:
			if (task.reference_type, task.reference_name, head, task.description) in already:
				continue
			todo = {
				"name": frappe.generate_hash(length=10),
				"owner": user,
				"creation": now,
				"modified": now,
				"modified_by": user,
				"docstatus": 0,
				"idx": 0,
				"status": "Open",
				"priority": task.priority or "Medium",
				"date": getdate(task.date) if task.date else getdate(),
				"description": task.description,
				"reference_type": task.reference_type,
				"reference_name": task.reference_name,
				"assigned_by": ASSIGNED_BY,
				"assigned_by_full_name": assigner_full_name,
				"allocated_to": head,
			}
			todos.append(tuple(todo[field] for field in TODO_FIELDS))
			# What ToDo.validate words and ToDo.on_update adds to the referenced document.
			text = _("{0} assigned {1}: {2}").format(assigner, names[head], task.description)
			comments.append(comment_row(task.reference_type, task.reference_name, "Assigned", text, now))
			references[task.reference_type].add(task.reference_name)
			update_global_search(frappe.get_doc({"doctype": "ToDo", **todo}))
	if not todos:
		return 0
	frappe.db.bulk_insert("ToDo", TODO_FIELDS, todos, chunk_size=CHUNK_SIZE)
	insert_comments(comments)
	for doctype, reference_names in references.items():
		update_assign(doctype, sorted(reference_names))
	return len(todos)


def update_assign(doctype: str, names: list[str]) -> None:
	"""``ToDo.update_in_reference`` for many documents: ``_assign`` is the list of the users their open
	to-dos are allocated to, oldest first, without moving ``modified``."""
	table = frappe.qb.DocType(doctype)
	for start in range(0, len(names), CHUNK_SIZE):
		chunk = names[start : start + CHUNK_SIZE]
		allocated = defaultdict(list)
		for row in frappe.get_all(
			"ToDo",
			filters={
				"reference_type": doctype,
				"reference_name": ("in", chunk),
				"status": ("not in", CLOSED_TODO_STATUSES),
				"allocated_to": ("is", "set"),
			},
			fields=["reference_name", "allocated_to"],
			order_by="modified desc",
		):
			allocated[row.reference_name].append(row.allocated_to)
		# One UPDATE per distinct value (most references get the Heads' list), not a CASE per reference:
		# MariaDB tests a CASE's branches one by one for every row.
		by_value: dict[str, list[str]] = defaultdict(list)
		for name in chunk:
			users = list(reversed(allocated.get(name, [])))
			by_value[json.dumps(users) if users else ""].append(name)
		for value, names_with_value in by_value.items():
			frappe.qb.update(table).set(table._assign, value).where(table.name.isin(names_with_value)).run()
	frappe.clear_document_cache(doctype)
