# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""The employer dossier (152-ФЗ ст. 9): refused without the consent, nothing half-done; sent with it, logged,
queued with one PDF that reopens as three bookmarked parts with the institution's metadata and no name."""

import email
from email import policy
from io import BytesIO

import frappe
from frappe.exceptions import FrappeTypeError
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate
from pypdf import PdfReader

from citi_employment.domain.paper_forms import MENTOR_RECOMMENDATION_FORM, RESUME_FORM
from citi_employment.dossier.sending import (
	COVER_LETTER_FORM,
	DOSSIER_DOCTYPE,
	DOSSIER_TITLE,
	NoApprovedRecommendationError,
	send_dossier,
)
from citi_employment.paper_forms.access import PrintFormatMismatchError
from citi_employment.personal_data.consents import revoke
from citi_employment.personal_data.destruction import destroy
from citi_employment.personal_data.sharing import TransferNotAllowedError
from citi_employment.tests.records import (
	DIRECTOR_USER,
	HEAD_USER,
	SPECIALIST_USER,
	TEACHER_USER,
	ensure_categories,
	ensure_outgoing_email_account,
	make_center_users,
	make_consent,
	make_employer,
	make_graduate,
	make_profession,
	make_resume,
)

TRANSFER = "Personal Data Transfer"
RECOMMENDATION = "Mentor Recommendation"
SETTINGS = "Employment Center Settings"
LAST_NAME = "Досьева"
FIRST_NAME = "Дарья"
PATRONYMIC = "Сергеевна"


def make_recommendation(graduate: str, status: str = "Approved"):
	"""A recommendation in ``status`` (the workflow to get there is the recommendation's own test)."""
	doc = frappe.get_doc(
		{
			"doctype": RECOMMENDATION,
			"graduate": graduate,
			"consilium_employment": "Трудоустройство на оборудованное рабочее место.",
		}
	).insert(ignore_permissions=True)
	if status != "Draft":
		doc.db_set("status", status)
	return doc


def queued_mail(reference_doctype: str, reference_name: str) -> list[str]:
	return frappe.get_all(
		"Email Queue",
		filters={"reference_doctype": reference_doctype, "reference_name": reference_name},
		pluck="name",
	)


def words(text: str) -> str:
	"""Extracted PDF text with every run of blanks one space (pypdf separates words with tabs)."""
	return " ".join(text.split())


def pdf_attachments(mail: str) -> dict[str, bytes]:
	"""The PDF parts of a queued mail's MIME message, by file name."""
	message = email.message_from_string(
		frappe.db.get_value("Email Queue", mail, "message"), policy=policy.default
	)
	return {
		part.get_filename(): part.get_payload(decode=True)
		for part in message.walk()
		if part.get_content_type() == "application/pdf"
	}


