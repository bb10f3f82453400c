# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import io

import frappe
from frappe.tests.utils import FrappeTestCase
from pypdf import PdfReader

from citi_employment.domain.paper_forms import APPLICATION_FORM
from citi_employment.tests.records import (
	DIRECTOR_USER,
	GRADUATE_DETAILS,
	PASSPORT,
	SPECIALIST_USER,
	make_application,
	make_center_users,
	make_graduate,
	make_personal_data,
	make_profession,
)

PRINT_FORMAT = APPLICATION_FORM
APPLIED_ON = "2026-03-05"


def pdf_text(doctype: str, name: str, print_format: str) -> tuple[bytes, str]:
	pdf = frappe.get_print(doctype, name, print_format, as_pdf=True)
	text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
	return pdf, " ".join(text.split())


class TestEmploymentAssistanceApplication(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		cls.graduate = make_graduate(profession=make_profession(), **GRADUATE_DETAILS).name
		make_personal_data(cls.graduate)

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_graduate_details_are_fetched(self):
		application = make_application(self.graduate, application_date=APPLIED_ON)
		self.assertEqual(application.graduate_name, "Иванов Иван Иванович")
		self.assertEqual(application.profession, "Повар")
		self.assertEqual(application.certificate_number, "470000012345")
		self.assertEqual(application.mobile_phone, "+79111234567")
		self.assertIn("ул. Ленина", application.registration_address)
		self.assertEqual(application.kind, "Assistance")
		self.assertRegex(application.name, r"^APP-\d{4}-\d{5}$")

	def test_status_follows_docstatus(self):
		application = make_application(self.graduate, application_date=APPLIED_ON)
		self.assertEqual(application.status, "Draft")
		application.submit()
		self.assertEqual(frappe.db.get_value(application.doctype, application.name, "status"), "Filed")
		application.cancel()
		self.assertEqual(frappe.db.get_value(application.doctype, application.name, "status"), "Cancelled")

	def test_status_cannot_be_forced(self):
		application = make_application(self.graduate, application_date=APPLIED_ON, status="Filed")
		self.assertEqual(application.status, "Draft")

	def test_support_period_must_not_end_before_it_starts(self):
		with self.assertRaises(frappe.exceptions.InvalidDates):
			make_application(
				self.graduate, application_date=APPLIED_ON, support_from="2026-04-01", support_to="2026-03-01"
			)
		application = make_application(
			self.graduate, application_date=APPLIED_ON, support_from="2026-04-01", support_to="2026-10-01"
		)
		self.assertEqual(str(application.support_to), "2026-10-01")

	def test_refusal_has_no_support_period(self):
		application = make_application(
			self.graduate,
			application_date=APPLIED_ON,
			kind="Refusal",
			support_from="2026-04-01",
			support_to="2026-10-01",
		)
		self.assertIsNone(application.support_from)
		self.assertIsNone(application.support_to)

	def test_director_reads_and_prints_but_cannot_submit(self):
		self.assertTrue(
			frappe.has_permission("Employment Assistance Application", "print", user=DIRECTOR_USER)
		)
		self.assertFalse(
			frappe.has_permission("Employment Assistance Application", "submit", user=DIRECTOR_USER)
		)
		self.assertTrue(
			frappe.has_permission("Employment Assistance Application", "submit", user=SPECIALIST_USER)
		)

	def test_application_prints_with_passport_only_for_personal_data_readers(self):
		application = make_application(
			self.graduate, application_date=APPLIED_ON, support_from="2026-04-01", support_to="2026-10-01"
		)
		application.submit()

		frappe.set_user(SPECIALIST_USER)
		pdf, text = pdf_text(application.doctype, application.name, PRINT_FORMAT)
		self.assertTrue(pdf.startswith(b"%PDF"))
		self.assertIn("ЗАЯВЛЕНИЕ", text)
		self.assertIn("о содействии в трудоустройстве", text)
		self.assertIn("от Иванова Ивана Ивановича", text)
		self.assertIn("И.Г. Дрозденко", text)
		self.assertIn("Повар", text)
		self.assertIn("« 05 » марта 2026 г.", text)
		self.assertIn(PASSPORT["passport_series"], text)
		self.assertIn(PASSPORT["passport_number"], text)
		self.assertIn("470-012", text)

		frappe.set_user(DIRECTOR_USER)
		pdf, text = pdf_text(application.doctype, application.name, PRINT_FORMAT)
		self.assertTrue(pdf.startswith(b"%PDF"))
		self.assertIn("о содействии в трудоустройстве", text)
		self.assertIn("паспорт серия", text)
		self.assertNotIn(PASSPORT["passport_series"], text)
		self.assertNotIn(PASSPORT["passport_number"], text)
		self.assertNotIn("470-012", text)
		self.assertIn("от Иванова Ивана Ивановича", text)

	def test_refusal_prints_its_own_heading(self):
		application = make_application(self.graduate, application_date=APPLIED_ON, kind="Refusal")
		application.submit()
		pdf, text = pdf_text(application.doctype, application.name, PRINT_FORMAT)
		self.assertTrue(pdf.startswith(b"%PDF"))
		self.assertIn("об отказе от содействия в трудоустройстве", text)
		self.assertNotIn("прошу предоставить", text)
