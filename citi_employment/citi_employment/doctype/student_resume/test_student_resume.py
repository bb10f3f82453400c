# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import io

import frappe
from frappe.tests.utils import FrappeTestCase
from pypdf import PdfReader

from citi_employment.citi_employment.doctype.student_resume.student_resume import ResumeRowOrderError
from citi_employment.domain.paper_forms import RESUME_FORM
from citi_employment.resumes.prefill import get_prefill
from citi_employment.tests.records import (
	DIRECTOR_USER,
	GRADUATE_DETAILS,
	SPECIALIST_USER,
	TEACHER_USER,
	make_center_users,
	make_graduate,
	make_profession,
	make_resume,
)
from citi_employment.write_guards.field_errors import InvalidFieldValueError


class TestStudentResume(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		cls.graduate = make_graduate(profession=make_profession(), **GRADUATE_DETAILS).name
		cls.institution = frappe.db.get_single_value("Employment Center Settings", "institution_short_name")

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_new_resume_is_prefilled_from_the_graduate(self):
		resume = make_resume(self.graduate, desired_position="Помощник повара")
		self.assertEqual(resume.full_name, "Иванов Иван Иванович")
		self.assertEqual(str(resume.date_of_birth), "2004-05-17")
		self.assertEqual(resume.marital_status, "Single")
		self.assertEqual(resume.phone, "+79111234567")
		self.assertIn("ул. Заводская", resume.address)
		self.assertEqual(len(resume.education), 1)
		row = resume.education[0]
		self.assertEqual(
			(row.institution, row.year_in, row.year_out, row.specialty),
			(self.institution, 2022, 2025, "Повар"),
		)
		self.assertRegex(resume.name, r"^RES-\d{4}-\d{5}$")

	def test_prefilled_values_stay_editable(self):
		resume = make_resume(self.graduate, phone="8 921 000-00-00", address="СПб, Невский пр., д. 1")
		self.assertEqual(resume.phone, "+79210000000")
		self.assertEqual(resume.address, "СПб, Невский пр., д. 1")

	def test_given_education_is_not_overwritten(self):
		resume = make_resume(
			self.graduate,
			education=[{"institution": "ГБОУ СОШ № 1", "year_in": 2011, "year_out": 2020, "specialty": ""}],
		)
		self.assertEqual([row.institution for row in resume.education], ["ГБОУ СОШ № 1"])

	def test_get_prefill_checks_permission(self):
		frappe.set_user(SPECIALIST_USER)
		self.assertEqual(get_prefill(self.graduate)["education"]["year_out"], 2025)
		frappe.set_user(TEACHER_USER)
		with self.assertRaises(frappe.PermissionError):
			get_prefill(self.graduate)

	def test_driving_licence_categories_are_normalised(self):
		resume = make_resume(self.graduate, driving_licence_categories="с, в")
		self.assertEqual(resume.driving_licence_categories, "B, C")
		with self.assertRaises(InvalidFieldValueError):
			make_resume(self.graduate, driving_licence_categories="B, Z")

	def test_rows_must_be_in_order(self):
		with self.assertRaises(ResumeRowOrderError) as raised:
			make_resume(
				self.graduate,
				education=[{"institution": "Школа", "year_in": 2020, "year_out": 2011}],
				work_experience=[
					{"organization": "ООО «Кафе»", "date_from": "2024-06-01", "date_to": "2024-08-31"},
					{"organization": "ООО «Столовая»", "date_from": "2025-06-01", "date_to": "2025-05-01"},
				],
			)
		messages = raised.exception.args[0]
		self.assertEqual(len(messages), 2)
		self.assertTrue(any("2" in message for message in messages))

	def test_permissions(self):
		self.assertTrue(frappe.has_permission("Student Resume", "create", user=SPECIALIST_USER))
		self.assertTrue(frappe.has_permission("Student Resume", "print", user=DIRECTOR_USER))
		self.assertFalse(frappe.has_permission("Student Resume", "write", user=DIRECTOR_USER))
		self.assertFalse(frappe.has_permission("Student Resume", "read", user=TEACHER_USER))

	def test_resume_prints_like_the_paper_form(self):
		resume = make_resume(
			self.graduate,
			desired_position="Помощник повара",
			pc_level="уверенный пользователь",
			foreign_language="английский (базовый)",
			driving_licence_categories="B",
			personal_qualities="Ответственный, аккуратный",
			expected_salary=45000,
			ready_from="2026-07-01",
			work_experience=[
				{
					"date_from": "2024-06-01",
					"date_to": "2024-08-31",
					"organization": "ООО «Кафе у дома»",
					"position": "Кухонный работник",
					"duties": "Подготовка овощей",
				}
			],
		)
		frappe.set_user(DIRECTOR_USER)
		pdf = frappe.get_print(resume.doctype, resume.name, RESUME_FORM, as_pdf=True)
		self.assertTrue(pdf.startswith(b"%PDF"))
		text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())
		for heading in (
			"Резюме обучающегося (трудоустраиваемого)",
			"Опыт работы",
			"Наименование организации",
			"Приема",
			"Увольнения",
			"Наименование учебного заведения",
			"Поступления",
			"Окончания",
			"Профессиональные навыки",
			"Дополнительная информация",
		):
			self.assertIn(heading, text)
		self.assertIn("Иванов Иван Иванович", text)
		self.assertIn("ООО «Кафе у дома»", text)
		self.assertIn("01.06.2024", text)
		self.assertIn(self.institution, text)
