# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Issue 15, part 1: the permission matrix, proven over HTTP against the served site.

The cases are generated from the DocType JSON (permission rows, ``istable``, ``is_submittable``,
``issingle``) crossed with the one table of ``permission_table``: every principal (the eight roles, a desk
user without a Center role, a website user, a guest) × every DocType of the app × read, write, create,
delete, submit, export, print and report. The table and the JSON are first checked to agree.

Each record is planted with marker values in its text fields (and valid, unique identifiers in the
sensitive ones: passport, СНИЛС, ИНН), a version, a comment and an assignment, and committed so that the
served process sees it. "Denied" means no answer carries a marker of the record, raw, ``\\u``-escaped,
HTML- or URL-escaped, whatever the status, and a count filtered on a marker is an error or zero.
"Allowed" means the marker comes back, or the action is done as the database shows afterwards. Markers of
personal data, a graduate's name and an employer's age and gender wishes are searched for in every answer
to a principal who may not read them, whatever the request was about.

The requests: REST v1 and v2, ``frappe.client.*``, ``getdoc`` with docinfo and versions, reportview get,
count and export, the data export tool, group-by and sidebar counts, ``search_link``/``search_widget``,
global search (the framework's path and the app's), ``/printview``, the print preview and ``download_pdf``,
the desk's ``savedocs``, a query report per DocType (the framework's ``report`` right) and
``query_report.run`` of every report of the app; and the records next to a document (Version, Comment,
ToDo, Access Log, File…) listed as each principal. The run prints its counts.
"""

import datetime
import html
import itertools
import json
import random
import re
import threading
import time
import unittest
import urllib.parse
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import frappe
import pymysql
import requests
from frappe.tests.utils import FrappeTestCase
from frappe.utils import get_url, getdate, now_datetime
from frappe.utils.global_search import sync_global_search, update_global_search
from frappe.utils.password import update_password
from stdnum.ru import inn as stdnum_inn

from citi_employment.domain.write_rules import SERVICE_FIELDS
from citi_employment.roles import CENTER_ROLES
from citi_employment.tests import permission_table as table
from citi_employment.tests.permission_table import (
	ACTIONS,
	APPROVE,
	CREATE,
	DELETE,
	EXPORT,
	GUEST,
	NO_CENTER_ROLE,
	PRINCIPALS,
	PRINT,
	READ,
	REPORT,
	SUBMIT,
	WEBSITE_USER,
	WRITE,
)
from citi_employment.tests.records import (
	make_annual_report,
	make_employer,
	make_graduate,
	make_interaction,
	make_internal_requirements,
	make_placement,
	make_profession,
	make_request,
	make_resume,
	make_work_plan,
)

APP_MODULE = Path(__file__).resolve().parents[1] / "citi_employment"
PASSWORD = "Matr1x-Perm-Http-Check!"
DESK_ROLE = "Permission Matrix Desk"
USER_DOMAIN = "pmx.citi.invalid"
WORKERS = 6
TIMEOUT = 120
RETRIES = 10
# The years of the work plans and annual reports this test makes (each year holds one of each).
FIRST_YEAR = 2001
TEXT_TYPES = {"Data", "Small Text", "Text", "Long Text", "Text Editor"}
# Identifiers the controllers validate: the record keeps a valid, unique value there instead of a marker.
VALIDATED = {
	"Graduate Personal Data": {
		"passport_series",
		"passport_number",
		"passport_division_code",
		"snils",
		"inn",
		"ipra_number",
	},
	"Representative Identity Document": {"series", "number", "division_code"},
	"Profession": {"okpdtr_code"},
	"Employment Center Settings": {"institution_inn", "institution_ogrn", "monitoring_checkpoints"},
	"Student Resume": {"driving_licence_categories"},
	"Employer": {"inn", "ogrn", "kpp"},
}
STANDARD_FIELDS = {
	"name",
	"owner",
	"creation",
	"modified",
	"modified_by",
	"docstatus",
	"idx",
	"parent",
	"parentfield",
	"parenttype",
	"amended_from",
	"_assign",
	"_comments",
	"_liked_by",
	"_user_tags",
	"_seen",
}
LETTERS = "бвгджзклмнпрстфхцчшщаеиоуыэюя"
NO_VALUE_TYPES = {"Section Break", "Column Break", "Tab Break", "HTML", "Button", "Heading", "Fold", "Image"}
# A new record of these DocTypes names a record of its own (one per graduate or request, or a consent).
FRESH_PREREQUISITES = {
	"Graduate Personal Data": ("graduate",),
	"Vacancy Internal Requirements": ("vacancy_request",),
	"Vacancy Candidate": ("graduate",),
	"Personal Data Consent": ("graduate",),
}
# The field a write changes where the first typed one is rewritten by the controller (a consent's
# representative is cleared when the graduate signs) or there is none (a candidate: all fetched or a service's).
WRITE_FIELDS = {"Personal Data Consent": "purposes", "Vacancy Candidate": "status_date"}
# Filters a report needs to run at all (the year of the planted annual report and work plan).
REPORT_FILTERS = {}
SIDE_DOCTYPES = (
	"Version",
	"Comment",
	"ToDo",
	"Access Log",
	"Activity Log",
	"Deleted Document",
	"Communication",
	"File",
	"View Log",
	"Prepared Report",
)


def app_doctypes() -> dict[str, dict]:
	"""Every DocType JSON of the app by name."""
	specs = {}
	for path in sorted(APP_MODULE.glob("doctype/*/*.json")):
		spec = json.loads(path.read_text(encoding="utf-8"))
		if spec.get("doctype") == "DocType" and path.stem == path.parent.name:
			specs[spec["name"]] = spec
	return specs


def app_reports() -> dict[str, dict]:
	specs = {}
	for path in sorted(APP_MODULE.glob("report/*/*.json")):
		spec = json.loads(path.read_text(encoding="utf-8"))
		if spec.get("doctype") == "Report":
			specs[spec["name"]] = spec
	return specs


def json_grants(spec: dict, role: str) -> set[str]:
	"""What the permlevel-0 row of ``role`` grants, in the table's words (``write`` as is)."""
	granted = set()
	for row in spec.get("permissions", []):
		if row.get("role") == role and not row.get("permlevel") and not row.get("if_owner"):
			granted |= {action for action in ACTIONS if row.get(action)}
	return granted


def applicable(spec: dict, action: str) -> bool:
	"""Which actions a DocType has at all: submit only if submittable; a Single is read, written, printed."""
	if action == SUBMIT:
		return bool(spec.get("is_submittable"))
	if spec.get("issingle"):
		return action in (READ, WRITE, PRINT)
	return True


# --- markers ------------------------------------------------------------------------------------------


def new_marker() -> str:
	"""A word found nowhere else: ten random Cyrillic letters, so that escaping matters when searching."""
	return "".join(random.choices(LETTERS, k=10)).capitalize()


# Each date marker is a day of its own, far in the future: a random day could repeat one already stored (a
# refused create then looked made), so they are counted out instead.
DATE_MARKERS = itertools.count()


def new_date_marker() -> str:
	return (datetime.date(2040, 1, 1) + datetime.timedelta(days=next(DATE_MARKERS))).isoformat()


def variants(marker: str) -> list[str]:
	"""The forms a value takes in an answer: raw, ``\\u``-escaped JSON, HTML entities, URL-encoded."""
	forms = {
		marker,
		json.dumps(marker)[1:-1],
		html.escape(marker),
		"".join(f"&#{ord(char)};" for char in marker),
		"".join(f"&#x{ord(char):x};" for char in marker),
		urllib.parse.quote(marker),
		urllib.parse.quote_plus(marker),
	}
	return sorted(forms, key=len, reverse=True)


def marker_pattern(markers) -> re.Pattern | None:
	parts = []
	for marker in markers:
		if marker.replace("-", "").replace(" ", "").isdigit():
			# An identifier (passport number, СНИЛС, ИНН): not a part of a longer number or a timestamp.
			parts.append(rf"(?<![\d.]){re.escape(marker)}(?!\d)")
		else:
			parts.extend(re.escape(form) for form in variants(marker))
	return re.compile("|".join(parts), re.IGNORECASE) if parts else None


@dataclass
class Record:
	doctype: str
	name: str
	kind: str = "main"
	markers: set[str] = field(default_factory=set)
	primary_field: str = ""
	primary: str = ""
	history: str = ""  # the marker of its Version and Comment
	single: bool = False
	search_text: str = ""  # a marker of a global-search field, if the DocType has one
	pattern: re.Pattern | None = None

	def compile(self) -> None:
		self.pattern = marker_pattern(self.markers | {self.history})

	def found_in(self, text: str) -> bool:
		return bool(self.pattern and self.pattern.search(text))


@dataclass
class Answer:
	status: int
	text: str
	content_type: str
	json: object = None


@dataclass
class Outcome:
	principal: str
	doctype: str
	action: str
	kind: str
	endpoint: str
	expected: bool
	ok: bool
	detail: str = ""


