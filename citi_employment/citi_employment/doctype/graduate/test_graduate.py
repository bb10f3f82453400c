# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from citi_employment import roles
from citi_employment.tests.records import (
	DIRECTOR_USER,
	SPECIALIST_USER,
	TEACHER_USER,
	USER_OF_ROLE,
	make_center_users,
	make_graduate,
	make_profession,
	messages_shown,
)
from citi_employment.write_guards.field_errors import InvalidFieldValueError

PERSONAL_DATA_DOCTYPE = "Graduate Personal Data"
TEST_PROFESSION = "Test People Profession"


class TestGraduate(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_profession(
			TEST_PROFESSION, program_name="Адаптированная программа профессионального обучения «Тест»"
		)
		make_center_users()

	def setUp(self):
		frappe.local.message_log = []

	def test_full_name_is_composed_for_graduate_and_representatives(self):
		graduate = make_graduate(
			last_name=" Петрова ",
			first_name="Анна",
			patronymic="",
			legal_representatives=[
				{"last_name": "Петров", "first_name": "Пётр", "patronymic": "Петрович", "basis": "Parent"}
			],
		)
		self.assertEqual(graduate.full_name, "Петрова Анна")
		self.assertEqual(graduate.legal_representatives[0].full_name, "Петров Пётр Петрович")
		self.assertEqual(frappe.db.get_value("Graduate", graduate.name, "full_name"), "Петрова Анна")

	def test_name_follows_the_series(self):
		graduate = make_graduate()
		self.assertRegex(graduate.name, r"^GRAD-\d{4}-\d{5}$")

	def test_program_is_fetched_from_the_profession(self):
		graduate = make_graduate(profession=TEST_PROFESSION)
		self.assertIn("«Тест»", graduate.program_name)

	def test_minor_the_day_before_the_18th_birthday(self):
		with self.freeze_time("2026-05-16 12:00:00"):
			graduate = make_graduate(date_of_birth="2008-05-17")
		self.assertEqual(graduate.age, 17)
		self.assertEqual(graduate.is_minor, 1)

	def test_adult_on_the_18th_birthday(self):
		with self.freeze_time("2026-05-17 00:30:00"):
			graduate = make_graduate(date_of_birth="2008-05-17")
		self.assertEqual(graduate.age, 18)
		self.assertEqual(graduate.is_minor, 0)

	def test_born_on_29_february_becomes_adult_on_1_march(self):
		with self.freeze_time("2026-02-28 23:00:00"):
			graduate = make_graduate(date_of_birth="2008-02-29")
			self.assertEqual((graduate.age, graduate.is_minor), (17, 1))
		with self.freeze_time("2026-03-01 09:00:00"):
			graduate = frappe.get_doc("Graduate", graduate.name)
			graduate.save(ignore_permissions=True)
			self.assertEqual((graduate.age, graduate.is_minor), (18, 0))

	def test_minor_without_representative_is_saved_with_a_warning(self):
		with self.freeze_time("2026-03-05 10:00:00"):
			graduate = make_graduate(date_of_birth="2010-03-01")
		self.assertTrue(frappe.db.exists("Graduate", graduate.name))
		self.assertIn("Legal Representative Missing", messages_shown())

	def test_minor_with_representative_gets_no_warning(self):
		with self.freeze_time("2026-03-05 10:00:00"):
			make_graduate(
				date_of_birth="2010-03-01",
				legal_representatives=[{"first_name": "Мария", "last_name": "Иванова", "basis": "Guardian"}],
			)
		self.assertNotIn("Legal Representative Missing", messages_shown())

	def test_adult_gets_no_warning(self):
		make_graduate(date_of_birth="1990-01-01")
		self.assertNotIn("Legal Representative Missing", messages_shown())

	def test_date_of_birth_in_the_future_is_refused(self):
		with self.freeze_time("2026-03-05 10:00:00"):
			self.assertRaises(InvalidFieldValueError, make_graduate, date_of_birth="2026-03-06")

	def test_study_end_before_start_is_refused(self):
		with self.assertRaises(frappe.exceptions.InvalidDates) as raised:
			make_graduate(study_start="2025-09-01", study_end="2025-08-31")
		self.assertIn("Study End", str(raised.exception))

	def test_phones_are_normalised(self):
		graduate = make_graduate(
			phone="8 (921) 123-45-67",
			legal_representatives=[{"first_name": "Мария", "basis": "Parent", "phone": "921 765 43 21"}],
		)
		self.assertEqual(graduate.phone, "+79211234567")
		self.assertEqual(graduate.legal_representatives[0].phone, "+79217654321")

	def test_bad_phones_are_reported_together_with_the_row(self):
		count_before = frappe.db.count("Graduate")
		with self.assertRaises(InvalidFieldValueError) as raised:
			make_graduate(
				phone="12345",
				legal_representatives=[
					{"first_name": "Мария", "basis": "Parent", "phone": "+79217654321"},
					{"first_name": "Олег", "basis": "Parent", "phone": "+7 921 76"},
				],
			)
		messages = raised.exception.args[0]
		self.assertEqual(len(messages), 2)
		self.assertIn("Phone", messages[0])
		self.assertIn("row 2", messages[1])
		self.assertNotIn("12345", str(messages))
		self.assertEqual(frappe.db.count("Graduate"), count_before)

	def test_employment_status_follows_the_study_end(self):
		with self.freeze_time("2026-06-30 12:00:00"):
			graduate = make_graduate(study_start="2024-09-01", study_end="2026-06-30")
			self.assertEqual(graduate.employment_status, "Studying")
		with self.freeze_time("2026-07-01 12:00:00"):
			self.assertEqual(graduate.refresh_employment_status(), "Seeking Employment")
		self.assertEqual(
			frappe.db.get_value("Graduate", graduate.name, "employment_status"), "Seeking Employment"
		)

	def test_employment_and_consent_status_cannot_be_set_by_hand(self):
		graduate = make_graduate(employment_status="Employed", study_end="2099-06-30")
		self.assertEqual(graduate.employment_status, "Studying")
		self.assertEqual(graduate.consent_status, "No Consent")

	def test_deleting_a_graduate_deletes_the_personal_data_for_good(self):
		graduate = make_graduate()
		frappe.get_doc(
			{"doctype": PERSONAL_DATA_DOCTYPE, "graduate": graduate.name, "snils": "112-233-445 95"}
		).insert(ignore_permissions=True)
		with self.set_user(SPECIALIST_USER):
			frappe.delete_doc("Graduate", graduate.name)

		self.assertFalse(frappe.db.exists("Graduate", graduate.name))
		self.assertFalse(frappe.db.exists(PERSONAL_DATA_DOCTYPE, graduate.name))
		self.assertFalse(
			frappe.db.exists(
				"Deleted Document", {"deleted_doctype": PERSONAL_DATA_DOCTYPE, "deleted_name": graduate.name}
			)
		)

	def test_a_user_without_delete_right_keeps_both_records(self):
		graduate = make_graduate()
		frappe.get_doc({"doctype": PERSONAL_DATA_DOCTYPE, "graduate": graduate.name}).insert(
			ignore_permissions=True
		)
		with self.set_user(DIRECTOR_USER), self.assertRaises(frappe.PermissionError):
			frappe.delete_doc("Graduate", graduate.name)

		self.assertTrue(frappe.db.exists(PERSONAL_DATA_DOCTYPE, graduate.name))

	def test_who_sees_graduates(self):
		graduate = make_graduate()
		readers = {
			roles.INSTITUTION_DIRECTOR: True,
			roles.PSYCHOLOGIST: True,
			roles.SOCIAL_PEDAGOGUE: True,
			roles.TEACHER: True,
			# The practice supervisor finds practice places (§3.3): employers and Practice contracts only.
			roles.PRACTICE_SUPERVISOR: False,
			roles.ADMISSIONS_COMMITTEE: False,
		}
		for role, can_read in readers.items():
			user = USER_OF_ROLE[role]
			with self.subTest(role=role), self.set_user(user):
				self.assertEqual(bool(frappe.has_permission("Graduate", "read", graduate.name)), can_read)
				self.assertFalse(frappe.has_permission("Graduate", "write", graduate.name))

	def test_onload_tells_only_whether_personal_data_is_readable(self):
		graduate = make_graduate()
		for user, expected in ((SPECIALIST_USER, True), (TEACHER_USER, False)):
			with self.subTest(user=user), self.set_user(user):
				doc = frappe.get_doc("Graduate", graduate.name)
				doc.run_method("onload")
				self.assertEqual(doc.get_onload().get("can_read_personal_data"), expected)
				self.assertEqual(list(doc.get_onload()), ["can_read_personal_data"])
