# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Small things a new specialist met in the desk (issue 10, item 8)."""

import frappe
from frappe.tests.utils import FrappeTestCase

from citi_employment.tests.records import make_graduate, make_profession

LONG_PROFESSION = "Рабочий по комплексному обслуживанию и ремонту зданий, сооружений и прилегающих территорий"


class TestDeskDetails(FrappeTestCase):
	def test_a_graduate_needs_a_last_name(self):
		with self.assertRaises(frappe.MandatoryError):
			make_graduate(last_name="")
		self.assertTrue(frappe.get_meta("Graduate").get_field("last_name").reqd)

	def test_a_profession_keeps_its_full_name_and_changes_it_only_by_renaming(self):
		"""The name field stays on the form, read-only once saved: the framework keeps it equal to the record's
		name (autoname "field:"), so only Rename changes it, and changes both."""
		name = make_profession(LONG_PROFESSION)
		self.assertTrue(frappe.get_meta("Profession").get_field("profession_name").set_only_once)
		doc = frappe.get_doc("Profession", name)
		self.assertEqual(doc.profession_name, LONG_PROFESSION)
		doc.profession_name = "Рабочий по обслуживанию зданий"
		doc.save()
		self.assertEqual(frappe.db.get_value("Profession", name, "profession_name"), LONG_PROFESSION)

		renamed = frappe.rename_doc("Profession", name, "Рабочий по обслуживанию зданий")
		self.assertEqual(frappe.db.get_value("Profession", renamed, "profession_name"), renamed)

	def test_personal_data_keeps_its_link_to_the_graduate(self):
		field = frappe.get_meta("Graduate Personal Data").get_field("graduate")
		self.assertEqual((field.fieldtype, field.options, field.set_only_once), ("Link", "Graduate", 1))
