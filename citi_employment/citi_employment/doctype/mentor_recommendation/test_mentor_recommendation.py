# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Mentor Recommendation: authorship of the sections, the Head's approval, the consent-gated sending and the print.

The first class works in the test's transaction (``frappe.client.save`` is what REST PUT, ``set_value`` and the
desk's save end in). The second makes real REST requests, in a request thread with its own database connection,
so its records are committed in ``setUpClass`` and removed in ``tearDownClass``.
"""

import json
import re
from unittest.mock import patch
from urllib.parse import quote

import frappe
from frappe.client import save as client_save
from frappe.model.workflow import WorkflowPermissionError, WorkflowTransitionError, apply_workflow
from frappe.tests.test_api import make_request as make_http_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils import get_test_client

from citi_employment.domain.paper_forms import MENTOR_RECOMMENDATION_FORM
from citi_employment.personal_data.sharing import TransferNotAllowedError, send_to_employer
from citi_employment.recommendations import approval
from citi_employment.recommendations.approval import (
	ApprovedRecommendationChangeError,
	RecommendationTransitionError,
)
from citi_employment.recommendations.authorship import SectionWriteError
from citi_employment.recommendations.sending import RecommendationNotApprovedError
from citi_employment.roles import EMPLOYMENT_SPECIALIST, PSYCHOLOGIST
from citi_employment.tests.records import (
	DIRECTOR_USER,
	GRADUATE_DETAILS,
	HEAD_USER,
	PSYCHOLOGIST_USER,
	SOCIAL_PEDAGOGUE_USER,
	SPECIALIST_USER,
	TEACHER_USER,
	ensure_categories,
	ensure_outgoing_email_account,
	make_center_users,
	make_consent,
	make_employer,
	make_graduate,
	make_user,
)

RECOMMENDATION = "Mentor Recommendation"
TRANSFER = "Personal Data Transfer"
PRINT_FORMAT = MENTOR_RECOMMENDATION_FORM
PROGRAM = "«Помощник повара»"
DEPUTY = "А.А. Заместителева"
# What each author writes, and what the Center writes, in a filled-in recommendation.
PSYCHOLOGIST_TEXT = {"cognitive_sphere": "Внимание устойчивое, темп работы средний."}
SOCIAL_TEXT = {"everyday_skills": "Самостоятельно добирается до работы общественным транспортом."}
TEACHER_TEXT = {"competence_level": "Профессиональные компетенции освоены на базовом уровне."}
CENTER_TEXT = {"consilium_employment": "Трудоустройство на оборудованное рабочее место."}
LEARNING_SECTION = "Learning (Teacher's Recommendations)"


def make_recommendation(graduate: str, **values):
	doc = frappe.get_doc({"doctype": RECOMMENDATION, "graduate": graduate, **values})
	return doc.insert(ignore_permissions=True)


def act(doc, action: str, user: str):
	frappe.set_user(user)
	try:
		return apply_workflow(frappe.get_doc(doc.doctype, doc.name).as_dict(), action)
	finally:
		frappe.set_user("Administrator")


def approve(doc):
	"""Submitted for review by a Specialist, approved by the Head."""
	act(doc, "Submit for Review", SPECIALIST_USER)
	return act(doc, "Approve", HEAD_USER)


def save_as(user: str, doc, **values):
	"""``frappe.client.save`` of the stored document with ``values`` changed, as ``user``."""
	payload = frappe.get_doc(doc.doctype, doc.name).as_dict()
	payload.update(values)
	frappe.set_user(user)
	try:
		return client_save(json.dumps(payload, default=str))
	finally:
		frappe.set_user("Administrator")


def stored(doc, fieldname: str):
	return frappe.db.get_value(doc.doctype, doc.name, fieldname)


def transfers_of(graduate: str) -> list[str]:
	return frappe.get_all(TRANSFER, filters={"graduate": graduate}, pluck="name")


class TestMentorRecommendation(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_categories()
		make_center_users()
		ensure_outgoing_email_account()
		frappe.db.set_single_value("Employment Center Settings", "deputy_director_name", DEPUTY)
		cls.graduate = make_graduate(**GRADUATE_DETAILS, program_name=PROGRAM)
		cls.employer = make_employer("ООО «Наставник»")

	def setUp(self):
		self.doc = make_recommendation(self.graduate.name)

	def tearDown(self):
		frappe.set_user("Administrator")

	# --- header and general information ---------------------------------------------------------

	def test_header_comes_from_the_graduate(self):
		doc = self.doc
		self.assertEqual(doc.full_name, "Иванов Иван Иванович")
		self.assertEqual(doc.group_code, GRADUATE_DETAILS["group_code"])
		self.assertEqual(doc.program_module, PROGRAM)
		self.assertEqual(doc.birth_year, "2004")
		self.assertEqual(str(doc.study_start), GRADUATE_DETAILS["study_start"])
		self.assertEqual(str(doc.study_end), GRADUATE_DETAILS["study_end"])
		self.assertEqual(doc.current_residence, GRADUATE_DETAILS["actual_address"])
		self.assertEqual(doc.deputy_director_name, DEPUTY)
		self.assertEqual(doc.status, "Draft")

	def test_a_new_recommendation_starts_as_draft_whatever_is_sent(self):
		frappe.set_user(HEAD_USER)
		doc = frappe.get_doc(
			{
				"doctype": RECOMMENDATION,
				"graduate": self.graduate.name,
				"status": "Sent",
				"birth_year": "1900",
			}
		).insert()
		self.assertEqual((doc.status, doc.birth_year), ("Draft", "2004"))

	def test_study_end_before_start_is_refused(self):
		with self.assertRaises(frappe.exceptions.InvalidDates):
			save_as(SPECIALIST_USER, self.doc, study_start="2025-09-01", study_end="2025-06-30")
		self.assertEqual(str(stored(self.doc, "study_start")), GRADUATE_DETAILS["study_start"])

	# --- each section is written by its author ----------------------------------------------------

	def test_each_author_writes_their_own_section(self):
		for user, values in (
			(PSYCHOLOGIST_USER, {**PSYCHOLOGIST_TEXT, "psychologist_name": "П.П. Психологова"}),
			(SOCIAL_PEDAGOGUE_USER, {**SOCIAL_TEXT, "social_pedagogue_name": "С.С. Социальная"}),
			(TEACHER_USER, {**TEACHER_TEXT, "teacher_name": "У.У. Учителева"}),
		):
			with self.subTest(user=user):
				save_as(user, self.doc, **values)
				for fieldname, value in values.items():
					self.assertEqual(stored(self.doc, fieldname), value)

	def test_an_author_writing_another_section_is_refused_not_reset(self):
		cases = (
			(PSYCHOLOGIST_USER, TEACHER_TEXT, LEARNING_SECTION),
			(PSYCHOLOGIST_USER, {"teacher_name": "Подменов"}, LEARNING_SECTION),
			(TEACHER_USER, PSYCHOLOGIST_TEXT, "Personality and Behaviour"),
			(SOCIAL_PEDAGOGUE_USER, TEACHER_TEXT, LEARNING_SECTION),
			(TEACHER_USER, SOCIAL_TEXT, "Social Development"),
			(TEACHER_USER, CENTER_TEXT, "the Center's part"),
			(PSYCHOLOGIST_USER, {"conclusions": [{"action": "Подменить выводы"}]}, "the Center's part"),
			(SOCIAL_PEDAGOGUE_USER, {"deputy_director_name": "Подменов"}, "the Center's part"),
			(TEACHER_USER, {"graduate": make_graduate(last_name="Другов").name}, "the Center's part"),
		)
		for user, values, section in cases:
			with self.subTest(user=user, values=values):
				# Together with the author's own section: the whole save is refused, not only the foreign part.
				own = PSYCHOLOGIST_TEXT if user == PSYCHOLOGIST_USER else {}
				with self.assertRaisesRegex(SectionWriteError, re.escape(section)):
					save_as(user, self.doc, **values, **own)
				frappe.clear_last_message()
				after = frappe.get_doc(RECOMMENDATION, self.doc.name)
				self.assertEqual(after.graduate, self.graduate.name)
				self.assertEqual(after.conclusions, [])
				for fieldname in (*values, *own):
					if fieldname not in ("conclusions", "graduate", "deputy_director_name"):
						self.assertFalse(after.get(fieldname), fieldname)
				self.assertEqual(after.deputy_director_name, DEPUTY)

	def test_head_and_specialist_write_every_section(self):
		for user in (HEAD_USER, SPECIALIST_USER):
			with self.subTest(user=user):
				values = {
					**PSYCHOLOGIST_TEXT,
					**SOCIAL_TEXT,
					**TEACHER_TEXT,
					**CENTER_TEXT,
					"conclusions": [{"action": f"Действие {user}"}],
				}
				save_as(user, self.doc, **values)
				doc = frappe.get_doc(RECOMMENDATION, self.doc.name)
				self.assertEqual(doc.competence_level, TEACHER_TEXT["competence_level"])
				self.assertEqual([row.action for row in doc.conclusions], [f"Действие {user}"])

	def test_director_reads_but_does_not_write(self):
		self.assertTrue(frappe.has_permission(RECOMMENDATION, "read", self.doc.name, user=DIRECTOR_USER))
		self.assertFalse(frappe.has_permission(RECOMMENDATION, "write", self.doc.name, user=DIRECTOR_USER))
		with self.assertRaises(frappe.PermissionError):
			save_as(DIRECTOR_USER, self.doc, **CENTER_TEXT)

	def test_authors_cannot_create_or_delete(self):
		for user in (PSYCHOLOGIST_USER, SOCIAL_PEDAGOGUE_USER, TEACHER_USER):
			self.assertFalse(frappe.has_permission(RECOMMENDATION, "create", user=user))
			self.assertFalse(frappe.has_permission(RECOMMENDATION, "delete", self.doc.name, user=user))

	# --- approval -------------------------------------------------------------------------------

	def test_the_head_approves(self):
		doc = approve(self.doc)
		self.assertEqual(doc.status, "Approved")

	def test_others_cannot_approve_through_the_workflow(self):
		act(self.doc, "Submit for Review", SPECIALIST_USER)
		for user in (SPECIALIST_USER, DIRECTOR_USER, PSYCHOLOGIST_USER):
			with self.subTest(user=user), self.assertRaises(WorkflowTransitionError):
				act(self.doc, "Approve", user)
		self.assertEqual(stored(self.doc, "status"), "Ready for Review")

	def test_a_specialist_cannot_write_approved_with_the_workflow_bypassed(self):
		act(self.doc, "Submit for Review", SPECIALIST_USER)
		# The controller refuses with Frappe's own workflow check switched off ...
		with (
			patch("frappe.model.document.validate_workflow"),
			self.assertRaisesRegex(RecommendationTransitionError, "Only the Employment Center Head"),
		):
			save_as(SPECIALIST_USER, self.doc, status="Approved")
		self.assertEqual(stored(self.doc, "status"), "Ready for Review")
		# ... and the workflow refuses on its own: two independent locks.
		with (
			patch.object(approval, "validate_transition"),
			self.assertRaises(WorkflowPermissionError),
		):
			save_as(SPECIALIST_USER, self.doc, status="Approved")
		self.assertEqual(stored(self.doc, "status"), "Ready for Review")

	def test_approval_skipping_review_is_refused(self):
		with (
			patch("frappe.model.document.validate_workflow"),
			self.assertRaises(RecommendationTransitionError),
		):
			save_as(HEAD_USER, self.doc, status="Approved")
		self.assertEqual(stored(self.doc, "status"), "Draft")

	def test_approved_text_is_locked_until_revised(self):
		approve(self.doc)
		for user, values in ((HEAD_USER, CENTER_TEXT), (HEAD_USER, {"program_module": "Другая программа"})):
			with self.subTest(values=values), self.assertRaises(ApprovedRecommendationChangeError):
				save_as(user, self.doc, **values)
		# The authors may not even try: the state is not theirs to edit.
		with self.assertRaises(frappe.ValidationError):
			save_as(TEACHER_USER, self.doc, **TEACHER_TEXT)
		act(self.doc, "Revise", HEAD_USER)
		save_as(HEAD_USER, self.doc, **CENTER_TEXT)
		self.assertEqual(stored(self.doc, "consilium_employment"), CENTER_TEXT["consilium_employment"])

	def test_ready_for_review_is_closed_to_the_authors(self):
		act(self.doc, "Submit for Review", SPECIALIST_USER)
		with self.assertRaises(frappe.ValidationError):
			save_as(PSYCHOLOGIST_USER, self.doc, **PSYCHOLOGIST_TEXT)
		self.assertFalse(stored(self.doc, "cognitive_sphere"))

	def test_nobody_marks_it_sent_by_hand(self):
		approve(self.doc)
		# The workflow has no transition into Sent ...
		with patch.object(approval, "validate_transition"), self.assertRaises(WorkflowPermissionError):
			save_as(HEAD_USER, self.doc, status="Sent")
		# ... and with the workflow bypassed the controller refuses it too.
		with (
			patch("frappe.model.document.validate_workflow"),
			self.assertRaises(RecommendationTransitionError),
		):
			save_as(HEAD_USER, self.doc, status="Sent")
		self.assertEqual(stored(self.doc, "status"), "Approved")
		self.assertEqual(transfers_of(self.graduate.name), [])

	# --- sending ---------------------------------------------------------------------------------

	def send(self, user: str = SPECIALIST_USER, employer: str | None = None):
		frappe.set_user(user)
		try:
			return send_to_employer(
				self.graduate.name, employer or self.employer, RECOMMENDATION, self.doc.name
			)
		finally:
			frappe.set_user("Administrator")

	def queued_mail(self) -> list[str]:
		return frappe.get_all(
			"Email Queue",
			filters={"reference_doctype": "Graduate", "reference_name": self.graduate.name},
			pluck="name",
		)

	def test_a_draft_is_not_sent(self):
		graduate = make_graduate(consent=True, last_name="Черновиков")
		doc = make_recommendation(graduate.name)
		frappe.set_user(SPECIALIST_USER)
		with self.assertRaises(RecommendationNotApprovedError):
			send_to_employer(graduate.name, self.employer, RECOMMENDATION, doc.name)
		frappe.set_user("Administrator")
		self.assertEqual(transfers_of(graduate.name), [])
		self.assertEqual(stored(doc, "status"), "Draft")

	def test_send_without_consent_is_refused_naming_the_graduate(self):
		approve(self.doc)
		mail_before = self.queued_mail()
		with self.assertRaises(TransferNotAllowedError) as refused:
			self.send()
		self.assertIn("Иванов Иван Иванович", str(refused.exception))
		self.assertIn("no active consent", str(refused.exception))
		self.assertEqual(transfers_of(self.graduate.name), [])
		self.assertEqual(self.queued_mail(), mail_before)
		self.assertEqual(stored(self.doc, "status"), "Approved")

	def test_send_refused_when_the_consent_excludes_employers(self):
		graduate = make_graduate(last_name="Безпередачев")
		make_consent(graduate, transfer_to_employers=0)
		doc = approve(make_recommendation(graduate.name))
		frappe.set_user(SPECIALIST_USER)
		with self.assertRaisesRegex(TransferNotAllowedError, "Безпередачев"):
			send_to_employer(graduate.name, self.employer, RECOMMENDATION, doc.name)
		frappe.set_user("Administrator")
		self.assertEqual(transfers_of(graduate.name), [])
		self.assertEqual(stored(doc, "status"), "Approved")

	def test_send_with_consent_is_logged_and_marks_it_sent(self):
		graduate = make_graduate(consent=True, last_name="Отправлев")
		doc = approve(make_recommendation(graduate.name, **CENTER_TEXT))
		consent = frappe.get_all("Personal Data Consent", filters={"graduate": graduate.name}, pluck="name")[
			0
		]
		frappe.set_user(SPECIALIST_USER)
		name = send_to_employer(graduate.name, self.employer, RECOMMENDATION, doc.name)
		frappe.set_user("Administrator")
		transfer = frappe.get_doc(TRANSFER, name)
		self.assertEqual(
			(transfer.graduate, transfer.employer, transfer.consent, transfer.transferred_by),
			(graduate.name, self.employer, consent, SPECIALIST_USER),
		)
		self.assertEqual((transfer.reference_doctype, transfer.reference_name), (RECOMMENDATION, doc.name))
		self.assertEqual(stored(doc, "status"), "Sent")
		queued = frappe.get_all(
			"Email Queue",
			filters={"reference_doctype": "Graduate", "reference_name": graduate.name},
			pluck="name",
		)
		self.assertEqual(len(queued), 1)
		self.assertIn("application/pdf", frappe.db.get_value("Email Queue", queued[0], "message"))
		# A sent recommendation is still the approved text: it may go to another employer, logged again.
		other = make_employer("ООО «Второй наставник»")
		frappe.set_user(HEAD_USER)
		send_to_employer(graduate.name, other, RECOMMENDATION, doc.name)
		frappe.set_user("Administrator")
		self.assertEqual(len(transfers_of(graduate.name)), 2)
		# And its text stays as sent.
		with self.assertRaises(frappe.ValidationError):
			save_as(HEAD_USER, doc, consilium_employment="Другое")

	def test_authors_and_the_director_cannot_send(self):
		graduate = make_graduate(consent=True, last_name="Несылаев")
		doc = approve(make_recommendation(graduate.name))
		for user in (DIRECTOR_USER, PSYCHOLOGIST_USER, TEACHER_USER):
			frappe.set_user(user)
			with self.subTest(user=user), self.assertRaises(frappe.PermissionError):
				send_to_employer(graduate.name, self.employer, RECOMMENDATION, doc.name)
			frappe.set_user("Administrator")
		self.assertEqual(transfers_of(graduate.name), [])
		self.assertEqual(stored(doc, "status"), "Approved")

	def test_the_form_offers_sending_only_when_the_server_would_allow_it(self):
		def offered(user: str) -> bool:
			frappe.set_user(user)
			try:
				doc = frappe.get_doc(RECOMMENDATION, self.doc.name)
				doc.run_method("onload")
				return doc.get_onload().get("can_send_to_employer")
			finally:
				frappe.set_user("Administrator")

		self.assertFalse(offered(HEAD_USER))
		approve(self.doc)
		self.assertTrue(offered(HEAD_USER))
		self.assertTrue(offered(SPECIALIST_USER))
		for user in (DIRECTOR_USER, PSYCHOLOGIST_USER, TEACHER_USER, SOCIAL_PEDAGOGUE_USER):
			with self.subTest(user=user):
				self.assertFalse(offered(user))

	# --- print -----------------------------------------------------------------------------------

	def filled(self):
		values = {
			**PSYCHOLOGIST_TEXT,
			**SOCIAL_TEXT,
			**TEACHER_TEXT,
			**CENTER_TEXT,
			"consilium_living": "Проживание с родителями.\nСопровождение не требуется.",
			"psychologist_name": "П.П. Психологова",
			"teacher_name": "У.У. Учителева",
			"social_pedagogue_name": "С.С. Социальная",
			"conclusions": [{"action": "Давать задания по одному."}, {"action": "Хвалить за результат."}],
		}
		save_as(HEAD_USER, self.doc, **values)
		return frappe.get_doc(RECOMMENDATION, self.doc.name)

	def test_print_is_the_paper_form(self):
		doc = self.filled()
		frappe.local.jenv = None
		frappe.set_user(HEAD_USER)
		html = frappe.get_print(RECOMMENDATION, doc.name, print_format=PRINT_FORMAT)
		body = html.split('<div class="ce-form">', 1)[1]
		for expected in (
			"КОМИТЕТ ОБЩЕГО И ПРОФЕССИОНАЛЬНОГО ОБРАЗОВАНИЯ ЛЕНИНГРАДСКОЙ ОБЛАСТИ",
			"«МУЛЬТИЦЕНТР СОЦИАЛЬНОЙ И ТРУДОВОЙ ИНТЕГРАЦИИ»",
			"(ГАНПОУ ЛО «МЦ СиТИ»)",
			"Рекомендации наставникам на рабочем месте/работодателям",
			f"по сопровождению выпускника группы {GRADUATE_DETAILS['group_code']} «Помощник повара»",
			"Иванов Иван Иванович 2004 г.р.",
			"01.09.2022 – 30.06.2025",
			"Проживание с родителями.<br>Сопровождение не требуется.",
			CENTER_TEXT["consilium_employment"],
			GRADUATE_DETAILS["actual_address"],
			"Личностные и поведенческие особенности (рекомендации психолога).",
			PSYCHOLOGIST_TEXT["cognitive_sphere"],
			"Особенности социального развития (рекомендации социального педагога, воспитателя).",
			SOCIAL_TEXT["everyday_skills"],
			"Особенности учебной деятельности (рекомендации педагога).",
			TEACHER_TEXT["competence_level"],
			"Выводы.",
			'<td class="ce-number">1.</td><td>Давать задания по одному.</td>',
			'<td class="ce-number">2.</td><td>Хвалить за результат.</td>',
			"П.П. Психологова",
			"У.У. Учителева",
			"С.С. Социальная",
			"Зам. директора по трудоустройству и занятости",
			DEPUTY,
		):
			with self.subTest(expected=expected):
				self.assertIn(expected, body)

	def test_an_empty_recommendation_prints_the_forms_blank_lines(self):
		frappe.local.jenv = None
		html = frappe.get_print(RECOMMENDATION, self.doc.name, print_format=PRINT_FORMAT)
		body = html.split('<div class="ce-form">', 1)[1]
		self.assertEqual(body.count('<td class="ce-blank"></td>'), 4)
		self.assertIn('<span class="ce-lead">Когнитивная сфера:</span></p> <div class="ce-rule"></div>', body)

	def test_print_renders_as_pdf(self):
		doc = self.filled()
		frappe.local.jenv = None
		pdf = frappe.get_print(RECOMMENDATION, doc.name, print_format=PRINT_FORMAT, as_pdf=True)
		self.assertTrue(pdf.startswith(b"%PDF"))


class TestMentorRecommendationOverRest(FrappeTestCase):
	"""A Psychologist's and a Specialist's PUTs over real REST, the workflow bypassed where it matters."""

	PSYCHOLOGIST = "rest-recommendation-psychologist@example.com"
	SPECIALIST = "rest-recommendation-specialist@example.com"

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		cls.tokens = {}
		for email, role in ((cls.PSYCHOLOGIST, PSYCHOLOGIST), (cls.SPECIALIST, EMPLOYMENT_SPECIALIST)):
			user = frappe.get_doc("User", make_user(email, role))
			secret = frappe.generate_hash(length=15)
			user.api_key = frappe.generate_hash(length=15)
			user.api_secret = secret
			user.save(ignore_permissions=True)
			cls.tokens[email] = f"{user.api_key}:{secret}"
		cls.graduate = make_graduate(last_name="Рестов")
		cls.draft = make_recommendation(cls.graduate.name, **TEACHER_TEXT).name
		cls.reviewed = make_recommendation(cls.graduate.name).name
		frappe.db.set_value(RECOMMENDATION, cls.reviewed, "status", "Ready for Review")
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.db.rollback()
		frappe.set_user("Administrator")
		for name in (cls.draft, cls.reviewed):
			frappe.db.delete("Recommendation Action", {"parent": name})
			frappe.db.delete("Version", {"ref_doctype": RECOMMENDATION, "docname": name})
			frappe.db.delete(RECOMMENDATION, {"name": name})
		frappe.db.delete("Graduate", {"name": cls.graduate.name})
		for email in (cls.PSYCHOLOGIST, cls.SPECIALIST):
			frappe.delete_doc("User", email, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	def tearDown(self):
		# A save made in the test's own transaction would hold row locks the request thread waits for.
		frappe.db.rollback()

	def put(self, user: str, name: str, values: dict):
		client = get_test_client(use_cookies=False)
		return make_http_request(
			target=client.put,
			args=(f"/api/resource/{quote(RECOMMENDATION)}/{quote(name)}",),
			kwargs={"json": values, "headers": {"Authorization": f"token {self.tokens[user]}"}},
			site=frappe.local.site,
		)

	def test_psychologist_writing_the_teachers_section_is_refused(self):
		response = self.put(self.PSYCHOLOGIST, self.draft, {"competence_level": "Переписано психологом"})
		self.assertEqual(response.status_code, 403, response.text)
		self.assertIn(LEARNING_SECTION, json.dumps(response.json, ensure_ascii=False).replace("\\'", "'"))
		self.assertEqual(
			frappe.db.get_value(RECOMMENDATION, self.draft, "competence_level"),
			TEACHER_TEXT["competence_level"],
		)

	def test_psychologist_writes_their_own_section(self):
		response = self.put(self.PSYCHOLOGIST, self.draft, PSYCHOLOGIST_TEXT)
		self.assertEqual(response.status_code, 200, response.text)
		self.assertEqual(
			frappe.db.get_value(RECOMMENDATION, self.draft, "cognitive_sphere"),
			PSYCHOLOGIST_TEXT["cognitive_sphere"],
		)

	def test_specialist_approving_with_the_workflow_bypassed_is_refused(self):
		with patch("frappe.model.document.validate_workflow"):
			response = self.put(self.SPECIALIST, self.reviewed, {"status": "Approved"})
		self.assertEqual(response.status_code, 417, response.text)
		self.assertIn("Only the Employment Center Head", response.text)
		self.assertEqual(frappe.db.get_value(RECOMMENDATION, self.reviewed, "status"), "Ready for Review")

	def test_specialist_approving_through_the_workflow_is_refused(self):
		response = self.put(self.SPECIALIST, self.reviewed, {"status": "Approved"})
		self.assertIn(response.status_code, (403, 417), response.text)
		self.assertEqual(frappe.db.get_value(RECOMMENDATION, self.reviewed, "status"), "Ready for Review")
