"""The shapes the desk's query report expects for columns, summary cards and charts, so every report
writes them the same way (labels come translated from the caller), and how a report answers a filter it
cannot use."""

import functools
from collections.abc import Callable, Sequence

from citi_employment.reporting.access import ReportAccessError
from citi_employment.reporting.filters import ReportFilterError


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
	labels: Sequence, datasets: Sequence[tuple[str, Sequence]], kind: str = "bar", stacked: bool = False
) -> dict | None:
	"""A frappe-charts chart of named series; None when there is nothing to draw."""
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
	return spec


def answer_refusals(execute: Callable) -> Callable:
	"""A report's ``execute`` that answers a refused filter or figure with no rows and the message, instead of
	raising.

	The message still reaches the user: ``frappe.throw`` logged it before raising, so the desk shows it as
	usual, and it is also the report's message (what a prepared report keeps). Not raising matters in v15:
	``Report.execute_script_report`` starts a 15-second timer that marks the report as a prepared report for
	good, and cancels it only when ``execute`` returns; an exception leaves it running, so one bad filter
	would turn the report into a background job for everyone.
	"""

	@functools.wraps(execute)
	def answer(filters=None):
		try:
			return execute(filters)
		except (ReportFilterError, ReportAccessError) as error:
			return [], [], str(error), None, []

	return answer
