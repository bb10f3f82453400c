# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""The analytical reports (issue 12) against a small set of records built by hand, with every figure known.

The records (all rolled back with the class):

- professions COOK and GARDENER; graduates A1–A3 (cook) and A4 (gardener) finished in 2023, B1–B2 (cook) and
  B3 (gardener) in 2024; two minors M1 (18 in 30 days) and M2 (18 in 100 days);
- employers E1 (active partner, Leningrad Oblast, catering), E2 (potential, Saint Petersburg, gardening),
  E3 (active partner, Saint Petersburg, catering), E4 (inactive, no region, warehousing);
- placements PA1 (A1 at E1, 2023-07-10), PA2 (A2 at E1, 2023-07-20, dismissed 2024-02-20), PA3 (A3 at E3,
  2023-08-05), PA4 (A4 at E2, 2023-08-15, dismissed 2023-10-01), PA2b (A2 at E3, 2024-03-01) and PB1 (B1 at
  E3, 2024-07-01), each with the checks the monitoring schedule gives it; CHECKS below records outcomes;
- contracts C1–C7 in three journals, vacancy requests R1–R7, consents, employer interactions, Center
  events and two work plans (see the builders).
"""

import json
import re
from datetime import date
from unittest.mock import patch

import frappe
from frappe.core.doctype.prepared_report.prepared_report import make_prepared_report
from frappe.desk.query_report import generate_report_result, run
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, add_years, getdate

from citi_employment.personal_data.consents import revoke
from citi_employment.reporting import consents as consent_figures
from citi_employment.reporting import outcomes as outcome_figures
from citi_employment.reporting.access import ReportAccessError
from citi_employment.tests.records import (
	ADMISSIONS_USER,
	DIRECTOR_USER,
	HEAD_USER,
	PASSPORT,
	SNILS,
	SPECIALIST_USER,
	SUPERVISOR_USER,
	TEACHER_USER,
	make_center_users,
	make_consent,
	make_employer,
	make_graduate,
	make_interaction,
	make_personal_data,
	make_placement,
	make_profession,
	make_work_plan,
	messages_shown,
)

COOK = "Отчёты: повар"
GARDENER = "Отчёты: садовник"
SETTINGS = "Employment Center Settings"
COOPERATION = "Cooperation (Partnership)"
PRACTICE = "Practice"
TARGETED = "Targeted Vocational Training"
OUTCOMES = "Graduate Outcomes"
RETENTION = "Employment Retention"
DATA_BANK = "Employer Data Bank"
JOURNAL = "Contract Journal"
DEMAND = "Profession Demand"
REGISTER = "Consent Register"
PLANS = "Work Plan Execution"
ACTIVITY = "Specialist Activity"

# The DocTypes the reports count: emptied for the class (and restored by its rollback), so the totals are
# exactly those of the records below.
COUNTED_DOCTYPES = (
	"Employment Monitoring Record",
	"Graduate Placement",
	"Vacancy Candidate",
	"Vacancy Internal Requirements",
	"Vacancy Request",
	"Employer Contract",
	"Employer Interaction",
	"Center Event Employer",
	"Center Event",
	"Work Plan Item",
	"Work Plan",
	"Personal Data Consent",
	"Graduate Personal Data",
	"Graduate",
	"Employer",
)

# (placement, checkpoint months): (checked on, outcome)
CHECKS = {
	("PA1", 1): ("2023-08-12", "Working at This Employer"),
	("PA1", 3): ("2023-10-11", "Working at This Employer"),
	("PA1", 6): ("2024-01-15", "Working at This Employer"),
	("PA1", 12): ("2024-07-12", "Working Elsewhere"),
	("PA2", 1): ("2023-08-21", "Working at This Employer"),
	("PA2", 3): ("2023-10-25", "Not Working, Seeking"),
	("PA2", 6): ("2024-01-22", "Continuing Education"),
	("PA3", 1): ("2023-09-06", "Working at This Employer"),
	("PA3", 6): ("2024-02-06", "Individual Entrepreneur"),
	("PA4", 1): ("2023-09-15", "Working at This Employer"),
	("PA2b", 6): ("2024-09-03", "Working at This Employer"),
	("PB1", 1): ("2024-08-02", "Working at This Employer"),
	("PB1", 3): ("2024-10-03", "Military Service"),
	("PB1", 6): ("2025-01-05", "Working Elsewhere"),
}


def report(name: str, **filters) -> dict:
	return run(name, filters=filters, ignore_prepared_report=True)


def rows_by(result: dict, key: str) -> dict:
	return {row[key]: row for row in result["result"]}


def cards(result: dict) -> dict:
	return {card["label"]: card["value"] for card in result["report_summary"]}


class ReportRecords(FrappeTestCase):
	"""The records every report test reads: built once, rolled back after the class."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.today = getdate()
		make_center_users()
		for doctype in COUNTED_DOCTYPES:
			frappe.db.delete(doctype)
		frappe.db.set_single_value(
			SETTINGS,
			{
				"monitoring_checkpoints": "1, 3, 6, 12, 24",
				"monitoring_due_lead_days": 7,
				"monitoring_overdue_grace_days": 14,
				"contract_expiry_warning_days": 30,
				"revocation_destruction_days": 30,
			},
		)
		frappe.clear_document_cache(SETTINGS, SETTINGS)
		make_profession(COOK)
		make_profession(GARDENER)
		cls.make_employers()
		cls.make_graduates()
		cls.make_placements()
		cls.record_checks()
		cls.make_contracts()
		cls.make_requests()
		cls.make_consents()
		cls.make_candidates()
		cls.make_events()
		cls.make_work_plans()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		super().tearDownClass()
		frappe.clear_document_cache(SETTINGS, SETTINGS)

	def tearDown(self):
		frappe.set_user("Administrator")

	def assert_refused(self, name: str, **filters) -> str:
		"""The report answers with no rows and a message, shown to the user as well; never an exception."""
		frappe.local.message_log = []
		result = report(name, **filters)
		self.assertEqual((result["result"], result["columns"], result["chart"]), ([], [], None))
		self.assertTrue(result["message"])
		self.assertIn(result["message"], messages_shown())
		for value in filters.values():
			if isinstance(value, str) and re.search(r"['<;=]", value):
				self.assertNotIn(value, result["message"], "the message never echoes a filter's value")
		return result["message"]

	# --- builders ---------------------------------------------------------------------------------------

	@classmethod
	def make_employers(cls):
		cls.E1 = make_employer("Отчёты Столовая", region="Leningrad Oblast", activity="Общественное питание")
		cls.E2 = make_employer(
			"Отчёты Сад", status="Potential", region="Saint Petersburg", activity="Озеленение"
		)
		cls.E3 = make_employer("Отчёты Кафе", region="Saint Petersburg", activity="Общественное питание")
		cls.E4 = make_employer("Отчёты Склад", status="Inactive", activity="Складская логистика")
		# Employer interactions (§5.3); their service keeps each employer's last contact date. E2: none.
		for employer, day, user in (
			(cls.E1, "2024-02-01", SPECIALIST_USER),
			(cls.E1, add_days(cls.today, -58), SPECIALIST_USER),
			(cls.E3, add_days(cls.today, -27), HEAD_USER),
			(cls.E4, "2025-05-05", SPECIALIST_USER),
		):
			make_interaction(employer, interaction_date=day, responsible=user)

	@classmethod
	def make_graduates(cls):
		def graduate(first_name, profession, study_end, **values):
			doc = make_graduate(
				first_name=first_name,
				last_name="Отчётов",
				profession=profession,
				study_start="2020-09-01",
				study_end=study_end,
				**values,
			)
			# Signed before the placements and the revocations below.
			make_consent(doc, signed_on="2023-06-01")
			return doc.name

		cls.A1 = graduate("Первый", COOK, "2023-06-30")
		cls.A2 = graduate("Второй", COOK, "2023-06-30")
		cls.A3 = graduate("Третий", COOK, "2023-06-30")
		cls.A4 = graduate("Четвёртый", GARDENER, "2023-06-30")
		cls.B1 = graduate("Пятый", COOK, "2024-06-30")
		cls.B2 = graduate("Шестой", COOK, "2024-06-30")
		cls.B3 = graduate("Седьмой", GARDENER, "2024-06-30")
		# Minors without a study period: they never appear in the tables by graduation year below.
		cls.M1 = make_graduate(
			minor=True, first_name="Юный", date_of_birth=add_years(add_days(cls.today, 30), -18)
		).name
		cls.M2 = make_graduate(
			minor=True, first_name="Младший", date_of_birth=add_years(add_days(cls.today, 100), -18)
		).name
		make_personal_data(cls.A1)

	@classmethod
	def make_placements(cls):
		def placement(graduate, employer, profession, employment_date, **values):
			return make_placement(
				graduate, employer, profession=profession, employment_date=employment_date, **values
			).name

		# Recorded by the Specialist, PB1 by the Head (Specialist Activity counts who recorded them).
		frappe.set_user(SPECIALIST_USER)
		cls.placements = {
			"PA1": placement(cls.A1, cls.E1, COOK, "2023-07-10"),
			"PA2": placement(cls.A2, cls.E1, COOK, "2023-07-20", dismissal_date="2024-02-20"),
			"PA3": placement(cls.A3, cls.E3, COOK, "2023-08-05"),
			"PA4": placement(cls.A4, cls.E2, GARDENER, "2023-08-15", dismissal_date="2023-10-01"),
			"PA2b": placement(cls.A2, cls.E3, COOK, "2024-03-01"),
		}
		frappe.set_user(HEAD_USER)
		cls.placements["PB1"] = placement(cls.B1, cls.E3, COOK, "2024-07-01")
		frappe.set_user("Administrator")

	@classmethod
	def record_checks(cls):
		for (placement, months), (checked_on, outcome) in CHECKS.items():
			name = frappe.db.get_value(
				"Employment Monitoring Record",
				{"placement": cls.placements[placement], "checkpoint": months},
			)
			check = frappe.get_doc("Employment Monitoring Record", name)
			check.update(
				{"checked_on": checked_on, "outcome": outcome, "responsible_specialist": SPECIALIST_USER}
			)
			check.save(ignore_permissions=True)

	@classmethod
	def make_contracts(cls):
		today = cls.today

		def contract(journal, employer, valid_from, valid_to, status, registered_on=None, **values):
			doc = frappe.get_doc(
				{
					"doctype": "Employer Contract",
					"journal": journal,
					"employer": employer,
					"subject": "Сотрудничество",
					"signed_on": valid_from,
					"valid_from": valid_from,
					"valid_to": valid_to,
					**values,
				}
			).insert(ignore_permissions=True)
			# Approval and the daily job own these; the report only reads what they leave.
			frappe.db.set_value(
				"Employer Contract",
				doc.name,
				{
					"status": status,
					"registered_on": registered_on,
					"registration_number": f"T-{doc.name}" if registered_on else None,
				},
			)
			return doc.name

		cls.C1 = contract(COOPERATION, cls.E1, "2026-01-01", add_days(today, 10), "Active", "2026-01-15")
		cls.C2 = contract(
			COOPERATION, cls.E3, "2026-01-01", add_days(today, 25), "Expiring Soon", "2026-02-01"
		)
		cls.C3 = contract(COOPERATION, cls.E2, "2026-01-01", add_days(today, 5), "Draft")
		cls.C4 = contract(COOPERATION, cls.E4, "2025-01-01", "2025-12-31", "Expired", "2025-01-10")
		cls.C5 = contract(PRACTICE, cls.E1, "2026-01-01", add_days(today, 100), "Active", "2026-01-05")
		cls.C6 = contract(PRACTICE, cls.E3, "2025-01-01", "2025-12-31", "Terminated", "2025-06-01")
		cls.C7 = contract(
			TARGETED, cls.E1, "2027-01-01", "2027-12-31", "Pending Director Approval", graduate=cls.A1
		)

	@classmethod
	def make_requests(cls):
		def request(
			employer, profession, kind, positions, compiled_on, status, filled=0, user=SPECIALIST_USER
		):
			frappe.set_user(user)
			doc = frappe.get_doc(
				{
					"doctype": "Vacancy Request",
					"employer": employer,
					"kind": kind,
					"position": "Помощник",
					"profession": profession,
					"positions_count": positions,
					"compiled_on": compiled_on,
				}
			).insert(ignore_permissions=True)
			frappe.set_user("Administrator")
			frappe.db.set_value("Vacancy Request", doc.name, {"status": status, "filled_count": filled})
			return doc.name

		cls.R1 = request(cls.E1, COOK, "Employment", 3, "2024-02-10", "Registered", filled=1)
		request(cls.E3, COOK, "Targeted Training", 2, "2024-05-05", "In Progress")  # R2
		request(cls.E2, GARDENER, "Employment", 1, "2024-05-20", "Registered")  # R3
		request(cls.E1, COOK, "Practice", 4, "2024-02-15", "Registered", user=HEAD_USER)  # R4: no demand
		request(cls.E3, COOK, "Employment", 5, "2024-03-01", "Draft")  # R5: not accepted
		request(cls.E2, GARDENER, "Employment", 2, "2023-11-01", "Registered", user=HEAD_USER)  # R6: 2023
		request(cls.E4, COOK, "Employment", 1, "2024-08-01", "Cancelled")  # R7: cancelled

	@classmethod
	def make_consents(cls):
		today = cls.today
		# Each of A1–B3 signed an active processing consent: K1–K7 below are the
		# changes to those, a dissemination consent and a draft.
		cls.consent_of = {
			graduate: frappe.db.get_value("Personal Data Consent", {"graduate": graduate})
			for graduate in (cls.A1, cls.A2, cls.A3, cls.A4, cls.B1, cls.B2, cls.B3)
		}
		revoke(cls.consent_of[cls.B1], str(add_days(today, -40)))  # due 10 days ago: overdue
		revoke(cls.consent_of[cls.B2], str(add_days(today, -5)))  # due in 25 days
		revoke(cls.consent_of[cls.B3], str(add_days(today, -60)))  # due 30 days ago, destroyed before
		frappe.db.set_value(
			"Personal Data Consent", cls.consent_of[cls.B3], "destroyed_on", add_days(today, -35)
		)
		make_consent(cls.A1, kind="Dissemination")
		make_consent(cls.M1, submit=False)

	@classmethod
	def make_candidates(cls):
		# The Head proposes A3 for R1 today: a request handled by the Head this year.
		frappe.set_user(HEAD_USER)
		frappe.get_doc(
			{"doctype": "Vacancy Candidate", "vacancy_request": cls.R1, "graduate": cls.A3}
		).insert(ignore_permissions=True)
		frappe.set_user("Administrator")

	@classmethod
	def make_events(cls):
		def event(organiser, starts_on, status, graduates=0, students=0, employers=0):
			frappe.get_doc(
				{
					"doctype": "Center Event",
					"subject": "Встреча с работодателями",
					"event_type": "Working Meeting",
					"status": status,
					"organiser": organiser,
					"starts_on": starts_on,
					"graduates_count": graduates,
					"students_count": students,
					"employers_count": employers,
				}
			).insert(ignore_permissions=True)

		event(HEAD_USER, "2023-05-05 10:00:00", "Held", graduates=1)
		event(HEAD_USER, "2024-04-15 10:00:00", "Held", graduates=5, students=10, employers=2)
		event(SPECIALIST_USER, "2024-09-01 11:00:00", "Held", graduates=3, employers=1)
		event(SPECIALIST_USER, "2024-10-01 11:00:00", "Planned", graduates=9)  # not held: not counted

	@classmethod
	def make_work_plans(cls):
		# Last year's second half is over: its open items are overdue. Next year's plan has begun nothing yet.
		cls.past_year, cls.next_year = cls.today.year - 1, cls.today.year + 1
		year = cls.past_year
		cls.past_plan = make_work_plan(
			year,
			"2nd Half",
			items=(
				{"activity": "Консультации работодателей", "due": "в течение полугодия", "status": "Planned"},
				{"activity": "Ярмарка вакансий", "due": f"15.10.{year}", "status": "Done"},
				{"activity": "Семинар", "due": f"01.12.{year}", "status": "In Progress"},
				{"activity": "Рабочая встреча", "due": "в течение полугодия", "status": "Not Done"},
			),
		).name
		cls.next_plan = make_work_plan(
			cls.next_year,
			"Year",
			items=(
				{"activity": "Консультирование", "due": "в течение года", "status": "Planned"},
				{
					"activity": "День открытых дверей",
					"due": f"15.04.{cls.next_year}",
					"status": "In Progress",
				},
				{"activity": "Вебинар", "due": "в течение года", "status": "Done"},
			),
		).name


