# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import json

import frappe
from frappe.desk.query_report import run
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate

from citi_employment.tests.records import (
	ADMISSIONS_USER,
	DIRECTOR_USER,
	OTHER_PROFESSION,
	TEACHER_USER,
	VACANCY_PROFESSION,
	make_center_users,
	make_employer,
	make_job_seeker,
	make_placement,
	make_profession,
	make_request,
)
from citi_employment.vacancies.candidate_list import add_candidates

REPORT = "Vacancy Registry"


def registry(**filters) -> dict:
	return run(REPORT, filters=filters, ignore_prepared_report=True)


def by_profession(result: dict) -> dict:
	return {row["profession"]: row for row in result["result"] if isinstance(row, dict)}


class TestVacancyRegistry(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		make_profession(VACANCY_PROFESSION)
		make_profession(OTHER_PROFESSION)
		frappe.db.delete("Vacancy Request")  # rolled back with the class
		cls.start = add_days(getdate(), 40)
		spb = make_employer("Питерская", region="Saint Petersburg")
		lo = make_employer("Областная", region="Leningrad Oblast")
		cls.targeted = make_request(
			lo, kind="Targeted Training", positions_count=3, expected_start_date=cls.start
		)
		make_request(
			spb, kind="Targeted Training", positions_count=2, expected_start_date=add_days(cls.start, 10)
		)
		make_request(spb, kind="Employment", positions_count=4, profession=OTHER_PROFESSION)
		make_request(lo, kind="Employment", positions_count=5, status="Draft")  # not open yet: left out
		frappe.db.set_value(
			"Vacancy Request", {"status": "Draft", "positions_count": ("<", 5)}, "status", "Registered"
		)
		graduate = make_job_seeker("Реестровый")
		add_candidates(cls.targeted.name, [graduate.name])
		make_placement(graduate.name, vacancy_request=cls.targeted.name)

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_open_positions_are_grouped_by_profession(self):
		frappe.set_user(DIRECTOR_USER)
		result = registry()
		rows = by_profession(result)
		cook = rows[VACANCY_PROFESSION]
		self.assertEqual(cook["requests"], 2)
		self.assertEqual(cook["open_positions"], 2 + 2)  # 3 asked, 1 placed; plus 2
		self.assertEqual(cook["employers"], 2)
		self.assertEqual(getdate(cook["earliest_start"]), self.start)
		self.assertIn("Targeted Training", cook["kinds"])
		self.assertEqual(rows[OTHER_PROFESSION]["open_positions"], 4)
		self.assertEqual(result["chart"]["type"], "bar")
		summary = {item["label"]: item["value"] for item in result["report_summary"]}
		self.assertEqual(summary["Open Positions"], 8)
		self.assertEqual(summary["Requests"], 3)

	def test_filters(self):
		frappe.set_user(DIRECTOR_USER)
		self.assertEqual(set(by_profession(registry(kind="Employment"))), {OTHER_PROFESSION})
		self.assertEqual(
			by_profession(registry(region="Saint Petersburg"))[VACANCY_PROFESSION]["open_positions"], 2
		)
		rows = by_profession(
			registry(from_date=str(add_days(self.start, 5)), to_date=str(add_days(self.start, 20)))
		)
		self.assertEqual(rows[VACANCY_PROFESSION]["requests"], 1)
		self.assertNotIn(OTHER_PROFESSION, rows)

	def test_a_filter_of_the_wrong_shape_is_refused_with_a_message_and_reaches_no_query(self):
		frappe.set_user(DIRECTOR_USER)
		for filters in (
			{"kind": ["Employment", "Practice"]},
			{"region": {"a": "b"}},
			{"kind": "Employment' OR 1=1 -- "},
			{"to_date": "not a date"},
			{"from_date": str(add_days(self.start, 20)), "to_date": str(self.start)},
		):
			result = registry(**filters)
			self.assertEqual(result["result"], [], filters)
			self.assertTrue(result["message"], filters)

	def test_admissions_committee_gets_targeted_training_without_personal_data(self):
		frappe.set_user(ADMISSIONS_USER)
		result = registry()
		rows = by_profession(result)
		self.assertEqual(set(rows), {VACANCY_PROFESSION})
		self.assertEqual(rows[VACANCY_PROFESSION]["open_positions"], 4)
		fieldnames = {column["fieldname"] for column in result["columns"]}
		self.assertEqual(
			fieldnames, {"profession", "requests", "open_positions", "employers", "kinds", "earliest_start"}
		)
		text = json.dumps(result, default=str)
		self.assertNotIn("Реестровый", text)
		self.assertNotIn("GRAD-", text)
		self.assertNotIn("от 18 лет", text)
		self.assertNotIn("Female", text)

	def test_other_roles_cannot_run_it(self):
		frappe.set_user(TEACHER_USER)
		with self.assertRaises(frappe.PermissionError):
			registry()
