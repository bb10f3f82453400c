"""The execution of the Center's work plans (§3.6 «годовой отчёт о выполнении плана работы», §5.1;
Appendix №8): their items by status, and the open ones past their deadline."""

from datetime import date

import frappe
from frappe.query_builder import Case, DocType
from frappe.query_builder.functions import Count, Sum

from citi_employment.domain import work_plan as plan_rules
from citi_employment.reporting.access import check_reads_all

PLAN_DOCTYPE = "Work Plan"
ITEM_DOCTYPE = "Work Plan Item"


def plans_with_items(year: int | None, period: str | None, plan_status: str | None):
	"""The plans of the filters joined to their items, the read checked; selects ``plan``, ``year``, ``period``."""
	check_reads_all(PLAN_DOCTYPE)
	plan = DocType(PLAN_DOCTYPE)
	item = DocType(ITEM_DOCTYPE)
	query = (
		frappe.qb.from_(plan)
		.left_join(item)
		.on((item.parent == plan.name) & (item.parenttype == PLAN_DOCTYPE) & (item.parentfield == "items"))
		.select(plan.name.as_("plan"), plan.year, plan.period)
	)
	if year is not None:
		query = query.where(plan.year == year)
	if period:
		query = query.where(plan.period == period)
	if plan_status:
		query = query.where(plan.status == plan_status)
	return query, plan, item


@frappe.read_only()
def plan_items_by_status(
	today: date, year: int | None = None, period: str | None = None, plan_status: str | None = None
) -> list[dict]:
	"""Rows of ``plan``, ``year``, ``period``, ``plan_status``, ``status`` (of the items; None for a plan
	without items), ``items``, ``past_due`` (items due before ``today``) and ``undated`` (items whose due
	names no day, late only once the plan's period is over: ``domain.reporting.plan_table``)."""
	query, plan, item = plans_with_items(year, period, plan_status)
	return (
		query.select(
			plan.status.as_("plan_status"),
			item.status,
			Count(item.name).as_("items"),
			Sum(Case().when(item.due_date < today, 1).else_(0)).as_("past_due"),
			Sum(Case().when(item.name.isnotnull() & item.due_date.isnull(), 1).else_(0)).as_("undated"),
		)
		.groupby(plan.name, plan.year, plan.period, plan.status, item.status)
		.orderby(plan.year)
		.orderby(plan.name)
	).run(as_dict=True)


@frappe.read_only()
def open_items_past_due(
	today: date, year: int | None = None, period: str | None = None, plan_status: str | None = None
) -> list[dict]:
	"""Open items (Planned, In Progress) that may be overdue on ``today``: ``plan``, ``year``, ``period``,
	``idx``, ``activity``, ``due``, ``due_date``, ``responsible``, ``status``. Undated items come along;
	``domain.reporting.overdue_item_rows`` keeps those whose plan's period is over."""
	query, plan, item = plans_with_items(year, period, plan_status)
	return (
		query.select(
			item.idx,
			item.activity,
			item.due,
			item.due_date,
			item.responsible,
			item.status,
		)
		.where(item.status.isin(sorted(plan_rules.OPEN_ITEM_STATUSES)))
		.where((item.due_date < today) | item.due_date.isnull())
		.orderby(plan.name)
		.orderby(item.idx)
	).run(as_dict=True)
