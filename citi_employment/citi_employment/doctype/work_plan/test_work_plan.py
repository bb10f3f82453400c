# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Work Plan (Appendix №8, §5.1): one plan per period, approval by the Institution Director only, content
locked after submission while each item's status and result stay open, the execution summary, the print."""

import json
from urllib.parse import quote

import frappe
from frappe.client import save as client_save
from frappe.model.workflow import WorkflowTransitionError
from frappe.tests.test_api import make_request as make_http_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, get_test_client, getdate, nowdate

from citi_employment.domain.paper_forms import WORK_PLAN_FORM
from citi_employment.domain.russian_text import BLANK_DOCUMENT_DATE
from citi_employment.roles import EMPLOYMENT_CENTER_HEAD, EMPLOYMENT_SPECIALIST
from citi_employment.tests.records import (
	ADMISSIONS_USER,
	DIRECTOR_USER,
	HEAD_USER,
	SPECIALIST_USER,
	SUPERVISOR_USER,
	TEACHER_USER,
	act,
	approve_work_plan,
	make_center_users,
	make_user,
	make_work_plan,
)
from citi_employment.work_plan.approval import (
	ApprovedPlanReopenedError,
	DirectorPlanEditError,
	DuplicatePlanError,
	EmptyPlanError,
	LockedPlanContentError,
	PlanApprovalError,
	PlanYearInvalidError,
)
from citi_employment.write_guards import LockedDocumentError, ServiceFieldChangeError

PLAN = "Work Plan"
WORKFLOW = "Work Plan Workflow"


def stored_items(name: str) -> list[dict]:
	return frappe.get_all(
		"Work Plan Item",
		filters={"parent": name, "parenttype": PLAN},
		fields=["name", "idx", "activity", "due", "due_date", "responsible", "status", "result"],
		order_by="idx",
	)


