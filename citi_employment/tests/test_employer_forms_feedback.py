# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""The employer's answer at a monitoring checkpoint (issue 13 item 3): the Specialist sends a single-use,
expiring link from a due check; the page shows the graduate's name and position only; the answer fills the
check through its controller and is logged; a used, expired, replaced, forged or altered link, or one aimed at
another record, changes nothing."""

from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate, now_datetime, set_request

from citi_employment.domain import employer_forms as rules
from citi_employment.domain import monitoring
from citi_employment.employer_forms import abuse
from citi_employment.employer_forms import feedback as service
from citi_employment.employer_forms.feedback import FeedbackLinkError
from citi_employment.monitoring import RECORD_DOCTYPE
from citi_employment.tests.records import (
	DIRECTOR_USER,
	SPECIALIST_USER,
	ensure_outgoing_email_account,
	make_center_users,
	make_employer,
	make_graduate,
	make_placement,
)
from citi_employment.tests.test_employer_forms_vacancy import drop_request, mail_text

LINKS = "Employer Feedback Request"
TOKEN = "T" * 22 + "0123456789_-abcdefghi"
OTHER_TOKEN = "U" * 22 + "0123456789_-abcdefghi"


def answers(**changes) -> dict:
	values = {
		"still_working": "yes",
		"complaints": "no",
		"conditions_match": "yes",
		"special_workplace": "not_needed",
		"satisfaction": "4",
		"training_quality": "Хорошо знает технологию, не хватает скорости",
	}
	values.update(changes)
	return {key: value for key, value in values.items() if value is not None}


class FeedbackTestCase(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		ensure_outgoing_email_account()
		cls.employer = make_employer("ООО «Отзывчивый»", email="hr@otzyv.invalid")

	def setUp(self):
		frappe.db.savepoint("feedback_test")
		frappe.set_user("Administrator")
		abuse.clear_counters()
		self.record = self.due_check("Отзывов")

	def tearDown(self):
		drop_request()
		frappe.local.request_ip = None
		frappe.local.response.pop("http_status_code", None)
		frappe.set_user("Administrator")
		frappe.db.rollback(save_point="feedback_test")
		abuse.clear_counters()

	# --- helpers ------------------------------------------------------------------------------------------

	def due_check(self, last_name: str) -> str:
		"""The 1-month check of a graduate placed 35 days ago: due now."""
		graduate = make_graduate(consent=True, last_name=last_name)
		with self.set_user(SPECIALIST_USER):
			placement = make_placement(
				graduate.name,
				self.employer,
				employment_date=add_days(getdate(), -35),
				position="Помощник повара",
			)
		name = frappe.db.get_value(RECORD_DOCTYPE, {"placement": placement.name, "checkpoint": 1}, "name")
		self.assertEqual(frappe.db.get_value(RECORD_DOCTYPE, name, "status"), monitoring.DUE)
		return name

	def send(self, record: str | None = None, token: str = TOKEN, **kwargs) -> dict:
		with self.set_user(SPECIALIST_USER), patch.object(rules, "new_token", return_value=token):
			return service.send_feedback_request(record or self.record, **kwargs)

	def answer(self, record: str | None = None, token: str = TOKEN, **values) -> dict:
		frappe.set_user("Guest")
		frappe.local.form_dict = frappe._dict(cmd=service.SUBMIT_METHOD)
		frappe.local.response.pop("http_status_code", None)
		try:
			return service.submit(record=record or self.record, token=token, **(values or answers()))
		finally:
			frappe.set_user("Administrator")

	def page(self, record: str | None = None, token: str = TOKEN) -> dict:
		frappe.set_user("Guest")
		try:
			return service.page_context(frappe._dict(record=record or self.record, token=token))
		finally:
			frappe.set_user("Administrator")

	def snapshot(self, record: str | None = None) -> dict:
		"""The checks the link could touch (its own and the one it is aimed at), as stored."""
		names = {self.record, record or self.record}
		fields = ["name", "status", "method", "outcome", "checked_on", "modified"]
		return {
			row.name: row
			for row in frappe.get_all(RECORD_DOCTYPE, filters={"name": ("in", names)}, fields=fields)
		}

	def assert_closed(self, problem: rules.LinkProblem, record: str | None = None, token: str = TOKEN):
		"""The page says why, the answer is refused, and neither changes the record."""
		before = self.snapshot(record)
		context = self.page(record, token)
		self.assertEqual(context["state"], problem.value)
		self.assertNotIn("graduate_name", context)
		with self.assertRaises(FeedbackLinkError):
			self.answer(record, token)
		self.assertEqual(self.snapshot(record), before)

	# --- sending ------------------------------------------------------------------------------------------

	def test_a_specialist_sends_a_link_that_only_its_hash_is_kept_of(self):
		sent = self.send()
		link = frappe.get_doc(LINKS, sent["name"])
		self.assertEqual(link.status, rules.LINK_SENT)
		self.assertEqual(link.monitoring_record, self.record)
		self.assertEqual(link.recipient_email, "hr@otzyv.invalid")
		self.assertEqual(link.token_hash, rules.token_digest(TOKEN))
		self.assertNotIn(TOKEN, frappe.as_json(link.as_dict()))
		self.assertEqual(link.expires_at, add_days(link.sent_at, rules.FEEDBACK_LINK_DAYS))
		mail = frappe.get_last_doc("Email Queue", filters={"reference_name": self.record})
		body = mail_text(mail.message)
		self.assertIn(f"token={TOKEN}", body)
		self.assertIn(f"record={self.record}", body)
		# The mail names no graduate: it stays in the queue and may be forwarded.
		self.assertNotIn("Отзывов", body)
		self.assertNotIn("Отзывов", mail.message)
		comments = frappe.get_all(
			"Comment", filters={"reference_name": self.record, "comment_type": "Info"}, pluck="content"
		)
		self.assertTrue(any(sent["name"] in comment for comment in comments))

	def test_only_a_due_check_is_sent_and_only_by_its_writers(self):
		with self.set_user(DIRECTOR_USER), self.assertRaises(frappe.PermissionError):
			service.send_feedback_request(self.record)
		frappe.db.set_value(RECORD_DOCTYPE, self.record, "status", monitoring.PLANNED)
		with self.set_user(SPECIALIST_USER), self.assertRaises(frappe.ValidationError):
			service.send_feedback_request(self.record)
		frappe.db.set_value(RECORD_DOCTYPE, self.record, "status", monitoring.DUE)
		with self.set_user(SPECIALIST_USER), self.assertRaises(frappe.ValidationError):
			service.send_feedback_request(self.record, recipient="<script>@x")
		self.assertFalse(frappe.db.exists(LINKS, {"monitoring_record": self.record}))

	def test_a_newer_link_replaces_the_older_one(self):
		first = self.send()
		self.send(token=OTHER_TOKEN)
		self.assertEqual(frappe.db.get_value(LINKS, first["name"], "status"), rules.LINK_SUPERSEDED)
		self.assert_closed(rules.LinkProblem.SUPERSEDED)
		self.assertEqual(self.page(token=OTHER_TOKEN)["state"], "form")

	# --- the page -----------------------------------------------------------------------------------------

	def test_the_page_shows_the_graduates_name_and_position_only(self):
		self.send()
		context = self.page()
		self.assertEqual(context["state"], "form")
		self.assertIn("Отзывов", context["graduate_name"])
		self.assertEqual(context["position"], "Помощник повара")
		graduate = frappe.get_doc("Graduate", frappe.db.get_value(RECORD_DOCTYPE, self.record, "graduate"))
		shown = frappe.as_json(context)
		for private in (str(graduate.date_of_birth), graduate.group_code, graduate.name, "ООО «Отзывчивый»"):
			self.assertNotIn(private, shown)

	# --- the answer ---------------------------------------------------------------------------------------

	def test_still_working_completes_the_check(self):
		link = self.send()["name"]
		self.assertEqual(self.answer(), {"ok": True})
		record = frappe.get_doc(RECORD_DOCTYPE, self.record)
		self.assertEqual(record.status, monitoring.DONE)
		self.assertEqual(record.method, "Employer's Report")
		self.assertEqual(getdate(record.checked_on), getdate())
		self.assertEqual(record.outcome, monitoring.WORKING_HERE)
		self.assertEqual(record.conditions_match_contract, "Yes")
		self.assertEqual(record.special_workplace, "Not Needed")
		self.assertEqual(record.employer_satisfaction, 4)
		self.assertEqual(record.training_quality_feedback, "Хорошо знает технологию, не хватает скорости")
		self.assertFalse(record.employer_complaints)
		self.assertEqual(
			frappe.db.get_value("Graduate Placement", record.placement, "latest_outcome"),
			monitoring.WORKING_HERE,
		)
		self.assertEqual(frappe.db.get_value(LINKS, link, "status"), rules.LINK_ANSWERED)
		self.assertTrue(frappe.db.get_value(LINKS, link, "answered_at"))
		self.assertTrue(
			frappe.db.exists("Comment", {"reference_name": self.record, "content": ("like", f"%{link}%")})
		)
		self.assertTrue(
			frappe.db.exists("Notification Log", {"document_name": self.record, "for_user": SPECIALIST_USER})
		)

	def test_no_longer_working_keeps_the_check_open_with_the_employers_answers(self):
		self.send()
		self.answer(
			**answers(
				still_working="no",
				conditions_match=None,
				special_workplace=None,
				complaints="yes",
				complaint_details="Часто опаздывал",
				satisfaction="2",
			)
		)
		record = frappe.get_doc(RECORD_DOCTYPE, self.record)
		self.assertEqual(record.status, monitoring.DUE)
		self.assertEqual(record.method, "Employer's Report")
		self.assertFalse(record.outcome)
		self.assertFalse(record.checked_on)
		self.assertTrue(record.employer_complaints)
		self.assertEqual(record.complaint_details, "Часто опаздывал")
		self.assertEqual(record.employer_satisfaction, 2)
		subjects = frappe.get_all("Notification Log", filters={"document_name": self.record}, pluck="subject")
		self.assertTrue(subjects)

	def test_a_used_link_changes_nothing(self):
		self.send()
		self.answer()
		self.assert_closed(rules.LinkProblem.USED)

	def test_an_expired_link_changes_nothing(self):
		link = self.send()["name"]
		frappe.db.set_value(LINKS, link, "expires_at", add_days(now_datetime(), -1))
		self.assert_closed(rules.LinkProblem.EXPIRED)

	def test_a_link_of_a_closed_check_changes_nothing(self):
		self.send()
		frappe.db.set_value(RECORD_DOCTYPE, self.record, "status", monitoring.NOT_APPLICABLE)
		self.assert_closed(rules.LinkProblem.CHECK_CLOSED)

	def test_a_forged_altered_or_misdirected_link_changes_nothing(self):
		self.send()
		other = self.due_check("Чужой")
		altered = TOKEN[:-1] + ("j" if TOKEN[-1] != "j" else "k")
		for record, token in (
			(self.record, altered),  # one character changed
			(self.record, rules.new_token()),  # never issued
			(self.record, TOKEN + "x"),  # not a token at all
			(self.record, "' OR 1=1 --"),
			(other, TOKEN),  # this record's token aimed at another record
			("EMR-0000-00000", TOKEN),
			("ЕМР-кириллица", TOKEN),
		):
			with self.subTest(record=record, token=token):
				self.assert_closed(rules.LinkProblem.UNKNOWN, record, token)
		self.assertEqual(self.snapshot()[self.record].status, monitoring.DUE)
		self.assertEqual(self.page()["state"], "form")

	def test_bad_answers_are_refused_and_the_link_still_works(self):
		link = self.send()["name"]
		before = self.snapshot()
		cases = {
			"script tag": (answers(training_quality="<script>alert(1)</script>"), {"training_quality"}),
			"oversized": (answers(training_quality="x" * 50_000), {"training_quality"}),
			"score out of range": (answers(satisfaction="9"), {"satisfaction"}),
			"SQL in a choice": (answers(still_working="yes' OR '1'='1"), {"still_working"}),
			"complaint without details": (answers(complaints="yes"), {"complaint_details"}),
			"nothing answered": ({"satisfaction": ""}, {"still_working", "complaints", "satisfaction"}),
		}
		for case, (values, fields) in cases.items():
			with self.subTest(case):
				reply = self.answer(**values)
				self.assertFalse(reply["ok"])
				self.assertEqual(frappe.local.response.get("http_status_code"), 422)
				self.assertEqual(set(reply["errors"]), fields)
		self.assertEqual(self.snapshot(), before)
		self.assertEqual(frappe.db.get_value(LINKS, link, "status"), rules.LINK_SENT)
		self.assertEqual(self.answer(), {"ok": True})

	def test_the_honeypot_refuses_the_answer(self):
		self.send()
		before = self.snapshot()
		with self.assertRaises(frappe.ValidationError):
			self.answer(**answers(), **{rules.HONEYPOT_FIELD: "x"})
		self.assertEqual(self.snapshot(), before)

	def test_the_rate_limit_per_address(self):
		self.send()
		set_request(method="POST", path="/api/method/" + service.SUBMIT_METHOD)
		frappe.local.request_ip = "203.0.113.9"
		with patch.dict(frappe.conf, {abuse.LIMITS_CONFIG_KEY: {"feedback_per_ip": 2}}):
			for _attempt in range(2):
				self.answer(**answers(satisfaction="9"))
			with self.assertRaises(frappe.RateLimitExceededError):
				self.answer()
		self.assertEqual(self.snapshot()[self.record].status, monitoring.DUE)

	def test_page_status_codes(self):
		self.assertEqual(self.page(token=rules.new_token())["http_status_code"], 404)
		self.send()
		self.answer()
		self.assertEqual(self.page()["http_status_code"], 410)