class GraduateOutcomesChecks:
	def outcomes(self, **filters):
		return report(OUTCOMES, year_from=2023, year_to=2024, **filters)

	def test_outcomes_every_figure_at_six_months(self):
		frappe.set_user(DIRECTOR_USER)
		result = self.outcomes(checkpoint=6)
		rows = {(row["year"], row["profession"]): row for row in result["result"]}
		self.assertEqual(
			list(rows),
			[("2023", COOK), ("2023", GARDENER), ("2024", COOK), ("2024", GARDENER), ("Total", None)],
		)
		cook_2023 = rows[("2023", COOK)]
		# A2 was checked at 6 months in both placements: the later check (working at E3) counts.
		self.assertEqual(
			(
				cook_2023["graduates"],
				cook_2023["working_at_this_employer"],
				cook_2023["individual_entrepreneur"],
				cook_2023["continuing_education"],
				cook_2023["checked"],
				cook_2023["not_checked"],
				cook_2023["working"],
				cook_2023["working_share"],
			),
			(3, 2, 1, 0, 3, 0, 3, 100.0),
		)
		gardener_2023 = rows[("2023", GARDENER)]
		self.assertEqual((gardener_2023["graduates"], gardener_2023["not_checked"]), (1, 1))
		self.assertEqual(gardener_2023["working_share"], 0.0)
		cook_2024 = rows[("2024", COOK)]
		self.assertEqual(
			(cook_2024["graduates"], cook_2024["working_elsewhere"], cook_2024["not_checked"]), (2, 1, 1)
		)
		self.assertEqual(cook_2024["working_share"], 50.0)
		self.assertEqual((rows[("2024", GARDENER)]["graduates"], rows[("2024", GARDENER)]["checked"]), (1, 0))
		total = rows[("Total", None)]
		self.assertEqual((total["graduates"], total["checked"], total["working"]), (7, 4, 4))
		self.assertEqual(total["working_share"], 57.1)

		self.assertEqual(
			cards(result),
			{
				"Graduates": 7,
				"Checked at 6 Months": 4,
				"Still Working": 4,
				"Still Working, %": 57.1,
				"Not Checked": 3,
			},
		)
		chart = result["chart"]
		self.assertEqual(chart["data"]["labels"], ["2023", "2024"])
		self.assertEqual(
			{dataset["name"]: dataset["values"] for dataset in chart["data"]["datasets"]},
			{
				"Working at This Employer": [2, 0],
				"Working Elsewhere": [0, 1],
				"Individual Entrepreneur": [1, 0],
				"Not Checked": [1, 2],
			},
		)
		self.assertEqual(chart["barOptions"], {"stacked": 1})

	def test_outcomes_other_checkpoints_and_filters(self):
		frappe.set_user(HEAD_USER)
		self.assertEqual(cards(self.outcomes(checkpoint=1))["Still Working"], 5)
		# At 3 months: A1 working here, A2 not working (seeking); B1 in military service.
		three = {(row["year"], row["profession"]): row for row in self.outcomes(checkpoint=3)["result"]}
		self.assertEqual(three[("2023", COOK)]["not_working_seeking"], 1)
		self.assertEqual(three[("2024", COOK)]["military_service"], 1)
		self.assertEqual(three[("2023", COOK)]["working"], 1)
		only_cooks = self.outcomes(checkpoint=6, profession=COOK)
		self.assertEqual(cards(only_cooks)["Graduates"], 5)
		only_2024 = report(OUTCOMES, checkpoint=6, year_from=2024, year_to=2024)
		self.assertEqual(cards(only_2024)["Graduates"], 3)

	def test_outcomes_bad_input(self):
		frappe.set_user(DIRECTOR_USER)
		self.assertIn("1, 3, 6, 12, 24", self.assert_refused(OUTCOMES, checkpoint=7))
		self.assertIn("ends before it starts", self.assert_refused(OUTCOMES, year_from=2025, year_to=2023))
		for filters in (
			{"checkpoint": 7},  # not a checkpoint of the Settings
			{"checkpoint": "6 OR 1=1"},
			{"checkpoint": 6, "year_from": 2025, "year_to": 2023},
			{"checkpoint": 6, "year_from": "2024'; DROP TABLE `tabGraduate`; --"},
			{"checkpoint": 6, "profession": ["in", [COOK, GARDENER]]},
		):
			with self.subTest(filters=filters):
				self.assert_refused(OUTCOMES, **filters)
		# A year with no graduates, and a profession stuffed with SQL: empty, not an error.
		empty = report(OUTCOMES, checkpoint=6, year_from=2010, year_to=2010)
		self.assertEqual((empty["result"], empty["chart"], cards(empty)["Graduates"]), ([], None, 0))
		stuffed = report(OUTCOMES, checkpoint=6, profession=f"{COOK}' OR '1'='1")
		self.assertEqual(stuffed["result"], [])
		self.assertTrue(frappe.db.exists("Graduate", self.A1))

	def test_outcomes_roles(self):
		for user in (HEAD_USER, SPECIALIST_USER, DIRECTOR_USER):
			frappe.set_user(user)
			self.assertEqual(cards(self.outcomes(checkpoint=6))["Graduates"], 7)
		for user in (TEACHER_USER, SUPERVISOR_USER):
			frappe.set_user(user)
			with self.subTest(user=user), self.assertRaises(frappe.PermissionError):
				self.outcomes(checkpoint=6)
		# The figures refuse too, whoever calls them (the Annual Report computes from them): a teacher reads
		# graduates, so may count them, but not the monitoring; the Practice Supervisor reads neither.
		frappe.set_user(TEACHER_USER)
		self.assertEqual(len(outcome_figures.graduates_by_year(2023, 2024)), 4)
		with self.assertRaises(ReportAccessError):
			outcome_figures.outcomes_at_checkpoint(6, 2023, 2024)
		frappe.set_user(SUPERVISOR_USER)
		with self.assertRaises(ReportAccessError):
			outcome_figures.graduates_by_year(2023, 2024)