class TestEmployerDossier(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_categories()
		make_center_users()
		ensure_outgoing_email_account()
		frappe.db.set_single_value(SETTINGS, "deputy_director_name", "А.А. Заместителева")

	def setUp(self):
		self.employer = make_employer("ООО «Досье-Приём»", email="hr@dossier.invalid")
		self.graduate = make_graduate(
			last_name=LAST_NAME,
			first_name=FIRST_NAME,
			patronymic=PATRONYMIC,
			gender="Female",
			profession=make_profession("Повар"),
		)
		self.resume = make_resume(self.graduate.name)
		self.recommendation = make_recommendation(self.graduate.name)
		self.mail_before = frappe.db.count("Email Queue")

	def tearDown(self):
		frappe.set_user("Administrator")

	def send(self, user: str = SPECIALIST_USER, employer: str | None = None, resume: str | None = None):
		frappe.set_user(user)
		try:
			return send_dossier(resume or self.resume.name, employer or self.employer)
		finally:
			frappe.set_user("Administrator")

	def assert_nothing_done(self):
		self.assertFalse(frappe.db.exists(DOSSIER_DOCTYPE, {"graduate": self.graduate.name}))
		self.assertFalse(frappe.db.exists(TRANSFER, {"graduate": self.graduate.name}))
		self.assertEqual(frappe.db.count("Email Queue"), self.mail_before)
		self.assertEqual(queued_mail("Graduate", self.graduate.name), [])

	# --- refused --------------------------------------------------------------------------------

	def test_refused_without_consent_nothing_logged_nothing_queued(self):
		with self.assertRaises(TransferNotAllowedError) as refused:
			self.send()
		self.assertIn("no active consent", str(refused.exception))
		self.assert_nothing_done()
		self.assertEqual(frappe.db.get_value(RECOMMENDATION, self.recommendation.name, "status"), "Approved")

	def test_refused_when_the_consent_excludes_employers(self):
		make_consent(self.graduate, transfer_to_employers=0)
		with self.assertRaisesRegex(TransferNotAllowedError, "does not allow transfer"):
			self.send()
		self.assert_nothing_done()

	def test_refused_without_an_approved_recommendation(self):
		make_consent(self.graduate)
		frappe.db.set_value(RECOMMENDATION, self.recommendation.name, "status", "Ready for Review")
		with self.assertRaises(NoApprovedRecommendationError):
			self.send()
		self.assert_nothing_done()

	def test_refused_to_roles_that_do_not_send_documents(self):
		make_consent(self.graduate)
		for user in (DIRECTOR_USER, TEACHER_USER):
			with self.subTest(user=user), self.assertRaises(frappe.PermissionError):
				self.send(user)
		self.assert_nothing_done()

	def test_refused_for_an_employer_without_email(self):
		make_consent(self.graduate)
		employer = make_employer("ООО «Без почты для досье»", email=None)
		with self.assertRaisesRegex(frappe.ValidationError, "employer's email"):
			self.send(employer=employer)
		self.assert_nothing_done()

	def test_bad_input_is_refused_and_nothing_written(self):
		make_consent(self.graduate)
		for resume, employer in (
			("RES-NO-SUCH", self.employer),
			(self.resume.name, "ООО «Нет такого»"),
			(None, self.employer),
			(self.resume.name, ["a", "list"]),
		):
			frappe.set_user(SPECIALIST_USER)
			# A value of the wrong type stops at the framework's type hints (FrappeTypeError, a 417).
			with (
				self.subTest(resume=resume, employer=employer),
				self.assertRaises((frappe.ValidationError, FrappeTypeError)),
			):
				send_dossier(resume, employer)
			frappe.set_user("Administrator")
		self.assert_nothing_done()

	# --- sent -----------------------------------------------------------------------------------

	def test_sent_with_consent_logged_and_queued_with_the_pdf(self):
		consent = make_consent(self.graduate)
		result = self.send(HEAD_USER)
		dossier = frappe.get_doc(DOSSIER_DOCTYPE, result["dossier"])
		self.assertEqual(
			(dossier.graduate, dossier.employer, dossier.student_resume, dossier.mentor_recommendation),
			(self.graduate.name, self.employer, self.resume.name, self.recommendation.name),
		)
		self.assertEqual((dossier.sent_by, dossier.recipient_email), (HEAD_USER, "hr@dossier.invalid"))
		self.assertEqual(dossier.personal_data_transfer, result["transfer"])

		transfer = frappe.get_doc(TRANSFER, result["transfer"])
		self.assertEqual(
			(transfer.graduate, transfer.employer, transfer.consent, transfer.transferred_by),
			(self.graduate.name, self.employer, consent.name, HEAD_USER),
		)
		self.assertEqual(
			(transfer.reference_doctype, transfer.reference_name), (DOSSIER_DOCTYPE, dossier.name)
		)
		# The recommendation is Sent, as when it is sent alone.
		self.assertEqual(frappe.db.get_value(RECOMMENDATION, self.recommendation.name, "status"), "Sent")

		mails = queued_mail(DOSSIER_DOCTYPE, dossier.name)
		self.assertEqual(len(mails), 1)
		recipients = frappe.get_all("Email Queue Recipient", filters={"parent": mails[0]}, pluck="recipient")
		self.assertEqual(recipients, ["hr@dossier.invalid"])
		raw = frappe.db.get_value("Email Queue", mails[0], "message")
		attachments = pdf_attachments(mails[0])
		self.assertEqual(list(attachments), [f"{dossier.name}.pdf"])
		# The mail (subject, body, file name) names nobody: the PDF carries the details.
		headers_and_text = raw.split("Content-Type: application/pdf", 1)[0]
		for word in (LAST_NAME, FIRST_NAME):
			self.assertNotIn(word, headers_and_text)

		reader = PdfReader(BytesIO(attachments[f"{dossier.name}.pdf"]))
		outline = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]
		self.assertEqual(
			[title for title, _page in outline], [COVER_LETTER_FORM, RESUME_FORM, MENTOR_RECOMMENDATION_FORM]
		)
		pages = [page for _title, page in outline]
		self.assertEqual(pages[0], 0)
		self.assertTrue(pages[0] < pages[1] < pages[2] < len(reader.pages), pages)
		self.assertEqual(reader.metadata.title, DOSSIER_TITLE)
		self.assertEqual(
			reader.metadata.author, frappe.db.get_single_value(SETTINGS, "institution_short_name")
		)
		self.assertIn(dossier.name, reader.metadata.subject)
		for value in reader.metadata.values():
			for word in (LAST_NAME, FIRST_NAME, PATRONYMIC, "Досьев"):
				self.assertNotIn(word, str(value))
		# The letter names the candidate (in the genitive) and the employer; the other parts follow it.
		letter = words(reader.pages[0].extract_text())
		self.assertIn("Сопроводительное письмо", letter)
		self.assertIn("выпускницы Досьевой Дарьи Сергеевны", letter)
		self.assertIn("Досье-Приём", letter)
		self.assertIn(f"Исх. № {dossier.name}", letter)
		self.assertIn("Резюме обучающегося", words(reader.pages[pages[1]].extract_text()))

	def test_a_sent_recommendation_may_go_again_in_another_dossier(self):
		make_consent(self.graduate)
		first = self.send()
		other = make_employer("ООО «Второе досье»", email="hr2@dossier.invalid")
		second = self.send(employer=other)
		self.assertNotEqual(first["transfer"], second["transfer"])
		self.assertEqual(frappe.db.count(TRANSFER, {"graduate": self.graduate.name}), 2)

	def test_destruction_after_a_revocation_deletes_the_mail_and_keeps_the_record_without_the_name(self):
		consent = make_consent(self.graduate, signed_on=add_days(getdate(), -10))
		result = self.send()
		revoke(consent.name, str(getdate()))
		frappe.set_user(HEAD_USER)
		destroy(consent.name, confirm_early=1)
		frappe.set_user("Administrator")
		# Kept, like the transfer log it belongs to: what was sent, to whom and when, under which consent.
		dossier = frappe.get_doc(DOSSIER_DOCTYPE, result["dossier"])
		self.assertEqual(dossier.personal_data_transfer, result["transfer"])
		self.assertNotIn(LAST_NAME, frappe.as_json(dossier.as_dict()))
		# The queued mail carried the PDF with the name: it goes, as do the resume and the recommendation.
		self.assertEqual(queued_mail(DOSSIER_DOCTYPE, dossier.name), [])
		self.assertFalse(frappe.db.exists("Student Resume", self.resume.name))
		self.assertFalse(frappe.db.exists(RECOMMENDATION, self.recommendation.name))

	# --- the record and its print ----------------------------------------------------------------

	def test_the_resume_form_offers_the_dossier_only_to_senders(self):
		for user, expected in ((SPECIALIST_USER, True), (HEAD_USER, True), (DIRECTOR_USER, False)):
			frappe.set_user(user)
			doc = frappe.get_doc("Student Resume", self.resume.name)
			doc.run_method("onload")
			with self.subTest(user=user):
				self.assertEqual(doc.get_onload().get("can_send_dossier"), expected)
			frappe.set_user("Administrator")

	def test_nobody_writes_a_dossier_by_hand(self):
		for user in (HEAD_USER, SPECIALIST_USER, DIRECTOR_USER):
			with self.subTest(user=user):
				self.assertFalse(frappe.has_permission(DOSSIER_DOCTYPE, "create", user=user))
				self.assertFalse(frappe.has_permission(DOSSIER_DOCTYPE, "write", user=user))
		self.assertTrue(frappe.has_permission(DOSSIER_DOCTYPE, "read", user=SPECIALIST_USER))

	def test_the_cover_letter_prints_only_a_dossier(self):
		# The template's first line refuses; the framework's PDF path reports it as a print format error.
		with self.assertRaisesRegex(
			(PrintFormatMismatchError, frappe.PrintFormatError), "made for Employer Dossier"
		):
			frappe.get_print("Student Resume", self.resume.name, print_format=COVER_LETTER_FORM)
