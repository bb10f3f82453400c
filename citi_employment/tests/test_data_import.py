# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Frappe's own Data Import loads employers and graduates from the sample XLSX files in docs/import."""

import json
from pathlib import Path

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.translate import get_user_lang

from citi_employment.tests.records import make_profession

SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "import"
EMPLOYER_INNS = ("4703000019", "7801000012", "500100732259", "7802000015", "4703000018")
GRADUATE_CERTIFICATES = ("470000012345", "470000012346", "470000011001", "470000012347")
GRADUATE_NAMES = ("Иванов", "Петрова", "Сидоров", "Ким", "Фёдоров")
PROFESSIONS = ("Повар", "Швея")


def import_file(doctype: str, filename: str):
	"""Upload the file and run the import the way the desk's «Start Import» button does."""
	file_doc = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"test-{filename}",
			"content": (SAMPLES / filename).read_bytes(),
			"is_private": 1,
		}
	).insert()
	data_import = frappe.get_doc(
		{
			"doctype": "Data Import",
			"reference_doctype": doctype,
			"import_type": "Insert New Records",
			"import_file": file_doc.file_url,
		}
	).insert()
	# The importer commits each good row and rolls back each bad one: the import record must exist first.
	frappe.db.commit()
	data_import.start_import()  # runs at once under tests (frappe.flags.in_test)
	data_import.reload()
	logs = frappe.get_all(
		"Data Import Log",
		filters={"data_import": data_import.name},
		fields=["success", "row_indexes", "messages", "docname"],
		order_by="log_index",
	)
	return data_import, logs


def delete_samples() -> None:
	"""The importer commits, so the class cleans up after itself instead of relying on rollback."""
	for name in frappe.get_all("Employer", filters={"inn": ("in", EMPLOYER_INNS)}, pluck="name"):
		frappe.delete_doc("Employer", name, force=True)
	for name in frappe.get_all(
		"Graduate",
		filters={"last_name": ("in", GRADUATE_NAMES), "group_code": ("like", "00.00 – ПП 0000%")},
		pluck="name",
	):
		frappe.delete_doc("Graduate", name, force=True)
	for name in frappe.get_all(
		"Data Import", filters={"reference_doctype": ("in", ("Employer", "Graduate"))}, pluck="name"
	):
		frappe.db.delete("Data Import Log", {"data_import": name})
		frappe.delete_doc("Data Import", name, force=True)
	for name in frappe.get_all("File", filters={"file_name": ("like", "test-%.xlsx")}, pluck="name"):
		frappe.delete_doc("File", name, force=True)
	frappe.db.commit()


class TestDataImport(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		delete_samples()
		cls.created_professions = [name for name in PROFESSIONS if not frappe.db.exists("Profession", name)]
		for profession in PROFESSIONS:
			make_profession(profession)
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		delete_samples()
		for name in cls.created_professions:
			frappe.delete_doc("Profession", name, force=True)
		frappe.db.commit()
		super().tearDownClass()

	def assert_bad_row_reported(self, logs, row_number: int, field_label: str):
		failed = [log for log in logs if not log.success]
		self.assertEqual(len(failed), 1)
		self.assertEqual(json.loads(failed[0].row_indexes), [row_number])
		messages = " ".join(
			frappe.parse_json(message).get("message", "") if isinstance(message, str) else str(message)
			for message in json.loads(failed[0].messages or "[]")
		)
		# Named in the importing user's language (the importer sets it; the app installs Russian as the default).
		self.assertIn(frappe._(field_label, lang=get_user_lang()), messages)

	def test_employers_import_keeps_good_rows_and_reports_the_bad_one(self):
		data_import, logs = import_file("Employer", "employers.xlsx")

		self.assertEqual(data_import.status, "Partial Success")
		self.assertEqual(sum(1 for log in logs if log.success), 4)
		# Row 6 of the sheet (the header is row 1) has an ИНН with a wrong check digit.
		self.assert_bad_row_reported(logs, 6, "INN")
		self.assertFalse(frappe.db.exists("Employer", {"inn": "4703000018"}))
		bakery = frappe.get_doc("Employer", {"inn": "4703000019"})
		self.assertEqual(bakery.phone, "+78137021122")
		self.assertEqual(bakery.status, "Active Partner")
		self.assertEqual(bakery.region, "Leningrad Oblast")
		self.assertEqual(bakery.quota_positions, 3)
		proprietor = frappe.get_doc("Employer", {"inn": "500100732259"})
		self.assertFalse(proprietor.kpp)

	def test_graduates_import_keeps_good_rows_and_reports_the_bad_one(self):
		data_import, logs = import_file("Graduate", "graduates.xlsx")

		self.assertEqual(data_import.status, "Partial Success")
		self.assertEqual(sum(1 for log in logs if log.success), 4)
		# Row 6 has a phone number that is too short.
		self.assert_bad_row_reported(logs, 6, "Phone")
		petrova = frappe.get_doc("Graduate", {"certificate_number": "470000012346"})
		self.assertEqual(petrova.full_name, "Петрова Анна Сергеевна")
		self.assertEqual(str(petrova.date_of_birth), "2005-02-03")
		self.assertEqual(petrova.phone, "+79219876543")
		self.assertFalse(
			frappe.db.exists("Graduate", {"last_name": "Фёдоров", "group_code": "00.00 – ПП 00001"})
		)
