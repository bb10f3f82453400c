# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""The app's Russian never redefines a framework term (issue 10).

Frappe v15 merges the app's catalogue over the framework's Russian, so an app entry without context replaces the
framework's word on every screen. The app keeps its own wording in msgctxt "<DocType>" entries (the desk
translates a label and its Select options with the DocType as context) or under a msgid of its own.
"""

import csv
from pathlib import Path

import frappe
from babel.messages.pofile import read_po
from frappe.tests.utils import FrappeTestCase
from frappe.translate import get_all_translations

from citi_employment import install

APP = "citi_employment"
# tests/artifacts/checker.py: FRAMEWORK_MSGIDS, FRAMEWORK_TYPO_MARK
SHIPPED_TERMS = Path("tests", "artifacts", "framework_ru_msgids.txt")
TYPO_MARK = "framework typo:"


def framework_russian() -> dict[str, str]:
	"""The framework's own Russian without context (v15 keeps it as the legacy CSV), trimmed as frappe._() trims."""
	path = Path(frappe.get_app_path("frappe", "translations", "ru.csv"))
	with path.open(encoding="utf-8") as rows:
		return {
			row[0].strip(): row[1].strip()
			for row in csv.reader(rows)
			if len(row) >= 2 and not (row[2:] and row[2])
		}


def framework_terms() -> set[str]:
	"""The msgids the framework really translates: what tests/artifacts/framework_ru_msgids.txt lists (sorted, one
	a line, under its comment lines) for the quick suite, which runs without Frappe."""
	return {
		source for source, russian in framework_russian().items() if source and russian and russian != source
	}


def app_catalog():
	with open(frappe.get_app_path(APP, "locale", "ru.po"), "rb") as po:
		return read_po(po)


def shipped_terms_file() -> Path:
	# The app package sits in the repository, whose tests/ the quick suite runs.
	return Path(frappe.get_app_path(APP)).parent / SHIPPED_TERMS


