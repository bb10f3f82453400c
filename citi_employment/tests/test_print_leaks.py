# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Issue 8, hole 5 and its class: printing, and link titles, tell nobody what they may not read.

The requests are those of the security test: a made-up document sent to the print preview, a print format of
another DocType, a graduate's ID sent to the link-title lookup. Whitelisted methods are called the way
``/api/method/<name>`` runs them (through ``override_whitelisted_methods``), as the users of each role; the
last class makes the same requests over HTTP against the served site.

Issue 15: a print takes the print right of the document, not only its read right (paper_forms/access.py
``guard_print``); the cases of a reader who may not print are asserted here as refusals.
"""

import io
import json
import unittest
from pathlib import Path

import frappe
import requests
from frappe.tests.utils import FrappeTestCase
from frappe.utils import get_url
from jinja2 import nodes
from pypdf import PdfReader

from citi_employment.contracts.register import readable_graduates
from citi_employment.domain.paper_forms import RESUME_FORM
from citi_employment.graduates.printing import citi_graduate_gender
from citi_employment.paper_forms.access import PrintNotPermittedError, UnsavedDocumentPrintError
from citi_employment.personal_data.printing import citi_consent_print
from citi_employment.tests.records import (
	ADMISSIONS_USER,
	DIRECTOR_USER,
	HEAD_USER,
	SPECIALIST_USER,
	SUPERVISOR_USER,
	TEACHER_USER,
	ensure_categories,
	make_center_users,
	make_consent,
	make_contract,
	make_employer,
	make_graduate,
	make_resume,
	make_user,
)

SURNAME = "Утечкина"
FULL_NAME = "Утечкина Мария Ивановна"
OTHER_NAME = "Подменов Пётр Олегович"
PRACTICE = "Practice"
RESUME_FORMAT = RESUME_FORM
# The resume form words the marital status by the graduate's gender: «не замужем» tells a woman.
FEMALE_SINGLE = "не замужем"
APP_PACKAGE = Path(__file__).resolve().parents[1]


def call(method: str, **kwargs):
	"""Run a whitelisted method as ``/api/method/<method>`` does: the app's override, if any, else the method."""
	overrides = frappe.get_hooks("override_whitelisted_methods", {}).get(method, [])
	function = frappe.get_attr(overrides[-1] if overrides else method)
	frappe.is_whitelisted(function)
	return frappe.call(function, **kwargs)


def made_up_practice_contract(graduate: str, employer: str, **values) -> str:
	"""The JSON a user can send as ``doc``: a practice contract nobody saved, naming any graduate."""
	return json.dumps(
		{
			"doctype": "Employer Contract",
			"journal": PRACTICE,
			"employer": employer,
			"graduate": graduate,
			"subject": "Практика",
			"valid_from": "2031-01-01",
			**values,
		}
	)


