# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""The desk speaks Russian out of the box: the compiled catalogue, the site's regional defaults, the words."""

import csv
import tempfile
from pathlib import Path
from unittest.mock import patch

import frappe
from babel.messages.mofile import read_mo
from frappe.gettext.translate import get_mo_path
from frappe.tests.utils import FrappeTestCase
from frappe.translate import clear_cache as clear_translation_cache

from citi_employment import install
from citi_employment.tests.records import make_contract, make_employer

APP = "citi_employment"
SYSTEM_SETTINGS = "System Settings"


def framework_russian() -> dict[str, str]:
	"""The framework's own Russian (its v15 catalogue is the legacy CSV; its ru.po has empty msgstrs)."""
	path = Path(frappe.get_app_path("frappe", "translations", "ru.csv"))
	with path.open(encoding="utf-8") as rows:
		# A third column is a context; the headings here have none.
		return {row[0]: row[1] for row in csv.reader(rows) if len(row) >= 2 and not (row[2:] and row[2])}


def compiled(locale_dir: Path) -> dict[str, str]:
	with (locale_dir / "ru" / "LC_MESSAGES" / f"{APP}.mo").open("rb") as mo:
		return {message.id: message.string for message in read_mo(mo) if message.id}


class TestRussianCatalogue(FrappeTestCase):
	def test_install_compiles_the_catalogue_the_desk_reads(self):
		with tempfile.TemporaryDirectory() as locale_dir:
			# As on a bench that never built the app: no catalogue until install makes it.
			with patch("frappe.gettext.translate.get_locale_dir", return_value=Path(locale_dir)):
				install.after_install()
			self.assertEqual(compiled(Path(locale_dir))["Graduate Name"], "ФИО выпускника")

	def test_migrate_replaces_a_stale_catalogue(self):
		with tempfile.TemporaryDirectory() as locale_dir:
			stale = Path(locale_dir) / "ru" / "LC_MESSAGES" / f"{APP}.mo"
			stale.parent.mkdir(parents=True)
			stale.write_bytes(b"not a catalogue")
			with patch("frappe.gettext.translate.get_locale_dir", return_value=Path(locale_dir)):
				install.after_migrate()
			self.assertEqual(compiled(Path(locale_dir))["Employer Contract"], "Договор с работодателем")
			self.assertEqual(sorted(path.name for path in stale.parent.iterdir()), [f"{APP}.mo"])

	def test_a_label_comes_out_in_russian_after_migrate(self):
		install.after_migrate()
		self.assertTrue(get_mo_path(APP, "ru").is_file())
		self.assertEqual(frappe._("Graduate Name", lang="ru"), "ФИО выпускника")
		self.assertEqual(frappe._("Registration Number", lang="ru"), "Регистрационный номер")

	def test_uninstall_removes_the_catalogue_only_from_a_bench_no_other_site_shares(self):
		with tempfile.TemporaryDirectory() as locale_dir:
			with patch("frappe.gettext.translate.get_locale_dir", return_value=Path(locale_dir)):
				(mo_path,) = install.compile_translations()
				with patch("frappe.utils.get_sites", return_value=[frappe.local.site, "other.localhost"]):
					self.assertEqual(install.delete_compiled_translations(), [])
				self.assertTrue(mo_path.exists())
				with patch("frappe.utils.get_sites", return_value=[frappe.local.site]):
					self.assertEqual(install.delete_compiled_translations(), [mo_path])
				self.assertFalse(mo_path.exists())
		clear_translation_cache()


class TestRegionalDefaults(FrappeTestCase):
	def setUp(self):
		self.saved = frappe.db.get_values_from_single(
			["language", "date_format", "time_zone", "first_day_of_the_week", "setup_complete"],
			None,
			SYSTEM_SETTINGS,
			as_dict=True,
		)[0]
		self.lang = frappe.local.lang

	def tearDown(self):
		settings = frappe.get_single(SYSTEM_SETTINGS)
		settings.update(self.saved)
		settings.flags.ignore_permissions = True
		settings.save()
		frappe.local.lang = self.lang
		frappe.local.user_date_format = None

	def set_settings(self, **values):
		for fieldname, value in values.items():
			frappe.db.set_single_value(SYSTEM_SETTINGS, fieldname, value)

	def test_a_site_nobody_set_up_gets_russian_and_russian_dates(self):
		self.set_settings(language="", date_format="yyyy-mm-dd", time_zone="", setup_complete=0)
		install.set_russian_regional_defaults()
		self.assertEqual(frappe.db.get_single_value(SYSTEM_SETTINGS, "language"), "ru")
		self.assertEqual(frappe.db.get_default("lang"), "ru")
		self.assertEqual(frappe.db.get_default("date_format"), "dd.mm.yyyy")
		self.assertEqual(frappe.db.get_single_value(SYSTEM_SETTINGS, "time_zone"), "Europe/Moscow")

	def test_an_explicit_choice_stands(self):
		self.set_settings(
			language="en", date_format="mm-dd-yyyy", time_zone="Asia/Yekaterinburg", setup_complete=1
		)
		install.set_russian_regional_defaults()
		values = frappe.db.get_values_from_single(
			["language", "date_format", "time_zone"], None, SYSTEM_SETTINGS, as_dict=True
		)[0]
		self.assertEqual(
			(values.language, values.date_format, values.time_zone),
			("en", "mm-dd-yyyy", "Asia/Yekaterinburg"),
		)

	def test_dates_in_messages_follow_the_date_format(self):
		frappe.db.set_default("date_format", "dd.mm.yyyy")
		frappe.local.user_date_format = None
		with self.assertRaises(frappe.exceptions.InvalidDates) as raised:
			make_contract(
				"Cooperation (Partnership)",
				make_employer("Датированный"),
				valid_from="2026-12-01",
				valid_to="2026-06-30",
			)
		self.assertIn("30.06.2026", str(raised.exception))
		self.assertIn("01.12.2026", str(raised.exception))
		self.assertNotIn("2026-06-30", str(raised.exception))


class TestWords(FrappeTestCase):
	def test_a_person_is_named_by_fio_and_an_organisation_by_its_full_name(self):
		for doctype, fieldname in (
			("Graduate", "full_name"),
			("Student Resume", "full_name"),
			("Legal Representative", "full_name"),
		):
			label = frappe.get_meta(doctype).get_label(fieldname)
			self.assertTrue(frappe._(label, lang="ru").startswith("ФИО"), f"{doctype}.{fieldname}")
		for doctype, fieldname in (("Employer", "full_name"), ("Vacancy Request", "employer_full_name")):
			label = frappe.get_meta(doctype).get_label(fieldname)
			self.assertTrue(
				frappe._(label, lang="ru").startswith("Полное наименование"), f"{doctype}.{fieldname}"
			)

	def test_framework_headings_keep_the_framework_russian(self):
		"""The app's catalogue gives these framework msgids no other meaning (the activity heading of every form,
		a user's full name)."""
		install.compile_translations()
		framework = framework_russian()
		for msgid in ("Activity", "Full Name"):
			self.assertEqual(frappe._(msgid, lang="ru"), framework[msgid], msgid)
		self.assertEqual(frappe._("Type of Activity", lang="ru"), "Вид деятельности")

	def test_framework_strings_on_the_app_screens_are_russian(self):
		install.compile_translations()
		for msgid in (
			"Connections",
			"List View",
			"Primary Email",
			"This form is not editable due to a Workflow.",
		):
			self.assertNotEqual(frappe._(msgid, lang="ru"), msgid)