class EmploymentRetentionChecks:
	def retention(self, **filters):
		return report(RETENTION, from_date="2023-07-01", to_date="2024-12-31", as_on="2024-12-31", **filters)

	def test_retention_every_figure_of_each_cohort(self):
		frappe.set_user(DIRECTOR_USER)
		result = self.retention()
		rows = rows_by(result, "cohort")
		self.assertEqual(list(rows), ["2023-07", "2023-08", "2024-03", "2024-07", "Total"])
		expected = {
			# cohort: placed, overdue, then (due, still working, share) at 1, 3, 6, 12, 24 months
			"2023-07": (2, 0, [(2, 2, 100.0), (2, 1, 50.0), (2, 1, 50.0), (2, 1, 50.0), (0, 0, None)]),
			"2023-08": (2, 2, [(2, 2, 100.0), (2, 0, 0.0), (2, 1, 50.0), (2, 0, 0.0), (0, 0, None)]),
			"2024-03": (1, 2, [(1, 0, 0.0), (1, 0, 0.0), (1, 1, 100.0), (0, 0, None), (0, 0, None)]),
			"2024-07": (1, 0, [(1, 1, 100.0), (1, 0, 0.0), (0, 0, None), (0, 0, None), (0, 0, None)]),
			"Total": (6, 4, [(6, 5, 83.3), (6, 1, 16.7), (5, 3, 60.0), (4, 1, 25.0), (0, 0, None)]),
		}
		for cohort, (placed, overdue, cells) in expected.items():
			row = rows[cohort]
			with self.subTest(cohort=cohort):
				self.assertEqual((row["placed"], row["overdue"]), (placed, overdue))
				self.assertEqual(
					[
						(row[f"reached_{months}"], row[f"working_{months}"], row[f"share_{months}"])
						for months in (1, 3, 6, 12, 24)
					],
					cells,
				)
		self.assertEqual(
			cards(result),
			{
				"Placed": 6,
				"Still Working at 1 Months, %": 83.3,
				"Still Working at 3 Months, %": 16.7,
				"Still Working at 6 Months, %": 60.0,
				"Still Working at 12 Months, %": 25.0,
				"Overdue Checks": 4,
			},
		)
		self.assertEqual(result["chart"]["type"], "line")
		self.assertEqual(result["chart"]["data"]["datasets"][0]["values"], [83.3, 16.7, 60.0, 25.0])

	def test_retention_as_on_today_and_filters(self):
		frappe.set_user(HEAD_USER)
		# Today every 24-month date of 2023 has come; PB1's 6-month check (5 January 2025) now counts.
		today = rows_by(report(RETENTION, from_date="2023-07-01", to_date="2024-12-31"), "cohort")
		self.assertEqual((today["2024-07"]["reached_6"], today["2024-07"]["working_6"]), (1, 1))
		self.assertEqual(today["2023-07"]["reached_24"], 2)
		gardeners = rows_by(self.retention(profession=GARDENER), "cohort")
		self.assertEqual(list(gardeners), ["2023-08", "Total"])
		self.assertEqual(gardeners["2023-08"]["placed"], 1)
		only_2024 = rows_by(
			report(RETENTION, from_date="2024-01-01", to_date="2024-12-31", as_on="2024-12-31"), "cohort"
		)
		self.assertEqual(list(only_2024), ["2024-03", "2024-07", "Total"])

	def test_retention_bad_input(self):
		frappe.set_user(DIRECTOR_USER)
		for filters in (
			{"from_date": "2024-12-31", "to_date": "2024-01-01"},
			{"as_on": "31.12.2024"},
			{"from_date": "2024-01-01' OR 1=1 --"},
		):
			with self.subTest(filters=filters):
				self.assert_refused(RETENTION, **filters)
		empty = report(RETENTION, from_date="2010-01-01", to_date="2010-12-31")
		self.assertEqual((empty["result"], empty["chart"], cards(empty)["Placed"]), ([], None, 0))

	def test_retention_roles(self):
		frappe.set_user(SPECIALIST_USER)
		self.assertEqual(cards(self.retention())["Placed"], 6)
		frappe.set_user(TEACHER_USER)
		with self.assertRaises(frappe.PermissionError):
			self.retention()


