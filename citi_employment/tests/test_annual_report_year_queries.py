"""The annual report's leaner year queries give the rows of the analytical reports' queries they stand in
for (``annual_report.year_queries``; benchmarks, issue 14.4), and the outcome query gives a year the rows it
gives every year, on the year the annual report's tests build by hand and on the years around it."""

from datetime import date

from frappe.tests.utils import FrappeTestCase

from citi_employment.annual_report import year_queries
from citi_employment.citi_employment.doctype.annual_report.test_annual_report import AS_ON, YEAR, build_year
from citi_employment.domain import annual_report as rules
from citi_employment.domain import reporting as report_rules
from citi_employment.monitoring.policy import current_policy
from citi_employment.reporting import employer_activity, outcomes, retention
from citi_employment.tests.records import make_center_users


def rows(found) -> list[tuple]:
	return sorted(tuple(sorted((key, str(value)) for key, value in dict(row).items())) for row in found)


class TestAnnualReportYearQueries(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		build_year()

	def test_outcomes_of_a_year_are_that_years_rows_of_every_year(self):
		"""The outcome query ranks the checks after the graduates are restricted: a year's graduates keep the
		same latest check as when every year is counted."""
		for checkpoint in (1, 6, 12):
			every_year = outcomes.outcomes_at_checkpoint(checkpoint)
			for year in (YEAR - 1, YEAR, YEAR + 1):
				with self.subTest(year=year, checkpoint=checkpoint):
					expected = [row for row in every_year if row["year"] == year]
					self.assertEqual(
						rows(outcomes.outcomes_at_checkpoint(checkpoint, year, year)), rows(expected)
					)
		self.assertTrue(outcomes.outcomes_at_checkpoint(1, YEAR, YEAR))

	def test_employers_are_the_employer_activity_reports(self):
		for year in (YEAR - 1, YEAR, YEAR + 1):
			with self.subTest(year=year):
				start, end = date(year, 1, 1), date(year, 12, 31)
				expected = employer_activity.employers_new_and_active(start, end)
				self.assertEqual(rows(year_queries.employers_new_and_active(start, end)), rows(expected))
		self.assertTrue(year_queries.employers_new_and_active(date(YEAR, 1, 1), date(YEAR, 12, 31)))

	def test_retention_is_the_retention_reports_per_checkpoint(self):
		grace = current_policy().overdue_grace_days
		for year in (YEAR - 1, YEAR, YEAR + 1):
			for as_on in (AS_ON, date(year, 8, 15)):
				with self.subTest(year=year, as_on=as_on):
					expected = {}
					for months in rules.RETENTION_CHECKPOINTS:
						first, last = rules.checkpoint_cohort(year, months)
						cohorts = retention.retention_cohorts(
							[months], as_on, grace, employed_from=first, employed_to=last
						)
						expected[months] = (first, last, report_rules.retention_totals(cohorts, [months]))
					found = year_queries.retention_of_year(year, rules.RETENTION_CHECKPOINTS, as_on, grace)
					self.assertEqual(
						{
							months: (first, last, rows([totals]))
							for months, (first, last, totals) in found.items()
						},
						{
							months: (first, last, rows([totals]))
							for months, (first, last, totals) in expected.items()
						},
					)
		reached = year_queries.retention_of_year(YEAR, rules.RETENTION_CHECKPOINTS, AS_ON, grace)
		self.assertTrue(any(totals["placed"] for _first, _last, totals in reached.values()))
