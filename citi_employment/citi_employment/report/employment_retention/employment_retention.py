# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Employment Retention: placements by month of employment × monitoring checkpoint — placed, still working,
share — and the checks that are overdue (§6.2 «длительность периода трудоустройства»).

A prepared report (its JSON): it joins every placement of the period with all its checks, which grow every
year (all cohorts of a region's 120k placements and 600k checks took about 4 s here), so the desk
runs it as a background job on the long queue.

Counts only; no graduate is named. Figures: ``citi_employment.reporting.retention``; shaping and the
definition of "still working": ``citi_employment.domain.reporting``.
"""

import frappe
from frappe import _
from frappe.utils import add_months, get_first_day, getdate

from citi_employment.domain import reporting as rules
from citi_employment.domain.reporting import checkpoint_key
from citi_employment.monitoring.policy import current_policy
from citi_employment.reporting import filters as report_filters
from citi_employment.reporting import retention
from citi_employment.reporting.desk import card, chart, column, desk_report, rows_with_total

# Two years of cohorts: the last checkpoint (24 months) of the oldest one has come.
DEFAULT_MONTHS_BACK = 24


@desk_report
def execute(filters=None):
	filters = frappe._dict(filters or {})
	policy = current_policy()
	employed_from, employed_to, as_on, profession = read_filters(filters)
	rows = rules.retention_table(
		retention.retention_cohorts(
			policy.checkpoints,
			as_on,
			policy.overdue_grace_days,
			employed_from,
			employed_to,
			profession,
		),
		policy.checkpoints,
	)
	total = rules.retention_totals(rows, policy.checkpoints)
	data = rows_with_total(rows, total, to_row)
	message = _(
		"Share: placements still working at the checkpoint out of those whose checkpoint date has come. A "
		"check not yet done counts as not known to be working; see the overdue checks."
	)
	return (
		get_columns(policy.checkpoints),
		data,
		message,
		get_chart(total, policy.checkpoints),
		get_summary(total, policy.checkpoints),
	)


def read_filters(filters):
	today = getdate()
	default_from = get_first_day(add_months(today, -DEFAULT_MONTHS_BACK))
	employed_from = report_filters.date_filter(filters, "from_date", _("Employed From"), default_from)
	employed_to = report_filters.date_filter(filters, "to_date", _("Employed To"), today)
	report_filters.check_period(employed_from, employed_to, _("Employed From"), _("Employed To"))
	as_on = report_filters.date_filter(filters, "as_on", _("As On"), today)
	profession = report_filters.text_filter(filters, "profession", _("Profession"))
	return employed_from, employed_to, as_on, profession


def get_columns(checkpoints) -> list[dict]:
	columns = [
		column("cohort", _("Month of Employment"), "Data", 140),
		column("placed", _("Placed"), width=90),
	]
	for months in checkpoints:
		columns += [
			column(checkpoint_key("reached", months), _("{0} mo: Due").format(months), width=100),
			column(checkpoint_key("working", months), _("{0} mo: Still Working").format(months), width=130),
			column(checkpoint_key("share", months), _("{0} mo: %").format(months), "Percent", 100),
		]
	columns.append(column("overdue", _("Overdue Checks"), width=120))
	return columns


def to_row(row: dict, label: str | None = None) -> dict:
	shaped = dict(row)
	if label:
		shaped["cohort"] = label
	return shaped


def get_chart(total: dict, checkpoints) -> dict | None:
	series = rules.retention_chart(total, checkpoints)
	if not series:
		return None
	labels = [_("{0} mo").format(months) for months in series["labels"]]
	return chart(labels, [(_("Still Working, %"), series["values"])], kind="line")


def get_summary(total: dict, checkpoints) -> list[dict]:
	cards = [card(total["placed"], _("Placed"), indicator="Blue")]
	for months in checkpoints:
		share = total[checkpoint_key("share", months)]
		if share is not None:
			cards.append(card(share, _("Still Working at {0} Months, %").format(months), "Percent", "Green"))
	cards.append(
		card(total["overdue"], _("Overdue Checks"), indicator="Red" if total["overdue"] else "Green")
	)
	return cards
