# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from citi_employment.write_guards.field_errors import InvalidFieldValueError


def profession(name: str, **values):
	return frappe.get_doc({"doctype": "Profession", "profession_name": name, **values})


class TestProfession(FrappeTestCase):
	def test_named_by_its_name(self):
		doc = profession("Test Profession Named").insert()
		self.assertEqual(doc.name, "Test Profession Named")

	def test_okpdtr_code_is_normalised(self):
		doc = profession("Test Profession Code", okpdtr_code=" 19 601 ").insert()
		self.assertEqual(doc.okpdtr_code, "19601")

	def test_okpdtr_code_without_five_digits_is_refused(self):
		for code in ("1960", "196011", "1960A"):
			with self.subTest(code=code), self.assertRaises(InvalidFieldValueError) as raised:
				profession(f"Test Profession {code}", okpdtr_code=code).insert()
			self.assertIn("OKPDTR Code", str(raised.exception))
			self.assertFalse(frappe.db.exists("Profession", f"Test Profession {code}"))

	def test_code_is_optional(self):
		doc = profession("Test Profession Without Code").insert()
		self.assertFalse(doc.okpdtr_code)

	def test_every_center_role_reads_professions_and_only_the_center_edits_them(self):
		meta = frappe.get_meta("Profession")
		writers = {row.role for row in meta.permissions if row.write}
		readers = {row.role for row in meta.permissions if row.read}
		self.assertEqual(writers, {"Employment Center Head", "Employment Specialist"})
		self.assertIn("Admissions Committee", readers)
		self.assertIn("Practice Supervisor", readers)
