# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""The Annual Report (§3.6; issue 12): every figure of a small year built by hand, the workflow with the
Director's approval, the frozen snapshot, corrections as versions, the published figures, the XLSX and the
print. The REST requests are made for real in ``TestAnnualReportOverRest``."""

from datetime import date
from io import BytesIO
from urllib.parse import quote

import frappe
from frappe.tests.test_api import make_request as make_http_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils import get_test_client, getdate
from openpyxl import load_workbook

from citi_employment.annual_report import compute as compute_service
from citi_employment.annual_report import corrections, workflow
from citi_employment.annual_report.compute import ComputeNotAllowedError
from citi_employment.annual_report.tables import citi_annual_report_print
from citi_employment.approvals import notifications
from citi_employment.domain import annual_report as rules
from citi_employment.domain.paper_forms import ANNUAL_REPORT_FORM
from citi_employment.reporting import activity
from citi_employment.reporting.published import published_figures
from citi_employment.roles import EMPLOYMENT_CENTER_HEAD, INSTITUTION_DIRECTOR
from citi_employment.tests.records import (
	DIRECTOR_USER,
	HEAD_USER,
	SPECIALIST_USER,
	TEACHER_USER,
	act,
	ensure_outgoing_email_account,
	make_annual_report,
	make_center_users,
	make_contract,
	make_employer,
	make_graduate,
	make_interaction,
	make_placement,
	make_profession,
	make_request,
	make_user,
	make_work_plan,
)
from citi_employment.write_guards import ServiceFieldChangeError

REPORT = "Annual Report"
RECORD = "Employment Monitoring Record"
YEAR = 2012
AS_ON = date(2013, 1, 20)
COOK = "Годовой отчёт: повар"
GARDENER = "Годовой отчёт: садовник"


def set_creation(doctype: str, name: str, day: str) -> None:
	frappe.db.set_value(doctype, name, "creation", f"{day} 09:00:00", update_modified=False)


def check(placement: str, checkpoint: int, checked_on: str, outcome: str, **values) -> None:
	"""Record the monitoring check of ``placement`` at ``checkpoint`` as done."""
	record = frappe.get_doc(RECORD, {"placement": placement, "checkpoint": checkpoint})
	record.update({"checked_on": checked_on, "outcome": outcome, **values})
	record.save(ignore_permissions=True)


def register(contract: str, status: str, registered_on: str, **values) -> None:
	"""A contract as the register holds it after approval (its number and date, then what became of it)."""
	frappe.db.set_value(
		"Employer Contract",
		contract,
		{"status": status, "registered_on": registered_on, "registration_number": contract, **values},
	)


def build_year() -> dict:
	"""The year 2012 of a small Center, with every answer known (see the assertions)."""
	cook, gardener = make_profession(COOK), make_profession(GARDENER)
	employers = {}
	for key, region, created in (
		("E1", "Leningrad Oblast", "2012-03-01"),
		("E2", "Saint Petersburg", "2011-05-01"),
		("E3", None, "2012-10-10"),
		("E4", "Other", "2013-02-01"),
		("E5", "Leningrad Oblast", "2012-01-15"),
		("E6", "Leningrad Oblast", "2010-01-01"),
	):
		employers[key] = make_employer(f"ООО «Годовой {key}»", region=region)
		set_creation("Employer", employers[key], created)

	def graduate(profession: str, study_end: str) -> str:
		return make_graduate(consent=True, profession=profession, study_end=study_end).name

	g1, g2, g3 = (graduate(cook, "2012-06-30") for _ in range(3))
	g4 = graduate(gardener, "2012-02-28")
	g5 = graduate(gardener, "2011-06-30")

	pl5 = make_placement(g5, employers["E2"], profession=gardener, employment_date="2011-09-01").name
	check(pl5, 1, "2011-10-03", "Working at This Employer")
	check(pl5, 3, "2011-12-02", "Working at This Employer")
	check(pl5, 6, "2012-03-05", "Working at This Employer", employer_satisfaction=5)
	check(
		pl5,
		12,
		"2012-09-10",
		"Working Elsewhere",
		employer_satisfaction=4,
		employer_complaints=1,
		complaint_details="Опоздания",
		conditions_match_contract="No",
	)
	pl3 = make_placement(g4, employers["E2"], profession=gardener, employment_date="2012-03-01").name
	check(
		pl3,
		1,
		"2012-04-02",
		"Working at This Employer",
		employer_satisfaction=3,
		special_workplace="Needed, Not Adapted",
	)
	check(pl3, 6, "2012-09-03", "Not Working, Seeking")
	pl1 = make_placement(
		g1, employers["E1"], profession=cook, employment_date="2012-07-02", quota_position=1
	).name
	check(pl1, 1, "2012-08-03", "Working at This Employer", employer_satisfaction=4)
	check(
		pl1,
		3,
		"2012-10-05",
		"Working at This Employer",
		employer_satisfaction=5,
		employer_complaints=1,
		complaint_details="Нарушения техники безопасности",
	)
	placement = frappe.get_doc("Graduate Placement", pl1)
	placement.update({"dismissal_date": "2012-10-15", "dismissal_reason": "По собственному желанию"})
	placement.save(ignore_permissions=True)
	pl2 = make_placement(
		g2, employers["E1"], profession=cook, employment_date="2012-08-01", special_workplace_created=1
	).name
	check(pl2, 1, "2012-09-02", "Continuing Education")
	pl4 = make_placement(g1, employers["E2"], profession=cook, employment_date="2012-11-01").name
	check(pl4, 1, "2012-12-03", "Self-Employed (NPD)", employer_satisfaction=5)

	c1 = make_contract(
		"Cooperation (Partnership)", employers["E6"], valid_from="2011-01-01", valid_to="2013-12-31"
	)
	register(c1.name, "Expired", "2011-01-10")
	c2 = make_contract("Cooperation (Partnership)", employers["E1"], valid_from="2012-02-01")
	register(c2.name, "Expired", "2012-02-01")
	c3 = make_contract("Practice", employers["E2"], valid_from="2012-05-01", valid_to=None)
	register(c3.name, "Active", "2012-05-02")
	c4 = make_contract("Practice", employers["E1"], valid_from="2012-06-01", valid_to="2013-06-01")
	register(c4.name, "Terminated", "2012-06-01", terminated_on="2012-09-01")
	make_contract("Cooperation (Partnership)", employers["E3"], valid_from="2012-03-01")  # a draft

	for employer, profession, positions, compiled_on, status, filled, kind in (
		("E1", cook, 3, "2012-04-01", "In Progress", 1, "Employment"),
		("E2", cook, 2, "2012-10-01", "Filled", 2, "Employment"),
		("E2", gardener, 1, "2012-11-01", "Cancelled", 0, "Employment"),
		("E1", gardener, 4, "2012-12-01", "Registered", 0, "Practice"),
		("E3", cook, 5, "2012-05-01", "Draft", 0, "Employment"),
		("E1", cook, 7, "2013-01-10", "Registered", 0, "Employment"),
	):
		request = make_request(
			employers[employer],
			profession=profession,
			positions_count=positions,
			compiled_on=compiled_on,
			kind=kind,
			age_requirement=None,
			gender_requirement=None,
		)
		frappe.db.set_value("Vacancy Request", request.name, {"status": status, "filled_count": filled})

	make_interaction(employers["E4"], interaction_date="2012-12-20")
	for values in (
		{
			"event_type": "Job Fair",
			"status": "Held",
			"starts_on": "2012-05-10 10:00:00",
			"graduates_count": 10,
			"students_count": 5,
			"employers": [{"employer": employers["E5"]}],
		},
		{
			"event_type": "Open Day",
			"status": "Held",
			"starts_on": "2012-11-20 11:00:00",
			"students_count": 20,
		},
		{
			"event_type": "Seminar",
			"status": "Cancelled",
			"starts_on": "2012-06-01 10:00:00",
			"graduates_count": 7,
		},
		{"event_type": "Webinar", "status": "Held", "starts_on": "2013-01-05 10:00:00", "graduates_count": 9},
	):
		frappe.get_doc(
			{"doctype": "Center Event", "subject": "Мероприятие", "organiser": SPECIALIST_USER, **values}
		).insert(ignore_permissions=True)

	make_work_plan(
		YEAR,
		"1st Half",
		items=(
			{"activity": "А", "due": "15.03.2012", "status": "Done"},
			{"activity": "Б", "due": "в течение полугодия", "status": "In Progress"},
			{"activity": "В", "due": "01.06.2012", "status": "Planned"},
			{"activity": "Г", "due": "01.04.2012", "status": "Not Done"},
		),
	)
	make_work_plan(
		YEAR,
		"2nd Half",
		items=(
			{"activity": "Д", "due": "в течение полугодия", "status": "Done"},
			{"activity": "Е", "due": "20.12.2012", "status": "Done"},
		),
	)
	return {"employers": employers, "graduates": (g1, g2, g3, g4, g5)}


def rows_of(doc, table: str) -> list[dict]:
	return [{field: row.get(field) for field in rules.TABLE_FIELDS[table]} for row in doc.get(table)]


def compute_as(user: str, name: str, today: date = AS_ON):
	with_user = frappe.session.user
	frappe.set_user(user)
	try:
		compute_service.compute(name, today=today)
	finally:
		frappe.set_user(with_user)
	return frappe.get_doc(REPORT, name)


def approved_report(year: int, **values):
	"""A report computed as on ``AS_ON``, submitted by the Head and approved by the Director."""
	report = make_annual_report(year, with_rows=False, **values)
	compute_as(HEAD_USER, report.name)
	act(frappe.get_doc(REPORT, report.name), "Submit for Approval", HEAD_USER)
	act(frappe.get_doc(REPORT, report.name), "Approve", DIRECTOR_USER)
	return frappe.get_doc(REPORT, report.name)


class TestAnnualReportFigures(FrappeTestCase):
	"""Every figure of a year built by hand."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		cls.year = build_year()
		report = make_annual_report(YEAR, with_rows=False, outcome_checkpoint=1, summary_text="Итоги года")
		cls.report = compute_as(HEAD_USER, report.name)

	def test_every_key_figure(self):
		figures = {fieldname: self.report.get(fieldname) for fieldname in rules.FIGURES}
		self.assertEqual(
			figures,
			{
				"plan_items": 6,
				"plan_items_done": 3,
				"plan_items_overdue": 2,
				"plan_done_share": 50.0,
				"placements": 4,
				"graduates_placed": 3,
				"retention_6_reached": 2,
				"retention_6_working": 1,
				"retention_6_share": 50.0,
				"retention_12_reached": 1,
				"retention_12_working": 1,
				"retention_12_share": 100.0,
				"graduates": 4,
				"graduates_working": 2,
				"working_share": 50.0,
				"employers_total": 5,
				"employers_new": 3,
				"employers_active": 5,
				"contracts_registered": 3,
				"contracts_in_force": 1,
				"requests_received": 3,
				"positions_requested": 9,
				"positions_filled": 3,
				"events_held": 2,
				"event_participants": 36,
				"satisfaction_answers": 6,
				"satisfaction_average": 4.33,
				"complaints": 2,
			},
		)
		self.assertEqual(getdate(self.report.figures_as_on), AS_ON)
		self.assertEqual(self.report.computed_by, HEAD_USER)
		self.assertEqual(self.report.status, "Draft")

	def test_work_plan_rows(self):
		self.assertEqual(
			rows_of(self.report, "plan_rows"),
			[
				{
					"work_plan": "WP-2012-H1",
					"period": "1st Half",
					"plan_status": "Draft",
					"items": 4,
					"done": 1,
					"in_progress": 1,
					"planned": 1,
					"not_done": 1,
					"overdue": 2,
					"done_share": 25.0,
				},
				{
					"work_plan": "WP-2012-H2",
					"period": "2nd Half",
					"plan_status": "Draft",
					"items": 2,
					"done": 2,
					"in_progress": 0,
					"planned": 0,
					"not_done": 0,
					"overdue": 0,
					"done_share": 100.0,
				},
			],
		)

	def test_placement_and_retention_rows(self):
		self.assertEqual(
			rows_of(self.report, "placement_rows"),
			[
				{
					"profession": COOK,
					"placements": 3,
					"graduates": 2,
					"quota_positions": 1,
					"special_workplaces": 1,
				},
				{
					"profession": GARDENER,
					"placements": 1,
					"graduates": 1,
					"quota_positions": 0,
					"special_workplaces": 0,
				},
			],
		)
		retention = rows_of(self.report, "retention_rows")
		for row in retention:
			row["employed_from"], row["employed_to"] = (
				getdate(row["employed_from"]),
				getdate(row["employed_to"]),
			)
		self.assertEqual(
			retention,
			[
				{
					"checkpoint": 6,
					"employed_from": date(2011, 7, 1),
					"employed_to": date(2012, 6, 30),
					"reached": 2,
					"checked": 2,
					"working": 1,
					"share": 50.0,
					# The gardener's 3-month check, due on 1 June 2012, was never made.
					"overdue": 1,
				},
				{
					"checkpoint": 12,
					"employed_from": date(2011, 1, 1),
					"employed_to": date(2011, 12, 31),
					"reached": 1,
					"checked": 1,
					"working": 1,
					"share": 100.0,
					"overdue": 0,
				},
			],
		)

	def test_outcome_rows_take_each_graduates_latest_check(self):
		outcomes = {row["profession"]: row for row in rows_of(self.report, "outcome_rows")}
		self.assertEqual(set(outcomes), {COOK, GARDENER})
		cook = outcomes[COOK]
		# The first cook's latest one-month check is the second placement's (self-employed), not the first's.
		self.assertEqual(
			{key: cook[key] for key in rules.OUTCOME_KEYS if cook[key]},
			{"self_employed_npd": 1, "continuing_education": 1},
		)
		self.assertEqual(
			(cook["graduates"], cook["not_checked"], cook["working"], cook["working_share"]), (3, 1, 1, 33.3)
		)
		gardener = outcomes[GARDENER]
		self.assertEqual(
			{key: gardener[key] for key in rules.OUTCOME_KEYS if gardener[key]},
			{"working_at_this_employer": 1},
		)
		self.assertEqual(
			(gardener["graduates"], gardener["working"], gardener["working_share"]), (1, 1, 100.0)
		)

	def test_employer_and_contract_rows(self):
		self.assertEqual(
			rows_of(self.report, "employer_rows"),
			[
				{"region": "Saint Petersburg", "employers": 1, "new_employers": 0, "active_employers": 1},
				{"region": "Leningrad Oblast", "employers": 3, "new_employers": 2, "active_employers": 3},
				# Entered in 2013, but the Center spoke to it in December 2012.
				{"region": "Other", "employers": 0, "new_employers": 0, "active_employers": 1},
				# New, with only a draft contract and a draft request: not worked with.
				{"region": "", "employers": 1, "new_employers": 1, "active_employers": 0},
			],
		)
		self.assertEqual(
			rows_of(self.report, "contract_rows"),
			[
				{
					"journal": "Targeted Vocational Training",
					"registered": 0,
					"in_force": 0,
					"expired": 0,
					"terminated": 0,
				},
				{
					"journal": "Free Candidate Training",
					"registered": 0,
					"in_force": 0,
					"expired": 0,
					"terminated": 0,
				},
				{
					"journal": "Cooperation (Partnership)",
					"registered": 1,
					"in_force": 0,
					"expired": 1,
					"terminated": 0,
				},
				{"journal": "Practice", "registered": 2, "in_force": 1, "expired": 0, "terminated": 1},
			],
		)

	def test_request_event_and_feedback_rows(self):
		self.assertEqual(
			rows_of(self.report, "request_rows"),
			[
				{"profession": COOK, "requests": 2, "positions": 5, "filled": 3, "filled_share": 60.0},
				{"profession": GARDENER, "requests": 1, "positions": 4, "filled": 0, "filled_share": 0.0},
			],
		)
		events = {row["event_type"]: row for row in rows_of(self.report, "event_rows")}
		self.assertEqual(list(events), list(rules.EVENT_TYPES))
		self.assertEqual(
			events["Job Fair"],
			{
				"event_type": "Job Fair",
				"events": 1,
				"graduates": 10,
				"students": 5,
				"employers": 1,
				"participants": 16,
			},
		)
		self.assertEqual(
			events["Open Day"],
			{
				"event_type": "Open Day",
				"events": 1,
				"graduates": 0,
				"students": 20,
				"employers": 0,
				"participants": 20,
			},
		)
		self.assertEqual(sum(row["events"] for row in events.values()), 2)
		self.assertEqual(
			rows_of(self.report, "satisfaction_rows"),
			[
				{
					"profession": COOK,
					"checks": 4,
					"answers": 3,
					"average": 4.67,
					"complaints": 1,
					"conditions_mismatch": 0,
					"workplace_needed": 0,
				},
				{
					"profession": GARDENER,
					"checks": 4,
					"answers": 3,
					"average": 4.0,
					"complaints": 1,
					"conditions_mismatch": 1,
					"workplace_needed": 1,
				},
			],
		)

	def test_events_add_up_as_the_specialist_activity_report_counts_them(self):
		frappe.set_user(HEAD_USER)
		try:
			rows = activity.events_held(date(YEAR, 1, 1), date(YEAR, 12, 31), "Year")
		finally:
			frappe.set_user("Administrator")
		self.assertEqual(sum(int(row["events_held"]) for row in rows), self.report.events_held)
		self.assertEqual(sum(int(row["participants"]) for row in rows), self.report.event_participants)

	def test_the_xlsx_is_attached_privately_and_holds_the_snapshot(self):
		files = frappe.get_all(
			"File",
			filters={"attached_to_doctype": REPORT, "attached_to_name": self.report.name},
			fields=["name", "file_url", "is_private", "file_name"],
		)
		self.assertEqual(len(files), 1)
		(file,) = files
		self.assertTrue(file.is_private)
		self.assertEqual(file.file_url, self.report.xlsx_file)
		self.assertEqual(file.file_name, f"{self.report.name}.xlsx")
		book = load_workbook(BytesIO(frappe.get_doc("File", file.name).get_content()))
		summary = {
			book["Сводка"].cell(row=row, column=2).value: book["Сводка"].cell(row=row, column=3).value
			for row in range(6, book["Сводка"].max_row + 1)
		}
		self.assertEqual(summary["Трудоустроено выпускников"], 3)
		self.assertEqual(summary["Участников мероприятий"], 36)
		self.assertAlmostEqual(summary["Средняя оценка удовлетворённости (1–5)"], 4.33)
		self.assertAlmostEqual(summary["Закрепление через 12 месяцев"], 1.0)
		# Choice values in Russian.
		events = book["Мероприятия"]
		self.assertEqual(events["B12"].value, "Ярмарка вакансий")
		self.assertEqual(book["Работодатели"]["B7"].value, "Ленинградская область")
		self.assertIn("статус: Черновик", book["Сводка"]["A3"].value)

	def test_computing_again_replaces_the_table_and_a_new_date_moves_the_overdue(self):
		report = compute_as(HEAD_USER, self.report.name, today=date(2012, 6, 15))
		try:
			files = frappe.get_all(
				"File",
				filters={"attached_to_doctype": REPORT, "attached_to_name": report.name},
				pluck="file_url",
			)
			self.assertEqual(files, [report.xlsx_file])
			# On 15 June 2012 the first half-year was not over: only item В (due 1 June) was late.
			self.assertEqual(report.plan_items_overdue, 1)
			self.assertEqual(getdate(report.figures_as_on), date(2012, 6, 15))
		finally:
			# The other tests of the class read the report as computed on AS_ON.
			compute_as(HEAD_USER, self.report.name)

	def test_the_print_is_the_paper_form_and_renders_to_pdf(self):
		frappe.local.jenv = None
		frappe.set_user(DIRECTOR_USER)
		try:
			html = frappe.get_print(REPORT, self.report.name)
			self.assertEqual(html, frappe.get_print(REPORT, self.report.name, ANNUAL_REPORT_FORM))
			pdf = frappe.get_print(REPORT, self.report.name, ANNUAL_REPORT_FORM, as_pdf=True)
		finally:
			frappe.set_user("Administrator")
		self.assertTrue(pdf.startswith(b"%PDF"))
		body = html.split('<div class="ce-form">', 1)[1]
		self.assertIn("ГОДОВОЙ ОТЧЁТ", body)
		self.assertIn(f"за {YEAR} год", body)
		self.assertIn("«УТВЕРЖДАЮ»", body)
		self.assertIn("Итоги года", body)
		self.assertIn("Ярмарка вакансий", body)
		self.assertIn("4,33", body)
		self.assertIn(COOK, body)
		self.assertNotIn("{{", html)
		# The print's Jinja helper is callable from any template: it asks for the print right itself.
		with self.set_user(TEACHER_USER), self.assertRaises(frappe.PermissionError):
			citi_annual_report_print(frappe.get_doc(REPORT, self.report.name))
		with self.set_user(DIRECTOR_USER):
			tables = citi_annual_report_print(frappe.get_doc(REPORT, self.report.name))["tables"]
		self.assertEqual(list(tables), list(rules.TABLES))

	def test_the_print_helper_refuses_a_teacher_and_words_the_figures(self):
		doc = frappe.get_doc(REPORT, self.report.name)
		with self.set_user(TEACHER_USER), self.assertRaises(frappe.PermissionError):
			citi_annual_report_print(doc)
		with self.set_user(DIRECTOR_USER):
			printed = citi_annual_report_print(doc)
		self.assertEqual(list(printed["figures"]), list(rules.FIGURES))
		self.assertEqual(printed["figures"]["satisfaction_average"], "4,33")


