"""Real HTTP calls of the app's whitelisted methods, for the IDOR and hostile-input suites (issue 15, items 2, 3).

The site is the one ``host_name`` names (``bench serve`` or gunicorn); the suites skip when nothing answers
there. The server reads the records on its own connection, so the fixtures are committed, and removed again
afterwards: every row of the app's DocTypes and of the framework's side tables created since the suite began.

Each user signs in once through ``/api/method/login`` (a session like the desk's). "Nothing written" is
checked on the database: the row count and the latest ``modified`` of every app table and of the framework's
tables a method could write on the side (mail queue, ToDo, versions, comments, notifications, files, deleted
documents), read afresh before and after each call.
"""

import builtins
import json
import time
import unittest
from collections import Counter
from itertools import count
from threading import Thread
from typing import ClassVar
from unittest.mock import patch
from urllib.parse import urlsplit

import frappe
import requests
from frappe.query_builder.functions import Count, Max
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, get_datetime, get_url, getdate, now_datetime
from pypika.terms import ValueWrapper

from citi_employment import roles
from citi_employment.domain import employer_forms as form_rules
from citi_employment.domain import monitoring
from citi_employment.employer_forms import abuse
from citi_employment.monitoring import RECORD_DOCTYPE
from citi_employment.personal_data.consents import revoke
from citi_employment.tests import endpoint_table as table
from citi_employment.tests.records import (
	ensure_categories,
	ensure_outgoing_email_account,
	make_annual_report,
	make_consent,
	make_employer,
	make_graduate,
	make_personal_data,
	make_placement,
	make_request,
	make_resume,
	make_user,
	make_work_plan,
)

PASSWORD = "Idor-Hostile-Check-2026!"
USERS = {
	**{role: f"idor-{role.lower().replace(' ', '-')}@citi.invalid" for role in table.CENTER_ROLES},
	table.NO_CENTER_ROLE: "idor-no-center-role@citi.invalid",
	table.WEBSITE_USER: "idor-website-user@citi.invalid",
}
SURNAME = "Идорова"
TOKEN = "I" * 22 + "0123456789_-abcdefghi"
OTHER_TOKEN = "J" * 22 + "0123456789_-abcdefghi"
# A complete, valid answer of the employer's feedback form (employer_forms.feedback.submit).
FEEDBACK_ANSWERS = {
	"still_working": "yes",
	"complaints": "no",
	"conditions_match": "yes",
	"special_workplace": "not_needed",
	"satisfaction": "4",
	"training_quality": "Хорошо",
}
# Framework tables a method may write on the side; the app's own tables are added from the module list.
SIDE_TABLES = (
	"Email Queue",
	"ToDo",
	"Version",
	"Comment",
	"Communication",
	"Notification Log",
	"File",
	"Deleted Document",
	"Employer Feedback Request",
)
# Framework rows made by the fixtures or by the calls, removed with the app's rows.
CLEANED_FRAMEWORK_TABLES = (
	*SIDE_TABLES,
	"Contact",
	"Contact Email",
	"Dynamic Link",
	"Has Role",
	"Access Log",
)
CRASH_TEXT = ("Traceback (most recent call last)", "SQL syntax", "ProgrammingError", "OperationalError")
# Status of a refusal: 401/403 permission, 404 not found, 409 duplicate, 410 gone, 413 too large, 417
# validation or argument type, 422 refused form fields, 429 too many.
REFUSAL_STATUSES = frozenset({400, 401, 403, 404, 409, 410, 413, 417, 422, 429})

# Exceptions no refusal may carry: Python's own and the database driver's (a crash, whatever its status).
CRASH_EXCEPTIONS = frozenset(
	{
		*(
			name
			for name, value in vars(builtins).items()
			if isinstance(value, type) and issubclass(value, BaseException)
		),
		"JSONDecodeError",
		"ProgrammingError",
		"OperationalError",
		"InternalError",
		"IntegrityError",
	}
) - set(vars(frappe.exceptions))

# What the suites did, printed at the end of the run for the note of issue 15.
TALLY: Counter = Counter()
_addresses = count(1)


