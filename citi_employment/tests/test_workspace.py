# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""The «Трудоустройство» workspace (issue 12): its number cards and charts on records built by hand, and
what each role sees of it.

The records (rolled back with the class; the DocTypes the figures count are emptied first):

- graduates: two seeking work (finished 60 days ago, no placement), one still studying;
- vacancy requests: R1 Registered, 3 positions, 1 filled; R2 In Progress, 2 positions; R3 Targeted Training,
  Registered, 4 positions, 1 filled; R4 Filled; R5 Draft — open positions 2 + 2 + 3 = 7, the Admissions
  Committee's 3;
- monitoring checks done: at 1 month two (one still working), at 3 months one (still working, self-employed),
  one ad hoc (left out); one check due this week, one due next week;
- contracts in force ending in 10 and 29 days, one ending in 31 days, a draft ending in 5 days;
- placements employed 40 and 70 days ago and one 400 days ago (outside the chart's year).
"""

import json

import frappe
from frappe.desk.desktop import get_desktop_page, get_workspace_sidebar_items
from frappe.desk.doctype.number_card.number_card import get_result
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, get_first_day_of_week, getdate

from citi_employment.dashboard import cards, charts
from citi_employment.reporting import digest
from citi_employment.tests.records import (
	ADMISSIONS_USER,
	DIRECTOR_USER,
	HEAD_USER,
	PSYCHOLOGIST_USER,
	SPECIALIST_USER,
	SUPERVISOR_USER,
	TEACHER_USER,
	make_center_users,
	make_employer,
	make_graduate,
	make_job_seeker,
	make_placement,
	make_request,
	make_user,
)

WORKSPACE = "Трудоустройство"
MODULE = "Citi Employment"
RECORD = "Employment Monitoring Record"
CONTRACT = "Employer Contract"
REQUEST = "Vacancy Request"
COUNTED_DOCTYPES = (RECORD, "Graduate Placement", "Vacancy Candidate", REQUEST, CONTRACT, "Graduate")
APPROVAL_QUEUES = (
	"Contracts Awaiting Approval",
	"Work Plans Awaiting Approval",
	"Annual Reports Awaiting Approval",
)


def page(user: str) -> dict:
	frappe.set_user(user)
	try:
		frappe.clear_cache(user=user)
		return get_desktop_page(json.dumps({"name": WORKSPACE, "title": WORKSPACE, "public": 1}))
	finally:
		frappe.set_user("Administrator")


def shortcuts(data: dict) -> list[str]:
	return [item["label"] for item in data["shortcuts"]["items"]]


def links(data: dict) -> set[str]:
	return {link["link_to"] for card in data["cards"]["items"] for link in card["links"]}


def card_count(name: str) -> int:
	"""A Document Type number card as the desk computes it, its dynamic filters (JavaScript) evaluated here."""
	card = frappe.get_doc("Number Card", name)
	filters = json.loads(card.filters_json or "[]")
	today = getdate()
	expressions = {
		"frappe.datetime.get_today()": today,
		"frappe.datetime.add_days(frappe.datetime.get_today(), 30)": add_days(today, 30),
	}
	filters += [[*row[:3], expressions[row[3]]] for row in json.loads(card.dynamic_filters_json or "[]")]
	return int(get_result(card.as_dict(), filters))


class TestWorkspaceFigures(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.today = getdate()
		make_center_users()
		for doctype in COUNTED_DOCTYPES:
			frappe.db.delete(doctype)
		cls.make_graduates()
		cls.make_requests()
		cls.make_checks()
		cls.make_contracts()

	def tearDown(self):
		frappe.set_user("Administrator")

	@classmethod
	def make_graduates(cls):
		make_job_seeker("Ищущий", last_name="Панелев")
		make_job_seeker("Ищущая", last_name="Панелева", gender="Female")
		make_graduate(last_name="Панелев", first_name="Учащийся", study_end=add_days(cls.today, 100))

	@classmethod
	def make_requests(cls):
		employer = make_employer("Панель Столовая")
		for kind, positions, filled, status in (
			("Employment", 3, 1, "Registered"),
			("Employment", 2, 0, "In Progress"),
			("Targeted Training", 4, 1, "Registered"),
			("Employment", 2, 2, "Filled"),
			("Employment", 5, 0, "Draft"),
		):
			request = make_request(
				employer, kind=kind, positions_count=positions, age_requirement=None, gender_requirement=None
			)
			frappe.db.set_value(REQUEST, request.name, {"status": status, "filled_count": filled})

	@classmethod
	def make_checks(cls):
		employer = make_employer("Панель Кафе")
		placements = [
			make_placement(
				make_graduate(last_name="Панелев", first_name=name).name, employer, employment_date=day
			)
			for name, day in (
				("Первый", add_days(cls.today, -40)),
				("Второй", add_days(cls.today, -70)),
				("Давний", add_days(cls.today, -400)),
			)
		]
		cls.placements = [placement.name for placement in placements]
		done = {
			(0, 1): "Working at This Employer",
			(1, 1): "Not Working, Seeking",
			(1, 3): "Self-Employed (NPD)",
		}
		checks = frappe.get_all(RECORD, fields=["name", "placement", "checkpoint"])
		index = {name: number for number, name in enumerate(cls.placements)}
		for check in checks:
			outcome = done.get((index[check.placement], check.checkpoint))
			values = {"status": "Planned", "due_date": add_days(cls.today, 200)}
			if outcome:
				values = {"status": "Done", "outcome": outcome, "checked_on": cls.today}
			frappe.db.set_value(RECORD, check.name, values)
		# An ad hoc check, done: not a checkpoint.
		ad_hoc = next(check for check in checks if index[check.placement] == 2)
		frappe.db.set_value(
			RECORD, ad_hoc.name, {"status": "Done", "checkpoint": 0, "outcome": "Working Elsewhere"}
		)
		week = get_first_day_of_week(cls.today)
		planned = [
			check.name
			for check in checks
			if check.name != ad_hoc.name and not done.get((index[check.placement], check.checkpoint))
		]
		frappe.db.set_value(RECORD, planned[0], {"status": "Due", "due_date": add_days(week, 2)})
		frappe.db.set_value(RECORD, planned[1], {"status": "Planned", "due_date": add_days(week, 9)})

	@classmethod
	def make_contracts(cls):
		employer = make_employer("Панель Партнёр")
		for days, status in ((10, "Active"), (29, "Expiring Soon"), (31, "Active"), (5, "Draft")):
			contract = frappe.get_doc(
				{
					"doctype": CONTRACT,
					"journal": "Cooperation (Partnership)",
					"employer": employer,
					"subject": "Сотрудничество",
					"signed_on": "2020-01-01",
					"valid_from": add_days(cls.today, days - 365),
					"valid_to": add_days(cls.today, days),
				}
			).insert(ignore_permissions=True)
			frappe.db.set_value(CONTRACT, contract.name, "status", status)
			# Contracts of one employer may not overlap: the next one starts later.
			employer = make_employer(f"Панель Партнёр {days}")

	# --- number cards -----------------------------------------------------------------------------------

	def test_graduates_seeking_work(self):
		self.assertEqual(card_count("Graduates Seeking Work"), 2)

	def test_checks_due_this_week(self):
		self.assertEqual(card_count("Checks Due This Week"), 1)

	def test_contracts_expiring_within_30_days(self):
		self.assertEqual(card_count("Contracts Expiring within 30 Days"), 2)

	def test_open_positions_count_only_what_the_user_may_read(self):
		frappe.set_user(HEAD_USER)
		result = cards.open_positions()
		self.assertEqual(result["value"], 7)
		self.assertEqual(result["route"], ["List", REQUEST])
		# The Admissions Committee reads Targeted Training requests only (§3.3).
		frappe.set_user(ADMISSIONS_USER)
		self.assertEqual(cards.open_positions()["value"], 3)
		frappe.set_user(TEACHER_USER)
		with self.assertRaises(frappe.PermissionError):
			cards.open_positions()

	def test_consents_to_renew_is_the_digests_count(self):
		expected = digest.consents_to_renew_count(self.today)
		frappe.set_user(DIRECTOR_USER)
		result = cards.consents_to_renew()
		self.assertEqual(result["value"], expected)
		self.assertEqual(result["route"], ["List", "Personal Data Consent"])
		frappe.set_user(HEAD_USER)
		self.assertEqual(cards.consents_to_renew()["route"], ["query-report", "Center Monthly Digest"])
		for user in (TEACHER_USER, ADMISSIONS_USER):
			frappe.set_user(user)
			with self.assertRaises(frappe.PermissionError):
				cards.consents_to_renew()

	# --- charts -----------------------------------------------------------------------------------------

	def test_retention_by_checkpoint(self):
		frappe.set_user(DIRECTOR_USER)
		chart = charts.retention_by_checkpoint(chart_name="Retention by Checkpoint", timespan="Last Year")
		self.assertEqual(len(chart["labels"]), 2)
		self.assertEqual([dataset["values"] for dataset in chart["datasets"]], [[2, 1], [1, 1]])
		frappe.set_user(TEACHER_USER)
		with self.assertRaises(frappe.PermissionError):
			charts.retention_by_checkpoint()

	def test_placements_per_month(self):
		from frappe.desk.doctype.dashboard_chart.dashboard_chart import get

		frappe.set_user(DIRECTOR_USER)
		chart = get(chart_name="Placements per Month", refresh=1)
		self.assertEqual(sum(chart["datasets"][0]["values"]), 2)


class TestWorkspaceVisibility(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_the_director_sees_the_approval_queues_and_no_personal_data(self):
		data = page(DIRECTOR_USER)
		self.assertEqual(shortcuts(data)[:3], list(APPROVAL_QUEUES))
		seen = links(data)
		self.assertIn("Annual Report", seen)
		self.assertIn("Contract Journal", seen)
		for hidden in (
			"Graduate Personal Data",
			"Personal Data Destruction Act",
			"Consent Register",
			"Center Monthly Digest",
			"Vacancy Internal Requirements",
		):
			self.assertNotIn(hidden, seen)
		self.assertNotIn("Monthly Digest", shortcuts(data))
		self.assertEqual(len(data["number_cards"]["items"]), 5)
		self.assertEqual(len(data["charts"]["items"]), 2)

	def test_the_head_sees_everything_of_the_center(self):
		data = page(HEAD_USER)
		seen = links(data)
		for doctype in (
			"Graduate Personal Data",
			"Personal Data Destruction Act",
			"Employment Center Settings",
		):
			self.assertIn(doctype, seen)
		self.assertIn("Monthly Digest", shortcuts(data))

	def test_each_role_sees_only_what_it_may_read(self):
		for user in (TEACHER_USER, PSYCHOLOGIST_USER, ADMISSIONS_USER, SUPERVISOR_USER, SPECIALIST_USER):
			data = page(user)
			frappe.set_user(user)
			for link in links(data):
				readable = (
					frappe.has_permission(link, "read")
					if frappe.db.exists("DocType", link)
					else frappe.has_permission("Report", "read", link)
				)
				self.assertTrue(readable, f"{user} sees {link}")
			frappe.set_user("Administrator")
		teacher = page(TEACHER_USER)
		self.assertEqual(shortcuts(teacher), ["All Graduates", "Mentor Recommendations"])
		self.assertEqual(
			[card.label for card in teacher["number_cards"]["items"]], ["Graduates Seeking Work"]
		)
		self.assertEqual(teacher["charts"]["items"], [])
		# The Practice Supervisor reads employers and practice contracts (§3.3): the contracts' queue counts
		# those only, through the framework's list rights.
		self.assertEqual(shortcuts(page(SUPERVISOR_USER)), ["Contracts Awaiting Approval", "All Employers"])

	def test_only_the_center_sees_the_workspace(self):
		outsider = make_user("workspace-outsider@citi.invalid", "Blogger")
		frappe.set_user(outsider)
		try:
			names = [item["name"] for item in get_workspace_sidebar_items()["pages"]]
		finally:
			frappe.set_user("Administrator")
		self.assertNotIn(WORKSPACE, names)
		frappe.set_user(DIRECTOR_USER)
		try:
			names = [item["name"] for item in get_workspace_sidebar_items()["pages"]]
		finally:
			frappe.set_user("Administrator")
		self.assertIn(WORKSPACE, names)

	def test_every_doctype_and_report_of_the_app_is_in_the_workspace(self):
		workspace = frappe.get_doc("Workspace", WORKSPACE)
		linked = {row.link_to for row in workspace.links if row.type == "Link"}
		doctypes = frappe.get_all("DocType", filters={"module": MODULE, "istable": 0}, pluck="name")
		reports = frappe.get_all("Report", filters={"module": MODULE}, pluck="name")
		self.assertEqual(sorted(set(doctypes) - linked), [])
		self.assertEqual(sorted(set(reports) - linked), [])