class TestAnnualReportRules(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_a_year_without_records_computes_zeros(self):
		# Before any record of the site (a later year would count today's employers as in the data bank).
		report = compute_as(SPECIALIST_USER, make_annual_report(2005, with_rows=False).name)
		for fieldname in rules.FIGURES:
			self.assertEqual(report.get(fieldname) or 0, 0, fieldname)
		self.assertEqual(len(report.event_rows), len(rules.EVENT_TYPES))
		self.assertEqual(len(report.contract_rows), frappe.db.count("Contract Journal"))
		self.assertEqual([row.region for row in report.employer_rows], list(rules.REGIONS))
		self.assertEqual([row.checkpoint for row in report.retention_rows], list(rules.RETENTION_CHECKPOINTS))
		self.assertFalse(report.plan_rows or report.placement_rows or report.outcome_rows)
		self.assertTrue(report.xlsx_file)

	def test_a_second_report_for_a_year_is_refused(self):
		make_annual_report(2087, with_rows=False)
		with self.assertRaises(workflow.DuplicateReportError):
			make_annual_report(2087, with_rows=False)
		# Nor can a user make a version by sending one.
		with (
			self.set_user(HEAD_USER),
			self.assertRaises((workflow.DuplicateReportError, frappe.DuplicateEntryError)),
		):
			frappe.get_doc({"doctype": REPORT, "year": 2087, "version": 2, "supersedes": "AR-2087"}).insert()

	def test_only_the_center_computes(self):
		report = make_annual_report(2086, with_rows=False)
		for user in (DIRECTOR_USER, TEACHER_USER):
			with self.subTest(user=user), self.assertRaises(frappe.PermissionError):
				compute_as(user, report.name)
		with self.assertRaises(ComputeNotAllowedError):
			compute_as(DIRECTOR_USER, report.name)

	def test_only_the_director_approves(self):
		report = make_annual_report(2085, with_rows=False)
		compute_as(HEAD_USER, report.name)
		act(frappe.get_doc(REPORT, report.name), "Submit for Approval", SPECIALIST_USER)
		for user in (HEAD_USER, SPECIALIST_USER):
			with self.subTest(user=user):
				doc = frappe.get_doc(REPORT, report.name)
				doc.status = "Approved"
				with self.set_user(user), self.assertRaises(workflow.ReportApprovalError):
					doc.save(ignore_permissions=True)
		# A Head who is also a System Manager is still not the Director.
		both = make_user("annual-head-admin@citi.invalid", EMPLOYMENT_CENTER_HEAD, "System Manager")
		doc = frappe.get_doc(REPORT, report.name)
		doc.status = "Approved"
		with self.set_user(both), self.assertRaises(workflow.ReportApprovalError):
			doc.save()
		act(frappe.get_doc(REPORT, report.name), "Approve", DIRECTOR_USER)
		doc = frappe.get_doc(REPORT, report.name)
		self.assertEqual(
			(doc.status, doc.approved_by, getdate(doc.approved_on)), ("Approved", DIRECTOR_USER, getdate())
		)
		self.assertTrue(frappe.has_permission(REPORT, "write", user=DIRECTOR_USER))
		self.assertIn(INSTITUTION_DIRECTOR, frappe.get_roles(DIRECTOR_USER))

	def test_a_report_without_figures_is_not_submitted(self):
		report = make_annual_report(2084, with_rows=False)
		with self.assertRaises(workflow.NotComputedError):
			act(report, "Submit for Approval", HEAD_USER)

	def test_no_status_skips_the_workflow(self):
		report = make_annual_report(2083)
		for status in ("Approved", "Published", "Superseded"):
			doc = frappe.get_doc(REPORT, report.name)
			doc.status = status
			with self.subTest(status=status), self.assertRaises(workflow.ReportMoveError):
				doc.save()

	def test_an_approved_report_is_frozen(self):
		report = approved_report(2082, summary_text="Утверждённый текст")
		with self.set_user(HEAD_USER), self.assertRaises(workflow.FrozenReportError) as caught:
			compute_service.compute(report.name)
		self.assertIn(report.name, str(caught.exception))
		# As the Administrator too: the controller refuses what the write guard lets through.
		doc = frappe.get_doc(REPORT, report.name)
		doc.summary_text = "Другой текст"
		with self.assertRaises(workflow.FrozenReportError):
			doc.save()
		doc = frappe.get_doc(REPORT, report.name)
		doc.event_rows[0].events = 99
		with self.assertRaises((workflow.FrozenReportError, ServiceFieldChangeError)):
			doc.save()
		doc = frappe.get_doc(REPORT, report.name)
		doc.status = "Draft"
		with self.assertRaises(workflow.ReportMoveError):
			doc.save()
		with self.assertRaises(workflow.ReportDeletionError):
			frappe.delete_doc(REPORT, report.name)
		stored = frappe.get_doc(REPORT, report.name)
		self.assertEqual((stored.summary_text, stored.status), ("Утверждённый текст", "Approved"))
		self.assertEqual(stored.event_rows[0].events, 0)

	def test_the_approved_table_names_its_approval(self):
		report = approved_report(2081)
		files = frappe.get_all(
			"File", filters={"attached_to_doctype": REPORT, "attached_to_name": report.name}, pluck="name"
		)
		self.assertEqual(len(files), 1)
		book = load_workbook(BytesIO(frappe.get_doc("File", files[0]).get_content()))
		self.assertIn(f"утверждён {getdate():%d.%m.%Y}", book["Сводка"]["A3"].value)

	def test_publishing_is_for_the_head_or_the_director(self):
		report = approved_report(2080)
		with self.assertRaises(frappe.ValidationError):
			act(frappe.get_doc(REPORT, report.name), "Publish", SPECIALIST_USER)
		doc = frappe.get_doc(REPORT, report.name)
		doc.status = "Published"
		with self.set_user(SPECIALIST_USER), self.assertRaises(workflow.ReportApprovalError):
			doc.save()
		act(frappe.get_doc(REPORT, report.name), "Publish", HEAD_USER)
		doc = frappe.get_doc(REPORT, report.name)
		self.assertEqual((doc.status, getdate(doc.published_on)), ("Published", getdate()))
		other = approved_report(2079)
		act(frappe.get_doc(REPORT, other.name), "Publish", DIRECTOR_USER)
		self.assertEqual(frappe.db.get_value(REPORT, other.name, "status"), "Published")

	def test_the_director_hears_of_a_submitted_report(self):
		ensure_outgoing_email_account()
		notifications.sync_all()
		self.assertTrue(
			frappe.db.exists(
				"Notification", notifications.notification_name("Annual Report Workflow", "Email")
			)
		)
		report = make_annual_report(2078, with_rows=False)
		compute_as(HEAD_USER, report.name)
		act(frappe.get_doc(REPORT, report.name), "Submit for Approval", HEAD_USER)
		bell = frappe.get_all(
			"Notification Log",
			filters={"for_user": DIRECTOR_USER, "document_type": REPORT, "document_name": report.name},
			fields=["subject", "email_content"],
		)
		self.assertEqual(len(bell), 1)
		self.assertIn(report.name, bell[0].subject)
		self.assertIn(f"/app/annual-report/{report.name}", bell[0].email_content)
		mails = frappe.get_all(
			"Email Queue", filters={"reference_doctype": REPORT, "reference_name": report.name}, pluck="name"
		)
		self.assertEqual(len(mails), 1)
		self.assertEqual(
			frappe.get_all("Email Queue Recipient", filters={"parent": mails[0]}, pluck="recipient"),
			[DIRECTOR_USER],
		)
		# The Center is not told of its own step.
		for user in (HEAD_USER, SPECIALIST_USER):
			self.assertFalse(
				frappe.db.exists(
					"Notification Log",
					{"for_user": user, "document_type": REPORT, "document_name": report.name},
				)
			)


class TestCorrections(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()

	def tearDown(self):
		frappe.set_user("Administrator")

	def correct(self, name: str, reason: str | None, user: str = HEAD_USER) -> str:
		with self.set_user(user):
			return corrections.create_correction(name, reason)

	def test_a_correction_is_a_new_version_that_supersedes_the_old_once_approved(self):
		old = approved_report(2077, summary_text="Первый текст", outcome_checkpoint=3)
		with self.assertRaises(corrections.CorrectionError):
			self.correct(old.name, "  ")
		name = self.correct(old.name, "Не учтена заявка работодателя")
		self.assertEqual(name, "AR-2077-v2")
		new = frappe.get_doc(REPORT, name)
		self.assertEqual(
			(new.year, new.version, new.status, new.supersedes, new.correction_reason, new.summary_text),
			(2077, 2, "Draft", old.name, "Не учтена заявка работодателя", "Первый текст"),
		)
		self.assertEqual(new.outcome_checkpoint, 3)
		self.assertFalse(new.computed_at)
		# One correction at a time, and only of an approved version.
		with self.assertRaises(corrections.CorrectionError):
			self.correct(old.name, "Ещё раз")
		with self.assertRaises(corrections.CorrectionError):
			self.correct(name, "Черновик")
		self.assertEqual(frappe.db.get_value(REPORT, old.name, "status"), "Approved")

		compute_as(SPECIALIST_USER, name)
		act(frappe.get_doc(REPORT, name), "Submit for Approval", HEAD_USER)
		act(frappe.get_doc(REPORT, name), "Approve", DIRECTOR_USER)
		old = frappe.get_doc(REPORT, old.name)
		self.assertEqual((old.status, old.superseded_by), ("Superseded", name))
		self.assertEqual(old.summary_text, "Первый текст")  # still readable, as it was
		with self.set_user(DIRECTOR_USER):
			self.assertTrue(frappe.get_doc(REPORT, old.name).has_permission("read"))
		with self.assertRaises(corrections.CorrectionError):
			self.correct(old.name, "Старую версию")
		self.assertEqual(self.correct(name, "Вторая поправка"), "AR-2077-v3")

	def test_only_the_center_corrects(self):
		old = approved_report(2076)
		with self.assertRaises(frappe.PermissionError):
			self.correct(old.name, "Причина", user=DIRECTOR_USER)

	def test_published_figures_come_from_published_versions_only(self):
		old = approved_report(2075)
		self.assertIsNone(published_figures(2075))
		act(frappe.get_doc(REPORT, old.name), "Publish", HEAD_USER)
		published = published_figures(2075)
		self.assertEqual((published["report"], published["version"], published["year"]), (old.name, 1, 2075))
		self.assertEqual(set(published["figures"]), set(rules.FIGURES))
		self.assertEqual(set(published["tables"]), set(rules.TABLES))
		self.assertEqual(len(published["tables"]["event_rows"]), len(rules.EVENT_TYPES))
		# A share over nobody is None, not 0.
		self.assertIsNone(published["figures"]["retention_6_share"])
		self.assertIn(old.name, [entry["report"] for entry in published_figures()])

		name = self.correct(old.name, "Исправление")
		compute_as(HEAD_USER, name)
		act(frappe.get_doc(REPORT, name), "Submit for Approval", HEAD_USER)
		self.assertEqual(published_figures(2075)["report"], old.name)  # until the correction is approved
		act(frappe.get_doc(REPORT, name), "Approve", DIRECTOR_USER)
		# Approved but not published yet: the superseded version is no longer the year's source either.
		self.assertIsNone(published_figures(2075))
		act(frappe.get_doc(REPORT, name), "Publish", DIRECTOR_USER)
		self.assertEqual(published_figures(2075)["report"], name)
		self.assertNotIn(old.name, [entry["report"] for entry in published_figures()])


class TestAnnualReportOverRest(FrappeTestCase):
	"""Real REST requests with API keys: approval, the frozen snapshot and Compute's HTTP method."""

	YEARS = (2072, 2073, 2074)

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		cls.tokens = {user: cls.api_token(user) for user in (HEAD_USER, DIRECTOR_USER)}
		submitted = make_annual_report(cls.YEARS[0], with_rows=False)
		compute_as(HEAD_USER, submitted.name)
		act(frappe.get_doc(REPORT, submitted.name), "Submit for Approval", HEAD_USER)
		cls.submitted = submitted.name
		cls.approved = approved_report(cls.YEARS[1], summary_text="Утверждено").name
		to_approve = make_annual_report(cls.YEARS[2], with_rows=False)
		compute_as(HEAD_USER, to_approve.name)
		act(frappe.get_doc(REPORT, to_approve.name), "Submit for Approval", HEAD_USER)
		cls.to_approve = to_approve.name
		frappe.db.commit()

	@classmethod
	def api_token(cls, user: str) -> str:
		doc = frappe.get_doc("User", user)
		secret = frappe.generate_hash(length=15)
		doc.api_key = frappe.generate_hash(length=15)
		doc.api_secret = secret
		doc.save(ignore_permissions=True)
		return f"{doc.api_key}:{secret}"

	@classmethod
	def tearDownClass(cls):
		frappe.db.rollback()
		frappe.set_user("Administrator")
		for name in frappe.get_all(REPORT, filters={"year": ("in", cls.YEARS)}, pluck="name"):
			for file in frappe.get_all(
				"File", filters={"attached_to_doctype": REPORT, "attached_to_name": name}, pluck="name"
			):
				frappe.delete_doc("File", file, ignore_permissions=True, force=True)
			for table in rules.TABLE_DOCTYPES.values():
				frappe.db.delete(table, {"parent": name, "parenttype": REPORT})
			frappe.db.delete(REPORT, {"name": name})
		frappe.db.commit()
		super().tearDownClass()

	def tearDown(self):
		frappe.db.rollback()

	def request(self, method: str, path: str, user: str, **kwargs):
		client = get_test_client(use_cookies=False)
		return make_http_request(
			target=getattr(client, method),
			args=(path,),
			kwargs={"headers": {"Authorization": f"token {self.tokens[user]}"}, **kwargs},
			site=frappe.local.site,
		)

	def put(self, name: str, values: dict, user: str = HEAD_USER):
		return self.request("put", f"/api/resource/{quote(REPORT)}/{quote(name)}", user, json=values)

	def stored(self, name: str):
		frappe.db.rollback()
		return frappe.get_doc(REPORT, name)

	def test_the_head_cannot_approve_by_put(self):
		response = self.put(self.submitted, {"status": "Approved"})
		self.assertIn(response.status_code, (403, 417), response.text)
		doc = self.stored(self.submitted)
		self.assertEqual(doc.status, "Pending Director Approval")
		self.assertFalse(doc.approved_on)

	def test_nobody_edits_a_submitted_report_by_put(self):
		for user in (HEAD_USER, DIRECTOR_USER):
			response = self.put(self.submitted, {"summary_text": "Переписано"}, user=user)
			self.assertEqual(response.status_code, 417, response.text)
		self.assertFalse(self.stored(self.submitted).summary_text)

	def test_an_approved_snapshot_cannot_change_over_rest(self):
		before = self.stored(self.approved)
		rows = [row.as_dict(convert_dates_to_str=True) for row in before.event_rows]
		rows[0]["events"] = 50
		for values in (
			{"summary_text": "Переписано"},
			{"events_held": 99},
			{"event_rows": rows},
			{"event_rows": []},
			{"status": "Draft"},
			{"superseded_by": self.submitted},
		):
			with self.subTest(values=list(values)):
				response = self.put(self.approved, values)
				self.assertIn(response.status_code, (403, 417), response.text)
		after = self.stored(self.approved)
		self.assertEqual(after.summary_text, "Утверждено")
		self.assertEqual(after.status, "Approved")
		self.assertEqual([row.events for row in after.event_rows], [row.events for row in before.event_rows])
		self.assertEqual(after.modified, before.modified)

	def test_compute_is_post_only_and_refused_after_approval(self):
		path = "/api/method/run_doc_method"
		args = {"dt": REPORT, "dn": self.approved, "method": "compute"}
		response = self.request("get", path, HEAD_USER, query_string=args)
		self.assertNotEqual(response.status_code, 200, response.text)
		response = self.request("post", path, HEAD_USER, json=args)
		self.assertEqual(response.status_code, 417, response.text)
		self.assertIn("FrozenReportError", response.text)
		self.assertEqual(self.stored(self.approved).modified, frappe.get_doc(REPORT, self.approved).modified)

	def test_the_director_approves_over_rest(self):
		doc = self.stored(self.to_approve)
		response = self.request(
			"post",
			"/api/method/frappe.model.workflow.apply_workflow",
			DIRECTOR_USER,
			json={"doc": doc.as_dict(convert_dates_to_str=True), "action": "Approve"},
		)
		self.assertEqual(response.status_code, 200, response.text)
		doc = self.stored(self.to_approve)
		self.assertEqual((doc.status, doc.approved_by), ("Approved", DIRECTOR_USER))
