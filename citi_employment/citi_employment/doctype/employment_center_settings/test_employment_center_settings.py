# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from citi_employment.install import SETTINGS_DOCTYPE
from citi_employment.write_guards.field_errors import InvalidFieldValueError


class TestEmploymentCenterSettings(FrappeTestCase):
	def setUp(self):
		# Each test edits the one settings record; undo it so the tests do not depend on their order.
		frappe.db.savepoint("settings_test")

	def tearDown(self):
		frappe.db.rollback(save_point="settings_test")
		frappe.clear_document_cache(SETTINGS_DOCTYPE, SETTINGS_DOCTYPE)

	def test_fresh_settings_carry_the_design_defaults(self):
		frappe.db.delete("Singles", {"doctype": SETTINGS_DOCTYPE})
		frappe.clear_document_cache(SETTINGS_DOCTYPE, SETTINGS_DOCTYPE)

		settings = frappe.get_single(SETTINGS_DOCTYPE)

		self.assertEqual(settings.monitoring_checkpoints, "1, 3, 6, 12, 24")
		self.assertEqual(settings.get_checkpoint_months(), (1, 3, 6, 12, 24))
		self.assertEqual(settings.contract_expiry_warning_days, 30)
		self.assertEqual(settings.publication_min_cell_size, 5)
		self.assertEqual(settings.revocation_destruction_days, 30)
		self.assertEqual(settings.director_name, "И.Г. Дрозденко")
		self.assertEqual(settings.institution_short_name, "ГАНПОУ ЛО «МЦ СиТИ»")

	def test_installed_site_has_the_defaults_stored(self):
		stored = frappe.db.get_singles_dict(SETTINGS_DOCTYPE)
		self.assertEqual(stored.get("monitoring_checkpoints"), "1, 3, 6, 12, 24")
		self.assertEqual(int(stored.get("revocation_destruction_days")), 30)

	def test_checkpoints_are_normalised(self):
		settings = frappe.get_single(SETTINGS_DOCTYPE)
		settings.monitoring_checkpoints = "1;3 ,6,12,  24, 36"
		settings.save()
		self.assertEqual(settings.monitoring_checkpoints, "1, 3, 6, 12, 24, 36")

	def test_each_invalid_field_is_reported_once_and_nothing_is_saved(self):
		settings = frappe.get_single(SETTINGS_DOCTYPE)
		settings.monitoring_checkpoints = "1, 6, 3"
		settings.revocation_destruction_days = 31
		settings.contract_expiry_warning_days = 0

		with self.assertRaises(InvalidFieldValueError) as raised:
			settings.save()

		messages = raised.exception.args[0]
		self.assertEqual(len(messages), 3)
		self.assertTrue(any("Monitoring Checkpoints" in message for message in messages))
		self.assertTrue(any("Destruction Deadline" in message for message in messages))
		self.assertEqual(frappe.db.get_single_value(SETTINGS_DOCTYPE, "revocation_destruction_days"), 30)

	def test_institution_identifiers_are_checked_as_an_organisation(self):
		settings = frappe.get_single(SETTINGS_DOCTYPE)
		settings.institution_inn = "500100732259"  # a valid ИНН, but of a person
		settings.institution_ogrn = "1027700132195"
		with self.assertRaises(InvalidFieldValueError) as raised:
			settings.save()
		self.assertEqual(len(raised.exception.args[0]), 1)
		self.assertIn("INN", raised.exception.args[0][0])
		self.assertNotIn("500100732259", raised.exception.args[0][0])

		settings = frappe.get_single(SETTINGS_DOCTYPE)
		settings.institution_inn = "7707 083893"
		settings.save()
		self.assertEqual(settings.institution_inn, "7707083893")

	def test_letters_in_checkpoints_are_refused(self):
		settings = frappe.get_single(SETTINGS_DOCTYPE)
		settings.monitoring_checkpoints = "1, three"
		self.assertRaises(InvalidFieldValueError, settings.save)
