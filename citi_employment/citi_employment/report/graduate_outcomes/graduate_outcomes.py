# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Graduate Outcomes: graduates by graduation year × profession × outcome category at a chosen monitoring
checkpoint — the table the regional committee asks for (§6.2, §2.4 «долгосрочный мониторинг»).

A prepared report (its JSON): it reads the whole monitoring history, which grows every year (a region's
600k checks took about 1 s here), so the desk runs it as a background job on the long queue.

Counts only; no graduate is named. The figures come from ``citi_employment.reporting.outcomes``, shaped by
``citi_employment.domain.reporting``.
"""

import frappe
from frappe import _

from citi_employment.domain import reporting as rules
from citi_employment.monitoring.policy import current_policy
from citi_employment.reporting import filters as report_filters
from citi_employment.reporting import outcomes
from citi_employment.reporting.desk import card, chart, column, desk_report, rows_with_total, status_colors

DEFAULT_CHECKPOINT = 6


@desk_report
def execute(filters=None):
	filters = frappe._dict(filters or {})
	checkpoint, year_from, year_to, profession = read_filters(filters)
	rows = rules.outcome_table(
		outcomes.graduates_by_year(year_from, year_to, profession),
		outcomes.outcomes_at_checkpoint(checkpoint, year_from, year_to, profession),
	)
	total = rules.outcome_totals(rows)
	data = rows_with_total(rows, total, to_row)
	message = _(
		"Each graduate is counted once, by the latest check at {0} months after employment. Still working: "
		"working at the employer of the placement or elsewhere, self-employed or an individual entrepreneur."
	).format(checkpoint)
	return get_columns(), data, message, get_chart(rows), get_summary(total, checkpoint)


def read_filters(filters):
	checkpoints = current_policy().checkpoints
	checkpoint = report_filters.int_filter(
		filters, "checkpoint", _("Checkpoint (Months)"), 1, 120, default=DEFAULT_CHECKPOINT
	)
	if checkpoint not in checkpoints:
		report_filters.refuse(
			_("{0} months is not a monitoring checkpoint. Choose one of: {1}.").format(
				checkpoint, ", ".join(str(months) for months in checkpoints)
			)
		)
	year_from = report_filters.year_filter(filters, "year_from", _("Graduation Year From"))
	year_to = report_filters.year_filter(filters, "year_to", _("Graduation Year To"))
	report_filters.check_period(year_from, year_to, _("Graduation Year From"), _("Graduation Year To"))
	profession = report_filters.text_filter(filters, "profession", _("Profession"))
	return checkpoint, year_from, year_to, profession


def get_columns() -> list[dict]:
	columns = [
		column("year", _("Graduation Year"), "Data", 120),
		column("profession", _("Profession"), "Link", 200, options="Profession"),
		column("graduates", _("Graduates"), width=100),
	]
	columns += [
		column(rules.outcome_key(outcome), _(outcome), width=130) for outcome in rules.OUTCOME_CATEGORIES
	]
	columns += [
		column("not_checked", _("Not Checked"), width=110),
		column("working", _("Still Working"), width=110),
		column("working_share", _("Still Working, %"), "Percent", 120),
	]
	return columns


def to_row(row: dict, label: str | None = None) -> dict:
	shaped = dict(row)
	if label:
		shaped["year"] = label
	elif row["year"] is None:
		shaped["year"] = _("(not specified)")
	else:
		shaped["year"] = str(row["year"])
	return shaped


def get_chart(rows: list[dict]) -> dict | None:
	series = rules.outcome_chart(rows)
	if not series:
		return None
	return chart(
		series["labels"],
		[(_(name), values) for name, values in series["datasets"]],
		stacked=True,
		colors=status_colors([name for name, _values in series["datasets"]]),
	)


def get_summary(total: dict, checkpoint: int) -> list[dict]:
	return [
		card(total["graduates"], _("Graduates"), indicator="Blue"),
		card(total["checked"], _("Checked at {0} Months").format(checkpoint)),
		card(total["working"], _("Still Working"), indicator="Green"),
		card(total["working_share"] or 0, _("Still Working, %"), "Percent", "Green"),
		card(total["not_checked"], _("Not Checked"), indicator="Orange"),
	]
