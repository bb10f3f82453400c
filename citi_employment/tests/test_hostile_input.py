"""Hostile input (issue 15, item 3), as HTTP requests to the framework's WSGI application.

The requests go through ``frappe.app.application`` in this process (``endpoint_calls.InProcessSession``, the
way Frappe's own API tests call it): the whole request pipeline, session cookies and the error's status and
body included, without the shared ``bench serve`` on the way, which restarts whenever a file changes and cannot
take two thousand requests in a suite's time. The IDOR suite (``test_idor.py``) calls the served site.

Every argument of every whitelisted method (``endpoint_table.ENDPOINTS``), and every filter of every script
report of the app (through ``frappe.desk.query_report.run``), receives, one at a time with the other values
valid, and sent as a JSON body so that types survive:

- the framework's own sanitiser and XSS samples (``frappe/tests/test_document.py`` test_xss_filter,
  ``frappe/core/doctype/comment/test_comment.py``, ``frappe/tests/test_utils.py`` test_sanitize_html and
  test_clean_email_html) and a few classic ones;
- SQL fragments (``frappe/tests/test_search.py`` test_search_field_sanitizer, ``test_db_query.py``
  test_query_fields_sanitizer, and `' OR 1=1 --`, a DROP TABLE, sleep(5), backticks);
- a 1 MB string; values of the wrong type (list, dict, number, boolean, null); malformed JSON.

Each answer must be a clear answer: below 500, JSON, no Python or database error shown, a message with every
4xx. Nothing may be executed (no answer takes the 5 seconds of a sleep, every table still exists) and nothing
half-saved (the watched tables are as they were after every refusal). A method that only reads may answer
200 (a search for «' OR 1=1 --» finds nothing); a method that writes may answer 200 only without writing,
except the guest forms, which may take an SQL fragment in a free-text field as the plain text it is: then the
whole request is saved, with the text stored exactly as sent.
"""

import json
import time

import frappe
from frappe.utils import add_days, getdate

from citi_employment.domain import employer_forms as form_rules
from citi_employment.domain import monitoring
from citi_employment.monitoring import RECORD_DOCTYPE
from citi_employment.tests import endpoint_table as table
from citi_employment.tests.endpoint_calls import (
	FEEDBACK_ANSWERS,
	TALLY,
	TOKEN,
	EndpointCallCase,
	next_address,
	post,
	print_tally,
	snapshot,
)
from citi_employment.tests.records import organization_inn

XSS = (
	'<script>alert("XSS")</script>',
	'<div onload="alert("XSS")">Test</div>',
	"<script>alert(1)</script>Comment",
	"<img src=x onerror=alert(1)>",
)
SQL = (
	"' OR 1=1 --",
	"1; DROP TABLE `tabGraduate`; --",
	"x' AND sleep(5) --",
	"`name`",
	"select * from tabSessions) --",
)
OVERSIZED = "x" * (1 << 20)
WRONG_TYPES = (["x"], {"a": 1}, 42, None)
MALFORMED_JSON = ("{not json", "[1,")
PAYLOADS = (*XSS, *SQL, OVERSIZED, *WRONG_TYPES, *MALFORMED_JSON)
# The reports' filters get one of each kind.
REPORT_PAYLOADS = (XSS[0], SQL[0], SQL[1], SQL[2], OVERSIZED, ["x"], {"a": 1}, "{not json")
SLEEP_SECONDS = 5
# Free-text fields of the guest forms, which may take an SQL fragment as plain text.
FREE_TEXT_FIELDS = frozenset({"position", "comment", "training_quality", "department", "head_name"})
# Optional answers of the guest forms: null there is "no answer", as when the field is left out (the forms'
# rules, citi_employment.domain.employer_forms), with what is stored then. The kind of request defaults to
# Employment; ``employer`` is the optional link of a known employer, without which the form's details are used.
NULL_IS_NO_ANSWER = {
	"comment": None,
	"training_quality": None,
	"expected_start_date": None,
	"kind": "Employment",
	"employer": ...,
}
# The reports shipped as prepared reports (their JSON).
PREPARED_REPORTS = ("Employment Retention", "Graduate Outcomes")
# The script reports of the app and their filters (each report's .js), with a value each takes.
REPORT_FILTERS = {
	"Center Monthly Digest": {"as_on": "date"},
	"Consent Register": {"view": "select", "from_date": "date", "to_date": "date", "within_days": "int"},
	"Contract Journal": {
		"view": "select",
		"journal": "link",
		"status": "select",
		"expiring_within_days": "int",
		"from_date": "date",
		"to_date": "date",
	},
	"Employer Data Bank": {"group_by": "select", "status": "select", "region": "select", "activity": "text"},
	"Employment Retention": {"from_date": "date", "to_date": "date", "as_on": "date", "profession": "link"},
	"Graduate Outcomes": {"checkpoint": "int", "year_from": "int", "year_to": "int", "profession": "link"},
	"Profession Demand": {
		"from_date": "date",
		"to_date": "date",
		"granularity": "select",
		"kind": "select",
		"profession": "link",
	},
	"Specialist Activity": {"from_date": "date", "to_date": "date", "granularity": "select", "user": "link"},
	"Vacancy Registry": {"kind": "select", "from_date": "date", "to_date": "date", "region": "select"},
	"Work Plan Execution": {"view": "select", "year": "int", "period": "select", "plan_status": "select"},
}