class EmployerDataBankChecks:
	def test_data_bank_every_employer_with_its_counts(self):
		frappe.set_user(DIRECTOR_USER)
		result = report(DATA_BANK)
		rows = rows_by(result, "employer")
		self.assertEqual(set(rows), {self.E1, self.E2, self.E3, self.E4})
		figures = (
			"contracts",
			"contracts_in_force",
			"requests",
			"positions",
			"placements",
			"last_contact_on",
		)
		expected = {
			self.E1: (2, 2, 2, 7, 2, add_days(self.today, -58)),
			self.E2: (0, 0, 2, 3, 1, None),
			self.E3: (2, 1, 1, 2, 3, add_days(self.today, -27)),
			self.E4: (1, 0, 0, 0, 0, date(2025, 5, 5)),
		}
		for employer, values in expected.items():
			with self.subTest(employer=employer):
				self.assertEqual(tuple(rows[employer][key] for key in figures), values)
		self.assertEqual(rows[self.E2]["status"], "Potential")
		self.assertEqual(rows[self.E1]["region"], "Leningrad Oblast")
		self.assertEqual(rows[self.E4]["region"], "(not specified)")
		self.assertEqual(rows[self.E1]["employer_name"], "Отчёты Столовая")
		self.assertIsNone(rows[self.E2]["last_contact_on"])
		self.assertEqual(
			cards(result),
			{
				"Employers": 4,
				"Active Partners": 2,
				"Potential Employers": 1,
				"Inactive Employers": 1,
				"Contracts in Force": 3,
				"Placements": 6,
			},
		)
		chart = result["chart"]["data"]
		self.assertEqual(chart["labels"], ["Saint Petersburg", "Leningrad Oblast", "(not specified)"])
		self.assertEqual(
			{dataset["name"]: dataset["values"] for dataset in chart["datasets"]},
			{"Potential": [1, 0, 0], "Active Partner": [1, 1, 0], "Inactive": [0, 0, 1]},
		)

	def test_data_bank_by_region_and_by_activity(self):
		frappe.set_user(HEAD_USER)
		regions = rows_by(report(DATA_BANK, group_by="Region"), "region")
		self.assertEqual(set(regions), {"Leningrad Oblast", "Saint Petersburg", "(not specified)"})
		spb = regions["Saint Petersburg"]
		self.assertEqual(
			tuple(
				spb[key]
				for key in (
					"employers",
					"potential",
					"active_partners",
					"contracts",
					"requests",
					"placements",
				)
			),
			(2, 1, 1, 2, 3, 4),
		)
		self.assertEqual(spb["last_contact_on"], add_days(self.today, -27))
		activities = rows_by(report(DATA_BANK, group_by="Activity"), "activity")
		catering = activities["Общественное питание"]
		self.assertEqual(
			tuple(
				catering[key] for key in ("employers", "active_partners", "contracts_in_force", "positions")
			),
			(2, 2, 3, 9),
		)
		self.assertEqual(len(activities), 3)

	def test_data_bank_filters(self):
		frappe.set_user(DIRECTOR_USER)
		self.assertEqual(set(rows_by(report(DATA_BANK, status="Potential"), "employer")), {self.E2})
		self.assertEqual(
			set(rows_by(report(DATA_BANK, region="Saint Petersburg"), "employer")), {self.E2, self.E3}
		)
		self.assertEqual(set(rows_by(report(DATA_BANK, activity="питание"), "employer")), {self.E1, self.E3})

	def test_data_bank_bad_input(self):
		frappe.set_user(DIRECTOR_USER)
		for filters in (
			{"group_by": "Graduate"},
			{"status": "Active"},
			{"region": "Saint Petersburg' OR '1'='1"},
			{"activity": {"like": "%"}},
		):
			with self.subTest(filters=filters):
				self.assert_refused(DATA_BANK, **filters)
		# A user's % and _ are literal characters, and SQL in the text is only text.
		self.assertEqual(report(DATA_BANK, activity="%")["result"], [])
		self.assertEqual(report(DATA_BANK, activity="_")["result"], [])
		self.assertEqual(report(DATA_BANK, activity="' OR 1=1 --")["result"], [])

	def test_data_bank_roles(self):
		frappe.set_user(SPECIALIST_USER)
		self.assertEqual(cards(report(DATA_BANK))["Employers"], 4)
		# The Practice Supervisor reads employers, but not the contracts and requests counted here.
		for user in (SUPERVISOR_USER, TEACHER_USER):
			frappe.set_user(user)
			with self.subTest(user=user), self.assertRaises(frappe.PermissionError):
				report(DATA_BANK)


