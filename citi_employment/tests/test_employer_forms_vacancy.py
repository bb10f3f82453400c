# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""The employer's online vacancy request (issue 13 item 2): what a guest's submission creates, what it never
reads or changes, and the bad input of the issue (oversized fields, script tags, SQL fragments, a wrong ИНН
check digit, a missing consent box, the same request 50 times in a minute): a clear refusal, nothing written."""

import email
from contextlib import contextmanager
from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate, set_request

from citi_employment.domain import employer_forms as rules
from citi_employment.employer_forms import abuse
from citi_employment.employer_forms import vacancy_request as service
from citi_employment.employer_forms.abuse import TooManySubmissionsError
from citi_employment.employer_forms.guest_input import GuestFormError
from citi_employment.tests.records import (
	DIRECTOR_USER,
	EMPLOYER_DETAILS,
	SPECIALIST_USER,
	ensure_outgoing_email_account,
	make_center_users,
	make_employer,
	make_profession,
	organization_inn,
)

REQUEST = "Vacancy Request"
INTERNAL = "Vacancy Internal Requirements"
EMPLOYER = "Employer"
# Everything a submission could write, directly or on the side.
WATCHED = (REQUEST, INTERNAL, EMPLOYER, "Email Queue", "Notification Log", "Version", "Comment")


def form(**changes) -> dict:
	values = {
		"employer_full_name": "Общество с ограниченной ответственностью «Новая столовая»",
		"employer_short_name": "ООО «Новая столовая»",
		"inn": organization_inn(),
		"employer_phone": "8 (812) 555-01-09",
		"employer_email": "office@new-stolovaya.invalid",
		"website": "new-stolovaya.invalid",
		"employer_address": "г. Всеволожск, ул. Заводская, д. 5",
		"activity": "Общественное питание",
		"founding_year": "2010",
		"head_name": "Иванов Иван Иванович, директор",
		"kind": "Employment",
		"position": "Помощник повара",
		"profession": "Test Vacancy Cook",
		"department": "Горячий цех",
		"reports_to": "Шеф-повар",
		"positions_count": "2",
		"expected_start_date": add_days(getdate(), 20).isoformat(),
		"work_address": "г. Всеволожск, ул. Заводская, д. 5",
		"schedule": "5/2, с 9:00 до 17:00",
		"probation_period": "1 месяц",
		"salary": "45 000",
		"probation_salary": "40000",
		"education_requirement": "профессиональное обучение",
		"pc_skills": "не требуется",
		"age_requirement": "от 18 лет",
		"gender_requirement": "Female",
		"contact_person": "Петрова Анна Сергеевна",
		"contact_person_position": "Менеджер по персоналу",
		"contact_phone": "+7 921 123-45-67",
		"contact_email": "hr@new-stolovaya.invalid",
		"comment": "Готовы взять на практику",
		"consent": "1",
	}
	values.update(changes)
	return {key: value for key, value in values.items() if value is not None}


class VacancyFormTestCase(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		ensure_outgoing_email_account()
		make_profession("Test Vacancy Cook")

	def setUp(self):
		frappe.db.savepoint("vacancy_form_test")
		frappe.set_user("Administrator")
		abuse.clear_counters()

	def tearDown(self):
		drop_request()
		frappe.local.request_ip = None
		frappe.local.response.pop("http_status_code", None)
		frappe.set_user("Administrator")
		frappe.db.rollback(save_point="vacancy_form_test")
		abuse.clear_counters()

	# --- helpers ------------------------------------------------------------------------------------------

	def submit(self, **values) -> dict:
		"""The endpoint as a guest calls it (the whitelisting is tested through the handler below)."""
		frappe.set_user("Guest")
		# set_user empties form_dict; the rate limiter keys its counter by the method named there.
		frappe.local.form_dict = frappe._dict(cmd=service.SUBMIT_METHOD)
		frappe.local.response.pop("http_status_code", None)
		try:
			return service.submit(**values)
		finally:
			frappe.set_user("Administrator")

	@contextmanager
	def from_address(self, ip: str = "203.0.113.7", method: str = "POST"):
		"""A web request from ``ip``: the framework's rate limiter counts only within one."""
		set_request(method=method, path="/api/method/" + service.SUBMIT_METHOD)
		frappe.local.request_ip = ip
		try:
			yield
		finally:
			drop_request()

	def counts(self) -> dict[str, int]:
		return {doctype: frappe.db.count(doctype) for doctype in WATCHED}

	def assert_refused(self, answer: dict, *fields: str) -> None:
		self.assertFalse(answer["ok"])
		self.assertEqual(frappe.local.response.get("http_status_code"), 422)
		self.assertEqual(set(answer["errors"]), set(fields), answer["errors"])

	# --- what a submission makes ----------------------------------------------------------------------------

	def test_a_new_inn_makes_a_draft_request_its_wishes_and_a_potential_employer(self):
		values = form()
		answer = self.submit(**values)
		self.assertTrue(answer["ok"])
		self.assertTrue(answer["mailed"])
		request = frappe.get_doc(REQUEST, answer["number"])
		self.assertEqual(request.status, "Draft")
		self.assertEqual(request.position, "Помощник повара")
		self.assertEqual(request.profession, "Test Vacancy Cook")
		self.assertEqual(request.positions_count, 2)
		self.assertEqual(request.salary, 45000)
		self.assertEqual(request.contact_phone, "+79211234567")
		self.assertTrue(request.submitted_online)
		self.assertTrue(request.submitted_at)
		self.assertEqual(request.privacy_notice_version, service.PRIVACY_NOTICE_VERSION)
		self.assertIn("г. Всеволожск, ул. Заводская, д. 5", request.submitted_details)
		self.assertIn("Готовы взять на практику", request.submitted_details)
		# The wishes live apart, never on the request (Закон РФ 1032-1 ст. 25).
		internal = frappe.get_doc(INTERNAL, request.name)
		self.assertEqual((internal.age_requirement, internal.gender_requirement), ("от 18 лет", "Female"))
		self.assertNotIn("от 18 лет", frappe.as_json(request.as_dict()))
		employer = frappe.get_doc(EMPLOYER, request.employer)
		self.assertEqual(employer.status, "Potential")
		self.assertEqual(employer.inn, values["inn"])
		self.assertEqual(employer.short_name, "ООО «Новая столовая»")
		self.assertEqual(employer.phone, "+78125550109")
		self.assertEqual(employer.website, "https://new-stolovaya.invalid")
		# The request's header is the card's copy.
		self.assertEqual(request.employer_full_name, employer.full_name)

	def test_the_specialists_are_notified_and_the_employer_gets_the_number_only(self):
		answer = self.submit(**form())
		notified = frappe.get_all(
			"Notification Log", filters={"document_name": answer["number"]}, pluck="for_user"
		)
		self.assertIn(SPECIALIST_USER, notified)
		mail = frappe.get_last_doc("Email Queue", filters={"reference_name": answer["number"]})
		self.assertEqual([row.recipient for row in mail.recipients], ["hr@new-stolovaya.invalid"])
		body = mail_text(mail.message)
		self.assertIn(answer["number"], body)
		# Nothing the guest typed goes out again: the form cannot relay text to a third party.
		for typed in ("Помощник повара", "Петрова", "Новая столовая", "Готовы взять"):
			self.assertNotIn(typed, body)

	def test_a_known_inn_links_the_request_and_leaves_the_employer_alone(self):
		inn = organization_inn()
		known = make_employer("ООО «Известный»", inn=inn, **EMPLOYER_DETAILS)
		before = frappe.get_doc(EMPLOYER, known).as_dict()
		employers = frappe.db.count(EMPLOYER)
		answer = self.submit(
			**form(inn=inn, employer_full_name="ООО «Подменённое имя»", employer_phone="+7 900 000-00-00")
		)
		new = self.submit(**form())
		# The same answer either way: the form does not tell who the Center works with.
		self.assertEqual(set(answer), set(new))
		request = frappe.get_doc(REQUEST, answer["number"])
		self.assertEqual(request.employer, known)
		self.assertEqual(frappe.db.count(EMPLOYER), employers + 1)  # only the second, new ИНН
		after = frappe.get_doc(EMPLOYER, known).as_dict()
		for field in ("full_name", "short_name", "phone", "email", "website", "modified"):
			self.assertEqual(after[field], before[field], field)
		# The request copies the card, not what the guest typed; the typed text waits for the Specialists.
		self.assertEqual(request.employer_full_name, before["full_name"])
		self.assertIn("ООО «Подменённое имя»", request.submitted_details)

	def test_no_message_about_other_employers_reaches_the_guest(self):
		make_employer("ООО «Ромашка»", inn=organization_inn())
		frappe.local.message_log = []
		answer = self.submit(**form(employer_full_name="ООО «Ромашка»", employer_short_name="ООО «Ромашка»"))
		self.assertTrue(answer["ok"])
		self.assertEqual(frappe.local.message_log, [])

	def test_a_profession_the_center_does_not_know_stays_as_text(self):
		answer = self.submit(**form(profession="Кондитер-декоратор"))
		request = frappe.get_doc(REQUEST, answer["number"])
		self.assertFalse(request.profession)
		self.assertIn("Кондитер-декоратор", request.submitted_details)

	def test_no_wishes_make_no_internal_record(self):
		answer = self.submit(**form(age_requirement="", gender_requirement="Any"))
		self.assertFalse(frappe.db.exists(INTERNAL, answer["number"]))

	# --- the Center's link ----------------------------------------------------------------------------------

	def test_the_centers_link_files_the_request_for_its_employer(self):
		known = make_employer("ООО «По ссылке»", inn=organization_inn(), **EMPLOYER_DETAILS)
		before = frappe.get_doc(EMPLOYER, known).as_dict()
		with self.set_user(SPECIALIST_USER):
			sent = service.send_vacancy_request_link(known)
		token = sent["link"].split(f"{service.LINK_PARAMETER}=", 1)[1]
		self.assertTrue(frappe.db.exists("Email Queue", {"reference_name": known}))
		# The page names the employer by its short name and shows nothing else of the card.
		frappe.set_user("Guest")
		context = service.page_context(frappe._dict({service.LINK_PARAMETER: token}))
		frappe.set_user("Administrator")
		self.assertEqual(context["employer_name"], "ООО «По ссылке»")
		shown = frappe.as_json(context)
		for detail in (before["email"], before["phone"], before["head_name"], before["full_name"]):
			self.assertNotIn(detail, shown)
		# No header is asked; header values sent anyway are not read.
		values = {
			key: value
			for key, value in form(inn="<script>", employer_full_name="Чужое имя").items()
			if key not in ("employer_short_name",)
		}
		answer = self.submit(**values, **{service.LINK_PARAMETER: token})
		request = frappe.get_doc(REQUEST, answer["number"])
		self.assertEqual(request.employer, known)
		self.assertEqual(request.employer_full_name, before["full_name"])
		self.assertNotIn("Чужое имя", request.submitted_details)
		self.assertEqual(frappe.get_doc(EMPLOYER, known).modified, before["modified"])

	def test_a_forged_or_expired_link_is_refused_and_writes_nothing(self):
		known = make_employer("ООО «Подделка»", inn=organization_inn())
		key = service.link_key()
		forged = rules.sign_employer_link(
			rules.employer_link_key("another secret"), known, add_days(getdate(), 9)
		)
		expired = rules.sign_employer_link(key, known, add_days(getdate(), -1))
		counts = self.counts()
		for token in (forged, expired, "EMP-00001", "x" * 5000):
			with self.assertRaises(GuestFormError):
				self.submit(**form(), **{service.LINK_PARAMETER: token})
		self.assertEqual(self.counts(), counts)
		frappe.set_user("Guest")
		self.assertTrue(service.page_context(frappe._dict({service.LINK_PARAMETER: forged}))["link_refused"])

	def test_only_writers_of_the_employer_send_the_link(self):
		known = make_employer("ООО «Не для директора»", inn=organization_inn())
		with self.set_user(DIRECTOR_USER), self.assertRaises(frappe.PermissionError):
			service.send_vacancy_request_link(known)
		with self.set_user(SPECIALIST_USER), self.assertRaises(frappe.ValidationError):
			service.send_vacancy_request_link(known, recipient="not an e-mail")

	# --- bad input -------------------------------------------------------------------------------------------

	def test_bad_input_is_refused_with_a_message_and_writes_nothing(self):
		counts = self.counts()
		cases = {
			"oversized field": (form(position="П" * 200_000), {"position"}),
			"script tag": (form(position="<script>alert(1)</script>"), {"position"}),
			"script in a comment": (form(comment='"><img src=x onerror=alert(1)>'), {"comment"}),
			"escaped script": (form(activity="&lt;script&gt;alert(1)&lt;/script&gt;"), {"activity"}),
			"SQL fragment in the INN": (form(inn="1' OR '1'='1"), {"inn"}),
			"wrong INN check digit": (form(inn="7707083894"), {"inn"}),
			"missing consent box": (form(consent=None), {"consent"}),
			"consent not ticked": (form(consent="0"), {"consent"}),
			"javascript link": (form(website="javascript:alert(1)"), {"website"}),
			"a value that is a list": (form(position=["a", "b"]), {"position"}),
			"everything missing": ({}, {"employer_full_name", "inn", "position", "positions_count"}),
		}
		for case, (values, fields) in cases.items():
			with self.subTest(case):
				answer = self.submit(**values)
				if case == "everything missing":
					self.assertTrue(fields <= set(answer["errors"]))
				else:
					self.assert_refused(answer, *fields)
				# The message names the field by its label, never the value.
				for message in answer["errors"].values():
					self.assertNotIn("script", message.replace("скрипт", ""))
					self.assertNotIn("7707083894", message)
		self.assertEqual(self.counts(), counts)

	def test_messages_are_russian_whatever_the_browser_asks(self):
		frappe.local.lang = "en"
		answer = self.submit(**form(inn="7707083894"))
		self.assertIn("ИНН предприятия", answer["errors"]["inn"])
		self.assertIn("контрольное число", answer["errors"]["inn"])

	def test_sql_text_is_stored_as_text_and_runs_nowhere(self):
		text = "Повар'); DROP TABLE `tabEmployer`; --"
		answer = self.submit(**form(position=text, comment="1; DELETE FROM tabEmployer WHERE 1=1"))
		self.assertEqual(frappe.db.get_value(REQUEST, answer["number"], "position"), text)
		self.assertTrue(frappe.db.count(EMPLOYER))

	def test_markup_through_the_real_handler_is_refused_not_silently_cleaned(self):
		"""Frappe sanitises a guest's values unless the method is xss_safe; ours refuses them itself."""
		from frappe.handler import execute_cmd

		counts = self.counts()
		with self.from_address():
			frappe.set_user("Guest")
			frappe.local.form_dict = frappe._dict(
				cmd=service.SUBMIT_METHOD, **form(position="<script>alert(1)</script>")
			)
			answer = execute_cmd(service.SUBMIT_METHOD)
		self.assert_refused(answer, "position")
		self.assertIn("HTML", answer["errors"]["position"])
		self.assertEqual(self.counts(), counts)

	def test_the_endpoint_takes_post_only(self):
		from frappe.handler import execute_cmd

		with self.from_address(method="GET"):
			frappe.set_user("Guest")
			frappe.local.form_dict = frappe._dict(cmd=service.SUBMIT_METHOD, **form())
			with self.assertRaises(frappe.PermissionError):
				execute_cmd(service.SUBMIT_METHOD)

	def test_the_honeypot_refuses_the_submission(self):
		counts = self.counts()
		with self.assertRaises(GuestFormError):
			self.submit(**form(), **{rules.HONEYPOT_FIELD: "https://spam.example"})
		self.assertEqual(self.counts(), counts)

	def test_an_oversized_body_is_refused_before_its_fields_are_read(self):
		with self.from_address():
			frappe.local.request.environ["CONTENT_LENGTH"] = str(rules.MAX_BODY_BYTES + 1)
			with self.assertRaises(GuestFormError):
				self.submit(**form())

	def test_a_failure_while_writing_leaves_nothing_half_saved(self):
		counts = self.counts()
		with (
			patch.object(service, "make_internal_requirements", side_effect=frappe.ValidationError("broken")),
			self.assertRaises(GuestFormError),
		):
			self.submit(**form())
		self.assertEqual(self.counts(), counts)

	def test_what_a_guest_typed_prints_as_text(self):
		answer = self.submit(**form(position='Повар "<<Шеф>>" & Co', work_address="a < b > c"))
		html = frappe.get_print(REQUEST, answer["number"])
		self.assertIn("Повар &#34;&lt;&lt;Шеф&gt;&gt;&#34; &amp; Co", html)
		self.assertIn("a &lt; b &gt; c", html)
		self.assertNotIn("<<Шеф>>", html)

	# --- abuse ------------------------------------------------------------------------------------------------

	def test_the_rate_limit_per_address(self):
		with patch.dict(frappe.conf, {abuse.LIMITS_CONFIG_KEY: {"vacancy_per_ip": 3}}), self.from_address():
			for _attempt in range(3):
				self.submit(**form(consent=None))  # refused ones count too
			with self.assertRaises(frappe.RateLimitExceededError):
				self.submit(**form())
		# Another address is not affected.
		with (
			patch.dict(frappe.conf, {abuse.LIMITS_CONFIG_KEY: {"vacancy_per_ip": 3}}),
			self.from_address("198.51.100.1"),
		):
			self.assertTrue(self.submit(**form())["ok"])

	def test_the_rate_limit_per_inn_and_per_email(self):
		inn = organization_inn()
		with patch.dict(frappe.conf, {abuse.LIMITS_CONFIG_KEY: {"vacancy_per_inn": 2}}):
			self.submit(**form(inn=inn, position="Первая"))
			self.submit(**form(inn=inn, position="Вторая"))
			with self.assertRaises(TooManySubmissionsError) as raised:
				self.submit(**form(inn=inn, position="Третья"))
		self.assertEqual(raised.exception.http_status_code, 429)
		self.assertEqual(frappe.db.count(REQUEST, {"employer": ("in", self.employers_with(inn))}), 2)
		with patch.dict(frappe.conf, {abuse.LIMITS_CONFIG_KEY: {"vacancy_per_email": 1}}):
			self.submit(**form(contact_email="one@example.invalid"))
			with self.assertRaises(TooManySubmissionsError):
				self.submit(**form(contact_email="ONE@example.invalid", position="Другая"))

	def test_the_same_request_fifty_times_in_a_minute_makes_one(self):
		values = form()
		numbers, limited = set(), 0
		with self.from_address():
			for _attempt in range(50):
				try:
					answer = self.submit(**values)
				except frappe.RateLimitExceededError:
					limited += 1
					continue
				numbers.add(answer["number"])
		self.assertEqual(len(numbers), 1)
		self.assertGreater(limited, 0)
		self.assertEqual(
			frappe.db.count(REQUEST, {"position": values["position"], "name": ("in", numbers)}), 1
		)

	def test_the_page_says_when_the_address_is_blocked(self):
		with patch.dict(frappe.conf, {abuse.LIMITS_CONFIG_KEY: {"vacancy_per_ip": 1}}), self.from_address():
			self.submit(**form(consent=None))
			frappe.set_user("Guest")
			context = service.page_context(frappe._dict())
		self.assertTrue(context["blocked"])
		self.assertEqual(context["http_status_code"], 429)

	def employers_with(self, inn: str) -> list[str]:
		return frappe.get_all(EMPLOYER, filters={"inn": inn}, pluck="name")


def drop_request() -> None:
	"""No web request, as in any other test (the framework checks whether ``frappe.local`` has one)."""
	if hasattr(frappe.local, "request"):
		del frappe.local.request


def mail_text(message: str) -> str:
	"""The decoded text of a queued mail (its parts are quoted-printable or base64)."""
	parsed = email.message_from_string(message)
	parts = []
	for part in parsed.walk():
		payload = part.get_payload(decode=True)
		if payload:
			parts.append(payload.decode(part.get_content_charset() or "utf-8", "replace"))
	return "\n".join(parts)
