"""Two blocks of one year's report, counted so that the query reads only that year's records.

The analytical reports' own queries (``citi_employment.reporting``) serve any period and filter, and two
of them scan the whole region for one year's figures: the latest check of every graduate ever checked at
the checkpoint, and an ``IN`` subquery per kind of work with an employer tested for every employer. Here
the same rows come from the year's graduates only, and from one join to the employers worked with (the
same subqueries, made once as a union). The figures are the same (the benchmark asserts them; see
``citi_employment/tests/test_annual_report_year_queries.py``).
"""

import functools
import operator
from datetime import date, datetime, time, timedelta

import frappe
from frappe.query_builder import Case, DocType, Order
from frappe.query_builder.functions import Count, Sum
from pypika import analytics
from pypika.enums import DatePart
from pypika.functions import Extract

from citi_employment.monitoring import RECORD_DOCTYPE
from citi_employment.reporting import employer_activity, outcomes
from citi_employment.reporting.access import check_reads_all

DONE = "Done"


@frappe.read_only()
def outcomes_at_checkpoint(checkpoint: int, year: int) -> list[dict]:
	"""``reporting.outcomes.outcomes_at_checkpoint(checkpoint, year, year)``: rows of ``year``,
	``profession``, ``outcome``, ``graduates``, each graduate of the year counted once by the latest done
	check at ``checkpoint`` months. The window runs over the year's graduates' checks only: a graduate's
	checks are all in its own partition, so the latest one is the same."""
	check_reads_all(outcomes.GRADUATE_DOCTYPE, RECORD_DOCTYPE)
	record = DocType(RECORD_DOCTYPE)
	graduate = DocType(outcomes.GRADUATE_DOCTYPE)
	order = (
		analytics.RowNumber()
		.over(record.graduate)
		.orderby(record.checked_on, order=Order.desc)
		.orderby(record.name, order=Order.desc)
	)
	checks = (
		frappe.qb.from_(graduate)
		.join(record)
		.on(record.graduate == graduate.name)
		.select(
			Extract(DatePart.year, graduate.study_end).as_("year"),
			graduate.profession,
			record.outcome,
			order.as_("check_order"),
		)
		.where(record.checkpoint == checkpoint)
		.where(record.status == DONE)
	)
	checks = outcomes.restrict_graduates(checks, graduate, year, year, None)
	latest = checks.as_("latest")
	return (
		frappe.qb.from_(latest)
		.select(latest.year, latest.profession, latest.outcome, Count("*").as_("graduates"))
		.where(latest.check_order == 1)
		.groupby(latest.year, latest.profession, latest.outcome)
	).run(as_dict=True)


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
	return (
		frappe.qb.from_(employer)
		.left_join(active)
		.on(active.employer == employer.name)
		.select(
			employer.region,
			Sum(Case().when(in_bank, 1).else_(0)).as_("employers"),
			Sum(Case().when(in_bank & (employer.creation >= first_moment), 1).else_(0)).as_("new_employers"),
			Sum(Case().when(is_active, 1).else_(0)).as_("active_employers"),
		)
		.where(in_bank | is_active)
		.groupby(employer.region)
	).run(as_dict=True)