class TestFrameworkTerms(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		install.compile_translations()

	def test_an_app_entry_without_context_keeps_the_framework_russian(self):
		framework, terms = framework_russian(), framework_terms()
		checked = 0
		for message in app_catalog():
			if not message.id or message.context or message.id not in terms:
				continue
			if any(comment.startswith(TYPO_MARK) for comment in message.user_comments):
				# Only a spelling fix of the same word: the quick suite's check names these entries.
				self.assertNotEqual(message.string, framework[message.id], message.id)
				continue
			checked += 1
			self.assertEqual(frappe._(message.id, lang="ru"), framework[message.id], message.id)
		self.assertLessEqual(checked, len(terms))

	def test_framework_terms_on_the_app_forms_read_as_the_framework_has_them_elsewhere(self):
		framework, terms = framework_russian(), framework_terms()
		fixed = {m.id for m in app_catalog() if any(c.startswith(TYPO_MARK) for c in m.user_comments)}
		doctypes = frappe.get_all(
			"DocType", filters={"module": ["in", frappe.get_module_list(APP)]}, pluck="name"
		)
		shared = set()
		for doctype in doctypes:
			for field in frappe.get_meta(doctype).fields:
				shared.add(field.label)
				if field.fieldtype == "Select":
					shared.update((field.options or "").split("\n"))
		shared = (shared & terms) - fixed
		self.assertIn("Status", shared)
		for msgid in sorted(shared):
			self.assertEqual(frappe._(msgid, lang="ru"), framework[msgid], msgid)

	def test_the_typo_fixes_are_the_framework_word_spelled_right(self):
		fixes = {
			message.id: message.string
			for message in app_catalog()
			if not message.context and any(c.startswith(TYPO_MARK) for c in message.user_comments)
		}
		framework = framework_russian()
		self.assertEqual(fixes, {"Month": "Месяц", "Cancelled": "Отменен"})
		self.assertEqual(framework["Month"].replace("M", "М"), fixes["Month"])
		self.assertEqual(framework["Cancelled"].capitalize(), fixes["Cancelled"])

	def test_the_shipped_list_of_framework_terms_matches_the_framework(self):
		path = shipped_terms_file()
		lines = path.read_text(encoding="utf-8").splitlines()
		shipped = {line for line in lines if line and not line.startswith("#")}
		installed = framework_terms()
		if f"Frappe {frappe.__version__} " in lines[0]:
			self.assertEqual(shipped, installed)
		else:
			# Another framework release: at least every term the app's catalogue shares must be listed.
			shared = {message.id for message in app_catalog() if message.id in installed}
			self.assertEqual(
				shared - shipped, set(), f"regenerate {SHIPPED_TERMS} from Frappe {frappe.__version__}"
			)


class TestAppWording(FrappeTestCase):
	"""The app's word on its own forms, the framework's word everywhere else."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		install.compile_translations()

	def assert_own_and_framework_word(self, msgid, doctype, russian):
		self.assertEqual(frappe._(msgid, lang="ru", context=doctype), russian, f"{msgid} in {doctype}")
		# The desk's dictionary (boot and __()): the key "<msgid>:<context>" for the app's forms only.
		self.assertEqual(get_all_translations("ru")[f"{msgid}:{doctype}"], russian)
		self.assertEqual(frappe._(msgid, lang="ru"), framework_russian()[msgid], msgid)

	def test_labels_and_options_with_their_doctype_as_context(self):
		for doctype, fieldname, msgid, russian in (
			("Center Event", "event_section", "Event", "Мероприятие"),
			("Center Event", "event_type", "Event Type", "Вид мероприятия"),
			("Employment Monitoring Record", "due_date", "Due Date", "Крайний срок"),
			("Employer", "region", "Region", "Регион"),
			("Personal Data Consent", "status", "Revoked", "Отозвано"),
			("Graduate Placement", "contract_type", "Permanent", "Бессрочный трудовой договор"),
		):
			field = frappe.get_meta(doctype).get_field(fieldname)
			self.assertIn(msgid, [field.label, *(field.options or "").split("\n")], f"{doctype}.{fieldname}")
			self.assert_own_and_framework_word(msgid, doctype, russian)

	def test_due_reads_by_what_is_due(self):
		self.assertIn("Due", frappe.get_meta("Employment Monitoring Record").get_field("status").options)
		self.assertEqual(frappe.get_meta("Work Plan Item").get_label("due"), "Due")
		self.assertEqual(frappe._("Due", lang="ru", context="Employment Monitoring Record"), "Пора проверить")
		self.assertEqual(frappe._("Due", lang="ru", context="Work Plan Item"), "Срок исполнения")
		# Without context (a read-only Select value, a list cell): the monitoring status.
		self.assertEqual(frappe._("Due", lang="ru"), "Пора проверить")

	def test_a_meaning_of_the_app_has_a_msgid_of_its_own(self):
		framework = framework_russian()
		for doctype, fieldname, former, russian in (
			("Employer Contract", "subject", "Subject", "Предмет договора"),
			("Vacancy Request", "position", "Position", "Должность"),
			("Graduate", "personal_tab", "Personal", "Личные сведения"),
			("Employment Monitoring Record", "check_tab", "Check", "Проверка"),
			("Representative Identity Document", "number", "Number", "Номер документа"),
			("Employer", "short_name", "Short Name", "Краткое наименование"),
		):
			label = frappe.get_meta(doctype).get_label(fieldname)
			self.assertNotEqual(label, former)
			self.assertEqual(frappe._(label, lang="ru", context=doctype), russian, f"{doctype}.{fieldname}")
			self.assertEqual(
				frappe._(label, lang="ru"), russian, f"{doctype}.{fieldname}: also without context"
			)
			self.assertEqual(frappe._(former, lang="ru"), framework[former], former)

	def test_a_state_or_option_of_the_app_has_a_word_of_its_own(self):
		"""A list cell, a read-only Select and a workflow badge are translated without context: a value that
		is a framework term would show the framework's meaning there."""
		framework = framework_russian()
		for doctype, fieldname, value, former, russian in (
			("Work Plan", "status", "Pending Director Approval", "Submitted", "На утверждении у директора"),
			(
				"Annual Report",
				"status",
				"Pending Director Approval",
				"Submitted",
				"На утверждении у директора",
			),
			("Employment Assistance Application", "status", "Filed", "Submitted", "Подано"),
			("Employer Contract", "status", "Declined", "Rejected", "Отклонён"),
			("Vacancy Candidate", "status", "Declined", "Rejected", "Отклонён"),
			("Employer Interaction", "mode", "Distance", "Remote", "Дистанционная"),
			("Employment Monitoring Record", "method", "Site Visit", "Visit", "Посещение"),
			(
				"Graduate Personal Data",
				"work_capacity_restriction",
				"No Restriction",
				"None",
				"Нет ограничений",
			),
		):
			options = frappe.get_meta(doctype).get_field(fieldname).options.split("\n")
			self.assertIn(value, options, f"{doctype}.{fieldname}")
			self.assertNotIn(former, options, f"{doctype}.{fieldname}")
			self.assertNotIn(value, framework, value)
			self.assertEqual(frappe._(value, lang="ru"), russian, value)
			self.assertEqual(frappe._(former, lang="ru"), framework[former], former)
		for workflow in ("Work Plan Workflow", "Annual Report Workflow", "Employer Contract Approval"):
			states = {row.state for row in frappe.get_doc("Workflow", workflow).states}
			self.assertFalse(states & {"Submitted", "Rejected"}, workflow)

	def test_the_framework_e_mail_dialog_keeps_its_subject(self):
		self.assertEqual(frappe._("Subject", lang="ru"), "Тема")
		self.assertEqual(frappe._("Event", lang="ru"), framework_russian()["Event"])

	def test_every_doctype_context_is_a_label_or_option_of_that_doctype(self):
		for message in app_catalog():
			if not message.context or not frappe.db.exists("DocType", message.context):
				continue
			words = set()
			for field in frappe.get_meta(message.context).fields:
				words.add(field.label)
				if field.fieldtype == "Select":
					words.update((field.options or "").split("\n"))
			self.assertIn(message.id, words, f"msgctxt {message.context!r} msgid {message.id!r}")