class TestWorkPlan(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()

	def setUp(self):
		frappe.set_user("Administrator")

	def tearDown(self):
		frappe.set_user("Administrator")

	# Year and period

	def test_a_plan_is_named_after_its_year_and_period(self):
		self.assertEqual(make_work_plan(2040, "1st Half").name, "WP-2040-H1")
		self.assertEqual(make_work_plan(2040, "2nd Half").name, "WP-2040-H2")
		self.assertEqual(make_work_plan(2040, "Year").name, "WP-2040-Y")

	def test_a_second_plan_for_the_same_year_and_period_is_refused(self):
		make_work_plan(2041, "2nd Half")
		with self.assertRaises(DuplicatePlanError) as raised:
			make_work_plan(2041, "2nd Half")
		self.assertIn("WP-2041-H2", str(raised.exception))
		self.assertEqual(frappe.db.count(PLAN, {"year": 2041}), 1)

	def test_a_year_out_of_range_is_refused(self):
		for year in (1999, 2101):
			with self.subTest(year=year), self.assertRaises(PlanYearInvalidError):
				make_work_plan(year)
		self.assertFalse(frappe.db.exists(PLAN, {"year": ("in", (1999, 2101))}))

	def test_the_head_and_specialists_write_plans_the_director_reads_them_others_see_nothing(self):
		plan = make_work_plan(2042)
		for user in (HEAD_USER, SPECIALIST_USER):
			self.assertTrue(frappe.has_permission(PLAN, "create", user=user))
			self.assertTrue(frappe.has_permission(PLAN, "write", doc=plan.name, user=user))
		self.assertTrue(frappe.has_permission(PLAN, "read", doc=plan.name, user=DIRECTOR_USER))
		self.assertFalse(frappe.has_permission(PLAN, "create", user=DIRECTOR_USER))
		self.assertFalse(frappe.has_permission(PLAN, "delete", doc=plan.name, user=DIRECTOR_USER))
		for user in (TEACHER_USER, SUPERVISOR_USER, ADMISSIONS_USER):
			self.assertFalse(frappe.has_permission(PLAN, "read", doc=plan.name, user=user), user)

	# Approval

	def test_the_director_approves_and_the_date_and_approver_are_recorded(self):
		plan = make_work_plan(2043)
		act(plan, "Submit for Approval", SPECIALIST_USER)
		plan = act(frappe.get_doc(PLAN, plan.name), "Approve", DIRECTOR_USER)
		self.assertEqual(plan.status, "Approved")
		self.assertEqual(getdate(plan.approved_on), getdate(nowdate()))
		self.assertEqual(plan.approved_by, DIRECTOR_USER)
		self.assertTrue(plan.approved_by_name)

	def test_the_head_cannot_approve_through_the_workflow(self):
		plan = make_work_plan(2044)
		act(plan, "Submit for Approval", HEAD_USER)
		with self.assertRaises(WorkflowTransitionError):
			act(frappe.get_doc(PLAN, plan.name), "Approve", HEAD_USER)
		self.assertEqual(frappe.db.get_value(PLAN, plan.name, "status"), "Pending Director Approval")

	def test_the_head_cannot_set_approved_directly(self):
		"""The controller refuses a status sent as a value (REST PUT, ``frappe.client.save``); it runs before
		the framework's own workflow check, so this is its refusal."""
		plan = make_work_plan(2045)
		act(plan, "Submit for Approval", HEAD_USER)
		for user in (HEAD_USER, SPECIALIST_USER):
			payload = frappe.get_doc(PLAN, plan.name).as_dict()
			payload["status"] = "Approved"
			with self.subTest(user=user), self.set_user(user), self.assertRaises(PlanApprovalError):
				client_save(json.dumps(payload, default=str))
			frappe.clear_last_message()
		self.assert_not_approved(plan.name)

	def test_approval_stays_the_directors_with_the_workflow_off(self):
		"""With the workflow inactive the write guard takes ``status`` for a service field and refuses it; the
		controller refuses on its own too, for a save that passes the guard."""
		plan = make_work_plan(2055)
		act(plan, "Submit for Approval", HEAD_USER)
		frappe.db.set_value("Workflow", WORKFLOW, "is_active", 0)
		frappe.clear_cache(doctype=PLAN)
		try:
			self.assertFalse(frappe.get_meta(PLAN).get_workflow())
			payload = frappe.get_doc(PLAN, plan.name).as_dict()
			payload["status"] = "Approved"
			with self.set_user(HEAD_USER), self.assertRaises((PlanApprovalError, ServiceFieldChangeError)):
				client_save(json.dumps(payload, default=str))
			frappe.clear_last_message()
			doc = frappe.get_doc(PLAN, plan.name)
			doc.status = "Approved"
			doc.flags.written_by_service = True  # past the guard: only the controller is left
			with self.set_user(HEAD_USER), self.assertRaises(PlanApprovalError):
				doc.save()
		finally:
			frappe.db.set_value("Workflow", WORKFLOW, "is_active", 1)
			frappe.clear_cache(doctype=PLAN)
		self.assert_not_approved(plan.name)

	def assert_not_approved(self, name: str):
		stored = frappe.db.get_value(PLAN, name, ["status", "approved_on", "approved_by"], as_dict=True)
		self.assertEqual(
			stored, {"status": "Pending Director Approval", "approved_on": None, "approved_by": None}
		)

	def test_an_empty_plan_cannot_be_submitted(self):
		plan = make_work_plan(2046, items=())
		with self.assertRaises(EmptyPlanError):
			act(plan, "Submit for Approval", HEAD_USER)
		self.assertEqual(frappe.db.get_value(PLAN, plan.name, "status"), "Draft")

	def test_the_director_cannot_change_a_submitted_plan(self):
		plan = make_work_plan(2047)
		act(plan, "Submit for Approval", HEAD_USER)
		plan = frappe.get_doc(PLAN, plan.name)
		plan.items[0].status = "Done"
		with self.set_user(DIRECTOR_USER), self.assertRaises(DirectorPlanEditError):
			plan.save()
		plan = frappe.get_doc(PLAN, plan.name)
		plan.items[0].activity = "Другое мероприятие"
		with self.set_user(DIRECTOR_USER), self.assertRaises((DirectorPlanEditError, LockedPlanContentError)):
			plan.save()
		self.assertEqual(stored_items(plan.name)[0].status, "Planned")

	def test_the_director_may_return_a_submitted_plan_for_revision(self):
		plan = make_work_plan(2048)
		act(plan, "Submit for Approval", HEAD_USER)
		plan = act(frappe.get_doc(PLAN, plan.name), "Revise", DIRECTOR_USER)
		self.assertEqual(plan.status, "Draft")
		plan = frappe.get_doc(PLAN, plan.name)
		plan.items[0].activity = "Уточнённое мероприятие"
		with self.set_user(HEAD_USER):
			plan.save()

	def test_an_approved_plan_stays_approved(self):
		plan = approve_work_plan(make_work_plan(2049))
		plan = frappe.get_doc(PLAN, plan.name)
		plan.status = "Draft"
		with self.set_user(HEAD_USER), self.assertRaises(ApprovedPlanReopenedError):
			plan.save()
		self.assertEqual(frappe.db.get_value(PLAN, plan.name, "status"), "Approved")

	# What approval locks

	def test_after_approval_the_content_is_locked_but_status_and_result_stay_open(self):
		plan = approve_work_plan(make_work_plan(2050))
		edits = {
			"activity": lambda doc: setattr(doc.items[0], "activity", "Другое"),
			"due": lambda doc: setattr(doc.items[0], "due", "ежемесячно"),
			"due date": lambda doc: setattr(doc.items[1], "due_date", "2050-05-01"),
			"responsible": lambda doc: setattr(doc.items[1], "responsible", "Директор"),
			"a new item": lambda doc: doc.append("items", {"activity": "Новое", "due": "май"}),
			"a removed item": lambda doc: doc.items.pop(),
			"the order": lambda doc: doc.set("items", list(reversed(doc.items))),
		}
		for case, edit in edits.items():
			for user in (HEAD_USER, SPECIALIST_USER):
				with self.subTest(case=case, user=user):
					doc = frappe.get_doc(PLAN, plan.name)
					edit(doc)
					with self.set_user(user), self.assertRaises(LockedPlanContentError):
						doc.save()
		before = stored_items(plan.name)

		doc = frappe.get_doc(PLAN, plan.name)
		doc.items[0].status = "In Progress"
		doc.items[1].status = "Done"
		doc.items[1].result = "Проведён 15 апреля, 12 работодателей"
		with self.set_user(SPECIALIST_USER):
			doc.save()
		after = stored_items(plan.name)
		self.assertEqual([row.status for row in after], ["In Progress", "Done"])
		self.assertEqual(after[1].result, "Проведён 15 апреля, 12 работодателей")
		for field in ("activity", "due", "due_date", "responsible"):
			self.assertEqual([row[field] for row in after], [row[field] for row in before])

	def test_the_director_cannot_report_on_an_approved_plan(self):
		plan = approve_work_plan(make_work_plan(2051))
		doc = frappe.get_doc(PLAN, plan.name)
		doc.items[0].status = "Done"
		with self.set_user(DIRECTOR_USER), self.assertRaises(LockedDocumentError):
			doc.save()

	def test_approval_fields_sent_with_a_new_plan_are_not_stored(self):
		with self.set_user(SPECIALIST_USER):
			plan = frappe.get_doc(
				{
					"doctype": PLAN,
					"year": 2052,
					"period": "Year",
					"status": "Approved",
					"approved_on": "2052-01-01",
					"approved_by": DIRECTOR_USER,
					"items": [{"activity": "Мероприятие", "due": "в течение года"}],
				}
			).insert()
		stored = frappe.db.get_value(PLAN, plan.name, ["status", "approved_on", "approved_by"], as_dict=True)
		self.assertEqual(stored, {"status": "Draft", "approved_on": None, "approved_by": None})

	# Execution

	def test_a_due_text_naming_one_day_fills_the_due_date(self):
		plan = make_work_plan(
			2053,
			items=(
				{"activity": "Ярмарка вакансий", "due": "до 20.03.2053"},
				{"activity": "Консультации", "due": "ежеквартально"},
				{"activity": "Семинар", "due_date": "2053-05-14"},
			),
		)
		rows = stored_items(plan.name)
		self.assertEqual(getdate(rows[0].due_date), getdate("2053-03-20"))
		self.assertIsNone(rows[1].due_date)
		self.assertEqual(rows[2].due, "14.05.2053")

	def test_the_summary_counts_done_in_progress_and_overdue_items_as_of_today(self):
		today = getdate(nowdate())
		plan = make_work_plan(
			today.year,
			"Year",
			items=(
				{"activity": "Сделано", "due_date": add_days(today, -30), "status": "Done"},
				{"activity": "Идёт, срок прошёл", "due_date": add_days(today, -1), "status": "In Progress"},
				{"activity": "Идёт", "due_date": add_days(today, 10), "status": "In Progress"},
				{"activity": "Не начато, срок прошёл", "due_date": add_days(today, -2)},
				{"activity": "В течение года", "due": "в течение года"},
				{"activity": "Не сделано", "due_date": add_days(today, -3), "status": "Not Done"},
			),
		)
		with self.set_user(DIRECTOR_USER):
			doc = frappe.get_doc(PLAN, plan.name)
			doc.run_method("onload")
			summary = doc.get_onload().execution_summary
		self.assertEqual(summary["done"], 1)
		self.assertEqual(summary["in_progress"], 2)
		self.assertEqual(summary["overdue"], 2)
		self.assertEqual(summary["overdue_items"], [2, 4])
		self.assertEqual(summary["total"], 6)

	def test_an_item_without_a_date_is_overdue_once_the_period_is_over(self):
		plan = make_work_plan(
			2020, "1st Half", items=({"activity": "Консультации", "due": "в течение года"},)
		)
		plan.run_method("onload")
		self.assertEqual(plan.get_onload().execution_summary["overdue_items"], [1])

	# Print

	def test_the_print_has_the_approval_block_and_the_appendix_table(self):
		frappe.db.set_single_value("Employment Center Settings", "director_name", "И.Г. Дрозденко")
		plan = make_work_plan(2054, "2nd Half")
		html = frappe.get_print(PLAN, plan.name, WORK_PLAN_FORM)
		self.assertIn("«УТВЕРЖДАЮ»", html)
		self.assertIn("И.Г. Дрозденко", html)
		self.assertIn("на II полугодие 2054 года", html)
		for heading in ("№ п/п", "Содержание деятельности", "Срок исполнения", "Ответственный"):
			self.assertIn(heading, html)
		self.assertIn("День открытых дверей для работодателей", html)
		self.assertIn(BLANK_DOCUMENT_DATE, html)

		plan = approve_work_plan(plan)
		html = frappe.get_print(PLAN, plan.name, WORK_PLAN_FORM)
		self.assertIn(frappe.utils.formatdate(nowdate(), "yyyy") + " г.", html)
		self.assertNotIn(BLANK_DOCUMENT_DATE, html)
		year_plan = make_work_plan(2054, "Year")
		self.assertIn("на 2054 год", frappe.get_print(PLAN, year_plan.name, WORK_PLAN_FORM))


class TestWorkPlanOverRest(FrappeTestCase):
	"""The same rules over real REST requests (a request thread with its own database connection), so the
	records are committed in ``setUpClass`` and removed in ``tearDownClass``."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		cls.tokens = {}
		for role, email in (
			(EMPLOYMENT_SPECIALIST, "rest-plan-specialist@example.com"),
			(EMPLOYMENT_CENTER_HEAD, "rest-plan-head@example.com"),
		):
			user = frappe.get_doc("User", make_user(email, role))
			secret = frappe.generate_hash(length=15)
			user.api_key = frappe.generate_hash(length=15)
			user.api_secret = secret
			user.save(ignore_permissions=True)
			cls.tokens[role] = f"{user.api_key}:{secret}"
		for year in (2060, 2061):
			frappe.db.delete(PLAN, {"year": year})
			frappe.db.delete("Work Plan Item", {"parent": ("like", f"WP-{year}-%")})
		cls.approved = approve_work_plan(make_work_plan(2060))
		cls.submitted = make_work_plan(2061)
		act(cls.submitted, "Submit for Approval", HEAD_USER)
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.db.rollback()
		frappe.set_user("Administrator")
		for name in (cls.approved.name, cls.submitted.name):
			frappe.db.delete("Work Plan Item", {"parent": name})
			frappe.db.delete("Version", {"ref_doctype": PLAN, "docname": name})
			frappe.db.delete("Comment", {"reference_doctype": PLAN, "reference_name": name})
			frappe.db.delete(PLAN, {"name": name})
		for email in ("rest-plan-specialist@example.com", "rest-plan-head@example.com"):
			frappe.delete_doc("User", email, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	def tearDown(self):
		frappe.db.rollback()

	def put(self, name: str, values: dict, role: str = EMPLOYMENT_SPECIALIST):
		client = get_test_client(use_cookies=False)
		return make_http_request(
			target=client.put,
			args=(f"/api/resource/{quote(PLAN)}/{quote(name)}",),
			kwargs={"json": values, "headers": {"Authorization": f"token {self.tokens[role]}"}},
			site=frappe.local.site,
		)

	def items_payload(self, name: str) -> list[dict]:
		return [
			{key: value for key, value in row.items() if key not in ("modified", "creation")}
			for row in frappe.get_doc(PLAN, name).as_dict()["items"]
		]

	def test_a_content_change_of_an_approved_plan_is_refused(self):
		before = stored_items(self.approved.name)
		items = self.items_payload(self.approved.name)
		items[0]["activity"] = "Подменённое мероприятие"
		response = self.put(self.approved.name, {"items": json.loads(json.dumps(items, default=str))})
		self.assertEqual(response.status_code, 417, response.text)
		self.assertEqual(stored_items(self.approved.name), before)

	def test_a_status_change_of_an_approved_plan_is_accepted(self):
		items = self.items_payload(self.approved.name)
		items[0]["status"] = "In Progress"
		items[0]["result"] = "Проведено 4 консультации"
		response = self.put(self.approved.name, {"items": json.loads(json.dumps(items, default=str))})
		self.assertEqual(response.status_code, 200, response.text)
		frappe.db.rollback()  # read what the request committed
		stored = stored_items(self.approved.name)[0]
		self.assertEqual((stored.status, stored.result), ("In Progress", "Проведено 4 консультации"))

	def test_nobody_but_the_director_approves_over_rest(self):
		for role in (EMPLOYMENT_SPECIALIST, EMPLOYMENT_CENTER_HEAD):
			with self.subTest(role=role):
				response = self.put(self.submitted.name, {"status": "Approved"}, role=role)
				self.assertIn(response.status_code, (403, 417), response.text)
		frappe.db.rollback()
		stored = frappe.db.get_value(
			PLAN, self.submitted.name, ["status", "approved_on", "approved_by"], as_dict=True
		)
		self.assertEqual(
			stored, {"status": "Pending Director Approval", "approved_on": None, "approved_by": None}
		)
