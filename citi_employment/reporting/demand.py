"""Demand for professions (§2.2: «сбор, обобщение и анализ информации об актуальных рабочих профессиях …
для организации актуальных курсов»): positions the employers ask for, and graduates seeking work, by
profession and period."""

from collections.abc import Sequence
from datetime import date

import frappe
from frappe.query_builder import Case, DocType
from frappe.query_builder.functions import Coalesce, Count, Sum
from pypika.functions import Date

from citi_employment.domain import graduate as graduate_rules
from citi_employment.domain import reporting as rules
from citi_employment.reporting.access import check_reads_all
from citi_employment.reporting.periods import select_period

REQUEST_DOCTYPE = "Vacancy Request"
GRADUATE_DOCTYPE = "Graduate"


@frappe.read_only()
def positions_requested(
	start: date,
	end: date,
	granularity: str,
	kinds: Sequence[str] = rules.DEMAND_KINDS,
	profession: str | None = None,
) -> list[dict]:
	"""Rows of ``profession``, ``year``, ``part`` (quarter or month; absent for years), ``requests``,
	``positions`` (asked) and ``filled``: the requests of ``kinds`` compiled in the period (their creation
	date when no compilation date is set), leaving out drafts and cancelled ones."""
	check_reads_all(REQUEST_DOCTYPE)
	request = DocType(REQUEST_DOCTYPE)
	compiled = Coalesce(request.compiled_on, Date(request.creation))
	query = (
		frappe.qb.from_(request)
		.select(
			request.profession,
			Count("*").as_("requests"),
			Sum(request.positions_count).as_("positions"),
			Sum(request.filled_count).as_("filled"),
		)
		.where(compiled >= start)
		.where(compiled <= end)
		.where(request.kind.isin(list(kinds)))
		.where(request.status.notin(rules.NOT_DEMAND_STATUSES))
		.groupby(request.profession)
	)
	if profession:
		query = query.where(request.profession == profession)
	return select_period(query, compiled, granularity).run(as_dict=True)


@frappe.read_only()
def graduates_seeking_work(
	start: date, end: date, granularity: str, profession: str | None = None
) -> list[dict]:
	"""Rows of ``profession``, ``year``, ``part``, ``graduates`` (finishing their studies in the period) and
	``seeking`` (of those, whose employment status is Seeking Employment now)."""
	check_reads_all(GRADUATE_DOCTYPE)
	graduate = DocType(GRADUATE_DOCTYPE)
	seeking = Case().when(graduate.employment_status == graduate_rules.SEEKING_EMPLOYMENT, 1).else_(0)
	query = (
		frappe.qb.from_(graduate)
		.select(graduate.profession, Count("*").as_("graduates"), Sum(seeking).as_("seeking"))
		.where(graduate.study_end >= start)
		.where(graduate.study_end <= end)
		.groupby(graduate.profession)
	)
	if profession:
		query = query.where(graduate.profession == profession)
	return select_period(query, graduate.study_end, granularity).run(as_dict=True)
