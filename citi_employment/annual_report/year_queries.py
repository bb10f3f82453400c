"""Two blocks of one year's report, counted so that the queries read only that year's records.

The analytical reports' own queries (``citi_employment.reporting``) serve any period and filter; for one
year's figures the employer activity tests an ``IN`` subquery per kind of work for every employer, and the
retention is asked once per checkpoint over overlapping cohorts. Here the same rows come from one join to
the employers worked with (the same subqueries, made once as a union) and from one statement for all the
checkpoints. The figures are the same (the benchmark asserts them; see
``citi_employment/tests/test_annual_report_year_queries.py``).
"""

import functools
import operator
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

import frappe
from frappe.query_builder import Case, DocType
from frappe.query_builder.functions import Sum
from pypika.terms import Interval

from citi_employment.domain import annual_report as annual_rules
from citi_employment.domain import monitoring
from citi_employment.domain import reporting as report_rules
from citi_employment.monitoring import RECORD_DOCTYPE
from citi_employment.reporting import employer_activity
from citi_employment.reporting.access import check_reads_all

PLACEMENT_DOCTYPE = "Graduate Placement"


@frappe.read_only()
def employers_new_and_active(start: date, end: date) -> list[dict]:
	"""``reporting.employer_activity.employers_new_and_active(start, end)``: rows of ``region``,
	``employers`` (in the data bank by the end of the period), ``new_employers`` (entered in it) and
	``active_employers`` (worked with in it), the employers worked with joined once from the union of
	``employer_activity.active_employer_queries``."""
	check_reads_all(
		employer_activity.EMPLOYER_DOCTYPE,
		employer_activity.INTERACTION_DOCTYPE,
		employer_activity.REQUEST_DOCTYPE,
		employer_activity.CONTRACT_DOCTYPE,
		employer_activity.PLACEMENT_DOCTYPE,
		employer_activity.EVENT_DOCTYPE,
	)
	employer = DocType(employer_activity.EMPLOYER_DOCTYPE)
	# UNION (not UNION ALL): each employer worked with once.
	worked_with = functools.reduce(operator.add, employer_activity.active_employer_queries(start, end))
	active = worked_with.as_("active")
	# ``creation`` is a moment: the period's last day counts to its end.
	first_moment = datetime.combine(start, time.min)
	after_end = datetime.combine(end + timedelta(days=1), time.min)
	in_bank = employer.creation < after_end
	is_active = active.employer.isnotnull()
	conditions = {
		"employers": in_bank,
		"new_employers": in_bank & (employer.creation >= first_moment),
		"active_employers": is_active,
	}
	counts = [counted(condition).as_(name) for name, condition in conditions.items()]
	query = frappe.qb.from_(employer).left_join(active).on(active.employer == employer.name)
	query = query.select(employer.region, *counts).where(in_bank | is_active).groupby(employer.region)
	return query.run(as_dict=True)


@frappe.read_only()
def retention_of_year(
	year: int, checkpoints: Sequence[int], as_on: date, overdue_grace_days: int
) -> dict[int, tuple[date, date, dict]]:
	"""For each checkpoint, the placements whose check at it falls in ``year``
	(``domain.annual_report.checkpoint_cohort``) as ``reporting.retention.retention_cohorts`` counts them on
	``as_on``, summed over the cohort's months (``domain.reporting.retention_totals``): {months: (first
	day, last day, totals)}. One statement for all checkpoints: the cohorts overlap (employed in the second
	half of the year before for both 6 and 12 months), so their placements and checks are read once."""
	check_reads_all(PLACEMENT_DOCTYPE, RECORD_DOCTYPE)
	placement = DocType(PLACEMENT_DOCTYPE)
	record = DocType(RECORD_DOCTYPE)
	cohorts = {months: annual_rules.checkpoint_cohort(year, months) for months in checkpoints}
	done_by_date = (record.status == monitoring.DONE) & (record.checked_on <= as_on)
	overdue = (
		(record.status != monitoring.NOT_APPLICABLE)
		& (record.due_date < monitoring.overdue_cutoff(as_on, overdue_grace_days))
		& ~done_by_date
	)
	# Per placement first (its cohorts, and how many of its checks are overdue, done or still working at each
	# checkpoint), then summed: no COUNT(DISTINCT) over the placements joined with all their checks.
	per_placement = [counted(overdue).as_("overdue")]
	for months, (first, last) in cohorts.items():
		employed = placement.employment_date[first:last]
		checked = (record.checkpoint == months) & done_by_date
		per_placement += [
			flag(employed).as_(f"employed_{months}"),
			flag(employed & (placement.employment_date + Interval(months=months) <= as_on)).as_(
				f"reached_{months}"
			),
			counted(checked).as_(f"checked_{months}"),
			counted(checked & record.outcome.isin(report_rules.STILL_WORKING_OUTCOMES)).as_(
				f"working_{months}"
			),
		]
	first_day = min(first for first, _last in cohorts.values())
	last_day = max(last for _first, last in cohorts.values())
	query = frappe.qb.from_(placement).left_join(record).on(record.placement == placement.name)
	query = query.select(*per_placement).where(placement.employment_date[first_day:last_day])
	# Grouped by the primary key alone (its employment date follows from it): MariaDB then reads the
	# placements in key order without a temporary table, twice as fast as grouping by the date too.
	query = query.where(placement.employment_date <= as_on).groupby(placement.name)
	each = query.as_("each_placement")
	totals = []
	for months in cohorts:
		employed, reached = each[f"employed_{months}"], each[f"reached_{months}"]
		totals += [
			Sum(employed).as_(f"placed_{months}"),
			Sum(employed * each.overdue).as_(f"overdue_{months}"),
			Sum(reached).as_(f"reached_{months}"),
			Sum(reached * each[f"checked_{months}"]).as_(f"checked_{months}"),
			Sum(reached * each[f"working_{months}"]).as_(f"working_{months}"),
		]
	(sums,) = frappe.qb.from_(each).select(*totals).run(as_dict=True)
	result = {}
	for months, (first, last) in cohorts.items():
		row = {
			"placed": sums[f"placed_{months}"],
			"overdue": sums[f"overdue_{months}"],
			**{
				report_rules.checkpoint_key(prefix, months): sums[f"{prefix}_{months}"]
				for prefix in ("reached", "checked", "working")
			},
		}
		result[months] = (first, last, report_rules.retention_totals([row], [months]))
	return result


def flag(condition):
	return Case().when(condition, 1).else_(0)


def counted(condition):
	return Sum(flag(condition))
