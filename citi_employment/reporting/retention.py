"""Employment retention (§6.2 «длительность периода трудоустройства»): placements by month of employment,
and how many of them are known to be still working at each monitoring checkpoint."""

from collections.abc import Sequence
from datetime import date

import frappe
from frappe.query_builder import Case, DocType
from frappe.query_builder.functions import Count, DateFormat, Sum
from pypika.terms import Interval

from citi_employment.domain import monitoring
from citi_employment.domain import reporting as rules
from citi_employment.domain.reporting import checkpoint_key
from citi_employment.monitoring import RECORD_DOCTYPE
from citi_employment.reporting.access import check_reads_all
from citi_employment.reporting.periods import within

PLACEMENT_DOCTYPE = "Graduate Placement"


@frappe.read_only()
def retention_cohorts(
	checkpoints: Sequence[int],
	as_on: date,
	overdue_grace_days: int,
	employed_from: date | None = None,
	employed_to: date | None = None,
	profession: str | None = None,
) -> list[dict]:
	"""One row per month of employment (``cohort``, "2026-03"), counted on ``as_on``:

	- ``placed``: placements employed that month;
	- per checkpoint ``c`` of ``checkpoints``: ``reached_c`` (placements whose date ``c`` months after
	  employment has come), ``checked_c`` (of those, with the check at ``c`` done by ``as_on``) and
	  ``working_c`` (of those, with a still-working outcome, ``domain.reporting.STILL_WORKING_OUTCOMES``);
	- ``overdue``: checks of these placements (any checkpoint, ad hoc ones too) not done and past their due
	  date by more than the grace period on ``as_on`` (the daily job's Overdue, for any date).

	One query: the placements joined with their checks, grouped by month.
	"""
	check_reads_all(PLACEMENT_DOCTYPE, RECORD_DOCTYPE)
	placement = DocType(PLACEMENT_DOCTYPE)
	record = DocType(RECORD_DOCTYPE)
	cohort = DateFormat(placement.employment_date, "%Y-%m")
	done_by_date = (record.status == monitoring.DONE) & (record.checked_on <= as_on)
	columns = [
		cohort.as_("cohort"),
		Count(placement.name).distinct().as_("placed"),
		Sum(
			Case()
			.when(
				(record.status != monitoring.NOT_APPLICABLE)
				& (record.due_date < monitoring.overdue_cutoff(as_on, overdue_grace_days))
				& ~done_by_date,
				1,
			)
			.else_(0)
		).as_("overdue"),
	]
	for months in checkpoints:
		reached = placement.employment_date + Interval(months=months) <= as_on
		checked = reached & (record.checkpoint == months) & done_by_date
		working = checked & record.outcome.isin(rules.STILL_WORKING_OUTCOMES)
		columns += [
			Count(Case().when(reached, placement.name)).distinct().as_(checkpoint_key("reached", months)),
			Sum(Case().when(checked, 1).else_(0)).as_(checkpoint_key("checked", months)),
			Sum(Case().when(working, 1).else_(0)).as_(checkpoint_key("working", months)),
		]
	query = (
		frappe.qb.from_(placement)
		.left_join(record)
		.on(record.placement == placement.name)
		.select(*columns)
		.where(placement.employment_date.isnotnull())
		.where(placement.employment_date <= as_on)
		.groupby(cohort)
	)
	query = within(query, placement.employment_date, employed_from, employed_to)
	if profession:
		query = query.where(placement.profession == profession)
	return query.run(as_dict=True)