class ContractJournalChecks:
	def test_journal_every_journal_by_status(self):
		frappe.set_user(DIRECTOR_USER)
		result = report(JOURNAL)
		rows = rows_by(result, "journal")
		self.assertEqual(set(rows), {COOPERATION, PRACTICE, TARGETED, "Total"})
		cooperation = rows[COOPERATION]
		self.assertEqual(
			tuple(
				cooperation[key]
				for key in ("active", "expiring_soon", "draft", "expired", "total", "in_force", "expiring")
			),
			(1, 1, 1, 1, 4, 2, 2),
		)
		self.assertEqual(
			tuple(rows[PRACTICE][key] for key in ("active", "terminated", "total", "in_force", "expiring")),
			(1, 1, 2, 1, 0),
		)
		self.assertEqual((rows[TARGETED]["pending_director_approval"], rows[TARGETED]["total"]), (1, 1))
		self.assertEqual((rows["Total"]["total"], rows["Total"]["expiring"]), (7, 2))
		self.assertEqual(
			cards(result),
			{
				"Contracts": 7,
				"In Force": 3,
				"Ending Within 30 Days": 2,
				"Pending Director Approval": 1,
				"Expired": 1,
			},
		)
		datasets = {dataset["name"]: dataset["values"] for dataset in result["chart"]["data"]["datasets"]}
		self.assertEqual(sum(sum(values) for values in datasets.values()), 7)

	def test_journal_expiring_contracts_and_filters(self):
		frappe.set_user(HEAD_USER)
		expiring = report(JOURNAL, view="Expiring Contracts")
		self.assertEqual(
			[(row["contract"], row["days_left"]) for row in expiring["result"]],
			[(self.C1, 10), (self.C2, 25)],
		)
		self.assertNotIn("graduate", expiring["result"][0])
		longer = report(JOURNAL, view="Expiring Contracts", expiring_within_days=120)
		self.assertEqual([row["contract"] for row in longer["result"]], [self.C1, self.C2, self.C5])
		self.assertEqual(cards(longer)["Ending Within 120 Days"], 3)
		practice = rows_by(report(JOURNAL, journal=PRACTICE), "journal")
		self.assertEqual(set(practice), {PRACTICE, "Total"})
		registered = rows_by(report(JOURNAL, from_date="2026-01-10", to_date="2026-01-31"), "journal")
		self.assertEqual((set(registered), registered["Total"]["total"]), ({COOPERATION, "Total"}, 1))
		active = rows_by(report(JOURNAL, status="Active"), "journal")
		self.assertEqual(active["Total"]["total"], 2)

	def test_journal_bad_input(self):
		frappe.set_user(DIRECTOR_USER)
		for filters in (
			{"view": "Everything"},
			{"status": "Signed"},
			{"expiring_within_days": 0},
			{"expiring_within_days": "30; DELETE FROM `tabEmployer Contract`"},
			{"from_date": "2026-12-31", "to_date": "2026-01-01"},
		):
			with self.subTest(filters=filters):
				self.assert_refused(JOURNAL, **filters)
		self.assertEqual(report(JOURNAL, journal="No Such Journal' OR '1'='1")["result"], [])
		self.assertEqual(report(JOURNAL, from_date="2010-01-01", to_date="2010-12-31")["result"], [])
		self.assertEqual(frappe.db.count("Employer Contract"), 7)

	def test_journal_roles(self):
		frappe.set_user(SPECIALIST_USER)
		self.assertEqual(cards(report(JOURNAL))["Contracts"], 7)
		# The Practice Supervisor reads practice contracts only: the journal's counts are not theirs.
		for user in (SUPERVISOR_USER, TEACHER_USER):
			frappe.set_user(user)
			with self.subTest(user=user), self.assertRaises(frappe.PermissionError):
				report(JOURNAL)


