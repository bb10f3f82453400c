"""The shapes the desk's query report expects for columns, summary cards and charts, so every report
writes them the same way (labels come translated from the caller), and how a report answers a filter it
cannot use."""

import functools
from collections.abc import Callable, Iterable, Sequence

import frappe
from frappe import _
from frappe.desk import query_report

from citi_employment.domain.reporting import status_key
from citi_employment.reporting.access import ReportAccessError
from citi_employment.reporting.filters import (
	ReportFilterError,
	read_custom_columns,
	require_filters_object,
	require_report,
)


def column(fieldname: str, label: str, fieldtype: str = "Int", width: int = 110, options: str | None = None):
	spec = {"fieldname": fieldname, "label": label, "fieldtype": fieldtype, "width": width}
	if options:
		spec["options"] = options
	return spec


def card(value, label: str, datatype: str = "Int", indicator: str | None = None) -> dict:
	spec = {"value": value, "label": label, "datatype": datatype}
	if indicator:
		spec["indicator"] = indicator
	return spec


def chart(
	labels: Sequence,
	datasets: Sequence[tuple[str, Sequence]],
	kind: str = "bar",
	stacked: bool = False,
	colors: Sequence[str] | None = None,
) -> dict | None:
	"""A frappe-charts chart of named series (``colors``: one frappe-charts colour name per series); None when
	there is nothing to draw."""
	if not labels or not datasets:
		return None
	spec = {
		"data": {
			"labels": [str(label) for label in labels],
			"datasets": [{"name": name, "values": list(values)} for name, values in datasets],
		},
		"type": kind,
	}
	if stacked:
		spec["barOptions"] = {"stacked": 1}
	if colors:
		spec["colors"] = list(colors)
	return spec


# The colour a status has wherever the reports draw it: done or in force green, waiting orange or yellow,
# not done or lapsed red, set aside grey. Frappe-charts colour names.
STATUS_COLORS = {
	"Potential": "orange",
	"Active Partner": "green",
	"Inactive": "grey",
	"Draft": "grey",
	"Pending Director Approval": "yellow",
	"Active": "green",
	"Expiring Soon": "orange",
	"Expired": "red",
	"Declined": "purple",
	"Terminated": "pink",
	"Superseded": "blue",
	"Revoked": "red",
	"Cancelled": "purple",
	"Planned": "blue",
	"In Progress": "orange",
	"Done": "green",
	"Not Done": "red",
	# Outcomes of a monitoring check: working in any form in greens and blues, not working in warm colours.
	"Working at This Employer": "green",
	"Working Elsewhere": "teal",
	"Self-Employed (NPD)": "cyan",
	"Individual Entrepreneur": "blue",
	"Continuing Education": "purple",
	"Military Service": "yellow",
	"Parental Leave": "pink",
	"Not Working, Seeking": "orange",
	"Not Working, Not Seeking": "red",
	"Unreachable": "#64748B",
	"Not Checked": "grey",
}


def total_label() -> str:
	"""The label of every report's total row and total column."""
	return _("Total", context="Report total")


def status_columns(
	statuses: Iterable[str], width: int = 110, context: str | None = None, with_total: bool = False
) -> list[dict]:
	"""A count column per status, keyed by ``status_key`` as the shaped rows are, labelled with the status as
	its DocType words it (``context``: the DocType, where its statuses have a translation of their own);
	``with_total``: then the column of their total."""
	columns = [column(status_key(status), _(status, context=context), width=width) for status in statuses]
	if with_total:
		columns.append(column("total", total_label(), width=90))
	return columns


def rows_with_total(rows: Sequence[dict], total: dict, to_row: Callable) -> list[dict]:
	"""Each row shaped by ``to_row`` and, when there is any, the total row last (``to_row(total, label=…)``)."""
	data = [to_row(row) for row in rows]
	if data:
		data.append(to_row(total, label=total_label()))
	return data


def status_colors(statuses: Sequence[str]) -> list[str]:
	return [STATUS_COLORS.get(status, "blue") for status in statuses]


def status_chart(rows: Sequence[dict], statuses: Sequence[str], label: str, context: str) -> dict | None:
	"""A stacked bar per row (its ``label`` field, translated) of its count in each status, leaving out the
	statuses nobody is in; a status is translated in ``context``, the DocType's own words for it."""
	shown = [status for status in statuses if any(row[status_key(status)] for row in rows)]
	datasets = [(_(status, context=context), [row[status_key(status)] for row in rows]) for status in shown]
	return chart([_(row[label]) for row in rows], datasets, stacked=True, colors=status_colors(shown))


def desk_report(execute: Callable) -> Callable:
	"""A script report's ``execute``: in the language of the user who asked, and answering a refused filter or
	figure with no rows and the message instead of raising.

	- Language: a prepared report runs in a background job, which v15 starts in the site's configured
	  language (``lang`` of site_config, else English) whoever queued it; the labels of cards, charts and
	  messages are made here, so in a job the user's language is set first (a web request has it already).
	- Refusals: the message still reaches the user, since ``frappe.throw`` logged it before raising, so the
	  desk shows it as usual; it is also the report's message (what a prepared report keeps). Not raising
	  matters in v15: ``Report.execute_script_report`` starts a 15-second timer that marks the report as a
	  prepared report for good, and cancels it only when ``execute`` returns; an exception leaves it running,
	  so one bad filter would turn the report into a background job for everyone.
	"""

	@functools.wraps(execute)
	def run(filters=None):
		if getattr(frappe.local, "job", None) is not None:
			frappe.set_user_lang(frappe.session.user)
		try:
			return execute(filters)
		except (ReportFilterError, ReportAccessError) as error:
			return [], [], str(error), None, []

	return run


@frappe.whitelist()
@frappe.read_only()
def run_report(
	report_name,
	filters=None,
	user=None,
	ignore_prepared_report=False,
	custom_columns=None,
	is_tree=False,
	parent_field=None,
	are_default_filters=True,
):
	"""``frappe.desk.query_report.run`` (``override_whitelisted_methods``) with its report and filters checked.

	v15 reads them before any report's code runs, so a list or dict for the report, or filters that are not a
	set of named values, ended in a 500 there. The framework's run then checks the permissions as before, for
	the session's user: ``user`` is accepted for the framework's signature and not passed on, as v15 would check
	the filters' links against whichever user a request names (the desk never sends one).
	"""
	require_report(report_name)
	require_filters_object(filters)
	return query_report.run(
		report_name,
		filters,
		ignore_prepared_report=ignore_prepared_report,
		custom_columns=read_custom_columns(custom_columns),
		is_tree=is_tree,
		parent_field=parent_field,
		are_default_filters=are_default_filters,
	)
