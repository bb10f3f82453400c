# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Work Plan Execution: the items of the Center's work plans by status, and what is overdue (§3.6 «годовой
отчёт о выполнении плана работы», §5.1; Appendix №8).

Two views of the same filters: each plan's counts, or the list of overdue items. An item is overdue when it
is still open past its own due date, or, when its due names no day («в течение года»), past the end of its
plan's period (``domain.work_plan.is_overdue``). Figures: ``citi_employment.reporting.work_plan``.
"""

import frappe
from frappe import _
from frappe.utils import getdate

from citi_employment.domain import reporting as rules
from citi_employment.domain import work_plan as plan_rules
from citi_employment.domain.reporting import status_key
from citi_employment.reporting import filters as report_filters
from citi_employment.reporting import work_plan
from citi_employment.reporting.desk import (
	card,
	chart,
	column,
	desk_report,
	status_colors,
	status_columns,
	total_label,
)

PLAN_STATUSES = tuple(status.value for status in plan_rules.PlanStatus)


@desk_report
def execute(filters=None):
	filters = frappe._dict(filters or {})
	today = getdate()
	view = report_filters.choice_filter(filters, "view", _("Show"), rules.PLAN_VIEWS, default=rules.BY_PLAN)
	year = report_filters.year_filter(filters, "year", _("Year"))
	period = report_filters.choice_filter(
		filters, "period", _("Period", context="Work Plan"), rules.PLAN_PERIODS
	)
	plan_status = report_filters.choice_filter(filters, "plan_status", _("Plan Status"), PLAN_STATUSES)
	plans = rules.plan_table(work_plan.plan_items_by_status(today, year, period, plan_status), today)
	total = rules.plan_totals(plans)
	summary = get_summary(total)
	if view == rules.OVERDUE_ITEMS:
		rows = rules.overdue_item_rows(work_plan.open_items_past_due(today, year, period, plan_status), today)
		data = [{**row, "period": _(row["period"]), "status": _(row["status"])} for row in rows]
		return overdue_columns(), data, None, None, summary
	data = [{**row, "period": _(row["period"]), "plan_status": _(row["plan_status"])} for row in plans]
	if data:
		data.append(
			{
				**total,
				"plan": None,
				"year": None,
				"period": total_label(),
				"plan_status": None,
			}
		)
	return plan_columns(), data, None, get_chart(plans), summary


def plan_columns() -> list[dict]:
	return [
		column("plan", _("Work Plan"), "Link", 140, options="Work Plan"),
		column("year", _("Year"), "Int", 80),
		column("period", _("Period", context="Work Plan"), "Data", 110),
		column("plan_status", _("Plan Status"), "Data", 120),
		*status_columns(rules.ITEM_STATUSES),
		column("total", _("Items"), width=90),
		column("overdue", _("Overdue"), width=100),
		column("done_share", _("Done, %"), "Percent", 100),
	]


def overdue_columns() -> list[dict]:
	return [
		column("plan", _("Work Plan"), "Link", 140, options="Work Plan"),
		column("idx", _("No."), "Int", 60),
		column("activity", _("Activity Content"), "Data", 320),
		column("due", _("Due", context="Work Plan Item"), "Data", 140),
		column("responsible", _("Responsible"), "Data", 200),
		column("status", _("Status"), "Data", 110),
		column("deadline", _("Deadline"), "Date", 110),
		column("days_overdue", _("Days Overdue"), width=110),
	]


def get_chart(plans: list[dict]) -> dict | None:
	shown = [status for status in rules.ITEM_STATUSES if any(row[status_key(status)] for row in plans)]
	datasets = [(_(status), [row[status_key(status)] for row in plans]) for status in shown]
	return chart([row["plan"] for row in plans], datasets, stacked=True, colors=status_colors(shown))


def get_summary(total: dict) -> list[dict]:
	return [
		card(total["total"], _("Items"), indicator="Blue"),
		card(total[status_key(plan_rules.ItemStatus.DONE.value)], _("Done"), indicator="Green"),
		card(total[status_key(plan_rules.ItemStatus.IN_PROGRESS.value)], _("In Progress")),
		card(total["overdue"], _("Overdue"), indicator="Red" if total["overdue"] else "Green"),
		card(total["done_share"] or 0, _("Done, %"), "Percent", "Green"),
	]
