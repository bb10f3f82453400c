"""Tasks for the Employment Center Head: the one way the app hands the Head a ToDo.

Deadlines the Head answers for land here: a revoked consent's destruction date (152-ФЗ ст. 21 ч. 5), a
represented graduate who has turned 18, a contract that expires or has expired (§5.4).
"""

from typing import NamedTuple

import frappe
from frappe.utils.user import get_users_with_role

from citi_employment.roles import EMPLOYMENT_CENTER_HEAD


class HeadTask(NamedTuple):
	reference_type: str
	reference_name: str
	description: str
	date: object = None
	priority: str = "Medium"


def center_heads() -> list[str]:
	"""Enabled users given the Head role.

	Through the framework's own lookup of role assignments, so Administrator counts only when the role was
	given to it like to anyone else: its implicit hold of every role must not turn it into the Center's Head.
	"""
	return sorted(get_users_with_role(EMPLOYMENT_CENTER_HEAD))


def give_heads_todos(tasks: list[HeadTask]) -> int:
	"""One ToDo per Head and task; a task a Head already has open (same record and text) is not repeated.

	The open ToDos of all the tasks are read in one query, so a daily job with many tasks stays cheap.
	"""
	heads = center_heads()
	if not (tasks and heads):
		return 0
	todo = frappe.qb.DocType("ToDo")
	open_tasks = {
		(row.reference_type, row.reference_name, row.allocated_to, row.description)
		for row in (
			frappe.qb.from_(todo)
			.select(todo.reference_type, todo.reference_name, todo.allocated_to, todo.description)
			.where(todo.reference_name.isin(sorted({task.reference_name for task in tasks})))
			.where(todo.status == "Open")
		).run(as_dict=True)
	}
	created = 0
	for task in tasks:
		for head in heads:
			if (task.reference_type, task.reference_name, head, task.description) in open_tasks:
				continue
			frappe.get_doc(
				{
					"doctype": "ToDo",
					"allocated_to": head,
					"reference_type": task.reference_type,
					"reference_name": task.reference_name,
					"description": task.description,
					"date": task.date,
					"priority": task.priority,
					"assigned_by": "Administrator",
				}
			).insert(ignore_permissions=True)
			created += 1
	return created
