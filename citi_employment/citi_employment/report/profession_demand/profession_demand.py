# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Profession Demand: positions the employers requested against graduates seeking work, per profession and
period, and the gap — the information §2.2 says goes to the management for planning courses («передача
информации руководству Учреждения для организации актуальных курсов профессиональной подготовки»).

Counts only; no graduate is named. Figures: ``citi_employment.reporting.demand``; shaping and the meaning of
the gap: ``citi_employment.domain.reporting.demand_table``.
"""

import frappe
from frappe import _
from frappe.utils import get_year_ending, get_year_start, getdate

from citi_employment.domain import reporting as rules
from citi_employment.reporting import demand
from citi_employment.reporting import filters as report_filters
from citi_employment.reporting.desk import card, chart, column, desk_report


@desk_report
def execute(filters=None):
	filters = frappe._dict(filters or {})
	start, end, granularity, kind, profession = read_filters(filters)
	kinds = (kind,) if kind else rules.DEMAND_KINDS
	rows = rules.demand_table(
		demand.positions_requested(start, end, granularity, kinds, profession),
		demand.graduates_seeking_work(start, end, granularity, profession),
		granularity,
	)
	total = rules.demand_totals(rows)
	message = _(
		"Gap: positions requested minus graduates seeking work. Above zero, employers ask for more people "
		"than the Center has seeking work in the profession. Graduates are counted in the period they "
		"finished their studies."
	)
	return get_columns(), rows, message, get_chart(rows), get_summary(total)


def read_filters(filters):
	today = getdate()
	start, end = report_filters.date_period(
		filters, getdate(get_year_start(today)), getdate(get_year_ending(today))
	)
	granularity = report_filters.granularity_filter(filters, rules.YEAR)
	kind = report_filters.choice_filter(filters, "kind", _("Request Kind"), rules.REQUEST_KINDS)
	profession = report_filters.text_filter(filters, "profession", _("Profession"))
	return start, end, granularity, kind, profession


def get_columns() -> list[dict]:
	return [
		column("profession", _("Profession"), "Link", 220, options="Profession"),
		column("period", _("Time Period"), "Data", 100),
		column("requests", _("Requests"), width=100),
		column("positions", _("Positions Requested"), width=150),
		column("filled", _("Positions Filled"), width=130),
		column("graduates", _("Graduates Finishing"), width=150),
		column("seeking", _("Graduates Seeking Work"), width=170),
		column("gap", _("Gap"), width=90),
	]


def get_chart(rows: list[dict]) -> dict | None:
	series = rules.demand_chart(rows)
	if not series:
		return None
	labels = [profession or _("(not specified)") for profession in series["labels"]]
	return chart(
		labels,
		[(_("Positions Requested"), series["positions"]), (_("Graduates Seeking Work"), series["seeking"])],
	)


def get_summary(total: dict) -> list[dict]:
	return [
		card(total["positions"], _("Positions Requested"), indicator="Blue"),
		card(total["seeking"], _("Graduates Seeking Work"), indicator="Orange"),
		card(total["gap"], _("Gap"), indicator="Red" if total["gap"] > 0 else "Green"),
		card(total["professions_short"], _("Professions Short of Graduates")),
	]
