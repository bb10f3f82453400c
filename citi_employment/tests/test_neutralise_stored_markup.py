# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""The patch that defuses markup stored before the guard refused it (patches/v0_1/neutralise_stored_markup)."""

import json

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import escape_html

from citi_employment.patches.v0_1 import neutralise_stored_markup
from citi_employment.tests.records import (
	DIRECTOR_USER,
	make_center_users,
	make_employer,
	make_graduate,
	make_request,
)
from citi_employment.write_guards.markup import MarkupInValueError

PAYLOAD = "<img src=x onerror=alert(document.domain)>"
WRAPPED_PAYLOAD = json.dumps(PAYLOAD)
BENIGN = "опыт <5 лет, зарплата > 30000"
ENTITY_ONLY = "&lt;b&gt;срочно&lt;/b&gt;"
SETTINGS = "Employment Center Settings"


def modified(doctype: str, name: str):
	return frappe.db.get_value(doctype, name, "modified")


def versions(doctype: str, name: str) -> int:
	return frappe.db.count("Version", {"ref_doctype": doctype, "docname": name})


class TestNeutraliseStoredMarkup(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()

	def setUp(self):
		# Stored the way the hole let it in: past the guard, straight into the columns.
		self.request = make_request(age_requirement=None, gender_requirement=None)
		frappe.db.set_value(
			"Vacancy Request",
			self.request.name,
			{"position": WRAPPED_PAYLOAD, "department": BENIGN, "work_address": ENTITY_ONLY},
			update_modified=False,
		)
		self.employer = make_employer("ООО «Старые данные»", website="https://old.invalid")
		frappe.db.set_value(
			"Employer", self.employer, "website", "javascript:alert(document.domain)", update_modified=False
		)
		self.graduate = make_graduate(minor=True)
		self.row = self.graduate.legal_representatives[0].name
		frappe.db.set_value("Legal Representative", self.row, "address", PAYLOAD, update_modified=False)
		frappe.db.set_single_value(SETTINGS, "institution_city", PAYLOAD, update_modified=False)
		self.stamps = {
			("Vacancy Request", self.request.name): modified("Vacancy Request", self.request.name),
			("Employer", self.employer): modified("Employer", self.employer),
			("Graduate", self.graduate.name): modified("Graduate", self.graduate.name),
		}
		self.history = {key: versions(*key) for key in self.stamps}

	def tearDown(self):
		frappe.set_user("Administrator")

	def stored(self, doctype: str, name: str, fieldname: str):
		return frappe.db.get_value(doctype, name, fieldname)

	def test_markup_is_escaped_a_script_address_emptied_and_plain_text_left_alone(self):
		neutralise_stored_markup.execute()

		self.assertEqual(
			self.stored("Vacancy Request", self.request.name, "position"), escape_html(WRAPPED_PAYLOAD)
		)
		self.assertEqual(self.stored("Vacancy Request", self.request.name, "department"), BENIGN)
		self.assertEqual(self.stored("Vacancy Request", self.request.name, "work_address"), ENTITY_ONLY)
		self.assertIsNone(self.stored("Employer", self.employer, "website"))
		self.assertEqual(self.stored("Legal Representative", self.row, "address"), escape_html(PAYLOAD))
		self.assertEqual(frappe.db.get_single_value(SETTINGS, "institution_city"), escape_html(PAYLOAD))

	def test_no_timestamp_or_version_records_the_repair(self):
		neutralise_stored_markup.execute()

		for (doctype, name), stamp in self.stamps.items():
			self.assertEqual(modified(doctype, name), stamp, doctype)
			self.assertEqual(versions(doctype, name), self.history[(doctype, name)], doctype)

	def test_running_twice_changes_nothing_more(self):
		neutralise_stored_markup.execute()
		once = self.stored("Vacancy Request", self.request.name, "position")
		neutralise_stored_markup.execute()
		self.assertEqual(self.stored("Vacancy Request", self.request.name, "position"), once)

	def test_the_directors_standard_print_no_longer_carries_the_tag(self):
		frappe.set_user(DIRECTOR_USER)
		before = frappe.get_print("Vacancy Request", self.request.name, "Standard")
		frappe.set_user("Administrator")
		self.assertIn("<img src=x", before, "the stored hole, as the issue found it")

		neutralise_stored_markup.execute()

		frappe.set_user(DIRECTOR_USER)
		after = frappe.get_print("Vacancy Request", self.request.name, "Standard")
		self.assertNotIn("<img", after.lower())
		self.assertIn(BENIGN, after)

	def test_a_neutralised_value_kept_as_is_does_not_block_the_record(self):
		"""The guard accepts the patch's escaped text while nobody changes it, and refuses it when sent anew."""
		neutralise_stored_markup.execute()
		doc = frappe.get_doc("Vacancy Request", self.request.name)
		doc.reports_to = "Шеф-повар"
		doc.save()
		self.assertEqual(self.stored("Vacancy Request", self.request.name, "reports_to"), "Шеф-повар")

		other = make_request(age_requirement=None, gender_requirement=None)
		doc = frappe.get_doc("Vacancy Request", other.name)
		doc.position = escape_html(WRAPPED_PAYLOAD)
		with self.assertRaises(MarkupInValueError):
			doc.save()