class ProfessionDemandChecks:
	def demand(self, **filters):
		return report(DEMAND, from_date="2024-01-01", to_date="2024-12-31", **filters)

	def test_demand_positions_against_graduates_by_quarter(self):
		frappe.set_user(DIRECTOR_USER)
		result = self.demand(granularity="Quarter")
		rows = [
			(
				row["profession"],
				row["period"],
				row["requests"],
				row["positions"],
				row["filled"],
				row["graduates"],
				row["seeking"],
				row["gap"],
			)
			for row in result["result"]
		]
		self.assertEqual(
			rows,
			[
				(COOK, "2024-Q1", 1, 3, 1, 0, 0, 3),
				(COOK, "2024-Q2", 1, 2, 0, 2, 1, 1),
				(GARDENER, "2024-Q2", 1, 1, 0, 1, 1, 0),
			],
		)
		self.assertEqual(
			cards(result),
			{
				"Positions Requested": 6,
				"Graduates Seeking Work": 2,
				"Gap": 4,
				"Professions Short of Graduates": 1,
			},
		)
		chart = result["chart"]["data"]
		self.assertEqual(chart["labels"], [COOK, GARDENER])
		self.assertEqual([dataset["values"] for dataset in chart["datasets"]], [[5, 1], [1, 1]])

	def test_demand_by_year_month_and_kind(self):
		frappe.set_user(HEAD_USER)
		by_year = [(row["profession"], row["period"], row["gap"]) for row in self.demand()["result"]]
		self.assertEqual(by_year, [(COOK, "2024", 4), (GARDENER, "2024", 0)])
		by_month = [row["period"] for row in self.demand(granularity="Month")["result"]]
		self.assertEqual(by_month, ["2024-02", "2024-05", "2024-06", "2024-05", "2024-06"])
		practice = self.demand(kind="Practice")
		self.assertEqual(cards(practice)["Positions Requested"], 4)
		self.assertEqual(cards(practice)["Gap"], 2)
		gardeners = self.demand(profession=GARDENER)
		self.assertEqual([row["profession"] for row in gardeners["result"]], [GARDENER])
		# The whole of 2023-2024: R6 of November 2023 joins, and A4, dismissed and not placed again, seeks work.
		both_years = cards(report(DEMAND, from_date="2023-01-01", to_date="2024-12-31"))
		self.assertEqual((both_years["Positions Requested"], both_years["Graduates Seeking Work"]), (8, 3))

	def test_demand_bad_input(self):
		frappe.set_user(DIRECTOR_USER)
		for filters in (
			{"granularity": "Week"},
			{"kind": "Internship"},
			{"from_date": "2024-12-31", "to_date": "2024-01-01"},
			{"to_date": "2024-13-01"},
		):
			with self.subTest(filters=filters):
				self.assert_refused(DEMAND, **filters)
		empty = report(DEMAND, from_date="2010-01-01", to_date="2010-12-31")
		self.assertEqual((empty["result"], empty["chart"], cards(empty)["Gap"]), ([], None, 0))
		self.assertEqual(self.demand(profession="x' UNION SELECT name FROM tabUser --")["result"], [])

	def test_demand_roles(self):
		frappe.set_user(SPECIALIST_USER)
		self.assertEqual(cards(self.demand())["Positions Requested"], 6)
		# The Admissions Committee reads targeted-training requests only, and no graduate figures.
		for user in (ADMISSIONS_USER, TEACHER_USER):
			frappe.set_user(user)
			with self.subTest(user=user), self.assertRaises(frappe.PermissionError):
				self.demand()


