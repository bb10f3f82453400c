# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from citi_employment.tests.records import CenterOnlyRecordChecks, make_graduate
from citi_employment.write_guards.field_errors import InvalidFieldValueError

DOCTYPE = "Graduate Personal Data"
# Valid: СНИЛС 112-233-445 95 (9+8+14+12+15+12+12+8+5 = 95), a 12-digit ИНН with both check digits right.
VALID_SNILS = "11223344595"
VALID_PERSONAL_INN = "500100732259"
BAD_SNILS = "112-233-445 96"
BAD_PASSPORT_NUMBER = "73194"


def personal_data(graduate: str, **values):
	return frappe.get_doc({"doctype": DOCTYPE, "graduate": graduate, **values})


class TestGraduatePersonalData(CenterOnlyRecordChecks, FrappeTestCase):
	DOCTYPE = DOCTYPE

	def make_record(self):
		return personal_data(self.graduate.name, snils=VALID_SNILS).insert()

	def setUp(self):
		self.graduate = make_graduate(last_name="Иванов", first_name="Иван", patronymic="Иванович")

	def test_named_after_the_graduate_with_the_name_as_title(self):
		doc = personal_data(self.graduate.name).insert()
		self.assertEqual(doc.name, self.graduate.name)
		self.assertEqual(doc.graduate_name, "Иванов Иван Иванович")
		self.assertEqual(doc.meta.title_field, "graduate_name")

	def test_one_record_per_graduate(self):
		personal_data(self.graduate.name).insert()
		self.assertRaises(frappe.DuplicateEntryError, personal_data(self.graduate.name).insert)

	def test_identifiers_are_normalised(self):
		doc = personal_data(
			self.graduate.name,
			passport_series="40 09",
			passport_number="731946",
			passport_division_code="780001",
			snils=VALID_SNILS,
			inn=VALID_PERSONAL_INN,
			ipra_number="  1234.5.78/2025 ",
		).insert()
		self.assertEqual(doc.passport_series, "4009")
		self.assertEqual(doc.passport_division_code, "780-001")
		self.assertEqual(doc.snils, "112-233-445 95")
		self.assertEqual(doc.inn, VALID_PERSONAL_INN)
		self.assertEqual(doc.ipra_number, "1234.5.78/2025")

	def test_each_invalid_field_is_named_once_without_its_value_and_nothing_is_saved(self):
		doc = personal_data(self.graduate.name, snils=BAD_SNILS, passport_number=BAD_PASSPORT_NUMBER)

		with self.assertRaises(InvalidFieldValueError) as raised:
			doc.insert()

		messages = raised.exception.args[0]
		self.assertEqual(len(messages), 2)
		self.assertTrue(any("SNILS" in message for message in messages))
		self.assertTrue(any("Passport Number" in message for message in messages))
		shown = str(messages) + str(frappe.local.message_log)
		for value in (BAD_SNILS, "11223344596", BAD_PASSPORT_NUMBER):
			self.assertNotIn(value, shown)
		self.assertFalse(frappe.db.exists(DOCTYPE, self.graduate.name))

	def test_organisation_inn_is_refused_for_a_person(self):
		doc = personal_data(self.graduate.name, inn="7707083893")
		with self.assertRaises(InvalidFieldValueError) as raised:
			doc.insert()
		self.assertIn("INN", str(raised.exception))
		self.assertNotIn("7707083893", str(raised.exception))

	def test_representative_passport_is_validated_like_the_graduate_passport(self):
		doc = personal_data(
			self.graduate.name,
			representative_documents=[
				{
					"representative_name": "Иванова Мария Петровна",
					"document_type": "Passport",
					"series": "4010",
					"number": "123456",
					"division_code": "470-001",
				},
				{
					"representative_name": "Иванов Пётр Сергеевич",
					"document_type": "Passport",
					"series": "40",
					"number": "654321",
				},
			],
		)
		with self.assertRaises(InvalidFieldValueError) as raised:
			doc.insert()
		messages = raised.exception.args[0]
		self.assertEqual(len(messages), 1)
		self.assertIn("Series", messages[0])
		self.assertIn("row 2", messages[0])

	def test_other_documents_keep_their_own_format(self):
		doc = personal_data(
			self.graduate.name,
			representative_documents=[
				{
					"representative_name": "Иванова Мария Петровна",
					"document_type": "Other",
					"series": "II-АК",
					"number": "  No 123 ",
				}
			],
		).insert()
		self.assertEqual(doc.representative_documents[0].series, "II-АК")
		self.assertEqual(doc.representative_documents[0].number, "No 123")

	def test_no_version_history_is_kept(self):
		doc = personal_data(self.graduate.name, snils=VALID_SNILS).insert()
		doc.passport_number = "731946"
		# Tests skip versions by default (frappe.flags.in_test); ask for one as a real save would.
		doc.save(ignore_version=False)
		self.assertFalse(frappe.get_all("Version", filters={"ref_doctype": DOCTYPE, "docname": doc.name}))
		self.graduate.certificate_number = "ПР-000001"
		self.graduate.save(ignore_version=False)
		self.assertTrue(
			frappe.get_all("Version", filters={"ref_doctype": "Graduate", "docname": self.graduate.name})
		)
