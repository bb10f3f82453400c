# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from citi_employment.tests.records import make_profession


class TestProfessiogram(FrappeTestCase):
	def test_named_from_the_series_and_filled_in_by_the_current_user(self):
		doc = frappe.get_doc(
			{
				"doctype": "Professiogram",
				"profession": make_profession(),
				"work_content": "Уборка помещений",
				"physical_load": "Работа стоя, перенос грузов до 5 кг",
			}
		).insert()
		self.assertRegex(doc.name, r"^PRG-\d{5}$")
		self.assertEqual(doc.prepared_by, frappe.session.user)
		self.assertEqual(str(doc.prepared_on), frappe.utils.today())

	def test_profession_is_required(self):
		doc = frappe.get_doc({"doctype": "Professiogram", "work_content": "Уборка помещений"})
		self.assertRaises(frappe.MandatoryError, doc.insert)

	def test_unknown_profession_is_refused(self):
		doc = frappe.get_doc({"doctype": "Professiogram", "profession": "No Such Profession"})
		self.assertRaises(frappe.LinkValidationError, doc.insert)