class TestPrintLeaks(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_categories()
		make_center_users()
		cls.graduate = make_graduate(
			last_name=SURNAME,
			first_name="Мария",
			patronymic="Ивановна",
			gender="Female",
			marital_status="Single",
		).name
		cls.other_graduate = make_graduate(last_name="Подменов").name
		cls.employer = make_employer("ООО «Практика для печати»")
		cls.resume = make_resume(cls.graduate).name
		# A practice contract about no graduate, and one about the graduate.
		cls.practice = make_contract(PRACTICE, cls.employer, valid_from="2031-01-01").name
		cls.practice_of_graduate = make_contract(
			PRACTICE, cls.employer, valid_from="2032-01-01", graduate=cls.graduate
		).name

	def setUp(self):
		frappe.local.response = frappe._dict({"docs": []})
		frappe.local.jenv = None

	def tearDown(self):
		frappe.set_user("Administrator")

	def preview(self, doc: str, print_format: str, name: str | None = None) -> str:
		return call("frappe.www.printview.get_html_and_style", doc=doc, name=name, print_format=print_format)[
			"html"
		]

	# --- the hole: a made-up document in the print preview -------------------------------------------------

	def test_a_made_up_document_with_the_resume_format_tells_no_graduate_s_gender(self):
		"""Any role that reads some DocType could print it with «Резюме обучающегося», which looked up
		``Graduate.gender`` for whatever ``graduate`` the request named."""
		cases = (
			(ADMISSIONS_USER, {"doctype": "Vacancy Request", "kind": "Targeted Training"}),
			(SUPERVISOR_USER, json.loads(made_up_practice_contract(self.graduate, self.employer))),
		)
		for user, values in cases:
			with self.subTest(user=user), self.set_user(user):
				doc = json.dumps({**values, "graduate": self.graduate, "marital_status": "Single"})
				with self.assertRaises(frappe.PermissionError):
					html = self.preview(doc, RESUME_FORMAT)
					self.assertNotIn(FEMALE_SINGLE, html or "")

	def test_a_made_up_practice_contract_shows_no_graduate_s_name(self):
		"""It passed ``has_permission`` for a Practice Supervisor, and the Standard print showed the link title."""
		with self.set_user(SUPERVISOR_USER):
			with self.assertRaises(frappe.PermissionError):
				html = self.preview(made_up_practice_contract(self.graduate, self.employer), "Standard")
				self.assertNotIn(SURNAME, html or "")

	def test_an_unsaved_document_of_the_app_is_not_printed_even_for_its_readers(self):
		with self.set_user(SPECIALIST_USER):
			for print_format in ("Standard", RESUME_FORMAT):
				with self.subTest(print_format=print_format), self.assertRaises(frappe.PermissionError):
					self.preview(
						json.dumps({"doctype": "Student Resume", "graduate": self.graduate}), print_format
					)

	def test_a_saved_document_sent_as_json_prints_as_stored(self):
		"""The desk sends the form's document whole; what a request adds or changes in it is not printed."""
		sent = frappe.get_doc("Student Resume", self.resume).as_dict()
		sent.update(
			graduate=self.other_graduate, full_name=OTHER_NAME, desired_position="Подменённая должность"
		)
		with self.set_user(SPECIALIST_USER):
			html = self.preview(frappe.as_json(sent), RESUME_FORMAT)
		self.assertIn(FULL_NAME, html)
		self.assertIn("Помощник повара", html)
		self.assertNotIn("Подмен", html)

	# --- a print format made for another DocType -----------------------------------------------------------

	def test_a_print_format_of_another_doctype_is_refused_on_every_path(self):
		"""Tried by a Specialist, who may print the contract (a Practice Supervisor, who pinned this before, may
		print no contract now: see test_a_reader_without_the_print_right_prints_nothing)."""
		with self.set_user(SPECIALIST_USER):
			# The Specialist may print this contract, just not with the resume form.
			self.assertIn(self.practice, frappe.get_print("Employer Contract", self.practice, "Standard"))
			# The /printview page and e-mail attachments: the framework reports the format's own refusal as
			# an error in the print format.
			with self.assertRaises((frappe.PermissionError, frappe.PrintFormatError)):
				frappe.get_print("Employer Contract", self.practice, RESUME_FORMAT)
			with self.assertRaises(frappe.PermissionError):
				call(
					"frappe.utils.print_format.download_pdf",
					doctype="Employer Contract",
					name=self.practice,
					format=RESUME_FORMAT,
				)
			with self.assertRaises(frappe.PermissionError):
				self.preview("Employer Contract", RESUME_FORMAT, name=self.practice)
			with self.assertRaises(frappe.PermissionError):
				call(
					"frappe.www.printview.get_rendered_raw_commands",
					doc="Employer Contract",
					name=self.practice,
					print_format=RESUME_FORMAT,
				)
			with self.assertRaises(frappe.PermissionError):
				call(
					"frappe.utils.weasyprint.download_pdf",
					doctype="Employer Contract",
					name=self.practice,
					print_format=RESUME_FORMAT,
				)

	def test_the_pdf_entries_print_a_named_record_not_a_sent_one(self):
		"""By a Specialist, who may print the named contract: the sent document alone is what is refused."""
		with self.set_user(SPECIALIST_USER), self.assertRaises(UnsavedDocumentPrintError):
			call(
				"frappe.utils.print_format.download_pdf",
				doctype="Employer Contract",
				name=self.practice,
				format="Standard",
				doc=made_up_practice_contract(self.graduate, self.employer),
			)

	def test_every_print_format_of_the_app_checks_its_document_first_and_reads_nothing_raw(self):
		"""Templates read linked records through the permission-checked Jinja helpers only, never ``frappe.*``."""
		jenv = frappe.get_jenv()
		templates = [
			(path.name, path.read_text(encoding="utf-8"), None)
			for path in (APP_PACKAGE / "templates" / "print").glob("*.html")
		]
		for spec in (APP_PACKAGE / "citi_employment" / "print_format").glob("*/*.json"):
			print_format = json.loads(spec.read_text(encoding="utf-8"))
			html = spec.with_suffix(".html")  # the framework's choice: the file, else the JSON's "html"
			source = html.read_text(encoding="utf-8") if html.exists() else print_format.get("html") or ""
			templates.append((spec.name, source, print_format["doc_type"]))
		self.assertGreater(len(templates), 8)
		for name, source, doc_type in templates:
			with self.subTest(template=name):
				tree = jenv.parse(source)
				raw = [node for node in tree.find_all(nodes.Name) if node.name == "frappe"]
				self.assertEqual(raw, [], "the template reads through frappe.* itself")
				if doc_type:
					first_call = next(tree.find_all(nodes.Call), None)
					self.assertIsNotNone(first_call, "the document is checked first")
					self.assertEqual(
						first_call.node.name, "citi_check_print", "the document is checked first"
					)
					self.assertEqual(first_call.args[1].value, doc_type)

	# --- the print right: a reader prints nothing without it ------------------------------------------------

	def print_paths(self, doctype: str, name: str) -> dict:
		"""Every way the desk and the API print a stored record, each a call to make."""
		return {
			"get_print": lambda: frappe.get_print(doctype, name, "Standard"),
			"get_print as PDF": lambda: frappe.get_print(doctype, name, "Standard", as_pdf=True),
			"download_pdf": lambda: call(
				"frappe.utils.print_format.download_pdf", doctype=doctype, name=name, format="Standard"
			),
			"get_html_and_style": lambda: self.preview(doctype, "Standard", name=name),
		}

	def test_a_reader_without_the_print_right_prints_nothing(self):
		"""Frappe v15 prints for whoever may read (frappe/www/printview.py validate_print_permission); the app
		asks for the document's print right (paper_forms/access.py guard_print: a role has only what
		its row grants). This denial replaces what this module pinned before: that a Practice Supervisor, who
		reads practice contracts, prints one. The table (tests/permission_table.py) gives the Practice
		Supervisor the print of the Practice journal's register book (Contract Journal), not of a contract.
		The refusal names the DocType and no value of the record."""
		consent = make_consent(self.graduate).name
		employer_doc = frappe.get_doc("Employer", self.employer)
		cases = (
			(SUPERVISOR_USER, "Employer Contract", self.practice, ("ООО «Практика для печати»",)),
			(SUPERVISOR_USER, "Employer", self.employer, (employer_doc.full_name,)),
			(DIRECTOR_USER, "Personal Data Consent", consent, (SURNAME,)),
			(TEACHER_USER, "Graduate", self.graduate, (SURNAME,)),
		)
		for user, doctype, name, values in cases:
			with self.set_user(user):
				self.assertTrue(frappe.has_permission(doctype, "read", doc=name), (user, doctype))
				self.assertFalse(frappe.has_permission(doctype, "print", doc=name), (user, doctype))
				for path, make_print in self.print_paths(doctype, name).items():
					with self.subTest(user=user, doctype=doctype, path=path):
						frappe.clear_messages()
						with self.assertRaises(PrintNotPermittedError) as refused:
							make_print()
						said = f"{refused.exception} {frappe.as_json(frappe.local.message_log)}"
						for value in (*values, name):
							self.assertNotIn(value, said)
				# The multi-document PDF skips a document it cannot print: it comes out without a page.
				frappe.local.response = frappe._dict({"docs": []})
				call(
					"frappe.utils.print_format.download_multi_pdf",
					doctype={doctype: [name]},
					name="print",
					format="Standard",
				)
				self.assertEqual(len(PdfReader(io.BytesIO(frappe.local.response.filecontent)).pages), 0)
		# A reader who holds the print right still prints (the Head, the same records).
		with self.set_user(HEAD_USER):
			for _user, doctype, name, values in cases:
				with self.subTest(printer=HEAD_USER, doctype=doctype):
					self.assertIn(values[0], frappe.get_print(doctype, name, "Standard"))

	def test_no_role_may_mail_a_print_it_may_not_print(self):
		"""``frappe.attach_print`` (a Communication's print, the Workflow Action mail) skips the print check, as
		the framework does: it is gated by the ``email`` right, which no role holds without ``print``."""
		for spec in (APP_PACKAGE / "citi_employment" / "doctype").glob("*/*.json"):
			meta = json.loads(spec.read_text(encoding="utf-8"))
			if meta.get("doctype") != "DocType" or spec.stem != spec.parent.name:
				continue
			for row in meta.get("permissions", []):
				with self.subTest(doctype=meta["name"], role=row.get("role")):
					self.assertFalse(row.get("email") and not row.get("print"))

	# --- helpers that read a linked record ----------------------------------------------------------------

	def test_the_resume_form_words_by_gender_only_for_readers_of_the_graduate(self):
		with self.set_user(SPECIALIST_USER):
			self.assertEqual(citi_graduate_gender(self.graduate), "Female")
			html = frappe.get_print("Student Resume", self.resume, RESUME_FORMAT)
			self.assertIn(FEMALE_SINGLE, html)
		for user in (ADMISSIONS_USER, SUPERVISOR_USER):
			with self.set_user(user):
				self.assertEqual(citi_graduate_gender(self.graduate), "")
				self.assertEqual(citi_graduate_gender("GRAD-0000-00000"), "")

	def test_the_consent_helper_reads_the_stored_consent_only(self):
		consent = make_consent(self.graduate)
		made_up = frappe.get_doc({"doctype": "Personal Data Consent", "graduate": self.other_graduate})
		with self.set_user(SPECIALIST_USER):
			self.assertTrue(citi_consent_print(consent))
			self.assertEqual(citi_consent_print(made_up), {})
			self.assertEqual(citi_consent_print(frappe.get_doc("Student Resume", self.resume)), {})
		# The Director reads the consent but may not print it: its print context stays empty.
		with self.set_user(DIRECTOR_USER):
			self.assertTrue(frappe.has_permission("Personal Data Consent", "read", doc=consent))
			self.assertEqual(citi_consent_print(consent), {})

	def test_the_register_prints_a_graduate_s_name_only_for_readers_of_graduates(self):
		with self.set_user(SUPERVISOR_USER):
			self.assertEqual(readable_graduates({self.graduate}), set())
		with self.set_user(HEAD_USER):
			self.assertEqual(readable_graduates({self.graduate}), {self.graduate})

	# --- link titles ----------------------------------------------------------------------------------------

	def test_the_link_title_lookup_names_a_graduate_only_to_readers(self):
		for doctype, name in (("Graduate", self.graduate), ("Student Resume", self.resume)):
			for user in (SUPERVISOR_USER, ADMISSIONS_USER):
				with self.subTest(doctype=doctype, user=user), self.set_user(user):
					title = call("frappe.desk.search.get_link_title", doctype=doctype, docname=name)
					self.assertEqual(title, name)
			with self.set_user(SPECIALIST_USER):
				self.assertEqual(
					call("frappe.desk.search.get_link_title", doctype=doctype, docname=name), FULL_NAME
				)
		with self.set_user(SUPERVISOR_USER):  # other titles are the framework's
			self.assertEqual(
				call("frappe.desk.search.get_link_title", doctype="Employer", docname=self.employer),
				"ООО «Практика для печати»",
			)

	def test_a_form_sends_a_graduate_s_title_only_to_readers(self):
		"""A ToDo about a graduate, assigned to the Admissions Committee: the form must not name the graduate."""
		todo = frappe.get_doc(
			{
				"doctype": "ToDo",
				"description": "Проверить документы",
				"allocated_to": ADMISSIONS_USER,
				"reference_type": "Graduate",
				"reference_name": self.graduate,
			}
		).insert(ignore_permissions=True)
		key = f"Graduate::{self.graduate}"
		with self.set_user(ADMISSIONS_USER):
			call("frappe.desk.form.load.getdoc", doctype="ToDo", name=todo.name)
			self.assertNotIn(key, frappe.local.response.get("_link_titles") or {})
			html = self.preview(frappe.as_json(todo.as_dict()), "Standard")
			self.assertNotIn(SURNAME, html)
		frappe.local.response = frappe._dict({"docs": []})
		with self.set_user(SPECIALIST_USER):
			call("frappe.desk.form.load.getdoc", doctype="Graduate", name=self.graduate)
			call("frappe.desk.form.load.getdoc", doctype="Student Resume", name=self.resume)
			self.assertEqual(frappe.local.response["_link_titles"][key], FULL_NAME)

	def test_a_practice_supervisor_reads_no_practice_contract_about_a_graduate(self):
		"""The saved contract carries the graduate's name (``graduate_name``, the link's title)."""
		with self.set_user(SUPERVISOR_USER):
			visible = set(frappe.get_list("Employer Contract", pluck="name"))
			self.assertIn(self.practice, visible)
			self.assertNotIn(self.practice_of_graduate, visible)
			self.assertFalse(
				frappe.has_permission("Employer Contract", "read", doc=self.practice_of_graduate)
			)
			self.assertEqual(
				frappe.get_list("Employer Contract", filters={"graduate_name": ("like", f"{SURNAME}%")}), []
			)
			with self.assertRaises(frappe.PermissionError):
				call(
					"frappe.desk.form.load.getdoc",
					doctype="Employer Contract",
					name=self.practice_of_graduate,
				)
			with self.assertRaises((frappe.PermissionError, frappe.DoesNotExistError)):
				frappe.get_print("Employer Contract", self.practice_of_graduate, "Standard")
		with self.set_user(HEAD_USER):
			html = self.preview("Employer Contract", "Standard", name=self.practice_of_graduate)
			self.assertIn(FULL_NAME, html)


class TestPrintLeaksOverHTTP(FrappeTestCase):
	"""The same requests against the served site (``host_name`` in the site config), as a signed-in
	Practice Supervisor, and as a Specialist where a print must still be made. The records are committed,
	because the server reads them on its own connection, and removed again afterwards."""

	USER = "test-print-http-supervisor@citi.invalid"
	PRINTER = "test-print-http-specialist@citi.invalid"
	PASSWORD = "Pr1nt-Leaks-Http-Check!"

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.base = get_url()
		try:
			requests.get(f"{cls.base}/api/method/ping", timeout=5).raise_for_status()
		except requests.RequestException:
			raise unittest.SkipTest(f"no site is served at {cls.base}") from None
		cls.addClassCleanup(cls.remove_records)
		for email, role in ((cls.USER, "Practice Supervisor"), (cls.PRINTER, "Employment Specialist")):
			make_user(email, role)
			user = frappe.get_doc("User", email)
			user.new_password = cls.PASSWORD
			user.flags.ignore_permissions = True
			user.save()
		cls.graduate = make_graduate(
			last_name=SURNAME,
			first_name="Мария",
			patronymic="Ивановна",
			gender="Female",
			marital_status="Single",
		).name
		cls.employer = make_employer("ООО «Практика по HTTP»")
		cls.practice = make_contract(PRACTICE, cls.employer, valid_from="2033-01-01").name
		cls.practice_of_graduate = make_contract(
			PRACTICE, cls.employer, valid_from="2034-01-01", graduate=cls.graduate
		).name
		frappe.db.commit()
		cls.session = cls.signed_in(cls.USER)
		cls.printer = cls.signed_in(cls.PRINTER)

	@classmethod
	def signed_in(cls, email: str) -> requests.Session:
		session = requests.Session()
		response = session.post(
			f"{cls.base}/api/method/login", json={"usr": email, "pwd": cls.PASSWORD}, timeout=30
		)
		response.raise_for_status()
		return session

	@classmethod
	def remove_records(cls):
		frappe.set_user("Administrator")
		for doctype, name in (
			("Employer Contract", getattr(cls, "practice", None)),
			("Employer Contract", getattr(cls, "practice_of_graduate", None)),
			("Employer", getattr(cls, "employer", None)),
			("Graduate", getattr(cls, "graduate", None)),
		):
			if name and frappe.db.exists(doctype, name):
				frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
		for email in (cls.USER, cls.PRINTER):
			if frappe.db.exists("User", email):
				frappe.delete_doc("User", email, force=True, ignore_permissions=True)
		frappe.db.commit()

	def post(self, method: str, **data) -> requests.Response:
		return self.session.post(f"{self.base}/api/method/{method}", data=data, timeout=60)

	def get(self, path: str, session: requests.Session | None = None, **params) -> requests.Response:
		return (session or self.session).get(f"{self.base}{path}", params=params, timeout=60)

	def test_the_security_test_s_requests_now_reveal_nothing(self):
		made_up = made_up_practice_contract(self.graduate, self.employer, marital_status="Single")
		for print_format in ("Standard", RESUME_FORMAT):
			with self.subTest(print_format=print_format):
				response = self.post(
					"frappe.www.printview.get_html_and_style", doc=made_up, print_format=print_format
				)
				self.assertEqual(response.status_code, 403)
				self.assertNotIn(SURNAME, response.text)
				self.assertNotIn(FEMALE_SINGLE, response.text)

		response = self.get(
			"/api/method/frappe.desk.search.get_link_title", doctype="Graduate", docname=self.graduate
		)
		self.assertEqual(response.json()["message"], self.graduate)

		response = self.get(
			"/api/method/frappe.desk.form.load.getdoc",
			doctype="Employer Contract",
			name=self.practice_of_graduate,
		)
		self.assertEqual(response.status_code, 403)
		self.assertNotIn(SURNAME, response.text)

	def test_a_print_format_of_another_doctype_is_refused_over_http(self):
		"""Asked by the Specialist, who may print the contract with its own formats."""
		response = self.get(
			"/api/method/frappe.utils.print_format.download_pdf",
			session=self.printer,
			doctype="Employer Contract",
			name=self.practice,
			format=RESUME_FORMAT,
		)
		self.assertEqual(response.status_code, 403)
		self.assertNotEqual(response.headers.get("Content-Type"), "application/pdf")

		page = self.get(
			"/printview",
			session=self.printer,
			doctype="Employer Contract",
			name=self.practice,
			format=RESUME_FORMAT,
		)
		# The form's heading: the refusal itself names the format and its DocType («Резюме обучающегося»).
		self.assertNotIn("Резюме обучающегося (трудоустраиваемого)", page.text)
		self.assertNotIn('class="ce-form"', page.text)

		# What the Specialist may print still prints.
		page = self.get(
			"/printview",
			session=self.printer,
			doctype="Employer Contract",
			name=self.practice,
			format="Standard",
		)
		self.assertEqual(page.status_code, 200)
		self.assertIn(self.practice, page.text)
		self.assertIn("ООО «Практика по HTTP»", page.text)

	def test_a_practice_supervisor_prints_no_contract_over_http(self):
		"""This pinned before that the Practice Supervisor prints a practice contract it reads. It may read it
		but not print it (the table: a role has only what its row grants; the Practice Supervisor
		prints the Practice journal's register book): every print path refuses, and shows nothing of it."""
		employer = "ООО «Практика по HTTP»"
		answers = {
			"printview": self.get(
				"/printview", doctype="Employer Contract", name=self.practice, format="Standard"
			),
			"download_pdf": self.get(
				"/api/method/frappe.utils.print_format.download_pdf",
				doctype="Employer Contract",
				name=self.practice,
				format="Standard",
			),
			"get_html_and_style": self.post(
				"frappe.www.printview.get_html_and_style",
				doc="Employer Contract",
				name=self.practice,
				print_format="Standard",
			),
		}
		for path, response in answers.items():
			with self.subTest(path=path):
				self.assertEqual(response.status_code, 403)
				self.assertNotIn(employer, response.text)
		self.assertNotEqual(answers["download_pdf"].headers.get("Content-Type"), "application/pdf")
		# The contract is still the Practice Supervisor's to read.
		response = self.get(
			"/api/method/frappe.desk.form.load.getdoc", doctype="Employer Contract", name=self.practice
		)
		self.assertEqual(response.status_code, 200)
