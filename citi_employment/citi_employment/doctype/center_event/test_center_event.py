# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Center Event (§2.2): counts and times, participating employers, the calendar, and the plan item a held
event marks, on an approved plan too."""

import json

import frappe
from frappe.tests.utils import FrappeTestCase

from citi_employment.citi_employment.doctype.center_event.center_event import (
	NegativeCountError,
)
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
	make_employer,
	make_work_plan,
)
from citi_employment.work_plan.progress import PlanItemNotFoundError, plan_items

EVENT = "Center Event"


def event_values(**values) -> dict:
	return {
		"doctype": EVENT,
		"subject": "День открытых дверей для работодателей",
		"event_type": "Open Day",
		"starts_on": "2070-04-15 11:00:00",
		"ends_on": "2070-04-15 14:00:00",
		"venue": "г. Всеволожск, ул. Заводская, д. 5, актовый зал",
		**values,
	}


def item_statuses(plan: str) -> list[str]:
	return [row.status for row in frappe.get_doc("Work Plan", plan).items]


class TestCenterEvent(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		cls.employer = make_employer("ООО «Ярмарка»")
		cls.other_employer = make_employer("ООО «Другая ярмарка»")

	def setUp(self):
		frappe.set_user("Administrator")

	def tearDown(self):
		frappe.set_user("Administrator")

	def make_event(self, user: str = SPECIALIST_USER, **values):
		with self.set_user(user):
			return frappe.get_doc(event_values(**values)).insert()

	# Input

	def test_negative_counts_are_refused_and_nothing_is_saved(self):
		for fieldname in ("graduates_count", "students_count", "employers_count"):
			with self.subTest(field=fieldname), self.assertRaises(NegativeCountError):
				self.make_event(subject=f"Отрицательное {fieldname}", **{fieldname: -1})
		self.assertFalse(frappe.db.exists(EVENT, {"subject": ("like", "Отрицательное%")}))

	def test_an_event_cannot_end_before_it_starts(self):
		with self.assertRaises(frappe.exceptions.InvalidDates):
			self.make_event(subject="Наоборот", ends_on="2070-04-15 10:00:00")
		self.assertFalse(frappe.db.exists(EVENT, {"subject": "Наоборот"}))

	def test_the_employers_count_defaults_to_the_participants_listed(self):
		event = self.make_event(
			employers=[
				{"employer": self.employer, "representative": "Петров П. П."},
				{"employer": self.other_employer},
			],
			graduates_count=12,
			students_count=30,
		)
		self.assertEqual(event.employers_count, 2)
		self.assertEqual(event.employers[0].employer_name, "ООО «Ярмарка»")
		event = self.make_event(employers=[{"employer": self.employer}], employers_count=5)
		self.assertEqual(event.employers_count, 5)

	def test_the_organiser_is_the_user_who_records_the_event(self):
		self.assertEqual(self.make_event().organiser, SPECIALIST_USER)

	def test_the_head_and_specialists_write_events_the_director_reads_them_others_see_nothing(self):
		event = self.make_event()
		for user in (HEAD_USER, SPECIALIST_USER):
			self.assertTrue(frappe.has_permission(EVENT, "write", doc=event.name, user=user))
		self.assertTrue(frappe.has_permission(EVENT, "read", doc=event.name, user=DIRECTOR_USER))
		self.assertFalse(frappe.has_permission(EVENT, "write", doc=event.name, user=DIRECTOR_USER))
		for user in (TEACHER_USER, SUPERVISOR_USER, ADMISSIONS_USER):
			self.assertFalse(frappe.has_permission(EVENT, "read", doc=event.name, user=user), user)

	def test_the_calendar_shows_the_events_of_its_range(self):
		event = self.make_event(subject="В календаре", starts_on="2071-03-02 10:00:00", ends_on=None)
		with self.set_user(HEAD_USER):
			events = frappe.call(
				"frappe.desk.calendar.get_events",
				doctype=EVENT,
				start="2071-03-01 00:00:00",
				end="2071-03-31 23:59:59",
				field_map=json.dumps({"start": "starts_on", "end": "ends_on", "title": "subject"}),
			)
		self.assertIn(event.name, [row.name for row in events])
		self.assertTrue(frappe.get_meta(EVENT).is_calendar_and_gantt)

	# The work plan

	def test_the_plan_item_must_be_a_row_of_the_plan(self):
		plan = make_work_plan(2070)
		other = make_work_plan(2071)
		with self.assertRaises(PlanItemNotFoundError):
			self.make_event(work_plan=plan.name, work_plan_item=other.items[0].name)
		event = self.make_event(work_plan=plan.name, work_plan_item=plan.items[1].name)
		self.assertEqual(event.work_plan_activity, "№2. День открытых дверей для работодателей")

	def test_a_held_event_marks_its_item_on_an_approved_plan(self):
		plan = approve_work_plan(make_work_plan(2072))
		recurring, one_off = (row.name for row in plan.items)

		event = self.make_event(work_plan=plan.name, work_plan_item=recurring)
		self.assertEqual(item_statuses(plan.name), ["Planned", "Planned"], "a planned event marks nothing")

		event = frappe.get_doc(EVENT, event.name)
		event.status = "Held"
		with self.set_user(SPECIALIST_USER):
			event.save()
		self.assertEqual(item_statuses(plan.name), ["In Progress", "Planned"])

		self.make_event(status="Held", work_plan=plan.name, work_plan_item=one_off)
		self.assertEqual(item_statuses(plan.name), ["In Progress", "Done"])
		self.assertEqual(frappe.db.get_value("Work Plan", plan.name, "status"), "Approved")
		self.assertTrue(
			frappe.db.exists(
				"Comment",
				{"reference_doctype": "Work Plan", "reference_name": plan.name, "content": ("like", "%№2%")},
			)
		)

	def test_a_held_event_marks_a_submitted_plan_that_its_organiser_may_not_edit(self):
		plan = make_work_plan(2073)
		act(plan, "Submit for Approval", HEAD_USER)
		self.make_event(status="Held", work_plan=plan.name, work_plan_item=plan.items[0].name)
		self.assertEqual(item_statuses(plan.name), ["In Progress", "Planned"])

	def test_a_held_event_never_moves_an_item_back(self):
		plan = approve_work_plan(make_work_plan(2074))
		doc = frappe.get_doc("Work Plan", plan.name)
		doc.items[0].status = "Done"
		with self.set_user(HEAD_USER):
			doc.save()
		self.make_event(status="Held", work_plan=plan.name, work_plan_item=plan.items[0].name)
		self.assertEqual(item_statuses(plan.name), ["Done", "Planned"])

	def test_the_item_picker_lists_the_plan_s_items_to_its_readers_only(self):
		plan = make_work_plan(2075)
		with self.set_user(SPECIALIST_USER):
			items = plan_items(plan.name)
		self.assertEqual(
			items,
			[
				{"value": plan.items[0].name, "label": f"№1. {plan.items[0].activity}"},
				{"value": plan.items[1].name, "label": f"№2. {plan.items[1].activity}"},
			],
		)
		with self.set_user(SPECIALIST_USER):
			for bad in ("WP-1900-Y", ""):
				with self.subTest(name=bad), self.assertRaises(frappe.DoesNotExistError):
					plan_items(bad)
		with self.set_user(TEACHER_USER), self.assertRaises(frappe.PermissionError):
			plan_items(plan.name)
