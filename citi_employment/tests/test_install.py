# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils.fixtures import sync_fixtures

from citi_employment.install import SETTINGS_DOCTYPE, after_install, before_install, before_uninstall
from citi_employment.roles import CENTER_ROLES


class TestInstall(FrappeTestCase):
	def test_all_center_roles_exist_with_desk_access(self):
		roles = frappe.get_all(
			"Role", filters={"name": ("in", CENTER_ROLES)}, fields=["name", "desk_access", "disabled"]
		)
		self.assertCountEqual([role.name for role in roles], CENTER_ROLES)
		self.assertTrue(all(role.desk_access and not role.disabled for role in roles))

	def test_install_provides_a_default_address_template_in_russian_postal_order(self):
		template = frappe.get_doc("Address Template", {"is_default": 1})
		self.assertEqual(template.country, "Russian Federation")
		address = frappe.get_doc(
			{
				"doctype": "Address",
				"address_title": "Проба",
				"address_line1": "ул. Ленина, д. 1",
				"city": "г. Всеволожск",
				"state": "Ленинградская обл.",
				"pincode": "188640",
				"country": "Russian Federation",
			}
		)
		from frappe.contacts.doctype.address.address import get_address_display

		self.assertIn("188640, Ленинградская обл., г. Всеволожск", get_address_display(address.as_dict()))

	def test_install_is_idempotent_and_keeps_edited_settings(self):
		frappe.db.set_single_value(SETTINGS_DOCTYPE, "deputy_director_name", "А.Б. Васильева")
		role_count = frappe.db.count("Role")
		singles_rows = frappe.db.count("Singles", {"doctype": SETTINGS_DOCTYPE})

		for _run in range(2):
			after_install()
			sync_fixtures("citi_employment")

		self.assertEqual(frappe.db.count("Role"), role_count)
		self.assertEqual(frappe.db.count("Singles", {"doctype": SETTINGS_DOCTYPE}), singles_rows)
		self.assertEqual(
			frappe.db.get_single_value(SETTINGS_DOCTYPE, "deputy_director_name"), "А.Б. Васильева"
		)
		self.assertEqual(
			frappe.db.get_single_value(SETTINGS_DOCTYPE, "monitoring_checkpoints"), "1, 3, 6, 12, 24"
		)

	def test_uninstall_removes_roles_grants_settings_and_every_trace_of_app_documents(self):
		self.assertTrue(frappe.db.exists("Scheduled Job Type", {"method": ("like", "citi_employment.%")}))
		self.assertTrue(frappe.db.exists("Workflow", {"document_type": "Employer Contract"}))
		user = frappe.get_doc("User", "Administrator")
		user.add_roles(CENTER_ROLES[0])
		settings = frappe.get_single(SETTINGS_DOCTYPE)
		settings.add_comment("Comment", "a note that may quote personal data")
		attachment = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "uninstall-probe.txt",
				"content": b"probe",
				"attached_to_doctype": SETTINGS_DOCTYPE,
				"attached_to_name": SETTINGS_DOCTYPE,
			}
		).insert(ignore_permissions=True)
		frappe.get_doc(
			{"doctype": "Version", "ref_doctype": SETTINGS_DOCTYPE, "docname": SETTINGS_DOCTYPE, "data": "{}"}
		).insert(ignore_permissions=True)

		for counter in (
			"GRAD-2026-",
			"EMP-",
			"Employer Contract::Practice::2026",
			"XGRAD-2026-",
			"GRAD-2026-A-",
		):
			frappe.db.sql("INSERT IGNORE INTO `tabSeries` (`name`, `current`) VALUES (%s, 3)", (counter,))

		# As if "Teacher" had come from another app before the first install.
		frappe.defaults.set_global_default("citi_employment_preexisting_roles", '["Teacher"]')
		teacher_grants = frappe.db.count("Has Role", {"role": "Teacher"})

		frappe.db.savepoint("before_uninstall")
		try:
			before_uninstall()
			self.assertTrue(frappe.db.exists("Role", "Teacher"), "a role the site had before stays")
			self.assertEqual(frappe.db.count("Has Role", {"role": "Teacher"}), teacher_grants)
			self.assertIsNone(frappe.db.get_default("citi_employment_preexisting_roles"))
			counters = {name for (name,) in frappe.db.sql("SELECT `name` FROM `tabSeries`")}
			self.assertFalse({"GRAD-2026-", "EMP-", "Employer Contract::Practice::2026"} & counters)
			self.assertTrue({"XGRAD-2026-", "GRAD-2026-A-"} <= counters, "other apps' series are kept")
			created = [role for role in CENTER_ROLES if role != "Teacher"]
			self.assertFalse(frappe.db.exists("Role", {"name": ("in", created)}))
			self.assertFalse(frappe.db.exists("Has Role", {"role": ("in", created)}))
			self.assertFalse(frappe.db.exists("DocPerm", {"role": ("in", created)}))
			self.assertFalse(frappe.db.exists("Singles", {"doctype": SETTINGS_DOCTYPE}))
			self.assertFalse(
				frappe.db.exists("Scheduled Job Type", {"method": ("like", "citi_employment.%")})
			)
			self.assertFalse(frappe.db.exists("Workflow", {"document_type": "Employer Contract"}))
			for doctype, field in (
				("Version", "ref_doctype"),
				("Comment", "reference_doctype"),
				("File", "attached_to_doctype"),
			):
				self.assertFalse(frappe.db.exists(doctype, {field: SETTINGS_DOCTYPE}), doctype)
			self.assertFalse(frappe.db.exists("Deleted Document", {"deleted_name": attachment.name}))
		finally:
			frappe.db.rollback(save_point="before_uninstall")
			frappe.clear_cache()
		frappe.defaults.clear_default(key="citi_employment_preexisting_roles")
		self.assertTrue(frappe.db.exists("Role", CENTER_ROLES[0]))

	def test_first_install_remembers_the_roles_the_site_already_had(self):
		frappe.defaults.clear_default(key="citi_employment_preexisting_roles")
		frappe.db.savepoint("remember_roles")
		try:
			frappe.db.delete("Role", {"name": ("in", [role for role in CENTER_ROLES if role != "Teacher"])})
			before_install()
			self.assertEqual(frappe.db.get_default("citi_employment_preexisting_roles"), '["Teacher"]')
			before_install()  # a reinstall keeps what the first install saw
			self.assertEqual(frappe.db.get_default("citi_employment_preexisting_roles"), '["Teacher"]')
		finally:
			frappe.db.rollback(save_point="remember_roles")
			frappe.defaults.clear_default(key="citi_employment_preexisting_roles")
			frappe.clear_cache()
