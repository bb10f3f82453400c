# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Employer Data Bank: the Center's «Банк данных» of potential and actual employers (§2.2), one by one or
summed by region or by activity, with their registered contracts, requests, placements and the date of the
last contact (``Employer.last_contact_on``, kept by ``citi_employment.employers.last_contact``).

Figures: ``citi_employment.reporting.employers``; shaping: ``citi_employment.domain.reporting``.
"""

import frappe
from frappe import _

from citi_employment.domain import reporting as rules
from citi_employment.reporting import employers
from citi_employment.reporting import filters as report_filters
from citi_employment.reporting.desk import card, chart, column, desk_report, status_colors


@desk_report
def execute(filters=None):
	filters = frappe._dict(filters or {})
	group_by = report_filters.choice_filter(
		filters, "group_by", _("Grouping"), rules.EMPLOYER_GROUPINGS, default=rules.BY_EMPLOYER
	)
	status = report_filters.choice_filter(filters, "status", _("Status"), rules.EMPLOYER_STATUSES)
	region = report_filters.choice_filter(filters, "region", _("Region", context="Employer"), rules.REGIONS)
	activity = report_filters.text_filter(filters, "activity", _("Type of Activity"))
	rows = rules.employer_bank_rows(employers.employer_bank(group_by, status, region, activity))
	total = rules.employer_bank_totals(rows)
	data = [to_row(row, group_by) for row in rows]
	# Activities are free text, too many to draw; the chart is by region.
	chart_data = None if group_by == rules.BY_ACTIVITY else get_chart(rows)
	return get_columns(group_by), data, None, chart_data, get_summary(total)


def get_columns(group_by: str) -> list[dict]:
	if group_by == rules.BY_EMPLOYER:
		columns = [
			column("employer", _("Employer"), "Link", 120, options="Employer"),
			column("employer_name", _("Abbreviated Name"), "Data", 220),
			column("status", _("Status"), "Data", 130),
			column("region", _("Region", context="Employer"), "Data", 150),
			column("activity", _("Type of Activity"), "Data", 200),
		]
	else:
		key = "region" if group_by == rules.BY_REGION else "activity"
		label = _("Region", context="Employer") if group_by == rules.BY_REGION else _("Type of Activity")
		columns = [
			column(key, label, "Data", 220),
			column("employers", _("Employers"), width=100),
			column("potential", _("Potential"), width=100),
			column("active_partners", _("Active Partners"), width=130),
			column("inactive", _("Inactive"), width=100),
		]
	return [
		*columns,
		column("contracts", _("Contracts"), width=100),
		column("contracts_in_force", _("Contracts in Force"), width=130),
		column("requests", _("Requests"), width=100),
		column("positions", _("Positions Requested"), width=140),
		column("placements", _("Placements"), width=110),
		column("last_contact_on", _("Last Contact"), "Date", 120),
	]


def to_row(row: dict, group_by: str) -> dict:
	shaped = dict(row)
	if shaped.get("status"):
		shaped["status"] = _(shaped["status"])
	if "region" in shaped:
		shaped["region"] = _(shaped["region"]) if shaped["region"] else _("(not specified)")
	if group_by == rules.BY_ACTIVITY and not shaped.get("activity"):
		shaped["activity"] = _("(not specified)")
	return shaped


def get_chart(rows: list[dict]) -> dict | None:
	series = rules.employer_region_chart(rows)
	if not series or not series["datasets"]:
		return None
	labels = [_(region) if region else _("(not specified)") for region in series["labels"]]
	return chart(
		labels,
		[(_(status), values) for status, values in series["datasets"]],
		stacked=True,
		colors=status_colors([status for status, _values in series["datasets"]]),
	)


def get_summary(total: dict) -> list[dict]:
	return [
		card(total["employers"], _("Employers"), indicator="Blue"),
		card(total["active_partners"], _("Active Partners"), indicator="Green"),
		card(total["potential"], _("Potential Employers"), indicator="Orange"),
		card(total["inactive"], _("Inactive Employers"), indicator="Grey"),
		card(total["contracts_in_force"], _("Contracts in Force")),
		card(total["placements"], _("Placements")),
	]