def app_doctypes() -> list[str]:
	return frappe.get_all(
		"DocType",
		filters={"module": ("in", frappe.get_module_list("citi_employment")), "issingle": 0, "is_virtual": 0},
		pluck="name",
		order_by="name",
	)


def watched_doctypes() -> list[str]:
	return sorted({*app_doctypes(), *SIDE_TABLES})


def snapshot(doctypes) -> dict:
	"""Rows and the latest change of each table, read in a fresh transaction (the server commits its own), in
	one query."""
	frappe.db.rollback()
	queries = []
	for doctype in doctypes:
		table = frappe.qb.DocType(doctype)
		queries.append(frappe.qb.from_(table).select(ValueWrapper(doctype), Count("*"), Max(table.modified)))
	union = queries[0]
	for query in queries[1:]:
		union = union.union_all(query)
	return {row[0]: (row[1], row[2]) for row in union.run()}


def changed(before: dict, after: dict) -> dict:
	return {
		doctype: (before.get(doctype), after.get(doctype))
		for doctype in after
		if before.get(doctype) != after[doctype]
	}


class InProcessResponse:
	"""The parts of a ``requests.Response`` the suites read, from a Werkzeug test response."""

	def __init__(self, response):
		self.status_code = response.status_code
		self.headers = response.headers
		# A file answer (a PDF) is not UTF-8: its text is only searched, never shown.
		self.text = response.get_data().decode("utf-8", "replace")

	def json(self):
		return json.loads(self.text)

	def raise_for_status(self):
		if self.status_code >= 400:
			raise requests.HTTPError(f"{self.status_code}: {self.text[:200]}")


class InProcessSession:
	"""A signed-in browser for ``frappe.app.application`` itself, the way Frappe's own API tests call it
	(``frappe.tests.test_api``): the whole request pipeline (form parsing, session cookie, CSRF, whitelisting,
	argument types, the method, the error's status and body, the commit or rollback), in a thread of its own
	so that the request's ``frappe.local`` and database connection are not the test's. No socket: the suites
	do not depend on a shared development server that restarts whenever someone saves a file."""

	def __init__(self):
		from frappe.app import application
		from werkzeug.test import Client

		self.client = Client(application)
		self.site = frappe.local.site

	def post(self, url: str, timeout=None, json=None, data=None, headers=None):
		path = urlsplit(url).path
		result = {}

		def run():
			with patch("frappe.app.get_site_name", return_value=self.site):
				kwargs = {"headers": headers or {}}
				if json is not None:
					kwargs["json"] = json
				elif data is not None:
					kwargs["data"] = data
				result["response"] = self.client.post(path, **kwargs)

		thread = Thread(target=run)
		thread.start()
		thread.join()
		return InProcessResponse(result["response"])


def post(session, url: str, attempts: int = 6, **kwargs):
	"""A POST, sent again when the connection drops: ``bench serve`` restarts whenever a source file changes."""
	for attempt in range(attempts):
		try:
			return session.post(url, timeout=120, **kwargs)
		except requests.ConnectionError:
			if attempt == attempts - 1:
				raise
			time.sleep(3)


def remove_rows_created_since(started) -> None:
	"""The suites' own rows: every row of the app's tables (child tables too) and of the framework's side tables
	created since ``started`` (the site's time zone, as ``now_datetime``), and the suites' users. Also
	``bench execute`` after an interrupted run."""
	started = get_datetime(started)
	modules = frappe.get_module_list("citi_employment")
	child_tables = frappe.get_all("DocType", filters={"module": ("in", modules), "istable": 1}, pluck="name")
	for doctype in sorted({*app_doctypes(), *child_tables, *CLEANED_FRAMEWORK_TABLES}):
		if frappe.db.table_exists(doctype):
			frappe.db.delete(doctype, {"creation": (">=", started)})
	for email in USERS.values():
		if frappe.db.exists("User", email):
			frappe.delete_doc("User", email, force=True, ignore_permissions=True)
	abuse.clear_counters()
	frappe.db.commit()


def next_address() -> str:
	"""A fresh client address per guest call: the framework's rate limiter counts per address."""
	number = next(_addresses)
	return f"10.{(number >> 16) & 255}.{(number >> 8) & 255}.{number & 255}"