class ConsentRegisterChecks:
	def test_register_consents_by_kind_and_status(self):
		frappe.set_user(HEAD_USER)
		result = report(REGISTER)
		rows = rows_by(result, "kind")
		self.assertEqual(list(rows), ["Processing", "Dissemination"])
		processing = rows["Processing"]
		# A1–A4 active; B1–B3 revoked; M1's consent a draft. A1's dissemination consent is active.
		self.assertEqual(
			(processing["active"], processing["revoked"], processing["draft"], processing["total"]),
			(4, 3, 1, 8),
		)
		self.assertEqual((rows["Dissemination"]["active"], rows["Dissemination"]["total"]), (1, 1))
		self.assertEqual(
			cards(result),
			{
				"Active Consents": 5,
				"Awaiting Destruction": 1,
				"Destruction Overdue": 1,
				"Turning 18 Within 90 Days": 1,
			},
		)
		self.assertEqual(result["chart"]["data"]["labels"], ["Processing", "Dissemination"])

	def test_register_revocations_with_their_deadlines(self):
		frappe.set_user(SPECIALIST_USER)
		rows = report(REGISTER, view="Revocations")["result"]
		self.assertEqual(
			[(row["graduate"], row["state"], row["days_left"]) for row in rows],
			[
				(self.B1, "Destruction Overdue", -10),
				(self.B2, "Awaiting Destruction", 25),
				(self.B3, "Destroyed", None),
			],
		)
		self.assertEqual(rows[0]["destruction_due_on"], add_days(self.today, -10))
		self.assertEqual(rows[0]["graduate_name"], "Отчётов Пятый Олегович")
		recent = report(REGISTER, view="Revocations", from_date=str(add_days(self.today, -10)))
		self.assertEqual([row["graduate"] for row in recent["result"]], [self.B2])

	def test_register_minors_coming_of_age(self):
		frappe.set_user(HEAD_USER)
		rows = report(REGISTER, view="Coming of Age")["result"]
		self.assertEqual(
			[(row["graduate"], row["turns_18_on"], row["days_left"]) for row in rows],
			[(self.M1, add_days(self.today, 30), 30)],
		)
		self.assertNotIn("date_of_birth", rows[0])
		later = report(REGISTER, view="Coming of Age", within_days=120)["result"]
		self.assertEqual([row["graduate"] for row in later], [self.M1, self.M2])

	def test_register_bad_input(self):
		frappe.set_user(HEAD_USER)
		for filters in (
			{"view": "Passports"},
			{"within_days": 1000},
			{"from_date": "2026-02-01", "to_date": "2026-01-01"},
		):
			with self.subTest(filters=filters):
				self.assert_refused(REGISTER, **filters)
		self.assertEqual(report(REGISTER, from_date="2010-01-01", to_date="2010-12-31")["result"], [])

	def test_register_only_the_head_and_the_specialist(self):
		for user in (DIRECTOR_USER, TEACHER_USER):
			frappe.set_user(user)
			with self.subTest(user=user), self.assertRaises(frappe.PermissionError):
				report(REGISTER)
		# The Director reads consents in the desk, but the register's names are not theirs.
		frappe.set_user(DIRECTOR_USER)
		with self.assertRaises(ReportAccessError):
			consent_figures.revocations()


class WorkPlanChecks:
	def test_plans_every_plan_by_status(self):
		frappe.set_user(DIRECTOR_USER)
		result = report(PLANS)
		rows = rows_by(result, "plan")
		self.assertEqual(list(rows), [self.past_plan, self.next_plan, None])
		figures = ("planned", "in_progress", "done", "not_done", "total", "overdue", "done_share")
		self.assertEqual(tuple(rows[self.past_plan][key] for key in figures), (1, 1, 1, 1, 4, 2, 25.0))
		self.assertEqual(tuple(rows[self.next_plan][key] for key in figures), (1, 1, 1, 0, 3, 0, 33.3))
		self.assertEqual(rows[None]["period"], "Total")
		self.assertEqual((rows[None]["total"], rows[None]["overdue"], rows[None]["done_share"]), (7, 2, 28.6))
		self.assertEqual(
			cards(result), {"Items": 7, "Done": 2, "In Progress": 2, "Overdue": 2, "Done, %": 28.6}
		)
		self.assertEqual(result["chart"]["data"]["labels"], [self.past_plan, self.next_plan])

	def test_plans_overdue_items_and_filters(self):
		frappe.set_user(HEAD_USER)
		rows = report(PLANS, view="Overdue Items")["result"]
		year = self.past_year
		self.assertEqual(
			[(row["plan"], row["idx"], row["deadline"]) for row in rows],
			[(self.past_plan, 3, date(year, 12, 1)), (self.past_plan, 1, date(year, 12, 31))],
		)
		self.assertEqual(rows[1]["days_overdue"], (self.today - date(year, 12, 31)).days)
		self.assertEqual(rows[0]["activity"], "Семинар")
		self.assertEqual(set(rows_by(report(PLANS, year=year), "plan")), {self.past_plan, None})
		self.assertEqual(set(rows_by(report(PLANS, period="Year"), "plan")), {self.next_plan, None})

	def test_plans_bad_input(self):
		frappe.set_user(DIRECTOR_USER)
		for filters in (
			{"view": "All"},
			{"period": "3rd Half"},
			{"year": "2026 OR 1=1"},
			{"plan_status": "Signed"},
		):
			with self.subTest(filters=filters):
				self.assert_refused(PLANS, **filters)
		self.assertEqual(report(PLANS, year=2010)["result"], [])
		self.assertEqual(report(PLANS, plan_status="Approved")["result"], [])

	def test_plans_roles(self):
		frappe.set_user(SPECIALIST_USER)
		self.assertEqual(cards(report(PLANS))["Items"], 7)
		frappe.set_user(TEACHER_USER)
		with self.assertRaises(frappe.PermissionError):
			report(PLANS)


class SpecialistActivityChecks:
	def test_activity_every_count_per_staff_member_and_year(self):
		frappe.set_user(DIRECTOR_USER)
		result = report(ACTIVITY, from_date="2023-01-01", granularity="Year")
		keys = (
			"checks_done",
			"events_held",
			"participants",
			"interactions",
			"requests_handled",
			"placements",
		)
		rows = {(row["user"], row["period"]): tuple(row[key] for key in keys) for row in result["result"]}
		expected = {
			(HEAD_USER, "2023"): [0, 1, 1, 0, 1, 0],
			(HEAD_USER, "2024"): [0, 1, 17, 0, 1, 1],
			(SPECIALIST_USER, "2023"): [6, 0, 0, 0, 0, 4],
			(SPECIALIST_USER, "2024"): [7, 1, 4, 1, 3, 1],
			(SPECIALIST_USER, "2025"): [1, 0, 0, 1, 0, 0],
		}

		def add(user, day, index):
			expected.setdefault((user, str(day.year)), [0] * len(keys))[index] += 1

		add(SPECIALIST_USER, add_days(self.today, -58), keys.index("interactions"))
		add(HEAD_USER, add_days(self.today, -27), keys.index("interactions"))
		add(HEAD_USER, self.today, keys.index("requests_handled"))  # the candidate proposed today
		self.assertEqual(rows, {key: tuple(values) for key, values in expected.items()})
		self.assertEqual(
			cards(result),
			{
				"Checks Done": 14,
				"Events Held": 3,
				"Event Participants": 22,
				"Employer Interactions": 4,
				"Requests Handled": 6,
				"Placements": 6,
			},
		)
		self.assertEqual(
			result["result"][0]["user_name"], frappe.db.get_value("User", HEAD_USER, "full_name")
		)
		self.assertEqual(len(result["chart"]["data"]["labels"]), 2)

	def test_activity_by_month_and_user(self):
		frappe.set_user(HEAD_USER)
		months = report(
			ACTIVITY, from_date="2024-01-01", to_date="2024-03-31", granularity="Month", user=SPECIALIST_USER
		)
		rows = {row["period"]: row for row in months["result"]}
		self.assertEqual(set(rows), {"2024-01", "2024-02", "2024-03"})
		# February 2024: I1 and R1; January: PA1's and PA2's 6-month checks; March: PA2b placed.
		self.assertEqual((rows["2024-02"]["interactions"], rows["2024-02"]["requests_handled"]), (1, 1))
		self.assertEqual(rows["2024-01"]["checks_done"], 2)
		self.assertEqual(rows["2024-03"]["placements"], 1)
		self.assertEqual({row["user"] for row in months["result"]}, {SPECIALIST_USER})

	def test_activity_bad_input(self):
		frappe.set_user(DIRECTOR_USER)
		for filters in (
			{"granularity": "Day"},
			{"from_date": "2025-01-01", "to_date": "2024-01-01"},
			{"user": ["Administrator", HEAD_USER]},
		):
			with self.subTest(filters=filters):
				self.assert_refused(ACTIVITY, **filters)
		self.assertEqual(report(ACTIVITY, from_date="2010-01-01", to_date="2010-12-31")["result"], [])
		self.assertEqual(report(ACTIVITY, user="x' OR '1'='1")["result"], [])

	def test_activity_roles(self):
		frappe.set_user(SPECIALIST_USER)
		self.assertEqual(cards(report(ACTIVITY, from_date="2023-01-01"))["Checks Done"], 14)
		frappe.set_user(TEACHER_USER)
		with self.assertRaises(frappe.PermissionError):
			report(ACTIVITY)


