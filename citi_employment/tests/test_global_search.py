# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""A registered contract is found by its journal number in the desk's search bar."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils.global_search import search as framework_search
from frappe.utils.global_search import sync_global_search

from citi_employment.search import global_search
from citi_employment.tests.records import (
	DIRECTOR_USER,
	SUPERVISOR_USER,
	approve,
	make_center_users,
	make_contract,
	make_employer,
)

CONTRACT = "Employer Contract"
COOPERATION = "Cooperation (Partnership)"
PRACTICE = "Practice"
SEARCH_METHOD = "frappe.utils.global_search.search"


def whitelisted(cmd: str):
	"""The function the server runs for ``/api/method/<cmd>``, after the apps' overrides (as frappe.handler)."""
	overrides = frappe.get_hooks("override_whitelisted_methods", {}).get(cmd, [])
	return frappe.get_attr(overrides[-1] if overrides else cmd)


def found(results, contract) -> bool:
	return any((row.doctype, row.name) == (CONTRACT, contract.name) for row in results)


class TestContractSearch(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		# As install and migrate leave Global Search Settings, whatever the site had before.
		global_search.add_app_doctypes()

	def setUp(self):
		frappe.set_user("Administrator")
		self.indexed = []

	def tearDown(self):
		frappe.set_user("Administrator")
		# The index is a MyISAM table: a test's rollback leaves its rows behind.
		for contract in self.indexed:
			frappe.db.delete("__global_search", {"doctype": CONTRACT, "name": contract.name})
		super().tearDown()

	def approved_contract(self, journal: str, valid_from: str):
		contract = approve(
			make_contract(journal, make_employer("Искомый работодатель"), valid_from=valid_from)
		)
		self.indexed.append(contract)
		# What the scheduler does every few minutes on a running site.
		sync_global_search()
		return contract

	def test_an_approved_contract_is_found_by_its_registration_number(self):
		contract = self.approved_contract(COOPERATION, "2032-01-01")
		self.assertRegex(contract.registration_number, r"^СП-\d{4}-\d{3}$")

		self.assertTrue(found(framework_search(contract.registration_number), contract))
		# The search bar calls the method by name, through the app's override, as the Director would.
		frappe.set_user(DIRECTOR_USER)
		self.assertTrue(
			found(whitelisted(SEARCH_METHOD)(text=contract.registration_number, limit=100), contract)
		)

	def test_the_search_bar_shows_no_contract_the_user_may_not_open(self):
		"""A Practice Supervisor opens practice contracts only, and finds only those."""
		cooperation = self.approved_contract(COOPERATION, "2032-02-01")
		practice = self.approved_contract(PRACTICE, "2032-02-01")

		frappe.set_user(SUPERVISOR_USER)
		search = whitelisted(SEARCH_METHOD)
		self.assertFalse(found(search(text=cooperation.registration_number, limit=100), cooperation))
		self.assertTrue(found(search(text=practice.registration_number, limit=100), practice))

	def test_the_list_filters_by_registration_number(self):
		field = frappe.get_meta(CONTRACT).get_field("registration_number")
		self.assertTrue(field.in_standard_filter)
		self.assertTrue(field.in_global_search)

	def test_install_lists_the_app_doctypes_once_and_uninstall_takes_them_out(self):
		listed = frappe.get_all("Global Search DocType", pluck="document_type")
		self.assertIn(CONTRACT, listed)
		global_search.add_app_doctypes()
		self.assertEqual(frappe.get_all("Global Search DocType", pluck="document_type").count(CONTRACT), 1)

		global_search.remove_app_doctypes([CONTRACT, "Employer"])
		listed = frappe.get_all("Global Search DocType", pluck="document_type")
		self.assertNotIn(CONTRACT, listed)
		self.assertNotIn("Employer", listed)
		global_search.add_app_doctypes()  # FrappeTestCase rolls back only after the last test of the class
