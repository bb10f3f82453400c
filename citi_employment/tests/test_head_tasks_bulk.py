"""The Heads' to-dos written in bulk (``approvals.head_tasks_bulk``, used by the daily jobs) leave the rows
the framework's ToDo saves of ``head_tasks.give_heads_todos`` leave: the ToDos, their "Assigned" comments
and the references' ``_assign``, for several records at once; an open one is not repeated."""

import json

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate

from citi_employment.approvals.head_tasks import HeadTask, center_heads, give_heads_todos
from citi_employment.approvals.head_tasks_bulk import comment_row, give_heads_todos_in_bulk, insert_comments
from citi_employment.tests.records import make_center_users, make_employer

EMPLOYER = "Employer"
# Every column but those that differ by nature between two rows: the name and the moments.
UNCOMPARED = {"name", "creation", "modified"}


class TestHeadTasksBulk(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()

	def tasks(self, employers: list[str]) -> list[HeadTask]:
		# A task with a date, one without (the ToDo's default, today), a High one, and text to sanitise.
		return [
			HeadTask(
				EMPLOYER, employers[0], "Договор с ООО «Ромашка» & Ко истекает", date=add_days(getdate(), 9)
			),
			HeadTask(EMPLOYER, employers[1], "Соберите согласие выпускника", priority="High"),
			HeadTask(EMPLOYER, employers[2], "<b>Срок</b> договора истёк", date=getdate()),
		]

	def state(self, employer: str) -> dict:
		def rows(doctype: str, filters: dict) -> list[str]:
			found = frappe.get_all(doctype, filters=filters, fields=["*"])
			return sorted(
				repr(sorted((k, v) for k, v in row.items() if k not in UNCOMPARED)) for row in found
			)

		assign = frappe.db.get_value(EMPLOYER, employer, "_assign")
		return {
			# The reference's own name is in its rows: compared with the other reference's put in its place.
			"todos": [
				row.replace(employer, "<reference>") for row in rows("ToDo", {"reference_name": employer})
			],
			"comments": [
				row.replace(employer, "<reference>")
				for row in rows("Comment", {"reference_name": employer, "comment_type": "Assigned"})
			],
			"assign": json.loads(assign) if assign else [],
		}

	def test_bulk_rows_are_the_framework_rows(self):
		self.assertTrue(center_heads())
		saved = [make_employer(f"ООО «Задачи сохранены {index}»") for index in range(3)]
		bulk = [make_employer(f"ООО «Задачи в пакете {index}»") for index in range(3)]
		# One reference already assigned to someone else: _assign keeps that user first.
		frappe.get_doc(
			{
				"doctype": "ToDo",
				"allocated_to": "Administrator",
				"reference_type": EMPLOYER,
				"reference_name": saved[0],
				"description": "Старое дело",
			}
		).insert(ignore_permissions=True)
		frappe.get_doc(
			{
				"doctype": "ToDo",
				"allocated_to": "Administrator",
				"reference_type": EMPLOYER,
				"reference_name": bulk[0],
				"description": "Старое дело",
			}
		).insert(ignore_permissions=True)

		created_saved = give_heads_todos(self.tasks(saved))
		created_bulk = give_heads_todos_in_bulk(self.tasks(bulk))

		self.assertEqual(created_bulk, created_saved)
		self.assertEqual(created_bulk, 3 * len(center_heads()))
		for one, other in zip(saved, bulk, strict=True):
			self.assertEqual(self.state(other), self.state(one))
		self.assertEqual(self.state(bulk[0])["assign"][0], "Administrator")
		self.assertTrue(any("&amp;" in comment for comment in self.state(bulk[0])["comments"]))

		# Open ones are not repeated, by either path.
		self.assertEqual(give_heads_todos_in_bulk(self.tasks(bulk)), 0)
		self.assertEqual(give_heads_todos(self.tasks(bulk)), 0)

	def test_bulk_comments_are_the_framework_comments(self):
		"""The contract job's Info comments: as ``Document.add_comment`` inserts them, text sanitised."""
		saved, bulk = make_employer("ООО «Комментарий сохранён»"), make_employer("ООО «Комментарий в пакете»")
		texts = ("Договор № 5 с ООО «Ромашка» & Ко истекает 01.02.2027.", "<b>Продлён</b> до 31.12.2027")
		for text in texts:
			frappe.get_doc(EMPLOYER, saved).add_comment("Info", text)
		insert_comments(
			[comment_row(EMPLOYER, bulk, "Info", text, frappe.utils.now_datetime()) for text in texts]
		)

		def rows(employer: str) -> list[str]:
			found = frappe.get_all(
				"Comment", filters={"reference_name": employer, "comment_type": "Info"}, fields=["*"]
			)
			return sorted(
				repr(sorted((k, v) for k, v in row.items() if k not in UNCOMPARED)).replace(employer, "<ref>")
				for row in found
			)

		self.assertEqual(len(rows(bulk)), 2)
		self.assertEqual(rows(bulk), rows(saved))
