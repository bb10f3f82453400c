# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils.password import check_password

from citi_employment import setup_site
from citi_employment.roles import CENTER_ROLES

PASSWORD = "demo-Пароль-2026"


def fake_setup_complete(args):
	"""Stands in for the framework's wizard, which commits: what the test does must roll back."""
	frappe.db.set_single_value("System Settings", "setup_complete", 1)


class TestSiteSetup(FrappeTestCase):
	"""One setup of a site whose wizard was never run (a new site), shared by the tests: it makes 8 users."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		# The settings and users made here must not outlive the class, nor stay in the cache after the rollback
		# (cleanups run last in, first out: the rollback, then the cache).
		cls.addClassCleanup(frappe.clear_cache)
		cls.addClassCleanup(frappe.db.rollback)
		wizard = patch.object(setup_site, "setup_complete", side_effect=fake_setup_complete)
		cls.wizard = wizard.start()
		cls.addClassCleanup(wizard.stop)
		frappe.db.set_single_value("System Settings", "setup_complete", 0)
		frappe.db.set_single_value("System Settings", "date_format", "dd-mm-yyyy")
		cls.users_before = frappe.db.count("User")
		cls.logins = setup_site.setup_russian_institution(PASSWORD)

	def test_wizard_is_completed_once_with_a_russian_institutions_answers(self):
		self.wizard.assert_called_once()
		answers = self.wizard.call_args.args[0]
		self.assertEqual(answers["country"], "Russian Federation")
		self.assertEqual(answers["timezone"], "Europe/Moscow")
		self.assertEqual(answers["currency"], "RUB")
		self.assertEqual(frappe.db.get_value("Language", {"language_name": answers["language"]}), "ru")
		self.assertNotIn("email", answers)  # the wizard makes no user of its own
		self.assertTrue(frappe.db.get_single_value("System Settings", "setup_complete"))

	def test_regional_settings_and_site_defaults_are_russian(self):
		settings = frappe.get_single("System Settings")
		for fieldname, value in setup_site.REGIONAL_SETTINGS.items():
			self.assertEqual(settings.get(fieldname), value, fieldname)
		self.assertEqual(frappe.db.get_default("date_format"), "dd.mm.yyyy")
		self.assertEqual(frappe.db.get_default("lang"), "ru")
		self.assertEqual(frappe.db.get_default("currency"), "RUB")
		self.assertTrue(frappe.db.get_value("Currency", "RUB", "enabled"))

	def test_one_demo_user_per_center_role_signs_in_with_the_password(self):
		self.assertCountEqual([login["role"] for login in self.logins], CENTER_ROLES)
		self.assertEqual(frappe.db.count("User"), self.users_before + len(CENTER_ROLES))
		for login in self.logins:
			self.assertNotIn("password", login)
			user = frappe.get_doc("User", login["user"])
			self.assertTrue(user.enabled)
			self.assertEqual(user.user_type, "System User")
			self.assertEqual(user.language, "ru")
			roles = {row.role for row in user.roles}
			self.assertIn(login["role"], roles)
			self.assertNotIn("System Manager", roles)
			self.assertEqual(check_password(login["user"], PASSWORD), login["user"])

	def test_a_short_password_is_refused_before_anything_changes(self):
		calls = self.wizard.call_count
		users = frappe.db.count("User")

		with self.assertRaises(frappe.ValidationError):
			setup_site.setup_russian_institution("short")

		self.assertEqual(self.wizard.call_count, calls)
		self.assertEqual(frappe.db.count("User"), users)

	def test_second_run_reuses_the_site_and_its_users(self):
		"""After the password test (unittest runs them in name order): it changes the users' password."""
		second = setup_site.setup_russian_institution(PASSWORD + "-2")

		self.wizard.assert_called_once()  # the wizard, completed, is not run again
		self.assertEqual(second, self.logins)
		self.assertEqual(frappe.db.count("User"), self.users_before + len(CENTER_ROLES))
		for login in second:
			roles = [row.role for row in frappe.get_doc("User", login["user"]).roles]
			self.assertEqual(roles.count(login["role"]), 1)
			self.assertEqual(check_password(login["user"], PASSWORD + "-2"), login["user"])
