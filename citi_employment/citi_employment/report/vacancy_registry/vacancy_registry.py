# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Vacancy Registry: open positions by profession for the admissions committee's targeted enrollment (§2.4, §3.3).

Only request-level figures: no graduate data and never the internal age or gender requirements.
"""

import frappe
from frappe import _
from frappe.query_builder import Case, Order
from frappe.query_builder.functions import Count, Min, Sum

from citi_employment.citi_employment.doctype.vacancy_request.vacancy_request import is_restricted_user
from citi_employment.domain import vacancies as rules
from citi_employment.domain.reporting import REGIONS
from citi_employment.reporting import filters as report_filters
from citi_employment.reporting.desk import desk_report


@desk_report
def execute(filters=None):
	filters = read_filters(filters or {})
	rows = get_rows(filters)
	data = [to_row(row) for row in rows]
	totals = get_totals(filters)
	return get_columns(), data, None, get_chart(data), get_summary(totals)


def read_filters(filters) -> frappe._dict:
	"""Each filter checked before it reaches the query: a list, a dict or an unknown kind is refused with a
	message naming the filter, never written into the SQL."""
	start = report_filters.date_filter(filters, "from_date", _("Expected Start From"))
	end = report_filters.date_filter(filters, "to_date", _("Expected Start To"))
	report_filters.check_period(start, end, _("Expected Start From"), _("Expected Start To"))
	return frappe._dict(
		kind=report_filters.choice_filter(filters, "kind", _("Kind"), rules.KINDS),
		region=report_filters.choice_filter(filters, "region", _("Region", context="Employer"), REGIONS),
		from_date=start,
		to_date=end,
	)


def get_columns() -> list[dict]:
	return [
		{
			"fieldname": "profession",
			"label": _("Profession"),
			"fieldtype": "Link",
			"options": "Profession",
			"width": 240,
		},
		{"fieldname": "requests", "label": _("Requests"), "fieldtype": "Int", "width": 100},
		{"fieldname": "open_positions", "label": _("Open Positions"), "fieldtype": "Int", "width": 130},
		{"fieldname": "employers", "label": _("Employers"), "fieldtype": "Int", "width": 110},
		{"fieldname": "kinds", "label": _("Kinds"), "fieldtype": "Data", "width": 260},
		{
			"fieldname": "earliest_start",
			"label": _("Earliest Expected Start"),
			"fieldtype": "Date",
			"width": 170,
		},
	]


def base_query(filters):
	request = frappe.qb.DocType("Vacancy Request")
	employer = frappe.qb.DocType("Employer")
	query = (
		frappe.qb.from_(request)
		.left_join(employer)
		.on(employer.name == request.employer)
		.where(request.status.isin(rules.OPEN_STATUSES))
	)
	# The Admissions Committee reads Targeted Training requests only (§3.3), here as in the list.
	if is_restricted_user():
		query = query.where(request.kind == rules.TARGETED_TRAINING)
	if filters.kind:
		query = query.where(request.kind == filters.kind)
	if filters.from_date:
		query = query.where(request.expected_start_date >= filters.from_date)
	if filters.to_date:
		query = query.where(request.expected_start_date <= filters.to_date)
	if filters.region:
		query = query.where(employer.region == filters.region)
	return query, request


def open_positions_term(request):
	return (
		Case()
		.when(request.positions_count > request.filled_count, request.positions_count - request.filled_count)
		.else_(0)
	)


def get_rows(filters) -> list[dict]:
	query, request = base_query(filters)
	open_positions = Sum(open_positions_term(request)).as_("open_positions")
	kind_counts = [
		Sum(Case().when(request.kind == kind, 1).else_(0)).as_(kind_alias(kind)) for kind in rules.KINDS
	]
	query = (
		query.select(
			request.profession,
			Count(request.name).as_("requests"),
			open_positions,
			Count(request.employer).distinct().as_("employers"),
			Min(request.expected_start_date).as_("earliest_start"),
			*kind_counts,
		)
		.groupby(request.profession)
		.orderby(Sum(open_positions_term(request)), order=Order.desc)
		.orderby(request.profession)
	)
	return query.run(as_dict=True)


def get_totals(filters) -> dict:
	query, request = base_query(filters)
	rows = query.select(
		Count(request.name).as_("requests"),
		Sum(open_positions_term(request)).as_("open_positions"),
		Count(request.employer).distinct().as_("employers"),
	).run(as_dict=True)
	return rows[0] if rows else {}


def kind_alias(kind: str) -> str:
	return "kind_" + kind.lower().replace(" ", "_")


def to_row(row) -> dict:
	kinds = rules.kinds_with_requests({kind: row.get(kind_alias(kind)) for kind in rules.KINDS})
	return {
		"profession": row.profession or _("Not specified"),
		"requests": int(row.requests or 0),
		"open_positions": int(row.open_positions or 0),
		"employers": int(row.employers or 0),
		"kinds": ", ".join(_(kind) for kind in kinds),
		"earliest_start": row.earliest_start,
	}


def get_chart(data: list[dict]) -> dict | None:
	if not data:
		return None
	return {
		"data": {
			"labels": [row["profession"] for row in data],
			"datasets": [{"name": _("Open Positions"), "values": [row["open_positions"] for row in data]}],
		},
		"type": "bar",
		"colors": ["#2490ef"],
	}


def get_summary(totals: dict) -> list[dict]:
	return [
		{
			"value": int(totals.get("open_positions") or 0),
			"label": _("Open Positions"),
			"datatype": "Int",
			"indicator": "Blue",
		},
		{"value": int(totals.get("requests") or 0), "label": _("Requests"), "datatype": "Int"},
		{"value": int(totals.get("employers") or 0), "label": _("Employers"), "datatype": "Int"},
	]
