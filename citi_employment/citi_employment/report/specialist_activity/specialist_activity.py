# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Specialist Activity: per member of the Center's staff and period, the work done — monitoring checks,
events held and their participants, employer interactions, vacancy requests handled, placements (§3.6
«отчёты сотрудников Центра о проделанной работе»).

Who did what is defined in ``citi_employment.reporting.activity``; the blocks are merged per user and period
by ``citi_employment.domain.reporting.activity_table``.
"""

import frappe
from frappe import _
from frappe.utils import get_year_start, getdate

from citi_employment.domain import reporting as rules
from citi_employment.reporting import activity
from citi_employment.reporting import filters as report_filters
from citi_employment.reporting.desk import card, chart, column, desk_report

COUNT_LABELS = {
	"checks_done": "Checks Done",
	"events_held": "Events Held",
	"participants": "Event Participants",
	"interactions": "Employer Interactions",
	"requests_handled": "Requests Handled",
	"placements": "Placements",
}


@desk_report
def execute(filters=None):
	filters = frappe._dict(filters or {})
	start, end, granularity, user = read_filters(filters)
	blocks = (
		activity.checks_done(start, end, granularity, user),
		activity.events_held(start, end, granularity, user),
		activity.employer_interactions(start, end, granularity, user),
		activity.requests_handled(start, end, granularity, user),
		activity.placements_recorded(start, end, granularity, user),
	)
	rows = rules.activity_table(blocks, granularity)
	names = activity.user_names(sorted({row["user"] for row in rows if row["user"]}))
	data = [{**row, "user_name": names.get(row["user"]) or _("(not specified)")} for row in rows]
	total = rules.activity_totals(rows)
	return get_columns(), data, None, get_chart(rows, names), get_summary(total)


def read_filters(filters):
	today = getdate()
	start, end = report_filters.date_period(filters, getdate(get_year_start(today)), today)
	granularity = report_filters.granularity_filter(filters, rules.MONTH)
	user = report_filters.text_filter(filters, "user", _("Staff Member"))
	return start, end, granularity, user


def get_columns() -> list[dict]:
	return [
		column("user", _("Staff Member"), "Link", 200, options="User"),
		column("user_name", _("Full Name"), "Data", 200),
		column("period", _("Time Period"), "Data", 100),
		column("checks_done", _("Checks Done"), width=120),
		column("events_held", _("Events Held"), width=120),
		column("participants", _("Event Participants"), width=150),
		column("interactions", _("Employer Interactions"), width=170),
		column("requests_handled", _("Requests Handled"), width=150),
		column("placements", _("Placements"), width=110),
	]


def get_chart(rows: list[dict], names: dict) -> dict | None:
	totals: dict = {}
	for row in rows:
		user_total = totals.setdefault(row["user"], {key: 0 for key in rules.ACTIVITY_COUNTS})
		for key in rules.ACTIVITY_COUNTS:
			user_total[key] += row[key]
	users = list(totals)
	shown = ("checks_done", "events_held", "interactions", "requests_handled", "placements")
	return chart(
		[names.get(user) or _("(not specified)") for user in users],
		[(_(COUNT_LABELS[key]), [totals[user][key] for user in users]) for key in shown],
		stacked=True,
	)


def get_summary(total: dict) -> list[dict]:
	return [
		card(total["checks_done"], _("Checks Done"), indicator="Blue"),
		card(total["events_held"], _("Events Held"), indicator="Green"),
		card(total["participants"], _("Event Participants")),
		card(total["interactions"], _("Employer Interactions")),
		card(total["requests_handled"], _("Requests Handled")),
		card(total["placements"], _("Placements"), indicator="Green"),
	]