# --- the test -----------------------------------------------------------------------------------------


class TestPermissionMatrix(FrappeTestCase):
	"""The matrix over HTTP. Tests run in name order: reads first, changes last."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.base = get_url()
		try:
			requests.get(f"{cls.base}/api/method/ping", timeout=30).raise_for_status()
		except requests.RequestException:
			raise unittest.SkipTest(f"no site is served at {cls.base}") from None
		cls.started = time.monotonic()
		cls.specs = app_doctypes()
		cls.report_specs = app_reports()
		cls.lock = threading.Lock()
		cls.requests_made = Counter()
		cls.cases: set[tuple[str, str, str]] = set()
		cls.outcomes: list[Outcome] = []
		cls.global_leaks: list[str] = []
		cls.cleanup: list[tuple[str, str]] = []
		cls.local_sessions = threading.local()
		cls.addClassCleanup(cls.remove_everything)
		frappe.set_user("Administrator")
		cls.remove_leftovers()
		cls.make_users()
		print(f"users: {time.monotonic() - cls.started:.0f} s")
		cls.plant_records()
		print(f"records: {time.monotonic() - cls.started:.0f} s")
		frappe.db.commit()
		cls.login_all()
		cls.db_settings = {
			"host": frappe.conf.db_host or "127.0.0.1",
			"port": int(frappe.conf.db_port or 3306),
			"user": frappe.conf.db_user or frappe.conf.db_name,
			"password": frappe.conf.db_password,
			"database": frappe.conf.db_name,
			"charset": "utf8mb4",
			"autocommit": True,
		}
		cls.connections = []
		cls.created = defaultdict(list)
		cls.shared_prerequisites = {}
		cls.prepare_changes()
		# Value makers per written field, made here: the worker threads have no frappe.
		cls.write_values = {
			(target, fieldname): new_marker
			if frappe.get_meta(target).get_field(fieldname).fieldtype != "Date"
			else new_date_marker
			for target, fieldname in [
				*cls.write_targets.values(),
				*(("Mentor Recommendation", f) for f in (*table.SECTIONS.values(), "consilium_living")),
			]
		}
		cls.searched_doctypes = set(
			frappe.get_all(
				"Global Search DocType", filters={"parent": "Global Search Settings"}, pluck="document_type"
			)
		)

	# --- users -------------------------------------------------------------------------------------------

	@classmethod
	def user_of(cls, principal: str) -> str | None:
		if principal == GUEST:
			return None
		slug = re.sub(r"[^a-z]+", "-", principal.lower()).strip("-")
		return f"pmx-{slug}@{USER_DOMAIN}"

	@classmethod
	def make_users(cls) -> None:
		if not frappe.db.exists("Role", DESK_ROLE):
			frappe.get_doc({"doctype": "Role", "role_name": DESK_ROLE, "desk_access": 1}).insert(
				ignore_permissions=True
			)
		for principal in PRINCIPALS:
			email = cls.user_of(principal)
			if not email:
				continue
			if principal in CENTER_ROLES:
				roles = [principal]
			elif principal == NO_CENTER_ROLE:
				roles = [DESK_ROLE]
			else:
				roles = []
			if frappe.db.exists("User", email):
				user = frappe.get_doc("User", email)
				user.set("roles", [])
			else:
				user = frappe.new_doc("User")
				user.update(
					{
						"email": email,
						"first_name": principal,
						"send_welcome_email": 0,
						# Any image: without one, saving a user asks gravatar.com, synchronously in tests.
						"user_image": "/assets/frappe/images/frappe-framework-logo.svg",
						"user_type": "Website User" if principal == WEBSITE_USER else "System User",
					}
				)
			for role in roles:
				user.append("roles", {"role": role})
			user.flags.ignore_permissions = True
			user.flags.no_welcome_mail = True
			user.save() if not user.is_new() else user.insert()
			update_password(email, PASSWORD)
		frappe.db.commit()
		expected_types = {WEBSITE_USER: "Website User", NO_CENTER_ROLE: "System User"}
		for principal, user_type in expected_types.items():
			assert frappe.db.get_value("User", cls.user_of(principal), "user_type") == user_type

	@classmethod
	def login_all(cls) -> None:
		cls.cookies = {}
		for principal in PRINCIPALS:
			email = cls.user_of(principal)
			if not email:
				cls.cookies[principal] = {}
				continue
			session = requests.Session()
			for attempt in range(RETRIES):
				try:
					response = session.post(
						f"{cls.base}/api/method/login", data={"usr": email, "pwd": PASSWORD}, timeout=TIMEOUT
					)
					break
				except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError):
					if attempt == RETRIES - 1:
						raise
					time.sleep(2)
			cls.requests_made["login"] += 1
			response.raise_for_status()
			cls.cookies[principal] = session.cookies.get_dict()

	def session(self, principal: str) -> requests.Session:
		"""One session per principal and worker thread, signed in with the principal's cookie."""
		sessions = self.local_sessions.__dict__.setdefault("sessions", {})
		if principal not in sessions:
			session = requests.Session()
			session.cookies.update(self.cookies[principal])
			sessions[principal] = session
		return sessions[principal]

	# --- records -----------------------------------------------------------------------------------------

	@classmethod
	def plant_records(cls) -> None:
		"""One record of each DocType (three kinds for the record rules), each planted with markers."""
		cls.records: dict[str, Record] = {}
		cls.variants: list[Record] = []
		token = new_marker()
		profession = make_profession(f"Профессия {token}", description="x")
		employer = make_employer(
			f"ООО «{new_marker()}»",
			inn=cls.company_inn(),
			email=f"pmx-{random.randint(10**8, 10**9)}@employer.invalid",
		)
		# With a signed consent: a candidate may be proposed only then.
		graduate = make_graduate(
			consent=True,
			last_name=new_marker(),
			first_name=new_marker(),
			patronymic=new_marker(),
			profession=profession,
			legal_representatives=[
				{
					"last_name": new_marker(),
					"first_name": new_marker(),
					"patronymic": new_marker(),
					"basis": "Parent",
					"address": "x",
				}
			],
		)
		for signed in frappe.get_all("Personal Data Consent", {"graduate": graduate.name}, pluck="name"):
			cls.cleanup.append(("Personal Data Consent", signed))
		personal_data = cls.make_personal_data(graduate.name)
		request = make_request(employer, age_requirement=None, gender_requirement=None)
		internal = make_internal_requirements(request.name, age_requirement="x", gender_requirement="Male")
		targeted = make_request(employer, kind="Targeted Training", age_requirement=None)
		placement = make_placement(graduate.name, employer)
		monitoring = frappe.db.get_value(
			"Employment Monitoring Record", {"placement": placement.name}, "name"
		)
		candidate = cls.service_insert(
			{"doctype": "Vacancy Candidate", "vacancy_request": request.name, "graduate": graduate.name}
		)
		consent = frappe.get_doc(
			{
				"doctype": "Personal Data Consent",
				"kind": "Processing",
				"graduate": graduate.name,
				"signer": "Data Subject",
				"signed_on": getdate(),
				"transfer_to_employers": 1,
				"purposes": "x",
			}
		).insert(ignore_permissions=True)
		application = frappe.get_doc(
			{"doctype": "Employment Assistance Application", "graduate": graduate.name}
		).insert(ignore_permissions=True)
		transfer = cls.service_insert(
			{
				"doctype": "Personal Data Transfer",
				"graduate": graduate.name,
				"employer": employer,
				"consent": consent.name,
				"recipient_email": "hr@employer.invalid",
				"transferred_at": now_datetime(),
				"transferred_by": "Administrator",
				"reference_doctype": "Employment Assistance Application",
				"reference_name": application.name,
			}
		)
		act = cls.service_insert(
			{
				"doctype": "Personal Data Destruction Act",
				"graduate": graduate.name,
				"consent": consent.name,
				"act_date": getdate(),
				"subject_full_name": "x",
				"reason": "x",
			}
		)
		recommendation = frappe.get_doc(
			{
				"doctype": "Mentor Recommendation",
				"graduate": graduate.name,
				"conclusions": [{"action": "x"}],
			}
		).insert(ignore_permissions=True)
		resume = make_resume(
			graduate.name,
			work_experience=[{"organization": "x", "position": "x", "duties": "x"}],
			education=[{"institution": "x", "specialty": "x"}],
		)
		dossier = cls.service_insert(
			{
				"doctype": "Employer Dossier",
				"graduate": graduate.name,
				"employer": employer,
				"recipient_email": "hr@employer.invalid",
				"sent_at": now_datetime(),
				"sent_by": "Administrator",
				"student_resume": resume.name,
				"mentor_recommendation": recommendation.name,
				"signatory_name": "x",
			}
		)
		feedback = cls.service_insert(
			{
				"doctype": "Employer Feedback Request",
				"monitoring_record": monitoring,
				"graduate": graduate.name,
				"employer": employer,
				"recipient_email": "hr@employer.invalid",
				"status": "Sent",
				"token_hash": f"{random.getrandbits(256):064x}",
			}
		)
		plan = make_work_plan(FIRST_YEAR, items=({"activity": "x", "due": "x", "responsible": "x"},))
		event = frappe.get_doc(
			{
				"doctype": "Center Event",
				"subject": "x",
				"event_type": "Job Fair",
				"starts_on": "2071-03-01 10:00:00",
				"employers": [{"employer": employer, "representative": "x", "notes": "x"}],
			}
		).insert(ignore_permissions=True)
		journal = frappe.get_doc(
			{
				"doctype": "Contract Journal",
				"journal_name": f"Журнал {new_marker()}",
				"register_title": "x",
				"number_prefix": "PMX",
			}
		).insert(ignore_permissions=True)
		cooperation = cls.make_contract("Cooperation (Partnership)", employer)
		practice = cls.make_contract("Practice", employer)
		practice_of_graduate = cls.make_contract("Practice", employer, graduate=graduate.name)
		category = frappe.get_doc(
			{
				"doctype": "Personal Data Category",
				"category_name": f"Категория {new_marker()}",
				"wording": "x",
			}
		).insert(ignore_permissions=True)
		professiogram = frappe.get_doc(
			{"doctype": "Professiogram", "profession": profession, "employer": employer, "work_content": "x"}
		).insert(ignore_permissions=True)
		interaction = make_interaction(
			employer, outcome="x", next_step="x", responsible=cls.user_of(table.SPECIALIST)
		)
		annual = make_annual_report(FIRST_YEAR + 1)
		cls.settings_before = frappe.get_single("Employment Center Settings").as_dict()

		order = {
			"Profession": profession,
			"Employer": employer,
			"Graduate": graduate.name,
			"Graduate Personal Data": personal_data,
			"Vacancy Request": request.name,
			"Vacancy Internal Requirements": internal.name,
			"Graduate Placement": placement.name,
			"Employment Monitoring Record": monitoring,
			"Vacancy Candidate": candidate,
			"Personal Data Consent": consent.name,
			"Employment Assistance Application": application.name,
			"Personal Data Transfer": transfer,
			"Personal Data Destruction Act": act,
			"Mentor Recommendation": recommendation.name,
			"Student Resume": resume.name,
			"Employer Dossier": dossier,
			"Employer Feedback Request": feedback,
			"Work Plan": plan.name,
			"Center Event": event.name,
			"Contract Journal": journal.name,
			"Employer Contract": cooperation,
			"Personal Data Category": category.name,
			"Professiogram": professiogram.name,
			"Employer Interaction": interaction.name,
			"Annual Report": annual.name,
			"Employment Center Settings": "Employment Center Settings",
		}
		for doctype, name in order.items():
			cls.cleanup.append((doctype, name))
			cls.records[doctype] = cls.plant(doctype, name)
		for kind, doctype, name in (
			("targeted training", "Vacancy Request", targeted.name),
			("practice about no graduate", "Employer Contract", practice),
			("practice about a graduate", "Employer Contract", practice_of_graduate),
		):
			cls.cleanup.append((doctype, name))
			cls.variants.append(cls.plant(doctype, name, kind))
		cls.cleanup.append(("Graduate", graduate.name))  # after its dependants, again if still there
		cls.base_records = {
			"profession": profession,
			"employer": employer,
			"graduate": graduate.name,
			"journal": journal.name,
		}
		sync_global_search()
		cls.make_query_reports()

	@staticmethod
	def company_inn() -> str:
		body = "47" + "".join(random.choices("0123456789", k=7))
		return body + stdnum_inn.calc_company_check_digit(body)

	@staticmethod
	def person_inn() -> str:
		body = "47" + "".join(random.choices("0123456789", k=8))
		return body + stdnum_inn.calc_personal_check_digits(body)

	@staticmethod
	def snils() -> str:
		while True:
			digits = [random.randint(0, 9) for _ in range(9)]
			if len(set(digits)) > 3:
				break
		total = sum(digit * weight for digit, weight in zip(digits, range(9, 0, -1), strict=True))
		check = total if total < 100 else (0 if total in (100, 101) else total % 101 % 100)
		body = "".join(map(str, digits))
		return f"{body[:3]}-{body[3:6]}-{body[6:]} {check:02d}"

	@classmethod
	def make_personal_data(cls, graduate: str) -> str:
		doc = frappe.get_doc(
			{
				"doctype": "Graduate Personal Data",
				"graduate": graduate,
				"passport_series": f"{random.randint(4001, 4099)}",
				"passport_number": f"{random.randint(500000, 999999)}",
				"passport_division_code": f"{random.randint(100, 899)}-{random.randint(100, 899)}",
				"passport_issued_by": "x",
				"passport_issued_on": "2021-04-15",
				"snils": cls.snils(),
				"inn": cls.person_inn(),
				"disability_group": "Group II",
				"work_capacity_restriction": "Degree 1",
				"ipra_recommendations": "x",
				"assistive_devices": "x",
				"special_workplace_needs": "x",
				"representative_documents": [
					{"representative_name": "x", "document_type": "Other", "issued_by": "x"}
				],
			}
		)
		return doc.insert(ignore_permissions=True).name

	@staticmethod
	def service_insert(values: dict) -> str:
		doc = frappe.get_doc(values)
		doc.flags.written_by_service = True
		return doc.insert(ignore_permissions=True).name

	contract_year = 2040

	@classmethod
	def next_contract_year(cls) -> int:
		"""A year of its own per contract: a journal refuses two contracts with one employer at one time."""
		cls.contract_year += 1
		return cls.contract_year

	@classmethod
	def make_contract(cls, journal: str, employer: str, **values) -> str:
		year = cls.next_contract_year()
		return (
			frappe.get_doc(
				{
					"doctype": "Employer Contract",
					"journal": journal,
					"employer": employer,
					"subject": "x",
					"signed_on": f"{year}-01-01",
					"valid_from": f"{year}-01-01",
					"valid_to": f"{year}-12-31",
					**values,
				}
			)
			.insert(ignore_permissions=True)
			.name
		)

	@classmethod
	def marked_fields(cls, doctype: str) -> list[str]:
		"""The text fields that take a marker: typed, fetched or service-written text and e-mail addresses;
		not an identifier the controller validates, nor the record's ID (which the requester sends)."""
		meta = frappe.get_meta(doctype)
		return [
			df.fieldname
			for df in meta.fields
			if df.fieldtype in TEXT_TYPES
			and (df.fieldtype != "Data" or not df.options or df.options == "Email")
			and not df.unique
			and df.fieldname not in VALIDATED.get(doctype, ())
			and df.fieldname != (meta.autoname or "").removeprefix("field:")
		]

	@staticmethod
	def marker_for(doctype: str, fieldname: str) -> str:
		df = frappe.get_meta(doctype).get_field(fieldname)
		if df.options == "Email":
			return f"{''.join(random.choices('abcdefghkmnpqrstuvwxyz', k=14))}@citi.invalid"
		return new_marker()

	@classmethod
	def plant(cls, doctype: str, name: str, kind: str = "main") -> Record:
		"""Markers in every text field of the record and of its child rows, straight into the database (no
		controller rewrites them); a version and a comment holding a marker; an assignment to the Head."""
		meta = frappe.get_meta(doctype)
		record = Record(doctype, name, kind, single=bool(meta.issingle))
		values = {fieldname: cls.marker_for(doctype, fieldname) for fieldname in cls.marked_fields(doctype)}
		planted = set(values.values())
		if meta.issingle:
			for fieldname, value in values.items():
				frappe.db.set_single_value(doctype, fieldname, value)
		elif values:
			frappe.db.set_value(doctype, name, values, update_modified=False)
		doc = frappe.get_doc(doctype, name)
		for table_field in meta.get_table_fields():
			child_fields = cls.marked_fields(table_field.options)
			for row in doc.get(table_field.fieldname):
				child_values = {f: cls.marker_for(table_field.options, f) for f in child_fields}
				planted |= set(child_values.values())
				if child_values:
					frappe.db.set_value(table_field.options, row.name, child_values, update_modified=False)
		doc = frappe.get_doc(doctype, name)
		stored = {
			str(row.get(df.fieldname))
			for row in [doc, *doc.get_all_children()]
			for df in row.meta.fields
			if row.get(df.fieldname)
		}
		record.markers = planted & stored
		editable = cls.editable_fields(doctype)
		# A typed marker if there is one, else an e-mail address (the transfer log and the feedback link).
		candidates = sorted(
			(f for f in values if values[f] in record.markers), key=lambda f: "@" in values[f]
		)
		record.primary_field = next((f for f in candidates if f in editable), next(iter(candidates), ""))
		record.primary = values.get(record.primary_field, "")
		for df in meta.get_global_search_fields():
			if values.get(df.fieldname) in record.markers and not record.search_text:
				record.search_text = values[df.fieldname]
		if doctype == "Graduate Personal Data":
			record.markers |= {doc.passport_number, doc.snils, doc.inn, doc.passport_division_code}
		record.history = new_marker()
		frappe.get_doc(
			{
				"doctype": "Version",
				"ref_doctype": doctype,
				"docname": name,
				"data": frappe.as_json({"changed": [[record.primary_field or "title", "", record.history]]}),
			}
		).insert(ignore_permissions=True)
		if not meta.issingle:
			frappe.get_doc(
				{
					"doctype": "Comment",
					"comment_type": "Comment",
					"reference_doctype": doctype,
					"reference_name": name,
					"content": record.history,
				}
			).insert(ignore_permissions=True)
			frappe.get_doc(
				{
					"doctype": "ToDo",
					"description": "Permission matrix",
					"allocated_to": cls.user_of(table.HEAD),
					"reference_type": doctype,
					"reference_name": name,
				}
			).insert(ignore_permissions=True)
			update_global_search(doc)
		record.compile()
		return record

	@staticmethod
	def editable_fields(doctype: str) -> set[str]:
		meta = frappe.get_meta(doctype)
		return {
			df.fieldname
			for df in meta.fields
			if not df.read_only and df.fieldname not in SERVICE_FIELDS.get(doctype, ())
		}

	@classmethod
	def make_query_reports(cls) -> None:
		"""A query report per DocType: the framework's ``report`` right, which only reports enforce. Its SQL
		reads the record every principal with that right may read."""
		cls.query_reports = {}
		for doctype, record in cls.records.items():
			spec = cls.specs[doctype]
			if not applicable(spec, REPORT) or not record.primary_field:
				continue
			target = record
			for (narrowed_doctype, principal), kind in table.ONLY_RECORDS.items():
				if narrowed_doctype == doctype and table.allowed(doctype, principal, REPORT):
					target = next(r for r in cls.variants if r.doctype == doctype and r.kind == kind)
			name = f"Permission Matrix {doctype}"
			if frappe.db.exists("Report", name):
				frappe.delete_doc("Report", name, force=True, ignore_permissions=True)
			frappe.get_doc(
				{
					"doctype": "Report",
					"report_name": name,
					"ref_doctype": doctype,
					"report_type": "Query Report",
					"is_standard": "No",
					"module": "Citi Employment",
					"query": f"select `name`, `{record.primary_field}` from `tab{doctype}` "
					f"where `name` = {frappe.db.escape(target.name)}",
				}
			).insert(ignore_permissions=True)
			cls.query_reports[doctype] = (name, target)

	# --- what writes and creates change ------------------------------------------------------------------

	@classmethod
	def prepare_changes(cls) -> None:
		"""Which field a write changes and a create fills, per DocType (see ``write_target``): a text field
		a user types (not fetched, not a service's), else one of the first child row's."""
		cls.write_targets, cls.child_fields, cls.child_columns, cls.create_fields = {}, {}, {}, {}
		for doctype, record in cls.records.items():
			meta = frappe.get_meta(doctype)
			editable = cls.editable_fields(doctype)
			own = [
				f
				for f in cls.marked_fields(doctype)
				if f in editable and not meta.get_field(f).options and not meta.get_field(f).fetch_from
			]
			if doctype in WRITE_FIELDS:
				own = [WRITE_FIELDS[doctype]]
			tables = [df for df in meta.get_table_fields() if df.fieldname in editable]
			if own:
				cls.write_targets[doctype] = (doctype, own[0])
			elif tables and frappe.get_doc(doctype, record.name).get(tables[0].fieldname):
				child = tables[0].options
				text = [f for f in cls.marked_fields(child) if f in cls.editable_fields(child)]
				cls.child_fields[doctype] = tables[0].fieldname
				cls.child_columns[child] = [
					df.fieldname for df in frappe.get_meta(child).fields if df.fieldtype not in NO_VALUE_TYPES
				]
				cls.write_targets[doctype] = (child, text[0])
			else:  # nobody may write it: any field shows a refusal
				cls.write_targets[doctype] = (doctype, record.primary_field)
			if own:
				cls.create_fields[doctype] = own[0]
			else:
				cls.create_fields[doctype] = "year" if meta.has_field("year") else record.primary_field

	@staticmethod
	def new_value(doctype: str, fieldname: str) -> str:
		df = frappe.get_meta(doctype).get_field(fieldname)
		if df and df.fieldtype == "Date":
			return new_date_marker()
		return new_marker()

	@classmethod
	def fresh_prerequisites(cls, doctype: str) -> dict:
		"""Records a new document names that may hold only one of it (a graduate's personal data, a request's
		internal requirements), with a consent where the DocType wants one (a candidate)."""
		needed = FRESH_PREREQUISITES.get(doctype, ())
		prerequisites = {}
		if "graduate" in needed:
			graduate = make_graduate(consent=doctype == "Vacancy Candidate", last_name=new_marker())
			cls.cleanup.append(("Graduate", graduate.name))
			for consent in frappe.get_all("Personal Data Consent", {"graduate": graduate.name}, pluck="name"):
				cls.cleanup.append(("Personal Data Consent", consent))
			prerequisites["graduate"] = graduate.name
		if "vacancy_request" in needed:
			request = make_request(
				cls.base_records["employer"], age_requirement=None, gender_requirement=None
			)
			cls.cleanup.append(("Vacancy Request", request.name))
			prerequisites["vacancy_request"] = request.name
		return prerequisites

	def new_payload(self, doctype: str, fresh: bool = True) -> dict:
		"""A new document like the planted one: what a user types, copied, with a new marker in the field
		``create_fields`` names, and new values where the DocType wants them unique."""
		record = self.records[doctype]
		source = frappe.get_doc(doctype, record.name)
		meta = source.meta
		editable = self.editable_fields(doctype)
		payload = {"doctype": doctype}
		for df in meta.fields:
			value = source.get(df.fieldname)
			if (
				df.fieldname not in editable
				or df.unique
				or df.fieldtype in NO_VALUE_TYPES
				or value in (None, "")
			):
				continue
			if df.fieldname in VALIDATED.get(doctype, ()):
				continue
			if df.fieldtype in frappe.model.table_fields:
				child_editable = self.editable_fields(df.options)
				value = [
					{k: v for k, v in row.as_dict().items() if k in child_editable and v not in (None, "")}
					for row in value
				]
			payload[df.fieldname] = value
		# Refused creates share one set of prerequisites per DocType: a hole still shows on the first try.
		shared = self.shared_prerequisites
		if fresh or doctype not in shared:
			prerequisites = self.fresh_prerequisites(doctype)
			if not fresh:
				shared[doctype] = prerequisites
		else:
			prerequisites = shared[doctype]
		payload.update(prerequisites)
		fieldname = self.create_fields[doctype]
		autoname = meta.autoname.removeprefix("field:") if (meta.autoname or "").startswith("field:") else ""
		if meta.has_field("year"):  # a work plan and an annual report: one per year
			with self.lock:
				type(self).year = getattr(type(self), "year", FIRST_YEAR + 1) + 1
				payload["year"] = type(self).year
		if fieldname != "year":
			payload[fieldname] = self.new_value(doctype, fieldname)
		if doctype == "Employer Contract":
			with self.lock:
				year = self.next_contract_year()
			payload.update(signed_on=f"{year}-01-01", valid_from=f"{year}-01-01", valid_to=f"{year}-12-31")
		if (
			autoname
			and autoname not in FRESH_PREREQUISITES.get(doctype, ())
			and meta.get_field(autoname).fieldtype == "Data"
		):
			payload[autoname] = f"{doctype} {new_marker()}"
		return json.loads(frappe.as_json(payload))  # dates as the desk sends them

	def disposable(self, doctype: str, keep: bool = False) -> str:
		"""A record nobody else uses: one made over HTTP by the create test, else a new one made here."""
		if not keep and self.created[doctype]:
			return self.created[doctype].pop()
		doc = frappe.get_doc(self.new_payload(doctype))
		doc.flags.written_by_service = True
		doc.insert(ignore_permissions=True)
		self.cleanup.append((doctype, doc.name))
		return doc.name

	# --- cleanup -----------------------------------------------------------------------------------------

	@classmethod
	def remove_everything(cls) -> None:
		for connection in getattr(cls, "connections", []):
			connection.close()
		frappe.db.rollback()
		frappe.set_user("Administrator")
		frappe.flags.in_test = True
		for name in getattr(cls, "query_reports", {}).values():
			if frappe.db.exists("Report", name[0]):
				frappe.delete_doc("Report", name[0], force=True, ignore_permissions=True)
		for doctype, name in reversed(cls.cleanup):
			if doctype == "Employment Center Settings" or not frappe.db.exists(doctype, name):
				continue
			cls.force_delete(doctype, name)
		if getattr(cls, "settings_before", None):
			settings = frappe.get_single("Employment Center Settings")
			for fieldname in cls.marked_fields("Employment Center Settings"):
				frappe.db.set_single_value(
					"Employment Center Settings", fieldname, cls.settings_before.get(fieldname)
				)
			frappe.clear_document_cache(settings.doctype, settings.name)
		for principal in PRINCIPALS:
			email = cls.user_of(principal)
			if email and frappe.db.exists("User", email):
				frappe.delete_doc("User", email, force=True, ignore_permissions=True)
		if frappe.db.exists("Role", DESK_ROLE):
			frappe.delete_doc("Role", DESK_ROLE, force=True, ignore_permissions=True)
		frappe.db.commit()
		print(cls.summary())

	@classmethod
	def remove_leftovers(cls) -> None:
		"""What a run killed before its cleanup left: the plans and reports of the years this test takes."""
		for doctype in ("Annual Report", "Work Plan"):
			for name in frappe.get_all(doctype, filters={"year": (">=", FIRST_YEAR)}, pluck="name"):
				cls.force_delete(doctype, name)
		frappe.db.commit()

	@staticmethod
	def force_delete(doctype: str, name: str) -> None:
		doc = frappe.get_doc(doctype, name)
		if doc.docstatus == 1:
			frappe.db.set_value(doctype, name, "docstatus", 2, update_modified=False)
		for linked in ("Version", "Comment", "ToDo"):
			field_pair = ("ref_doctype", "docname") if linked == "Version" else None
			if linked == "Comment":
				field_pair = ("reference_doctype", "reference_name")
			if linked == "ToDo":
				field_pair = ("reference_type", "reference_name")
			frappe.db.delete(linked, {field_pair[0]: doctype, field_pair[1]: name})
		frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, delete_permanently=True)

	@classmethod
	def summary(cls) -> str:
		total = sum(cls.requests_made.values())
		applicable_cells = sum(
			1
			for spec in cls.specs.values()
			if not spec.get("istable")
			for action in ACTIONS
			if applicable(spec, action)
		) * len(PRINCIPALS)
		doctypes = sum(1 for spec in cls.specs.values() if not spec.get("istable"))
		return (
			f"\nPermission matrix: {total} HTTP requests ({dict(cls.requests_made)}); "
			f"{len(PRINCIPALS)} principals × {doctypes} DocTypes × {len(ACTIONS)} actions = "
			f"{len(PRINCIPALS) * doctypes * len(ACTIONS)} cells, {applicable_cells} applicable, "
			f"{len(cls.cases)} asserted; {len(cls.outcomes)} endpoint checks; "
			f"{time.monotonic() - getattr(cls, 'started', time.monotonic()):.0f} s"
		)

	# --- requests ----------------------------------------------------------------------------------------

	def call(self, principal: str, verb: str, path: str, label: str, **kwargs) -> Answer:
		"""One request as the principal; every answer is searched for the globally secret markers."""
		session = self.session(principal)
		for attempt in range(RETRIES):
			try:
				response = session.request(
					verb, f"{self.base}{path}", timeout=TIMEOUT, allow_redirects=False, **kwargs
				)
				break
			except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError):
				# `bench serve` reloads when a file of the bench changes; the request is sent again.
				if attempt == RETRIES - 1:
					raise
				time.sleep(2)
		content_type = response.headers.get("Content-Type", "")
		text = "" if "pdf" in content_type else response.text
		try:
			body = response.json() if "json" in content_type else None
		except ValueError:
			body = None
		with self.lock:
			self.requests_made[label] += 1
		self.scan_for_secrets(principal, text, f"{verb} {path} {kwargs.get('params') or ''}")
		return Answer(response.status_code, text, content_type, body)

	def method(self, principal: str, method_name: str, verb: str = "POST", **args) -> Answer:
		data = {
			key: json.dumps(value, default=str) if isinstance(value, dict | list) else value
			for key, value in args.items()
			if value is not None
		}
		if verb == "GET":
			return self.call(principal, "GET", f"/api/method/{method_name}", method_name, params=data)
		return self.call(principal, "POST", f"/api/method/{method_name}", method_name, data=data)

	def scan_for_secrets(self, principal: str, text: str, what: str) -> None:
		for doctype in table.GLOBALLY_SECRET:
			if table.allowed(doctype, principal, READ):
				continue
			record = self.records[doctype]
			if record.found_in(text):
				with self.lock:
					self.global_leaks.append(f"{principal}: {doctype} value in {what}")

	def run_all(self, jobs, workers: int = WORKERS):
		"""Run independent checks concurrently (each returns a list of Outcomes) and record them."""
		with ThreadPoolExecutor(max_workers=workers) as pool:
			results = list(pool.map(lambda job: job(), jobs))
		outcomes = [outcome for result in results for outcome in result]
		self.record(outcomes)
		return outcomes

	def record(self, outcomes) -> None:
		with self.lock:
			self.outcomes.extend(outcomes)
			for outcome in outcomes:
				self.cases.add((outcome.principal, outcome.doctype, outcome.action))

	def assert_outcomes(self, outcomes) -> None:
		failures = [o for o in outcomes if not o.ok]
		for outcome in failures:
			with self.subTest(
				principal=outcome.principal,
				doctype=outcome.doctype,
				action=outcome.action,
				kind=outcome.kind,
				endpoint=outcome.endpoint,
			):
				self.fail(
					f"{'allowed' if outcome.expected else 'denied'} by the table, "
					f"{'refused' if outcome.expected else 'answered'} by the site: {outcome.detail}"
				)
		self.assertTrue(outcomes, "no case was generated")

	def assert_no_global_leaks(self) -> None:
		leaks = sorted(set(self.global_leaks))
		self.assertEqual(leaks, [], "secret values reached principals who may not read them")

	# --- what the table expects --------------------------------------------------------------------------

	def expects(self, principal: str, record: Record, action: str) -> bool:
		if not table.allowed(record.doctype, principal, action):
			return False
		only = table.ONLY_RECORDS.get((record.doctype, principal))
		return only is None or only == record.kind

	def principals_for(self, record: Record) -> tuple[str, ...]:
		"""Everybody for a DocType's main record; for the other kinds of a record rule, the roles the rule
		narrows and the Head (who reads every kind), to keep the run bounded."""
		if record.kind == "main":
			return PRINCIPALS
		narrowed = {p for (doctype, p) in table.ONLY_RECORDS if doctype == record.doctype}
		return tuple(p for p in PRINCIPALS if p in narrowed or p == table.HEAD)

	def all_records(self) -> list[Record]:
		return [*self.records.values(), *self.variants]

	def db_value(self, record: Record, fieldname: str):
		frappe.db.commit()  # a fresh snapshot: the served process wrote in its own transaction
		if frappe.get_meta(record.doctype).issingle:
			return frappe.db.get_single_value(record.doctype, fieldname, cache=False)
		return frappe.db.get_value(record.doctype, record.name, fieldname)

	# === 0. the table and the JSON ==========================================================================

	def test_00_table_agrees_with_the_doctype_json(self):
		parents = {name for name, spec in self.specs.items() if not spec.get("istable")}
		self.assertEqual(
			set(table.TABLE), parents, "every DocType of the app, and only those, is in the table"
		)
		self.assertEqual(
			set(table.REPORTS), set(self.report_specs), "every report of the app is in the table"
		)
		for doctype in sorted(parents):
			spec = self.specs[doctype]
			json_roles = {row["role"] for row in spec.get("permissions", [])}
			self.assertLessEqual(
				json_roles,
				set(CENTER_ROLES) | table.ADMINISTRATOR_ROLES,
				f"{doctype}: a role outside the table",
			)
			for principal in PRINCIPALS:
				with self.subTest(doctype=doctype, principal=principal):
					row = table.TABLE[doctype].get(principal, frozenset())
					stated = {action for action in row if action != APPROVE}
					if APPROVE in row:
						stated.add(WRITE)  # the workflow's write right, held for transitions
					self.assertEqual(json_grants(spec, principal), stated)
					for action in row - {APPROVE}:
						self.assertTrue(applicable(spec, action) or spec.get("issingle"), action)
		for principal, fieldname in table.SECTIONS.items():
			df = frappe.get_meta("Mentor Recommendation").get_field(fieldname)
			levels = {
				row.get("permlevel", 0)
				for row in self.specs["Mentor Recommendation"]["permissions"]
				if row["role"] == principal and row.get("write")
			}
			self.assertIn(df.permlevel, levels, principal)
		for report, principals in table.REPORTS.items():
			spec = self.report_specs[report]
			with self.subTest(report=report):
				roles = {row["role"] for row in spec.get("roles", [])}
				may_report = {p for p in PRINCIPALS if table.allowed(spec["ref_doctype"], p, REPORT)}
				self.assertEqual(principals, roles & may_report)

	# === 1. read ===========================================================================================

	def read_checks(self, principal: str, record: Record) -> list[Outcome]:
		doctype, name, single = record.doctype, record.name, record.single
		expected = self.expects(principal, record, READ)
		outcomes = []

		def check(endpoint: str, answer: Answer, allowed_when=None):
			found = record.found_in(answer.text)
			if expected:
				ok = allowed_when(answer) if allowed_when else (answer.status == 200 and found)
			else:
				ok = not found and (allowed_when is None or not allowed_when(answer))
			outcomes.append(
				Outcome(
					principal, doctype, READ, record.kind, endpoint, expected, ok, f"HTTP {answer.status}"
				)
			)

		quoted = urllib.parse.quote(doctype)
		quoted_name = urllib.parse.quote(name)
		check("v1 get", self.call(principal, "GET", f"/api/resource/{quoted}/{quoted_name}", "v1 get"))
		check("v2 get", self.call(principal, "GET", f"/api/v2/document/{quoted}/{quoted_name}", "v2 get"))
		check("client.get", self.method(principal, "frappe.client.get", "GET", doctype=doctype, name=name))
		get_value = self.method(
			principal,
			"frappe.client.get_value",
			"GET",
			doctype=doctype,
			fieldname=json.dumps([record.primary_field]),
			filters=json.dumps({"name": name}) if not single else None,
		)
		check("client.get_value", get_value)
		getdoc = self.method(principal, "frappe.desk.form.load.getdoc", "GET", doctype=doctype, name=name)
		# The form with its docinfo: the version and the comment carry the history marker.
		history = re.compile("|".join(re.escape(form) for form in variants(record.history)))
		check(
			"getdoc (docinfo, versions)",
			getdoc,
			(lambda a: a.status == 200 and record.found_in(a.text) and bool(history.search(a.text)))
			if expected and not single
			else None,
		)
		if single:
			return outcomes
		check(
			"get_docinfo",
			self.method(principal, "frappe.desk.form.load.get_docinfo", "GET", doctype=doctype, name=name),
			(lambda a: a.status == 200 and bool(history.search(a.text))) if expected else None,
		)
		by_name = [[doctype, "name", "=", name]]
		fields = ["name", record.primary_field]
		check(
			"v1 list",
			self.call(
				principal,
				"GET",
				f"/api/resource/{quoted}",
				"v1 list",
				params={"fields": json.dumps(["*"]), "filters": json.dumps(by_name)},
			),
		)
		check(
			"v2 list",
			self.call(
				principal,
				"GET",
				f"/api/v2/document/{quoted}",
				"v2 list",
				params={"fields": json.dumps(["*"]), "filters": json.dumps({"name": name})},
			),
		)
		check(
			"client.get_list",
			self.method(principal, "frappe.client.get_list", doctype=doctype, fields=["*"], filters=by_name),
		)
		check(
			"reportview.get",
			self.method(
				principal, "frappe.desk.reportview.get", doctype=doctype, fields=fields, filters=by_name
			),
		)
		# Counts filtered on the marker answer 1 to a reader and nothing else to anybody else.
		on_marker = [[doctype, record.primary_field, "=", record.primary]]

		def counted(answer: Answer) -> bool:
			body = answer.json if isinstance(answer.json, dict) else {}
			message = body.get("message", body.get("data"))
			if isinstance(message, list):
				return any(isinstance(row, dict) and row.get("count") for row in message)
			return answer.status == 200 and bool(message)

		for endpoint, answer in (
			(
				"client.get_count",
				self.method(principal, "frappe.client.get_count", doctype=doctype, filters=on_marker),
			),
			(
				"reportview.get_count",
				self.method(
					principal, "frappe.desk.reportview.get_count", doctype=doctype, filters=on_marker
				),
			),
			(
				"v2 count",
				self.call(
					principal,
					"GET",
					f"/api/v2/doctype/{quoted}/count",
					"v2 count",
					params={"filters": json.dumps(on_marker)},
				),
			),
			(
				"group-by count (assigned to)",
				self.method(
					principal,
					"frappe.desk.listview.get_group_by_count",
					doctype=doctype,
					current_filters=on_marker,
					field="assigned_to",
				),
			),
		):
			outcomes.append(
				Outcome(
					principal,
					doctype,
					READ,
					record.kind,
					endpoint,
					expected,
					counted(answer) == expected and (expected or not record.found_in(answer.text)),
					f"HTTP {answer.status} {answer.text[:200]}",
				)
			)
		check(
			"group-by count (marker field)",
			self.method(
				principal,
				"frappe.desk.listview.get_group_by_count",
				doctype=doctype,
				current_filters=by_name,
				field=record.primary_field,
			),
		)
		check(
			"sidebar stats",
			self.method(
				principal,
				"frappe.desk.reportview.get_sidebar_stats",
				stats=[record.primary_field],
				doctype=doctype,
				filters=by_name,
			),
		)

		name_pattern = re.compile("|".join(re.escape(form) for form in variants(name)))

		def named(answer: Answer) -> bool:
			return answer.status == 200 and bool(name_pattern.search(answer.text))

		check(
			"search_link",
			self.method(principal, "frappe.desk.search.search_link", doctype=doctype, txt=name),
			named if expected else None,
		)
		check(
			"search_widget",
			self.method(principal, "frappe.desk.search.search_widget", doctype=doctype, txt=name, as_dict=1),
			named if expected else None,
		)
		if record.search_text:
			indexed = doctype in self.searched_doctypes
			for method in (
				"frappe.utils.global_search.search",
				"citi_employment.search.global_search.search",
			):
				answer = self.method(principal, method, text=record.search_text)
				if expected and not indexed:
					# Not listed in Global Search Settings: nobody finds it, so only the denial is asserted.
					outcomes.append(
						Outcome(principal, doctype, READ, record.kind, method, expected, True, "not indexed")
					)
				else:
					check(method, answer)
		return outcomes

	def test_01_read(self):
		jobs = [
			(lambda p=principal, r=record: self.read_checks(p, r))
			for record in self.all_records()
			for principal in self.principals_for(record)
		]
		self.assert_outcomes(self.run_all(jobs))
		self.assert_no_global_leaks()

	# === 2. export ==========================================================================================

	def export_checks(self, principal: str, record: Record) -> list[Outcome]:
		expected = self.expects(principal, record, EXPORT)
		doctype = record.doctype
		by_name = [[doctype, "name", "=", record.name]]
		answers = {
			"reportview.export_query": self.method(
				principal,
				"frappe.desk.reportview.export_query",
				doctype=doctype,
				fields=[f"`tab{doctype}`.`name`", f"`tab{doctype}`.`{record.primary_field}`"],
				filters=by_name,
				file_format_type="CSV",
				title=doctype,
			),
			"data export tool": self.method(
				principal,
				"frappe.core.doctype.data_export.exporter.export_data",
				doctype=doctype,
				select_columns={doctype: ["name", record.primary_field]},
				filters=by_name,
				with_data=1,
				all_doctypes=0,
				file_type="CSV",
			),
		}
		return [
			Outcome(
				principal,
				doctype,
				EXPORT,
				record.kind,
				endpoint,
				expected,
				(answer.status == 200 and record.found_in(answer.text)) == expected
				and (expected or not record.found_in(answer.text)),
				f"HTTP {answer.status} {answer.content_type}",
			)
			for endpoint, answer in answers.items()
		]

	def test_02_export(self):
		jobs = [
			(lambda p=principal, r=record: self.export_checks(p, r))
			for record in self.all_records()
			if applicable(self.specs[record.doctype], EXPORT)
			for principal in self.principals_for(record)
		]
		self.assert_outcomes(self.run_all(jobs))
		self.assert_no_global_leaks()

	# === 3. print ===========================================================================================

	def print_checks(self, principal: str, record: Record, with_pdf: bool) -> list[Outcome]:
		expected = self.expects(principal, record, PRINT)
		doctype, name = record.doctype, record.name
		outcomes = []

		def add(endpoint: str, answer: Answer, ok: bool):
			outcomes.append(
				Outcome(
					principal, doctype, PRINT, record.kind, endpoint, expected, ok, f"HTTP {answer.status}"
				)
			)

		def shown(answer: Answer) -> bool:
			return answer.status == 200 and record.found_in(answer.text)

		page = self.call(
			principal,
			"GET",
			"/printview",
			"/printview",
			params={"doctype": doctype, "name": name, "format": "Standard", "no_letterhead": 1},
		)
		add("/printview", page, shown(page) == expected and (expected or not record.found_in(page.text)))
		preview = self.method(
			principal,
			"frappe.www.printview.get_html_and_style",
			doc=doctype,
			name=name,
			print_format="Standard",
			no_letterhead=1,
		)
		add(
			"printview.get_html_and_style",
			preview,
			shown(preview) == expected and (expected or not record.found_in(preview.text)),
		)
		if with_pdf:
			pdf = self.method(
				principal,
				"frappe.utils.print_format.download_pdf",
				"GET",
				doctype=doctype,
				name=name,
				format="Standard",
				no_letterhead=1,
			)
			is_pdf = pdf.status == 200 and "pdf" in pdf.content_type
			add("download_pdf", pdf, is_pdf == expected and (expected or not record.found_in(pdf.text)))
		return outcomes

	def test_03_print(self):
		jobs = []
		for record in self.all_records():
			if not applicable(self.specs[record.doctype], PRINT):
				continue
			first_printer = next(
				(p for p in self.principals_for(record) if self.expects(p, record, PRINT)), None
			)
			for principal in self.principals_for(record):
				# A PDF takes a second or two: one printer per record, and every refusal (a refusal is quick).
				with_pdf = principal == first_printer or not self.expects(principal, record, PRINT)
				jobs.append(lambda p=principal, r=record, w=with_pdf: self.print_checks(p, r, w))
		outcomes = self.run_all(jobs)
		# The readers without the print right are asserted apart, below, so that a failure names the rule.
		readers = [o for o in outcomes if not o.expected and table.allowed(o.doctype, o.principal, READ)]
		type(self).readers_printing = readers
		self.assert_outcomes([o for o in outcomes if o not in readers])
		self.assert_no_global_leaks()

	def test_03b_print_right_of_readers(self):
		"""A role that may read a DocType but holds no print right (the Director and a consent, a teacher and a
		graduate, a Practice Supervisor and an employer or a contract) is refused a print on every print path.
		Frappe v15 prints for whoever may read (frappe/www/printview.py validate_print_permission); the app
		asks for the print right of the document (citi_employment/paper_forms/access.py guard_print:
		a role has only what its row grants)."""
		readers = getattr(self, "readers_printing", [])
		self.assertTrue(readers, "test_03_print made no such case")
		self.assert_outcomes(readers)

	# === 4. report: the DocType's report right =============================================================

	def report_checks(self, principal: str, doctype: str) -> list[Outcome]:
		report, target = self.query_reports[doctype]
		expected = self.expects(principal, target, REPORT)
		answer = self.method(principal, "frappe.desk.query_report.run", report_name=report, filters={})
		ok = (answer.status == 200 and target.found_in(answer.text)) == expected
		ok = ok and (expected or not target.found_in(answer.text))
		return [
			Outcome(
				principal,
				doctype,
				REPORT,
				target.kind,
				"query_report.run",
				expected,
				ok,
				f"HTTP {answer.status}",
			)
		]

	def test_04_report(self):
		jobs = [
			(lambda p=principal, d=doctype: self.report_checks(p, d))
			for doctype in self.query_reports
			for principal in PRINCIPALS
		]
		self.assert_outcomes(self.run_all(jobs))
		self.assert_no_global_leaks()

	# === 5. the app's reports ===============================================================================

	def app_report_checks(self, principal: str, report: str) -> list[Outcome]:
		expected = principal in table.REPORTS[report]
		ref_doctype = self.report_specs[report]["ref_doctype"]
		answer = self.method(
			principal,
			"frappe.desk.query_report.run",
			report_name=report,
			filters=REPORT_FILTERS.get(report, {}),
			ignore_prepared_report=1,
		)
		message = answer.json.get("message") if isinstance(answer.json, dict) else None
		ran = answer.status == 200 and isinstance(message, dict) and "result" in message
		leaked = [
			r for r in self.all_records() if not self.expects(principal, r, READ) and r.found_in(answer.text)
		]
		return [
			Outcome(
				principal,
				ref_doctype,
				REPORT,
				"report",
				f"query_report.run {report}",
				expected,
				ran == expected and not leaked,
				f"HTTP {answer.status} {answer.text[:300]} {[r.doctype for r in leaked]}",
			)
		]

	def test_05_app_reports(self):
		jobs = [
			(lambda p=principal, r=report: self.app_report_checks(p, r))
			for report in table.REPORTS
			for principal in PRINCIPALS
		]
		self.assert_outcomes(self.run_all(jobs))
		self.assert_no_global_leaks()

	# === 6. the records next to a document ==================================================================

	def side_checks(self, principal: str) -> list[Outcome]:
		outcomes = []
		unreadable = [r for r in self.all_records() if not self.expects(principal, r, READ)]
		for side in SIDE_DOCTYPES:
			answer = self.call(
				principal,
				"GET",
				f"/api/resource/{urllib.parse.quote(side)}",
				"side records",
				params={"fields": json.dumps(["*"]), "limit_page_length": 1000},
			)
			leaked = [r for r in unreadable if r.found_in(answer.text)]
			outcomes.append(
				Outcome(
					principal,
					side,
					READ,
					"side",
					f"v1 list {side}",
					False,
					not leaked,
					f"HTTP {answer.status}: values of {sorted({r.doctype for r in leaked})}",
				)
			)
		return outcomes

	def test_06_side_records(self):
		jobs = [(lambda p=principal: self.side_checks(p)) for principal in PRINCIPALS]
		outcomes = self.run_all(jobs)
		with self.lock:  # these are not cells of the matrix
			for outcome in outcomes:
				self.cases.discard((outcome.principal, outcome.doctype, outcome.action))
		self.assert_outcomes(outcomes)
		self.assert_no_global_leaks()

	# --- the database as the served process left it (read from the worker threads) ----------------------

	def sql(self, query: str, values=()) -> list[tuple]:
		"""A query on a connection of its own per thread, autocommitted, so it sees what the server wrote."""
		connection = self.local_sessions.__dict__.get("db")
		if connection is None:
			connection = pymysql.connect(**self.db_settings)
			self.local_sessions.db = connection
			with self.lock:
				self.connections.append(connection)
		with connection.cursor() as cursor:
			cursor.execute(query, values)
			return list(cursor.fetchall())

	def stored(self, doctype: str, name: str, fieldname: str):
		if name == doctype:  # a Single
			rows = self.sql(
				"select `value` from `tabSingles` where `doctype`=%s and `field`=%s", (doctype, fieldname)
			)
		else:
			rows = self.sql(f"select `{fieldname}` from `tab{doctype}` where `name`=%s", (name,))
		return rows[0][0] if rows else None

	def exists(self, doctype: str, name: str) -> bool:
		return bool(self.sql(f"select 1 from `tab{doctype}` where `name`=%s", (name,)))

	# === 7. write ===========================================================================================

	def write_target(self, principal: str, record: Record) -> tuple[str, str, str]:
		"""(DocType, name, field) a write changes: the author's own section of a recommendation, the parent's
		typed text, or the first row's text where the parent has none a user types (a work plan's items)."""
		if record.doctype == "Mentor Recommendation":
			return record.doctype, record.name, table.SECTIONS.get(principal, "consilium_living")
		target_doctype, fieldname = self.write_targets[record.doctype]
		if target_doctype == record.doctype:
			return target_doctype, record.name, fieldname
		rows = self.sql(
			f"select `name` from `tab{target_doctype}` where `parent`=%s order by `idx` limit 1",
			(record.name,),
		)
		return target_doctype, rows[0][0], fieldname

	def write_checks(self, record: Record) -> list[Outcome]:
		"""Every principal in turn (never two on one record at once: the full-document saves carry
		``modified``), each endpoint with its own new marker, the stored value read back after each."""
		outcomes = []
		quoted = urllib.parse.quote(record.doctype)
		for principal in self.principals_for(record):
			target_doctype, target_name, fieldname = self.write_target(principal, record)
			expected = self.expects(principal, record, WRITE)
			child = target_doctype != record.doctype
			for endpoint in ("v1 PUT", "v2 PATCH", "client.set_value", "savedocs", "client.save"):
				before = self.stored(target_doctype, target_name, fieldname)
				value = self.write_values[(target_doctype, fieldname)]()
				answer = self.send_write(
					principal, record, endpoint, target_doctype, target_name, fieldname, value, quoted, child
				)
				after = self.stored(target_doctype, target_name, fieldname)
				ok = (str(after) == value) if expected else (after == before)
				if not expected and not self.expects(principal, record, READ):
					ok = ok and not record.found_in(answer.text)
				outcomes.append(
					Outcome(
						principal,
						record.doctype,
						WRITE,
						record.kind,
						endpoint,
						expected,
						ok,
						f"HTTP {answer.status} {answer.text[:300] if not ok else ''}",
					)
				)
			if principal in table.SECTIONS and record.doctype == "Mentor Recommendation":
				# Another author's section stays as it was.
				other = next(f for p, f in table.SECTIONS.items() if p != principal)
				before = self.stored(record.doctype, record.name, other)
				answer = self.call(
					principal,
					"PUT",
					f"/api/resource/{quoted}/{urllib.parse.quote(record.name)}",
					"v1 PUT",
					json={other: new_marker()},
				)
				outcomes.append(
					Outcome(
						principal,
						record.doctype,
						WRITE,
						"another author's section",
						"v1 PUT",
						False,
						self.stored(record.doctype, record.name, other) == before,
						f"HTTP {answer.status}",
					)
				)
		return outcomes

	def send_write(
		self, principal, record, endpoint, target_doctype, target_name, fieldname, value, quoted, child
	):
		path = f"{quoted}/{urllib.parse.quote(record.name)}"
		if endpoint in ("v1 PUT", "v2 PATCH"):
			if child:
				rows = self.current_rows(record, target_doctype)
				for row in rows:
					if row["name"] == target_name:
						row[fieldname] = value
				body = {self.child_fields[record.doctype]: rows}
			else:
				body = {fieldname: value}
			if endpoint == "v1 PUT":
				return self.call(principal, "PUT", f"/api/resource/{path}", endpoint, json=body)
			return self.call(principal, "PATCH", f"/api/v2/document/{path}", endpoint, json=body)
		if endpoint == "client.set_value":
			return self.method(
				principal,
				"frappe.client.set_value",
				doctype=target_doctype,
				name=target_name,
				fieldname=fieldname,
				value=value,
			)
		doc = self.document_as(principal, record)
		if child:
			for row in doc.get(self.child_fields[record.doctype], []):
				if row.get("name") == target_name:
					row[fieldname] = value
		else:
			doc[fieldname] = value
		if endpoint == "savedocs":
			return self.method(principal, "frappe.desk.form.save.savedocs", doc=doc, action="Save")
		return self.method(principal, "frappe.client.save", doc=doc)

	def document_as(self, principal: str, record: Record) -> dict:
		"""The document as the principal's own form would send it: read through the API if the principal
		may read it, else only its name and the field (nothing of the record travels to them)."""
		if self.expects(principal, record, READ):
			answer = self.method(
				principal, "frappe.client.get", "GET", doctype=record.doctype, name=record.name
			)
			if answer.status == 200 and isinstance(answer.json, dict):
				return answer.json["message"]
		modified = (
			self.sql(
				"select `value` from `tabSingles` where `doctype`=%s and `field`='modified'",
				(record.doctype,),
			)
			if record.single
			else self.sql(f"select `modified` from `tab{record.doctype}` where `name`=%s", (record.name,))
		)
		return {
			"doctype": record.doctype,
			"name": record.name,
			"modified": str(modified[0][0]) if modified else None,
		}

	def current_rows(self, record: Record, child_doctype: str) -> list[dict]:
		columns = self.child_columns[child_doctype]
		rows = self.sql(
			f"select `name`, {', '.join(f'`{c}`' for c in columns)} from `tab{child_doctype}` "
			"where `parent`=%s order by `idx`",
			(record.name,),
		)
		return [dict(zip(["name", *columns], row, strict=True)) for row in rows]

	def test_07_write(self):
		jobs = [
			(lambda r=record: self.write_checks(r))
			for record in self.all_records()
			if applicable(self.specs[record.doctype], WRITE)
		]
		self.assert_outcomes(self.run_all(jobs))
		self.assert_no_global_leaks()

	# === 8. create ==========================================================================================

	def create_checks(self, principal: str, doctype: str, payloads: list[dict]) -> list[Outcome]:
		expected = table.allowed(doctype, principal, CREATE)
		fieldname = self.create_fields[doctype]
		outcomes = []
		quoted = urllib.parse.quote(doctype)
		for endpoint, payload in zip(("v1 POST", "v2 POST", "client.insert"), payloads, strict=True):
			marker = payload[fieldname]
			if endpoint == "v1 POST":
				answer = self.call(principal, "POST", f"/api/resource/{quoted}", endpoint, json=payload)
			elif endpoint == "v2 POST":
				answer = self.call(principal, "POST", f"/api/v2/document/{quoted}", endpoint, json=payload)
			else:
				answer = self.method(principal, "frappe.client.insert", doc=payload)
			made = [
				row[0]
				for row in self.sql(f"select `name` from `tab{doctype}` where `{fieldname}`=%s", (marker,))
			]
			with self.lock:
				self.created[doctype].extend(made)
				self.cleanup.extend((doctype, name) for name in made)
			outcomes.append(
				Outcome(
					principal,
					doctype,
					CREATE,
					"new",
					endpoint,
					expected,
					bool(made) == expected,
					f"HTTP {answer.status} {answer.text[:400] if bool(made) != expected else ''}",
				)
			)
		return outcomes

	def test_08_create(self):
		jobs = []
		for doctype in self.records:
			spec = self.specs[doctype]
			if not applicable(spec, CREATE):
				continue
			for principal in PRINCIPALS:
				fresh = table.allowed(doctype, principal, CREATE)
				payloads = [self.new_payload(doctype, fresh) for _ in range(3)]
				jobs.append(lambda p=principal, d=doctype, ps=payloads: self.create_checks(p, d, ps))
		frappe.db.commit()  # the prerequisites the payloads name
		# One at a time: two workflow documents created at once deadlock in MariaDB on the gap lock of the
		# framework's Workflow Action insert (reference_name index), a finding of its own, not a permission.
		self.assert_outcomes(self.run_all(jobs, workers=1))
		self.assert_no_global_leaks()

	# === 9. delete ==========================================================================================

	def delete_checks(self, principal: str, record: Record, victims: list[str]) -> list[Outcome]:
		expected = self.expects(principal, record, DELETE)
		doctype = record.doctype
		quoted = urllib.parse.quote(doctype)
		outcomes = []
		for endpoint, victim in zip(("v1 DELETE", "v2 DELETE", "client.delete"), victims, strict=True):
			path = f"{quoted}/{urllib.parse.quote(victim)}"
			if endpoint == "v1 DELETE":
				answer = self.call(principal, "DELETE", f"/api/resource/{path}", endpoint)
			elif endpoint == "v2 DELETE":
				answer = self.call(principal, "DELETE", f"/api/v2/document/{path}", endpoint)
			else:
				answer = self.method(principal, "frappe.client.delete", doctype=doctype, name=victim)
			gone = not self.exists(doctype, victim)
			ok = gone == expected and (
				expected or self.expects(principal, record, READ) or not record.found_in(answer.text)
			)
			outcomes.append(
				Outcome(
					principal,
					doctype,
					DELETE,
					record.kind,
					endpoint,
					expected,
					ok,
					f"HTTP {answer.status} {answer.text[:300] if not ok else ''}",
				)
			)
		return outcomes

	def test_09_delete(self):
		jobs = []
		for record in self.all_records():
			if not applicable(self.specs[record.doctype], DELETE):
				continue
			for principal in self.principals_for(record):
				if self.expects(principal, record, DELETE):
					victims = [self.disposable(record.doctype) for _ in range(3)]
				else:
					victims = [record.name] * 3
				jobs.append(lambda p=principal, r=record, v=victims: self.delete_checks(p, r, v))
		frappe.db.commit()
		# One at a time: concurrent deletes deadlock in MariaDB (a placement's checks, the purge of Deleted
		# Document), which is a finding of its own (see the report), not a permission.
		self.assert_outcomes(self.run_all(jobs, workers=1))
		self.assert_no_global_leaks()

	# === 10. submit =========================================================================================

	def submit_checks(self, principal: str, record: Record, drafts: list[str]) -> list[Outcome]:
		expected = self.expects(principal, record, SUBMIT)
		doctype = record.doctype
		outcomes = []
		for endpoint, draft in zip(("client.submit", "savedocs Submit", "v2 submit"), drafts, strict=True):
			draft_record = Record(doctype, draft, record.kind, single=False)
			doc = self.document_as(principal, draft_record)
			if endpoint == "client.submit":
				answer = self.method(principal, "frappe.client.submit", doc=doc)
			elif endpoint == "savedocs Submit":
				answer = self.method(principal, "frappe.desk.form.save.savedocs", doc=doc, action="Submit")
			else:
				answer = self.call(
					principal,
					"POST",
					f"/api/v2/document/{urllib.parse.quote(doctype)}/{urllib.parse.quote(draft)}/method/submit",
					endpoint,
				)
			submitted = self.stored(doctype, draft, "docstatus") == 1
			outcomes.append(
				Outcome(
					principal,
					doctype,
					SUBMIT,
					record.kind,
					endpoint,
					expected,
					submitted == expected,
					f"HTTP {answer.status} {answer.text[:300] if submitted != expected else ''}",
				)
			)
		return outcomes

	def test_10_submit(self):
		jobs = []
		for record in self.all_records():
			if not applicable(self.specs[record.doctype], SUBMIT):
				continue
			for principal in self.principals_for(record):
				if self.expects(principal, record, SUBMIT):
					drafts = [self.disposable(record.doctype, keep=True) for _ in range(3)]
				else:
					drafts = [record.name] * 3
				jobs.append(lambda p=principal, r=record, d=drafts: self.submit_checks(p, r, d))
		frappe.db.commit()
		self.assert_outcomes(self.run_all(jobs))
		self.assert_no_global_leaks()

	def test_11_counts(self):
		"""Every applicable cell of the matrix was asserted by at least one request."""
		expected = {
			(principal, doctype, action)
			for doctype, spec in self.specs.items()
			if not spec.get("istable")
			for action in ACTIONS
			if applicable(spec, action) and not (spec.get("issingle") and action == CREATE)
			for principal in PRINCIPALS
		}
		missing = sorted(expected - self.cases)
		self.assertEqual(missing, [], "cells of the matrix no request tried")
		print(self.summary())