# A view of each report that shows rows, for the checks every report must pass.
REPORTS = {
	"Graduate Outcomes": {"checkpoint": 6},
	"Employment Retention": {"from_date": "2023-01-01"},
	"Employer Data Bank": {},
	"Contract Journal": {"view": "Expiring Contracts"},
	"Profession Demand": {"from_date": "2023-01-01", "to_date": "2024-12-31"},
	"Consent Register": {"view": "Revocations"},
	"Work Plan Execution": {"view": "Overdue Items"},
	"Specialist Activity": {"from_date": "2023-01-01"},
}


class AllReportsChecks:
	"""What holds for every report: no sensitive value, read-only queries, the prepared-report queue."""

	def test_no_report_shows_a_sensitive_value(self):
		frappe.set_user(HEAD_USER)
		for name, filters in REPORTS.items():
			text = json.dumps(report(name, **filters), default=str)
			with self.subTest(report=name):
				for value in (PASSPORT["passport_number"], SNILS, SNILS.replace(" ", "").replace("-", "")):
					self.assertNotIn(value, text)
				self.assertNotIn("Graduate Personal Data", text)

	def test_the_monitoring_wide_reports_are_prepared_on_the_long_queue(self):
		frappe.set_user(HEAD_USER)
		for name in (OUTCOMES, RETENTION):
			with self.subTest(report=name):
				self.assertEqual(frappe.db.get_value("Report", name, "prepared_report"), 1)
				# The desk gets no rows at once, but the prepared result (none yet) and a button to make one.
				queued = run(name, filters={"checkpoint": 6} if name == OUTCOMES else {})
				self.assertTrue(queued["prepared_report"])
				self.assertNotIn("result", queued)
				with patch("frappe.core.doctype.prepared_report.prepared_report.enqueue") as enqueue:
					make_prepared_report(name, filters={"checkpoint": 6} if name == OUTCOMES else {})
				self.assertEqual(enqueue.call_args.kwargs["queue"], "long")
		# What the job runs, as the user who asked: the same figures as the live run.
		self.assertEqual(
			generate_report_result(self.report_as_the_job_loads_it(OUTCOMES), filters={"checkpoint": 6})[
				"result"
			],
			report(OUTCOMES, checkpoint=6)["result"],
		)
		# Anyone may queue a prepared report in v15; the job runs as them and the figures refuse a teacher.
		frappe.set_user(TEACHER_USER)
		refused = generate_report_result(self.report_as_the_job_loads_it(OUTCOMES), filters={"checkpoint": 6})
		self.assertEqual(refused["result"], [])
		self.assertIn("your access does not cover", refused["message"])

	@staticmethod
	def report_as_the_job_loads_it(name: str):
		# prepared_report.generate_report: the Report document, no custom columns, no permission check.
		doc = frappe.get_doc("Report", name)
		doc.custom_columns = []
		return doc

	def test_a_prepared_report_speaks_the_language_of_who_asked(self):
		# A background job starts in the site's configured language whoever queued it (English here).
		frappe.db.set_value("User", HEAD_USER, "language", "ru")
		self.addCleanup(frappe.clear_document_cache, "User", HEAD_USER)
		frappe.set_user(HEAD_USER)
		frappe.local.lang = "en"
		frappe.local.job = frappe._dict(job_name="prepared report")
		try:
			result = generate_report_result(
				self.report_as_the_job_loads_it(OUTCOMES), filters={"checkpoint": 6}
			)
		finally:
			del frappe.local.job
			frappe.local.lang = "en"
		labels = [card["label"] for card in result["report_summary"]]
		self.assertIn(frappe._("Graduates", lang="ru"), labels)
		self.assertNotIn("Graduates", labels)

	def test_a_refused_filter_leaves_the_report_as_it_was(self):
		# v15 marks a report prepared 15 s after a run whose execute raised (its timer is never cancelled).
		frappe.set_user(HEAD_USER)
		with patch("frappe.core.doctype.report.report.threading.Timer") as timer:
			self.assert_refused(DATA_BANK, group_by="Graduate")
		timer.return_value.start.assert_called_once()
		timer.return_value.cancel.assert_called_once()

	def test_the_other_reports_run_at_once(self):
		for name in REPORTS:
			if name not in (OUTCOMES, RETENTION):
				self.assertEqual(frappe.db.get_value("Report", name, "prepared_report"), 0, name)

	def test_figures_are_read_from_the_replica_when_there_is_one(self):
		frappe.set_user(HEAD_USER)
		with patch.object(frappe.local, "conf", frappe._dict(frappe.local.conf, read_from_replica=1)):
			with patch("frappe.connect_replica", return_value=False) as connect:
				outcome_figures.graduates_by_year(2023, 2024)
				consent_figures.consents_by_kind_and_status()
		self.assertEqual(connect.call_count, 2)


class TestReports(
	GraduateOutcomesChecks,
	EmploymentRetentionChecks,
	EmployerDataBankChecks,
	ContractJournalChecks,
	ProfessionDemandChecks,
	ConsentRegisterChecks,
	WorkPlanChecks,
	SpecialistActivityChecks,
	AllReportsChecks,
	ReportRecords,
):
	"""Every report's checks over one set of records (built once: building them takes several seconds)."""
