# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Issue 10: a document's print view opens on its paper form, named as on paper; Standard stays available.

The print view, the PDF button and a print with no format named all ask the framework for the DocType's
default (``printview.get_print_format_doc(None, meta)``), which is what these tests ask too.
"""

import re

import frappe
from frappe.custom.doctype.property_setter.property_setter import make_property_setter
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate
from frappe.www import printview

from citi_employment.domain import paper_forms
from citi_employment.patches.v0_1 import russian_print_format_names as patch
from citi_employment.personal_data.consents import revoke
from citi_employment.personal_data.destruction import destroy
from citi_employment.personal_data.sharing import SHAREABLE_DOCUMENTS
from citi_employment.tests.records import (
	HEAD_USER,
	ensure_categories,
	make_annual_report,
	make_application,
	make_center_users,
	make_consent,
	make_graduate,
	make_request,
	make_resume,
	make_work_plan,
)

APP_MODULE = "Citi Employment"
PRINT_FORMAT = "Print Format"
CONSENT = "Personal Data Consent"
JOURNAL = "Targeted Vocational Training"
LATIN = re.compile("[A-Za-z]")


def form_body(html: str) -> str:
	"""The rendered paper form without the page around it (the shared `form` macro opens it)."""
	return html.split('<div class="ce-form">', 1)[1]


def make_recommendation(graduate: str) -> str:
	doc = frappe.get_doc({"doctype": "Mentor Recommendation", "graduate": graduate})
	return doc.insert(ignore_permissions=True).name


class TestDefaultPrintFormats(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_categories()
		make_center_users()
		graduate = make_graduate(last_name="Бланков")
		consent = make_consent(graduate, signed_on=add_days(getdate(), -10))
		revoke(consent.name, str(getdate()))
		frappe.set_user(HEAD_USER)
		try:
			act = destroy(consent.name, confirm_early=1)
		finally:
			frappe.set_user("Administrator")
		adult = make_graduate(last_name="Бланкова")
		minor = make_graduate(minor=True, last_name="Бланкин")
		cls.documents = {
			"Employment Assistance Application": make_application(adult.name).name,
			"Student Resume": make_resume(adult.name).name,
			"Vacancy Request": make_request().name,
			"Personal Data Consent": make_consent(adult).name,
			"Personal Data Destruction Act": act,
			"Contract Journal": JOURNAL,
			"Mentor Recommendation": make_recommendation(adult.name),
			"Work Plan": make_work_plan(2080).name,
			"Annual Report": make_annual_report(2080).name,
		}
		cls.consents = {
			paper_forms.CONSENT_ADULT_FORM: cls.documents[CONSENT],
			paper_forms.CONSENT_MINOR_FORM: make_consent(minor).name,
			paper_forms.CONSENT_DISSEMINATION_FORM: make_consent(adult, kind="Dissemination").name,
		}

	def setUp(self):
		frappe.local.jenv = None
		# The Head holds the print right to every one of these DocTypes; a Specialist not to the destruction
		# act, which the Head signs (a print takes the print right: citi_employment/paper_forms/access.py).
		frappe.set_user(HEAD_USER)

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_each_doctype_with_a_paper_form_defaults_to_it(self):
		self.assertEqual(set(paper_forms.DEFAULT_FORMS), set(self.documents))
		for doctype, name in paper_forms.DEFAULT_FORMS.items():
			with self.subTest(doctype=doctype):
				meta = frappe.get_meta(doctype)
				self.assertEqual(meta.default_print_format, name)
				format_doc = printview.get_print_format_doc(None, meta=meta)
				self.assertEqual(format_doc.name, name)
				self.assertEqual(format_doc.doc_type, doctype)
				self.assertEqual(format_doc.module, APP_MODULE)
				self.assertEqual(format_doc.standard, "Yes")
				self.assertFalse(format_doc.disabled)

	def test_a_print_with_no_format_named_is_the_paper_form_and_standard_stays_available(self):
		for doctype, name in self.documents.items():
			with self.subTest(doctype=doctype):
				default = frappe.get_print(doctype, name)
				self.assertEqual(default, frappe.get_print(doctype, name, paper_forms.DEFAULT_FORMS[doctype]))
				# The framework's layout of the fields, under the document's name.
				standard = frappe.get_print(doctype, name, "Standard")
				self.assertNotEqual(standard, default)
				self.assertIn(name, standard)

	def test_a_consent_opens_on_the_form_of_its_kind_and_signer(self):
		forms = list(self.consents)
		for form, consent in self.consents.items():
			with self.subTest(form=form):
				frappe.local.jenv = None
				body = form_body(frappe.get_print(CONSENT, consent))
				self.assertEqual(body, form_body(frappe.get_print(CONSENT, consent, form)))
				for other in forms:
					if other != form:
						self.assertNotEqual(body, form_body(frappe.get_print(CONSENT, consent, other)))

	def test_every_format_of_the_app_has_its_russian_paper_name(self):
		names = frappe.get_all(PRINT_FORMAT, filters={"module": APP_MODULE}, pluck="name")
		self.assertGreaterEqual(len(names), len(paper_forms.DEFAULT_FORMS) + 3)
		for name in names:
			self.assertIsNone(LATIN.search(name), name)
		for old in patch.RENAMES:
			self.assertFalse(frappe.db.exists(PRINT_FORMAT, old), old)

	def test_uninstall_removes_the_formats_by_their_module_whatever_their_names(self):
		"""``bench uninstall-app`` deletes every record linked to the app's Module Def, print formats included
		(v15 ``installer._delete_modules``); only that step is run here, the rest of uninstall is tested apart."""
		from frappe.installer import _delete_linked_documents, _get_module_linked_doctype_field_map

		self.assertEqual(_get_module_linked_doctype_field_map().get(PRINT_FORMAT), "module")
		frappe.set_user("Administrator")
		frappe.db.savepoint("paper_forms_uninstall")
		try:
			_delete_linked_documents(APP_MODULE, {PRINT_FORMAT: "module"}, dry_run=False)
			self.assertFalse(frappe.db.exists(PRINT_FORMAT, {"module": APP_MODULE}))
			for name in paper_forms.DEFAULT_FORMS.values():
				self.assertFalse(frappe.db.exists(PRINT_FORMAT, name), name)
		finally:
			frappe.db.rollback(save_point="paper_forms_uninstall")
			frappe.clear_cache()
		self.assertTrue(frappe.db.exists(PRINT_FORMAT, paper_forms.RESUME_FORM))

	def test_documents_go_to_an_employer_on_their_paper_forms(self):
		for doctype, print_format in SHAREABLE_DOCUMENTS.items():
			self.assertEqual(print_format, paper_forms.DEFAULT_FORMS[doctype], doctype)


class TestRussianPrintFormatNamesPatch(FrappeTestCase):
	"""A site installed before the rename: its formats carry the English names and are referenced by them."""

	OLD = "Student Resume Form"
	NEW = paper_forms.RESUME_FORM
	DOCTYPE = "Student Resume"

	def tearDown(self):
		frappe.db.rollback()
		frappe.clear_cache()

	def rename(self, old: str, new: str) -> None:
		frappe.rename_doc(PRINT_FORMAT, old, new, force=True, show_alert=False, rebuild_search=False)

	def make_old_site(self, renames: dict[str, str]) -> tuple[str, str]:
		"""The formats under their old names, a customised default and a notification that attaches the old
		resume format; returns the names of the Property Setter and the Notification."""
		for old, new in renames.items():
			self.rename(new, old)
		setter = make_property_setter(
			self.DOCTYPE, None, "default_print_format", self.OLD, "Data", for_doctype=True
		)
		notification = frappe.get_doc(
			{
				"doctype": "Notification",
				"name": "Резюме для проверки переименования",
				"subject": "Резюме",
				"document_type": self.DOCTYPE,
				"event": "New",
				"channel": "System Notification",
				"send_to_all_assignees": 1,
				"attach_print": 1,
				"print_format": self.OLD,
				"enabled": 0,
			}
		).insert(ignore_permissions=True)
		return setter.name, notification.name

	def test_renames_the_old_records_and_moves_the_references(self):
		shipped = {
			old: new
			for old, new in patch.RENAMES.items()
			if frappe.db.exists(PRINT_FORMAT, new) and not frappe.db.exists(PRINT_FORMAT, old)
		}
		self.assertGreaterEqual(len(shipped), 8)
		setter, notification = self.make_old_site(shipped)
		patch.execute()
		for old, new in shipped.items():
			self.assertFalse(frappe.db.exists(PRINT_FORMAT, old), old)
			self.assertEqual(frappe.db.get_value(PRINT_FORMAT, new, "module"), APP_MODULE)
		self.assertEqual(frappe.db.get_value("Property Setter", setter, "value"), self.NEW)
		self.assertEqual(frappe.db.get_value("Notification", notification, "print_format"), self.NEW)
		frappe.clear_cache(doctype=self.DOCTYPE)
		self.assertEqual(frappe.get_meta(self.DOCTYPE).default_print_format, self.NEW)

	def test_merges_into_a_record_the_sync_already_made(self):
		setter, notification = self.make_old_site({self.OLD: self.NEW})
		synced = frappe.copy_doc(frappe.get_doc(PRINT_FORMAT, self.OLD))
		synced.name = self.NEW
		# As the sync imports a format: its template is a file, which validate() would not see.
		synced.flags.ignore_validate = True
		synced.insert(ignore_permissions=True, set_name=self.NEW)
		patch.execute()
		self.assertFalse(frappe.db.exists(PRINT_FORMAT, self.OLD))
		self.assertEqual(frappe.db.count(PRINT_FORMAT, {"doc_type": self.DOCTYPE, "module": APP_MODULE}), 1)
		self.assertEqual(frappe.db.get_value("Property Setter", setter, "value"), self.NEW)
		self.assertEqual(frappe.db.get_value("Notification", notification, "print_format"), self.NEW)

	def test_leaves_a_format_of_another_module_alone(self):
		frappe.get_doc(
			{
				"doctype": PRINT_FORMAT,
				"name": self.OLD,
				"doc_type": self.DOCTYPE,
				"module": "Printing",
				"standard": "No",
				"custom_format": 1,
				"print_format_type": "Jinja",
				"html": "<p>{{ doc.name }}</p>",
			}
		).insert(ignore_permissions=True, set_name=self.OLD)
		patch.execute()
		self.assertEqual(frappe.db.get_value(PRINT_FORMAT, self.OLD, "module"), "Printing")
		self.assertEqual(frappe.db.get_value(PRINT_FORMAT, self.NEW, "module"), APP_MODULE)
