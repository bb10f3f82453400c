# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from citi_employment.tests.records import (
	AGE,
	INTERNAL_FIELDS,
	CenterOnlyRecordChecks,
	make_internal_requirements,
	make_request,
)

DOCTYPE = "Vacancy Internal Requirements"


class TestVacancyInternalRequirements(CenterOnlyRecordChecks, FrappeTestCase):
	DOCTYPE = DOCTYPE

	def make_record(self):
		return make_internal_requirements(self.request.name, age_requirement=AGE)

	def setUp(self):
		self.request = make_request(age_requirement=None, gender_requirement=None)

	def test_named_after_its_request_and_one_per_request(self):
		doc = make_internal_requirements(self.request.name, age_requirement=AGE)
		self.assertEqual(doc.name, self.request.name)
		self.assertEqual(doc.gender_requirement, "Any")
		with self.assertRaises(frappe.DuplicateEntryError):
			make_internal_requirements(self.request.name, gender_requirement="Male")

	def test_no_version_history_is_kept(self):
		doc = make_internal_requirements(self.request.name, age_requirement=AGE)
		doc.age_requirement = "до 45 лет"
		# Tests skip versions by default (frappe.flags.in_test); ask for one as a real save would.
		doc.save(ignore_version=False)
		self.assertFalse(frappe.get_all("Version", filters={"ref_doctype": DOCTYPE, "docname": doc.name}))

	def test_wishes_stay_out_of_title_search_list_and_history(self):
		meta = frappe.get_meta(DOCTYPE)
		self.assertFalse(meta.track_changes)  # Version history would keep old values
		self.assertFalse(meta.title_field)
		self.assertFalse(meta.search_fields)
		for fieldname in INTERNAL_FIELDS:
			field = meta.get_field(fieldname)
			self.assertFalse(field.in_list_view or field.in_standard_filter or field.in_global_search)
			self.assertFalse(field.bold or field.in_preview)
		self.assertNotIn(DOCTYPE, [link.link_doctype for link in frappe.get_meta("Vacancy Request").links])

	def test_permission_rows_use_level_zero_only(self):
		for row in frappe.get_meta(DOCTYPE).permissions:
			self.assertEqual(row.permlevel, 0)
