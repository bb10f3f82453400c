# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""The shared print template (templates/print/citi_forms.html) and the Personal Data Destruction Act print."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate
from markupsafe import escape

from citi_employment.domain.paper_forms import CONSENT_ADULT_FORM, CONSENT_MINOR_FORM, DESTRUCTION_ACT_FORM
from citi_employment.personal_data.consents import revoke
from citi_employment.personal_data.destruction import INFORMATION_SYSTEM, destroy
from citi_employment.tests.records import (
	ADMISSIONS_USER,
	DIRECTOR_USER,
	HEAD_USER,
	SPECIALIST_USER,
	TEACHER_USER,
	ensure_categories,
	make_center_users,
	make_consent,
	make_graduate,
	make_personal_data,
	make_resume,
)

ACT = "Personal Data Destruction Act"
CONSENT = "Personal Data Consent"
SURNAME = "Актов"


def form_body(html: str) -> str:
	"""The rendered form: the shared `form` macro prints it on one line after its opening tag."""
	return html.split('<div class="ce-form">', 1)[1].split("\n", 1)[0]


class TestPrintFormats(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_categories()
		make_center_users()
		graduate = make_graduate(last_name=SURNAME)
		make_personal_data(graduate.name)
		make_resume(graduate.name)
		consent = make_consent(graduate, signed_on=add_days(getdate(), -10))
		revoke(consent.name, str(getdate()))
		frappe.set_user(HEAD_USER)
		try:
			cls.act = destroy(consent.name, confirm_early=1)
		finally:
			frappe.set_user("Administrator")

	def tearDown(self):
		frappe.set_user("Administrator")

	def print_act(self) -> str:
		frappe.local.jenv = None
		return frappe.get_print(ACT, self.act, print_format=DESTRUCTION_ACT_FORM)

	def test_act_holds_what_order_179_requires(self):
		frappe.set_user(HEAD_USER)
		html = self.print_act()
		body = form_body(html)
		settings = frappe.get_single("Employment Center Settings")
		act = frappe.get_doc(ACT, self.act)
		self.assertIn("АКТ № " + self.act, body)
		self.assertIn("об уничтожении персональных данных", body)
		# Operator and address, subject, system, reason, way, date, performers, categories, event log.
		self.assertIn(escape(settings.institution_full_name), body)
		self.assertIn("Адрес оператора:", body)
		self.assertIn(f"{SURNAME} Пётр Олегович", body)
		self.assertIn(escape(INFORMATION_SYSTEM), body)
		self.assertIn("ч. 5 ст. 21", body)
		self.assertIn("Способ уничтожения:", body)
		self.assertIn("Дата уничтожения:", body)
		self.assertIn("(должность)", body)
		self.assertIn("(подпись)", body)
		self.assertIn(escape(act.performed_by_name), body)
		for row in act.categories:
			self.assertIn(escape(row.category), body)
		self.assertIn("Выгрузка из журнала регистрации событий", body)
		self.assertIn("Уничтожение завершено", body)
		self.assertNotIn("{{", html)  # nothing undefined printed its own name

	def test_act_names_the_destroyed_records_in_russian_whatever_the_users_language(self):
		"""The act is a Russian document: a Head who works in English prints the same act."""
		frappe.set_user(HEAD_USER)
		language = frappe.local.lang
		frappe.local.lang = "en"
		try:
			body = form_body(self.print_act())
		finally:
			frappe.local.lang = language
		self.assertIn("Уничтоженные записи", body)
		self.assertIn("Резюме обучающегося", body)
		self.assertNotIn("Student Resume", body)

	def test_act_printed_only_by_the_head(self):
		"""The Head, who destroys the data and signs the act (Roskomnadzor order №179: the act bears the signature
		of who destroyed the data; citi_employment/personal_data/destruction.py lets only the Head destroy), holds
		the print right. A Specialist reads the act but may not print it: this pinned before that every reader
		printed it, which v15 allowed; a print takes the print right now (permission_table.py,
		citi_employment/paper_forms/access.py guard_print)."""
		frappe.set_user(HEAD_USER)
		self.assertIn(SURNAME, self.print_act())
		frappe.set_user(SPECIALIST_USER)
		self.assertTrue(frappe.has_permission(ACT, "read", doc=self.act))
		with self.assertRaises(frappe.PermissionError):
			self.print_act()
		for user in (DIRECTOR_USER, TEACHER_USER):
			frappe.set_user(user)
			with self.assertRaises((frappe.PermissionError, frappe.DoesNotExistError)):
				self.print_act()

	def test_forms_use_the_shared_template_and_print_single_spaces(self):
		"""wkhtmltopdf stretched letters («д а н н ы х») where a justified line held the template's
		newline and indentation; the shared `form` macro leaves one space between words."""
		graduate = make_graduate(minor=True, last_name="Пробелов")
		consent = make_consent(graduate)
		frappe.local.jenv = None
		for print_format in (CONSENT_MINOR_FORM, CONSENT_ADULT_FORM):
			html = frappe.get_print(CONSENT, consent.name, print_format=print_format)
			body = form_body(html)
			self.assertIn("(расшифровка подписи)", body)
			self.assertIn(
				"персональных данных несовершеннолетнего"
				if print_format == CONSENT_MINOR_FORM
				else "СОГЛАСИЕ",
				body,
			)
			for run in ("\t", "\n", "  "):
				self.assertNotIn(run, body)
			# The shared stylesheet, once.
			self.assertEqual(html.count('font-family: "Times New Roman"'), 1)
			self.assertNotIn("{{", html)

	def test_jinja_helpers_read_a_graduate_only_for_users_who_may(self):
		from citi_employment.graduates.printing import citi_declined_name, citi_signature_name
		from citi_employment.personal_data.printing import citi_consent_print

		graduate = make_graduate(last_name="Печатнов", first_name="Иван", patronymic="Иванович")
		consent = make_consent(graduate, signed_on=add_days(getdate(), -1))
		with self.set_user(SPECIALIST_USER):
			self.assertEqual(citi_declined_name(graduate.name), "Печатнова Ивана Ивановича")
			self.assertEqual(citi_signature_name(graduate.name), "И.И. Печатнов")
			self.assertTrue(citi_consent_print(consent.name))
		# Any template may call these methods; a user who cannot read the graduate gets blanks, no error.
		with self.set_user(ADMISSIONS_USER):
			self.assertEqual(citi_declined_name(graduate.name), "")
			self.assertEqual(citi_signature_name(graduate.name), "")
			self.assertEqual(citi_consent_print(consent.name), {})
			self.assertEqual(citi_declined_name("GRAD-0000-00000"), "")
