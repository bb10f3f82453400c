# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Issue 15, item 5: every open of a Graduate Personal Data record, every print of a form with passport data and
every export is logged once in the Access Log (who, what, when, how), the log holds no sensitive value, and the
Head reads it in the «Журнал доступа к персональным данным» report.

The requests are real HTTP against the served site (``host_name`` in the site config), as a signed-in Specialist,
Head and Director; the records are committed, because the server reads them on its own connection, and removed
again afterwards. Marker values are planted in the graduate's name and documents, and every column of every new
log row is searched for them.
"""

import json
import time
import unittest

import frappe
import requests
from frappe.core.doctype.access_log import access_log
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, get_url, getdate
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request, Response

from citi_employment.audit import sensitive_access
from citi_employment.citi_employment.report.sensitive_data_access.sensitive_data_access import execute
from citi_employment.domain import audit
from citi_employment.domain.paper_forms import APPLICATION_FORM, RESUME_FORM
from citi_employment.tests.records import (
	SNILS,
	ensure_categories,
	make_application,
	make_consent,
	make_graduate,
	make_personal_data,
	make_resume,
	make_user,
)

PERSONAL_DATA = audit.PERSONAL_DATA_DOCTYPE
PASSWORD = "Audit-Of-Reads-Check-2026!"
HEAD = "test-audit-head@citi.invalid"
SPECIALIST = "test-audit-specialist@citi.invalid"
DIRECTOR = "test-audit-director@citi.invalid"
USERS = {
	HEAD: "Employment Center Head",
	SPECIALIST: "Employment Specialist",
	DIRECTOR: "Institution Director",
}
SURNAME = "Журналова"
FIRST_NAME = "Аудита"
PASSPORT_NUMBER = "918273"
ISSUED_BY = "ТП № 77 отдела УФМС России по Маркерному р-ну"
# What must never be in a log row: the graduate's name and the identity documents.
MARKERS = (SURNAME, FIRST_NAME, PASSPORT_NUMBER, ISSUED_BY, SNILS, SNILS.replace("-", "").replace(" ", ""))
REPORT = "Sensitive Data Access"


ATTEMPTS = 10


def send(session: requests.Session, verb: str, url: str, **kwargs) -> requests.Response:
	"""One request; sent again when the development server dropped the connection while it reloaded."""
	for attempt in range(ATTEMPTS):
		try:
			return session.request(verb, url, timeout=120, **kwargs)
		except requests.ConnectionError:
			if attempt == ATTEMPTS - 1:
				raise
			time.sleep(5)


class TestSensitiveReadAudit(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.base = get_url()
		try:
			send(requests.Session(), "GET", f"{cls.base}/api/method/ping").raise_for_status()
		except requests.RequestException:
			raise unittest.SkipTest(f"no site is served at {cls.base}") from None
		cls.addClassCleanup(cls.remove_records)
		ensure_categories()
		for email, role in USERS.items():
			make_user(email, role)
			user = frappe.get_doc("User", email)
			user.new_password = PASSWORD
			user.flags.ignore_permissions = True
			user.save()
		cls.graduate = make_graduate(last_name=SURNAME, first_name=FIRST_NAME, patronymic="Маркеровна").name
		cls.personal_data = make_personal_data(
			cls.graduate, passport_number=PASSPORT_NUMBER, passport_issued_by=ISSUED_BY
		).name
		cls.application = make_application(cls.graduate).name
		cls.resume = make_resume(cls.graduate).name
		cls.consent = make_consent(cls.graduate, submit=False).name
		frappe.db.commit()
		cls.sessions = {}
		for email in USERS:
			session = requests.Session()
			send(session, "POST", f"{cls.base}/api/method/login", json={"usr": email, "pwd": PASSWORD})
			cls.sessions[email] = session

	@classmethod
	def remove_records(cls):
		frappe.set_user("Administrator")
		for doctype, name in (
			("Personal Data Consent", getattr(cls, "consent", None)),
			("Student Resume", getattr(cls, "resume", None)),
			("Employment Assistance Application", getattr(cls, "application", None)),
			(PERSONAL_DATA, getattr(cls, "personal_data", None)),
			("Graduate", getattr(cls, "graduate", None)),
		):
			if name and frappe.db.exists(doctype, name):
				frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
		log = frappe.qb.DocType("Access Log")
		frappe.qb.from_(log).delete().where(log.user.isin(list(USERS))).run()
		for email in USERS:
			if frappe.db.exists("User", email):
				frappe.delete_doc("User", email, force=True, ignore_permissions=True)
		frappe.db.commit()

	# --- helpers ------------------------------------------------------------------------------------------

	def request(self, user: str, verb: str, path: str, **data) -> requests.Response:
		url, kwargs = self.target(verb, path, data)
		return send(self.sessions[user], verb, url, **kwargs)

	def target(self, verb: str, path: str, data: dict) -> tuple[str, dict]:
		return f"{self.base}{path}", {"params": data} if verb == "GET" else {"data": data}

	def log_names(self, user: str) -> set[str]:
		frappe.db.commit()  # a new snapshot: the rows were committed by the server's own connection
		return set(frappe.get_all("Access Log", filters={"user": user}, pluck="name"))

	def new_rows(self, user: str, before: set[str]) -> list[dict]:
		names = sorted(self.log_names(user) - before)
		rows = frappe.get_all("Access Log", filters={"name": ("in", names)}, fields=["*"]) if names else []
		for row in rows:
			self.assert_no_marker(row)
		return rows

	def logged(self, user: str, verb: str, path: str, expected_status: int = 200, **data) -> list[dict]:
		"""The Access Log rows one request of the user wrote, each checked for marker values."""
		url, kwargs = self.target(verb, path, data)
		for attempt in range(ATTEMPTS):
			# Counted from the attempt that was answered: a request the reloading development server dropped
			# may have logged a print before it died.
			before = self.log_names(user)
			try:
				response = self.sessions[user].request(verb, url, timeout=120, **kwargs)
				break
			except requests.ConnectionError:
				if attempt == ATTEMPTS - 1:
					raise
				time.sleep(5)
		self.assertEqual(response.status_code, expected_status, (path, response.text[:300]))
		return self.new_rows(user, before)

	def assert_no_marker(self, row: dict) -> None:
		text = json.dumps(row, default=str, ensure_ascii=False)
		escaped = json.dumps(row, default=str)
		for marker in MARKERS:
			self.assertNotIn(marker, text, row.get("method"))
			self.assertNotIn(json.dumps(marker)[1:-1], escaped, row.get("method"))

	def assert_one(self, rows: list[dict], **expected) -> dict:
		self.assertEqual(len(rows), 1, rows)
		row = rows[0]
		for field, value in expected.items():
			self.assertEqual(row[field], value, field)
		return row

	# --- opening a record ---------------------------------------------------------------------------------

	def test_each_way_of_opening_a_personal_data_record_is_logged_once(self):
		name = self.personal_data
		reads = (
			(
				audit.FORM_LOAD,
				"GET",
				"/api/method/frappe.desk.form.load.getdoc",
				{"doctype": PERSONAL_DATA, "name": name},
			),
			(
				audit.CLIENT_GET,
				"POST",
				"/api/method/frappe.client.get",
				{"doctype": PERSONAL_DATA, "name": name},
			),
			(audit.REST_V1_READ, "GET", f"/api/resource/{PERSONAL_DATA}/{name}", {}),
			(audit.REST_V2_READ, "GET", f"/api/v2/document/{PERSONAL_DATA}/{name}", {}),
		)
		for user in (SPECIALIST, HEAD):
			for method, verb, path, data in reads:
				with self.subTest(user=user, method=method):
					rows = self.logged(user, verb, path, **data)
					row = self.assert_one(
						rows, user=user, export_from=PERSONAL_DATA, reference_document=name, method=method
					)
					self.assertEqual(audit.kind_of(row["method"]), audit.READ)
					self.assertIsNone(row["page"])

	def test_a_refused_open_and_other_reads_are_not_logged(self):
		self.assertEqual(
			self.logged(
				DIRECTOR,
				"GET",
				"/api/method/frappe.desk.form.load.getdoc",
				expected_status=403,
				doctype=PERSONAL_DATA,
				name=self.personal_data,
			),
			[],
		)
		# The graduate's own record is not Graduate Personal Data.
		self.assertEqual(
			self.logged(SPECIALIST, "GET", f"/api/resource/Graduate/{self.graduate}"),
			[],
		)

	# --- printing -----------------------------------------------------------------------------------------

	def test_printing_a_form_with_passport_data_is_logged_once_on_every_path(self):
		doctype, name = "Employment Assistance Application", self.application
		prints = (
			(
				audit.PDF_DOWNLOAD,
				"GET",
				"/api/method/frappe.utils.print_format.download_pdf",
				{"doctype": doctype, "name": name, "format": APPLICATION_FORM},
			),
			(
				audit.PRINT_PREVIEW,
				"POST",
				"/api/method/frappe.www.printview.get_html_and_style",
				{"doc": doctype, "name": name, "print_format": APPLICATION_FORM},
			),
			# The framework logs the page itself; the app adds the print format to its row.
			(
				audit.PRINT_PAGE,
				"GET",
				"/printview",
				{"doctype": doctype, "name": name, "format": APPLICATION_FORM},
			),
		)
		for method, verb, path, data in prints:
			with self.subTest(method=method):
				rows = self.logged(SPECIALIST, verb, path, **data)
				row = self.assert_one(
					rows,
					user=SPECIALIST,
					export_from=doctype,
					reference_document=name,
					method=method,
					report_name=APPLICATION_FORM,
				)
				self.assertEqual(audit.kind_of(row["method"]), audit.PRINT)
				self.assertIsNone(row["page"])

		# The default format of the application is the passport form too.
		rows = self.logged(
			SPECIALIST,
			"GET",
			"/api/method/frappe.utils.print_format.download_pdf",
			doctype=doctype,
			name=name,
		)
		self.assert_one(rows, method=audit.PDF_DOWNLOAD, report_name=APPLICATION_FORM)

	def test_a_refused_print_is_not_logged_as_a_print(self):
		"""The framework's print page logs a print before it renders, and so before the print is refused: the app
		refuses first, so the Head's audit shows no print that never happened. The Director may not read the
		record: the answer is the one a record that does not exist gets; a consent the Director reads but may not print
		is refused as such."""
		for verb, path, data in (
			("GET", "/printview", {"doctype": PERSONAL_DATA, "name": self.personal_data}),
			(
				"GET",
				"/api/method/frappe.utils.print_format.download_pdf",
				{"doctype": PERSONAL_DATA, "name": self.personal_data},
			),
		):
			with self.subTest(path=path):
				self.assertEqual(self.logged(DIRECTOR, verb, path, expected_status=404, **data), [])
		# The Director reads a consent but may not print it (permission_table.py).
		consent = {"doctype": "Personal Data Consent", "name": self.consent}
		for path in ("/printview", "/api/method/frappe.utils.print_format.download_pdf"):
			with self.subTest(path=path, reader=True):
				self.assertEqual(self.logged(DIRECTOR, "GET", path, expected_status=403, **consent), [])

	def test_a_print_without_passport_data_is_logged_by_the_framework_only(self):
		"""The framework logs every PDF of a record; the app adds no row of its own for a form without passport
		data, and none for its preview."""
		rows = self.logged(
			SPECIALIST,
			"GET",
			"/api/method/frappe.utils.print_format.download_pdf",
			doctype="Student Resume",
			name=self.resume,
			format=RESUME_FORM,
		)
		self.assert_one(
			rows, method=audit.PDF_DOWNLOAD, report_name=RESUME_FORM, reference_document=self.resume
		)
		rows = self.logged(
			SPECIALIST,
			"POST",
			"/api/method/frappe.www.printview.get_html_and_style",
			doc="Student Resume",
			name=self.resume,
			print_format=RESUME_FORM,
		)
		self.assertEqual(rows, [])

	def test_a_report_pdf_keeps_no_page(self):
		html = (
			f"<html><head><title>Отчёт</title></head><body>{SURNAME} {PASSPORT_NUMBER} {SNILS}</body></html>"
		)
		rows = self.logged(HEAD, "POST", "/api/method/frappe.utils.print_format.report_to_pdf", html=html)
		row = self.assert_one(rows, method=audit.REPORT_PDF)
		self.assertIsNone(row["page"])

	# --- exporting ----------------------------------------------------------------------------------------

	def test_a_list_export_is_logged_once_with_the_name_filter_redacted(self):
		rows = self.logged(
			HEAD,
			"POST",
			"/api/method/frappe.desk.reportview.export_query",
			doctype="Graduate",
			file_format_type="CSV",
			fields=json.dumps(["`tabGraduate`.`name`", "`tabGraduate`.`profession`"]),
			filters=json.dumps(
				[["Graduate", "full_name", "like", f"%{SURNAME}%"], ["Graduate", "name", "=", self.graduate]]
			),
		)
		row = self.assert_one(
			rows, user=HEAD, export_from="Graduate", method=audit.LIST_EXPORT, file_type="CSV"
		)
		filters = json.loads(row["filters"])
		self.assertEqual(filters[0][3], audit.REDACTED)
		self.assertEqual(filters[1][3], self.graduate)

	def test_a_refused_export_of_personal_data_keeps_no_snils(self):
		"""Nobody may export Graduate Personal Data; the framework logs the attempt before it refuses."""
		before = self.log_names(SPECIALIST)
		response = self.request(
			SPECIALIST,
			"POST",
			"/api/method/frappe.desk.reportview.export_query",
			doctype=PERSONAL_DATA,
			file_format_type="CSV",
			fields=json.dumps([f"`tab{PERSONAL_DATA}`.`name`"]),
			filters=json.dumps({"snils": SNILS, "passport_number": PASSPORT_NUMBER}),
		)
		self.assertNotIn(PASSPORT_NUMBER, response.text)
		for row in self.new_rows(SPECIALIST, before):
			self.assertEqual(row["method"], audit.LIST_EXPORT)

	def test_a_data_export_is_logged_once_with_values_redacted(self):
		rows = self.logged(
			HEAD,
			"POST",
			"/api/method/frappe.core.doctype.data_export.exporter.export_data",
			doctype="Graduate",
			select_columns=json.dumps({"Graduate": ["name", "full_name"]}),
			filters=json.dumps({"full_name": SURNAME}),
			file_type="CSV",
			with_data="1",
			template="1",
		)
		row = self.assert_one(rows, user=HEAD, export_from="Graduate", method=audit.DATA_EXPORT)
		self.assertEqual(json.loads(row["filters"]), {"full_name": audit.REDACTED})
		self.assertEqual(json.loads(row["columns"]), {"Graduate": ["name", "full_name"]})

	def test_a_report_export_is_logged_once_on_the_server(self):
		filters = {"status": "Active", "from_date": "2026-01-01", "to_date": "2026-12-31"}
		# The browser's own row comes first; the server's export row replaces it.
		rows = self.logged(
			HEAD,
			"POST",
			"/api/method/frappe.core.doctype.access_log.access_log.make_access_log",
			doctype="",
			report_name="Contract Journal",
			filters=json.dumps(filters),
			file_type="CSV",
			method="Export",
		)
		self.assertEqual(rows, [])
		rows = self.logged(
			HEAD,
			"POST",
			"/api/method/frappe.desk.query_report.export_query",
			report_name="Contract Journal",
			file_format_type="CSV",
			filters=json.dumps(filters),
			visible_idx="[]",
		)
		row = self.assert_one(
			rows,
			user=HEAD,
			method=audit.REPORT_EXPORT,
			report_name="Contract Journal",
			export_from="Employer Contract",
		)
		logged = json.loads(row["filters"])
		self.assertEqual(logged["from_date"], "2026-01-01")
		self.assertEqual(logged["status"], audit.REDACTED)

	def test_the_browser_s_report_print_row_keeps_no_typed_value(self):
		rows = self.logged(
			HEAD,
			"POST",
			"/api/method/frappe.core.doctype.access_log.access_log.make_access_log",
			report_name="Consent Register",
			filters=json.dumps({"from_date": "2026-01-01", "search": f"{SURNAME} {SNILS}"}),
			file_type="PDF",
			method="Print",
			page=f"<p>{SURNAME} {PASSPORT_NUMBER}</p>",
		)
		row = self.assert_one(rows, method="Print", report_name="Consent Register")
		self.assertEqual(json.loads(row["filters"])["search"], audit.REDACTED)
		self.assertIsNone(row["page"])

	def test_a_malformed_browser_row_is_refused_and_a_made_up_format_is_logged_as_standard(self):
		rows = self.logged(
			HEAD,
			"POST",
			"/api/method/frappe.core.doctype.access_log.access_log.make_access_log",
			expected_status=417,
			report_name="x" * 500,
			method="Print",
		)
		self.assertEqual(rows, [])
		rows = self.logged(
			SPECIALIST,
			"GET",
			"/printview",
			doctype="Student Resume",
			name=self.resume,
			format="y" * 500,
		)
		self.assert_one(rows, method=audit.PRINT_PAGE, report_name="Standard")

	# --- the Head's report --------------------------------------------------------------------------------

	def run_report(self, as_user: str, **filters) -> requests.Response:
		today = getdate()
		filters = {"from_date": str(add_days(today, -1)), "to_date": str(today), **filters}
		return self.request(
			as_user,
			"GET",
			"/api/method/frappe.desk.query_report.run",
			report_name=REPORT,
			filters=json.dumps(filters),
		)

	def test_the_head_reads_the_log_in_the_report_and_nobody_else_does(self):
		self.logged(
			SPECIALIST,
			"GET",
			"/api/method/frappe.desk.form.load.getdoc",
			doctype=PERSONAL_DATA,
			name=self.personal_data,
		)
		response = self.run_report(HEAD, user=SPECIALIST, kind=audit.READ, document_type=PERSONAL_DATA)
		self.assertEqual(response.status_code, 200, response.text[:300])
		result = response.json()["message"]["result"]
		self.assertTrue(result)
		self.assertTrue(
			any(
				row["reference_document"] == self.personal_data and row["method"] == audit.FORM_LOAD
				for row in result
			)
		)
		self.assertEqual({row["user"] for row in result}, {SPECIALIST})
		for marker in MARKERS:
			self.assertNotIn(marker, response.text)

		response = self.run_report(HEAD, user=SPECIALIST, kind=audit.EXPORT, document_type=PERSONAL_DATA)
		self.assertTrue(
			all(row["method"] in audit.EXPORT_METHODS for row in response.json()["message"]["result"])
		)

		for user in (SPECIALIST, DIRECTOR):
			with self.subTest(user=user):
				response = self.run_report(user)
				self.assertEqual(response.status_code, 403)
				self.assertNotIn(self.personal_data, response.text)


class TestSensitiveReadAuditInProcess(FrappeTestCase):
	"""The same rules without a served site (CI may have none): the Access Log keeps no value whoever writes it,
	the ``after_request`` hook logs a sent record once, and the report answers the Head only."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_categories()
		for email, role in USERS.items():
			make_user(email, role)
		cls.graduate = make_graduate(last_name=SURNAME, first_name=FIRST_NAME).name
		cls.personal_data = make_personal_data(
			cls.graduate, passport_number=PASSPORT_NUMBER, passport_issued_by=ISSUED_BY
		).name

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.local.request = None

	def rows_of(self, user: str) -> list[dict]:
		return frappe.get_all("Access Log", filters={"user": user}, fields=["*"], order_by="creation asc")

	def assert_no_marker(self, row: dict) -> None:
		text = json.dumps(row, default=str, ensure_ascii=False)
		for marker in MARKERS:
			self.assertNotIn(marker, text)

	def test_a_row_the_framework_writes_keeps_no_value_of_a_person(self):
		frappe.set_user(HEAD)
		access_log._make_access_log(
			doctype="Graduate",
			file_type="CSV",
			filters=[
				["Graduate", "full_name", "like", f"%{SURNAME}%"],
				["Graduate", "name", "=", self.graduate],
			],
			columns=json.dumps({"Graduate": ["name", "full_name"]}),
			page=f"<p>{SURNAME} {PASSPORT_NUMBER}</p>",
		)
		access_log._make_access_log(
			doctype=PERSONAL_DATA, filters=str({"snils": SNILS, "graduate": self.graduate}), columns=SURNAME
		)
		first, second = self.rows_of(HEAD)[-2:]
		for row in (first, second):
			self.assert_no_marker(row)
			self.assertIsNone(row.page)
		self.assertEqual(json.loads(first.filters)[1][3], self.graduate)
		self.assertEqual(json.loads(first.columns), {"Graduate": ["name", "full_name"]})
		self.assertEqual(json.loads(second.filters), {"snils": audit.REDACTED, "graduate": self.graduate})
		self.assertEqual(second.columns, audit.REDACTED)

	def test_the_request_hook_logs_a_sent_personal_data_record_once(self):
		frappe.set_user(SPECIALIST)
		path = f"/api/v2/document/{PERSONAL_DATA}/{self.personal_data}"
		request = Request(EnvironBuilder(path=path, method="GET").get_environ())
		body = {"data": {"doctype": PERSONAL_DATA, "name": self.personal_data, "snils": SNILS}}
		before = len(self.rows_of(SPECIALIST))
		sensitive_access.log_sent_record(Response(json.dumps(body), status=200), request)
		sensitive_access.log_sent_record(Response("{}", status=403), request)
		rows = self.rows_of(SPECIALIST)[before:]
		self.assertEqual(len(rows), 1)
		self.assertEqual(
			(rows[0].export_from, rows[0].reference_document, rows[0].method),
			(PERSONAL_DATA, self.personal_data, audit.REST_V2_READ),
		)
		self.assert_no_marker(rows[0])

	def test_the_report_answers_the_head_only(self):
		frappe.set_user(SPECIALIST)
		access_log._make_access_log(
			doctype=PERSONAL_DATA, document=self.personal_data, method=audit.FORM_LOAD
		)
		today = str(getdate())
		filters = {"from_date": today, "to_date": today, "user": SPECIALIST, "kind": audit.READ}
		frappe.set_user(HEAD)
		columns, data = execute(filters)[:2]
		self.assertTrue(columns)
		self.assertTrue(any(row["reference_document"] == self.personal_data for row in data))
		for user in (SPECIALIST, DIRECTOR):
			frappe.set_user(user)
			self.assertEqual(execute(filters)[1], [])