def payloads_for(kind: str):
	"""The payloads an argument of this kind gets: null is the default of an optional one, so not a bad value
	there."""
	optional = kind.endswith("?")
	kind = kind.rstrip("?")
	for payload in PAYLOADS:
		if payload is None and optional:
			continue
		yield payload


def label(payload) -> str:
	text = json.dumps(payload, ensure_ascii=False)
	return text if len(text) < 60 else f"{text[:40]}… ({len(text)} chars)"


class TestHostileInput(EndpointCallCase):
	TRANSPORT = "wsgi"

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		# v15 makes a report a prepared report for good when a run outlasts 15 seconds or raises (its timer is
		# then never cancelled): an interrupted or failed earlier run leaves them so, and every check of the
		# reports below would fail for it. They start as shipped.
		for report in REPORT_FILTERS:
			if report not in PREPARED_REPORTS:
				frappe.db.set_value("Report", report, "prepared_report", 0, update_modified=False)
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		print_tally("Hostile-input suite")
		super().tearDownClass()

	def caller_of(self, endpoint: table.Endpoint) -> str:
		for caller in (table.HEAD, table.SPECIALIST, table.DIRECTOR, table.ADMISSIONS):
			if caller in endpoint.callers or table.ANYONE in endpoint.callers:
				return caller
		return table.GUEST

	def assert_not_executed(self, started: float, payload, what: str):
		elapsed = time.monotonic() - started
		if isinstance(payload, str) and "sleep" in payload:
			self.assertLess(elapsed, SLEEP_SECONDS, f"{what}: took {elapsed:.1f} s")

	def assert_tables_exist(self):
		frappe.db.rollback()
		for doctype in self.watched:
			self.assertTrue(frappe.db.table_exists(doctype), f"table of {doctype} is gone")

	# --- the whitelisted methods ---------------------------------------------------------------------------

	def test_every_argument_of_every_method_refuses_hostile_values(self):
		for endpoint in table.ENDPOINTS:
			if table.GUEST in endpoint.callers:
				continue  # the guest forms: below
			caller = self.caller_of(endpoint)
			valid = self.valid_args(endpoint)
			arguments = {name: kind for name, kind in endpoint.args.items() if kind != "ignored"}
			if not arguments:
				if endpoint.writes:
					# run_doc_method drops what a method without parameters is sent, so the call is a valid one.
					continue
				# A method without arguments still gets them, as the framework passes whatever is sent.
				arguments = {"idor_extra": "text?"}
			for argument, kind in arguments.items():
				for payload in payloads_for(kind):
					with self.subTest(endpoint=endpoint.name, argument=argument, payload=label(payload)):
						self.try_payload(caller, endpoint, {**valid, argument: payload}, payload)
						TALLY["payloads"] += 1
						TALLY[f"payloads:{endpoint.name}"] += 1
			self.assert_tables_exist()

	def try_payload(self, caller: str, endpoint: table.Endpoint, args: dict, payload):
		what = f"{endpoint.name}({label(payload)}) as {caller}"
		before = snapshot(self.watched)
		started = time.monotonic()
		response = self.call(caller, endpoint, args)
		self.assert_not_executed(started, payload, what)
		self.assert_no_crash(response, what)
		if response.status_code != 200:
			self.assert_refused(response, what)
		self.assert_nothing_written(before, what)

	def test_a_malformed_json_body_never_reaches_the_app(self):
		"""Frappe v15 parses a JSON body before any method runs (``frappe.app.make_form_dict``) and answers a
		malformed one with a 500 of its own; the app cannot catch it. This pins that nothing is written then."""
		endpoint = table.BY_PATH["citi_employment.vacancies.candidate_list.set_candidate_status"]
		session = self.sessions[table.HEAD]
		for body in MALFORMED_JSON:
			with self.subTest(body=body):
				before = snapshot(self.watched)
				response = post(
					session,
					f"{self.base}/api/method/{endpoint.url_path}",
					data=body.encode(),
					headers={"Content-Type": "application/json", "Accept": "application/json"},
				)
				TALLY["requests"] += 1
				TALLY["payloads"] += 1
				self.assertIn(response.json().get("exc_type"), ("JSONDecodeError", "ValidationError"))
				self.assert_nothing_written(before, f"malformed body {body!r}")

	def test_form_encoded_values_are_refused_alike(self):
		"""The desk sends form-encoded values: every value is a string there, the oversized one included."""
		for endpoint in table.ENDPOINTS:
			if table.GUEST in endpoint.callers or endpoint.doctype:
				continue
			caller = self.caller_of(endpoint)
			valid = self.valid_args(endpoint)
			for argument, kind in endpoint.args.items():
				if kind == "ignored":
					continue
				for payload in (OVERSIZED,):
					with self.subTest(endpoint=endpoint.name, argument=argument, payload=label(payload)):
						what = f"{endpoint.name}({argument}={label(payload)}) form-encoded"
						before = snapshot(self.watched)
						response = self.call(caller, endpoint, {**valid, argument: payload}, json_body=False)
						self.assert_no_crash(response, what)
						if response.status_code != 200:
							self.assert_refused(response, what)
						self.assert_nothing_written(before, what)
						TALLY["payloads"] += 1

	def test_the_holes_found_answer_with_their_own_refusal(self):
		"""Each hole this suite found answers with the app's refusal (a 417 or 404 and its message), checked
		before any query: values that reached the framework as the wrong type and ended in a 500 there."""
		by_name = {endpoint.name: endpoint for endpoint in table.ENDPOINTS if not endpoint.doctype}
		cases = (
			("get_group_by_count", {"doctype": ["x"]}, "GroupByCountArgumentError"),
			("get_group_by_count", {"field": None}, "GroupByCountArgumentError"),
			("get_group_by_count", {"field": "`name`"}, "ValidationError"),
			("get_group_by_count", {"current_filters": "{not json"}, "ValidationError"),
			("export_report", {"report_name": {"a": 1}}, "DoesNotExistError"),
			("export_report", {"report_name": "`name`"}, "DoesNotExistError"),
			("export_report", {"file_format_type": 42}, "ExportFormatError"),
			("export_report", {"filters": "[1,"}, "ReportFilterError"),
			("export_report", {"visible_idx": None}, "ReportFilterError"),
			("export_report", {"custom_columns": '[{"fieldname": "`name`"}]'}, "ReportFilterError"),
			("print_by_server", {"doctype": {"a": 1}}, "RecordNameError"),
			("download_pdf", {"format": {"a": 1}}, "RecordNameError"),
			("download_weasyprint_pdf", {"name": ["x"]}, "RecordNameError"),
			("get_link_title", {"doctype": {"a": 1}}, "RecordNameError"),
			("get_html_and_style", {"doc": None, "name": None}, "InvalidPrintDocumentError"),
			("get_rendered_raw_commands", {"doc": "{not json", "name": None}, "InvalidPrintDocumentError"),
			("run_report", {"report_name": {"a": 1}}, "DoesNotExistError"),
			("run_report", {"filters": "42"}, "ReportFilterError"),
			("run_report", {"custom_columns": 42}, "ReportFilterError"),
			("run_report", {"filters": "null"}, "ReportFilterError"),
		)
		for name, change, exc_type in cases:
			endpoint = by_name[name]
			with self.subTest(endpoint=endpoint.name, change=change):
				# Sent as JSON, so that null arrives as None.
				args = {**self.valid_args(endpoint), **change}
				response = self.refused_without_writing(
					table.HEAD, endpoint, args, f"{endpoint.name}({change})"
				)
				self.assertEqual(response.json().get("exc_type"), exc_type, response.text[:300])
				TALLY["payloads"] += 1

	# --- the guest forms -----------------------------------------------------------------------------------

	def vacancy_form(self) -> dict:
		number = next_address().replace(".", "")
		return {
			"employer_full_name": "Общество с ограниченной ответственностью «Враждебный ввод»",
			"inn": organization_inn(),
			"kind": "Employment",
			"position": "Помощник повара",
			"positions_count": "2",
			"expected_start_date": add_days(getdate(), 20).isoformat(),
			"work_address": "г. Всеволожск, ул. Заводская, д. 5",
			"salary": "45000",
			"contact_person": "Петрова Анна Сергеевна",
			"contact_phone": "+7 921 123-45-67",
			"contact_email": f"hr{number}@idor-form.invalid",
			"comment": "Готовы взять на практику",
			"consent": "1",
		}

	def test_the_vacancy_form_refuses_hostile_values(self):
		endpoint = table.BY_PATH["citi_employment.employer_forms.vacancy_request.submit"]
		fields = (
			"position",
			"comment",
			"positions_count",
			"expected_start_date",
			"kind",
			"contact_email",
			"inn",
			"consent",
			"employer",
		)
		for field in fields:
			for payload in PAYLOADS:
				with self.subTest(field=field, payload=label(payload)):
					form = {**self.vacancy_form(), field: payload}
					self.try_guest_payload(endpoint, form, field, payload, "Vacancy Request")
					TALLY["payloads"] += 1
					TALLY["payloads:vacancy submit"] += 1
		self.assert_tables_exist()

	def test_the_feedback_form_refuses_hostile_values(self):
		endpoint = table.BY_PATH["citi_employment.employer_forms.feedback.submit"]
		for field in (*FEEDBACK_ANSWERS, "record", "token"):
			for payload in PAYLOADS:
				with self.subTest(field=field, payload=label(payload)):
					form = {**FEEDBACK_ANSWERS, "record": self.record, "token": self.token, field: payload}
					if self.try_guest_payload(endpoint, form, field, payload, "Employer Feedback Request"):
						self.reopen_check()
					TALLY["payloads"] += 1
					TALLY["payloads:feedback submit"] += 1
		self.assert_tables_exist()

	token = TOKEN
	link_number = 0

	def reopen_check(self):
		"""After an accepted answer: the check due again and a new link, for the next payload."""
		frappe.db.rollback()
		frappe.db.set_value(
			RECORD_DOCTYPE,
			self.record,
			{"status": monitoring.DUE, "training_quality_feedback": None},
			update_modified=False,
		)
		type(self).link_number += 1
		self.token = f"K{self.link_number:021d}0123456789_-abcdefghi"
		self.make_feedback_link(self.record, self.token)
		frappe.db.commit()

	def try_guest_payload(self, endpoint, form: dict, field: str, payload, doctype: str) -> bool:
		"""A refusal that writes nothing, or plain text in a free-text field saved whole as sent."""
		what = f"{endpoint.name}({field}={label(payload)})"
		before = snapshot(self.watched)
		started = time.monotonic()
		response = self.call(table.GUEST, endpoint, form)
		self.assert_not_executed(started, payload, what)
		self.assert_no_crash(response, what)
		body = response.json()
		accepted = response.status_code == 200 and (body.get("message") or {}).get("ok")
		if not accepted:
			self.assert_refused(response, what)
			self.assert_nothing_written(before, what)
			return False
		if payload is None and field in NULL_IS_NO_ANSWER:
			self.assert_saved_without_answer(body, field, doctype, what)
			return True
		self.assertIn(field, FREE_TEXT_FIELDS, f"{what} was accepted")
		# Plain text only: an SQL fragment, or text that merely looks like broken JSON; never markup.
		self.assertIn(payload, (*SQL, *MALFORMED_JSON), f"{what} was accepted")
		frappe.db.rollback()
		if doctype == "Vacancy Request" and not frappe.get_meta(doctype).has_field(field):
			# A field the request does not keep on its own is a «Label: text» line of «As Submitted».
			details = frappe.db.get_value(doctype, body["message"]["number"], "submitted_details") or ""
			stored = (
				payload if any(line.endswith(f": {payload}") for line in details.splitlines()) else details
			)
		elif doctype == "Vacancy Request":
			stored = frappe.db.get_value(doctype, body["message"]["number"], field)
		else:
			stored = frappe.db.get_value(RECORD_DOCTYPE, self.record, "training_quality_feedback")
		self.assertEqual(stored, payload, f"{what}: not stored as sent")
		TALLY["accepted as plain text"] += 1
		return True

	def assert_saved_without_answer(self, body: dict, field: str, doctype: str, what: str):
		"""Null for an optional answer: the request is saved as if the field had been left out."""
		frappe.db.rollback()
		expected = NULL_IS_NO_ANSWER[field]
		if doctype != "Vacancy Request":
			stored = frappe.db.get_value(RECORD_DOCTYPE, self.record, "training_quality_feedback")
			self.assertEqual(stored or None, expected, f"{what}: null was not taken as no answer")
		else:
			number = body["message"]["number"]
			self.assertTrue(frappe.db.exists(doctype, number), what)
			if expected is not ... and frappe.get_meta(doctype).has_field(field):
				stored = frappe.db.get_value(doctype, number, field)
				self.assertEqual(stored or None, expected, f"{what}: null was not taken as no answer")
		TALLY["null taken as no answer"] += 1

	# --- the reports ---------------------------------------------------------------------------------------

	def test_every_filter_of_every_report_refuses_hostile_values(self):
		session = self.sessions[table.HEAD]
		url = f"{self.base}/api/method/frappe.desk.query_report.run"
		for report, filters in REPORT_FILTERS.items():
			for field in filters:
				for payload in REPORT_PAYLOADS:
					with self.subTest(report=report, filter=field, payload=label(payload)):
						self.try_report(session, url, report, {field: payload}, payload)
			# The filters argument itself: malformed JSON and values of the wrong type.
			for raw in ("{not json", "[1,", "42", '"text"', "[1, 2]", "null"):
				with self.subTest(report=report, filters=raw):
					self.try_report(session, url, report, raw, raw)
			self.assert_tables_exist()

	def try_report(self, session, url: str, report: str, filters, payload):
		what = f"{report}({label(filters)})"
		before = snapshot(self.watched)
		started = time.monotonic()
		response = post(
			session,
			url,
			json={
				"report_name": report,
				"filters": filters if isinstance(filters, str) else json.dumps(filters),
				"ignore_prepared_report": 1,
				"are_default_filters": 0,
			},
			headers={"Accept": "application/json"},
		)
		TALLY["requests"] += 1
		TALLY["report calls"] += 1
		self.assert_not_executed(started, payload, what)
		self.assert_no_crash(response, what)
		if response.status_code != 200:
			self.assert_refused(response, what)
		self.assert_nothing_written(before, what)
		self.assertFalse(
			frappe.db.get_value("Report", report, "prepared_report") and report not in PREPARED_REPORTS,
			f"{what} turned the report into a prepared report",
		)


# The feedback form's valid link belongs to the class: a payload that is accepted replaces it.
assert form_rules.is_well_formed_token(TOKEN)