class EndpointCallCase(FrappeTestCase):
	"""Fixtures (committed), one signed-in session per caller, and the call and its checks.

	``TRANSPORT`` "served": requests over the network to the site ``host_name`` names; "wsgi": the same
	requests to ``frappe.app.application`` in this process (see ``InProcessSession``)."""

	TRANSPORT = "served"

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.base = get_url()
		if cls.TRANSPORT == "served":
			try:
				post(requests.Session(), f"{cls.base}/api/method/ping").raise_for_status()
			except requests.RequestException:
				raise unittest.SkipTest(f"no site is served at {cls.base}") from None
		frappe.set_user("Administrator")
		cls.started = now_datetime()
		# The fixtures are committed for the server's connection; what is created from now on is removed.
		time.sleep(1)
		cls.started = now_datetime()
		cls.addClassCleanup(cls.remove_records)
		cls.make_fixtures()
		frappe.db.commit()
		cls.watched = watched_doctypes()
		cls.sessions = {table.GUEST: cls.new_session()}
		for caller, email in USERS.items():
			session = cls.new_session()
			response = post(session, f"{cls.base}/api/method/login", json={"usr": email, "pwd": PASSWORD})
			response.raise_for_status()
			cls.sessions[caller] = session

	@classmethod
	def new_session(cls):
		return requests.Session() if cls.TRANSPORT == "served" else InProcessSession()

	@classmethod
	def make_fixtures(cls):
		ensure_categories()
		ensure_outgoing_email_account()
		for caller, email in USERS.items():
			role = caller if caller in table.CENTER_ROLES else None
			make_user(email, *([role] if role else []))
			user = frappe.get_doc("User", email)
			user.new_password = PASSWORD
			user.user_type = "Website User" if caller == table.WEBSITE_USER else "System User"
			user.flags.ignore_permissions = True
			user.flags.ignore_password_policy = True
			user.save()
		cls.employer = make_employer("ООО «ИДОР-Проверка»", email="hr@idor.invalid")
		cls.other_employer = make_employer("ООО «ИДОР-Другой»", email="hr@idor-other.invalid")
		graduate = make_graduate(consent=True, last_name=SURNAME, first_name="Ирина")
		cls.graduate = graduate.name
		cls.personal_data = make_personal_data(cls.graduate).name
		cls.resume = make_resume(cls.graduate).name
		cls.other_graduate = make_graduate(consent=True, last_name="Чужаков").name
		cls.other_resume = make_resume(cls.other_graduate).name
		cls.consent = frappe.db.get_value(
			"Personal Data Consent", {"graduate": cls.graduate, "docstatus": 1}, "name"
		)
		cls.draft_consent = make_consent(graduate, submit=False).name
		cancelled = make_consent(make_graduate(last_name="Отменин"))
		cancelled.cancel()
		cls.cancelled_consent = cancelled.name
		revoked = make_graduate(consent=True, last_name="Отозванова").name
		cls.revoked_consent = frappe.db.get_value(
			"Personal Data Consent", {"graduate": revoked, "docstatus": 1}, "name"
		)
		revoke(cls.revoked_consent, str(getdate()))
		cls.request = make_request(cls.employer).name
		cls.targeted_request = make_request(cls.employer, kind="Targeted Training").name
		cls.candidate = frappe.get_doc(
			{
				"doctype": "Vacancy Candidate",
				"vacancy_request": cls.request,
				"graduate": cls.graduate,
				"status": "Proposed",
			}
		)
		cls.candidate.flags.written_by_service = True
		cls.candidate = cls.candidate.insert(ignore_permissions=True).name
		placement = make_placement(
			cls.graduate, cls.employer, employment_date=add_days(getdate(), -35), position="Повар"
		)
		cls.record = frappe.db.get_value(
			RECORD_DOCTYPE, {"placement": placement.name, "checkpoint": 1}, "name"
		)
		if frappe.db.get_value(RECORD_DOCTYPE, cls.record, "status") != monitoring.DUE:
			frappe.db.set_value(RECORD_DOCTYPE, cls.record, "status", monitoring.DUE)
		other_placement = make_placement(
			cls.other_graduate, cls.employer, employment_date=add_days(getdate(), -35), position="Повар"
		)
		cls.other_record = frappe.db.get_value(
			RECORD_DOCTYPE, {"placement": other_placement.name, "checkpoint": 1}, "name"
		)
		cls.feedback_link = cls.make_feedback_link(cls.record, TOKEN)
		year = getdate().year
		cls.work_plan = make_work_plan(year + 40).name
		cls.annual_report = make_annual_report(year + 40).name
		frozen = make_annual_report(year + 41)
		frozen.db_set("status", "Approved")
		cls.approved_report = frozen.name

	@classmethod
	def make_feedback_link(cls, record: str, token: str) -> str:
		"""A link of the feedback form with a known token (the service sends a random one by e-mail)."""
		sent_at = now_datetime()
		link = frappe.get_doc(
			{
				"doctype": "Employer Feedback Request",
				"monitoring_record": record,
				"graduate": frappe.db.get_value(RECORD_DOCTYPE, record, "graduate"),
				"employer": cls.employer,
				"recipient_email": "hr@idor.invalid",
				"status": form_rules.LINK_SENT,
				"sent_at": sent_at,
				"sent_by": "Administrator",
				"expires_at": form_rules.feedback_link_expiry(sent_at),
				"token_hash": form_rules.token_digest(token),
			}
		)
		link.flags.written_by_service = True
		return link.insert(ignore_permissions=True).name

	@classmethod
	def remove_records(cls):
		"""Every row created since the suite began, in the app's tables and the framework's side tables."""
		frappe.db.rollback()
		frappe.set_user("Administrator")
		if getattr(cls, "started", None) is not None:
			remove_rows_created_since(cls.started)

	# --- the fixtures as arguments ------------------------------------------------------------------------

	def record_of(self, doctype: str) -> str:
		"""The suite's valid record of a DocType, as a ``name:`` argument takes it."""
		return {
			"Student Resume": self.resume,
			"Employer": self.employer,
			"Graduate": self.graduate,
			"Graduate Personal Data": self.personal_data,
			"Personal Data Consent": self.consent,
			"Employment Monitoring Record": self.record,
			"Vacancy Request": self.request,
			"Vacancy Candidate": self.candidate,
			"Work Plan": self.work_plan,
			"Annual Report": self.annual_report,
		}[doctype]

	def other_kind_of(self, doctype: str) -> str:
		"""A record that exists, of another DocType than the argument wants."""
		return self.employer if doctype != "Employer" else self.graduate

	# Arguments a method's table kinds do not say (which DocType, which print format, which status).
	OVERRIDES: ClassVar[dict] = {
		"send_to_employer": {"document_type": "Student Resume"},
		"get_count": {"doctype": "Graduate Personal Data"},
		"get_group_by_count": {"doctype": "Graduate Personal Data", "field": "assigned_to"},
		"getdoc": {"doctype": "Graduate Personal Data"},
		"get_link_title": {"doctype": "Graduate"},
		"get_html_and_style": {"doc": "Student Resume", "print_format": "Резюме обучающегося"},
		"get_rendered_raw_commands": {"doc": "Student Resume", "print_format": "Резюме обучающегося"},
		"download_pdf": {"doctype": "Student Resume", "format": "Резюме обучающегося"},
		"print_by_server": {"doctype": "Student Resume", "printer_setting": "idor-no-such-printer"},
		"download_weasyprint_pdf": {"doctype": "Student Resume", "print_format": "Резюме обучающегося"},
		"set_candidate_status": {"status": "Interview"},
		"search": {"text": SURNAME, "doctype": ""},
		"revoke": {"received_on": None},
		"destroy": {"confirm_early": 1},
		"export_report": {"file_format_type": "CSV", "filters": "{}", "visible_idx": "[]"},
		"make_access_log": {"doctype": "Student Resume", "method": "Print"},
	}

	def valid_args(self, endpoint: table.Endpoint) -> dict:
		args = {}
		for argument, kind in endpoint.args.items():
			kind = kind.rstrip("?")
			doctype = table.names_in(kind)
			if kind.startswith("names:"):
				args[argument] = json.dumps([self.record_of(doctype)])
			elif doctype:
				args[argument] = self.record_of(doctype)
			elif kind == "report":
				args[argument] = "Vacancy Registry"
			elif kind == "email":
				args[argument] = "hr@idor.invalid"
			elif kind == "filters":
				args[argument] = json.dumps({"graduate": self.graduate})
		args.update(self.OVERRIDES.get(endpoint.name, {}))
		if endpoint.name == "destroy":
			args["consent"] = self.revoked_consent
		if endpoint.name == "get_count":
			args.pop("debug", None), args.pop("cache", None)
		return {key: value for key, value in args.items() if value is not None}

	# --- the call -----------------------------------------------------------------------------------------

	def call(self, caller: str, endpoint: table.Endpoint, args: dict, *, json_body: bool = True):
		"""One request; a document method goes through run_doc_method on the suite's record."""
		session = self.sessions[caller]
		headers = {"Accept": "application/json"}
		if caller == table.GUEST:
			headers["X-Forwarded-For"] = next_address()
		if endpoint.doctype:
			document = args.pop("__dn", None) or self.annual_report
			url = f"{self.base}/api/method/run_doc_method"
			payload = {
				"dt": endpoint.doctype,
				"dn": document,
				"method": endpoint.name,
				"args": json.dumps(args, ensure_ascii=False),
			}
			response = post(session, url, data=payload, headers=headers)
		else:
			url = f"{self.base}/api/method/{endpoint.url_path}"
			if json_body:
				response = post(session, url, json=args, headers=headers)
			else:
				response = post(session, url, data=args, headers=headers)
		TALLY["requests"] += 1
		TALLY[f"requests:{endpoint.name}"] += 1
		return response

	def assert_refused(self, response, what: str, statuses=REFUSAL_STATUSES):
		"""A 4xx with a message, JSON, and neither a traceback nor a database error in it."""
		self.assertIn(response.status_code, statuses, f"{what}: {response.status_code} {response.text[:400]}")
		self.assert_no_crash(response, what)
		body = response.json()
		message = body.get("_server_messages") or body.get("exception") or body.get("message")
		self.assertTrue(message, f"{what}: no message in {response.text[:400]}")

	def assert_no_crash(self, response, what: str):
		"""No 5xx, a JSON answer, and no Python or database error in what the user is shown.

		The framework adds the traceback of a refusal under ``exc`` when System Settings allow error tracebacks
		(the default); that key is the framework's debugging aid and is left out here. The refusal itself must
		be one of the framework's exceptions, never a TypeError or a database error."""
		self.assertLess(response.status_code, 500, f"{what}: {response.status_code} {response.text[:600]}")
		if response.status_code == 200 and "json" not in response.headers.get("Content-Type", ""):
			return  # a file (PDF, CSV): no error page
		self.assertIn("json", response.headers.get("Content-Type", ""), f"{what}: {response.text[:200]}")
		body = response.json()
		shown = json.dumps({key: value for key, value in body.items() if key != "exc"}, ensure_ascii=False)
		for text in CRASH_TEXT:
			self.assertNotIn(text, shown, what)
		if body.get("exc_type"):
			self.assertNotIn(body["exc_type"], CRASH_EXCEPTIONS, f"{what}: {shown[:400]}")

	def assert_nothing_written(self, before: dict, what: str):
		self.assertEqual(changed(before, snapshot(self.watched)), {}, f"{what} wrote")

	def refused_without_writing(self, caller: str, endpoint: table.Endpoint, args: dict, what: str, **kwargs):
		before = snapshot(self.watched)
		response = self.call(caller, endpoint, dict(args), **kwargs)
		self.assert_refused(response, what)
		self.assert_nothing_written(before, what)
		return response


def print_tally(title: str) -> None:
	lines = [f"{title}: {TALLY['requests']} requests"]
	lines += [f"  {key}: {value}" for key, value in sorted(TALLY.items()) if key != "requests"]
	print("\n".join(lines))


# A Center role's user by role, for tests that need one (the role names of citi_employment.roles).
assert set(table.CENTER_ROLES) == set(roles.CENTER_ROLES)
