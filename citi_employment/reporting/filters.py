"""Report filters read the same way in every report: each value is checked by the rules in
``citi_employment.domain.reporting`` and a bad one is refused with a translated message naming the filter,
never echoing the value (a filter may hold anything, markup or SQL included)."""

import json
from collections.abc import Iterable, Mapping
from datetime import date

import frappe
from frappe import _
from frappe.model import is_default_field

from citi_employment.domain import reporting as rules


class ReportFilterError(frappe.ValidationError):
	"""A report filter has a value the report cannot use."""


def require_filters_object(filters) -> None:
	"""The ``filters`` argument of a report run or export: nothing, a dict, or a JSON object as text.

	v15 reads anything else (null, a number, a list, bare text, malformed JSON) with ``json.loads`` or as a dict
	before the report's own code runs: a TypeError, AttributeError or JSONDecodeError, a 500."""
	if filters is None or filters == "" or isinstance(filters, dict):
		return
	if isinstance(filters, str):
		try:
			if isinstance(json.loads(filters), dict):
				return
		except ValueError:
			pass
	refuse(_("The report filters must be a set of named values."))


def require_report(report_name) -> None:
	"""A report is named by text: v15 looks a list or dict up as filters on Report (a database error, a 500) and
	fails on a name that does not exist with an AttributeError."""
	if not (isinstance(report_name, str) and report_name and frappe.db.exists("Report", report_name)):
		frappe.throw(_("There is no such report."), frappe.DoesNotExistError)


def read_custom_columns(columns) -> list | None:
	"""The columns a user added to a report in the desk (its export sends them), as v15 uses them: a list, or its
	JSON text, of columns each naming a field of a DocType and where it goes.

	v15 reads whatever is sent as such a list: anything else fails with a TypeError or KeyError, and a field the
	DocType does not have reaches the database as an unknown column (each a 500)."""
	if columns is None or columns == "":
		return None
	if isinstance(columns, str):
		try:
			columns = json.loads(columns)
		except ValueError:
			columns = None
	if not (isinstance(columns, list) and all(is_custom_column(column) for column in columns)):
		refuse(_("The columns added to the report are not valid."))
	return columns


def is_custom_column(column) -> bool:
	if not isinstance(column, dict):
		return False
	fieldname, doctype, link_field = column.get("fieldname"), column.get("doctype"), column.get("link_field")
	index = column.get("insert_after_index")
	if not (isinstance(fieldname, str) and isinstance(doctype, str) and doctype):
		return False
	if not isinstance(index, int) or isinstance(index, bool):
		return False
	if isinstance(link_field, dict):
		link_field = link_field.get("fieldname")
	if not isinstance(link_field, str) or not frappe.db.exists("DocType", doctype):
		return False
	field = fieldname.split("-")[0]
	return frappe.get_meta(doctype).has_field(field) or is_default_field(field)


def read_visible_rows(visible_idx) -> list[int]:
	"""The rows of an export (the desk sends the indexes of the rows shown): a list of row numbers or its JSON
	text. v15 takes the length of anything, so a missing or malformed one failed with a TypeError (a 500)."""
	if isinstance(visible_idx, str):
		try:
			visible_idx = json.loads(visible_idx)
		except ValueError:
			visible_idx = None
	if not (
		isinstance(visible_idx, list)
		and all(isinstance(row, int) and not isinstance(row, bool) for row in visible_idx)
	):
		refuse(_("The rows to export are not valid. Export the report from its page."))
	return visible_idx


def refuse(message: str) -> None:
	frappe.throw(message, ReportFilterError, title=_("Invalid Filter"))


def read(parse, label: str, *args, choices: Iterable[str] = (), bounds: tuple[int, int] | None = None):
	try:
		return parse(*args)
	except rules.FilterError as error:
		label = frappe.bold(label)
		if error.problem == rules.FilterProblem.NOT_A_DATE:
			refuse(_("{0} is not a date. Choose a date in the calendar.").format(label))
		if error.problem == rules.FilterProblem.NOT_A_NUMBER:
			refuse(_("{0} must be a whole number.").format(label))
		if error.problem == rules.FilterProblem.OUT_OF_RANGE and bounds:
			refuse(_("{0} must be between {1} and {2}.").format(label, *bounds))
		if error.problem == rules.FilterProblem.OUT_OF_RANGE:
			refuse(_("{0} is too long.").format(label))
		if error.problem == rules.FilterProblem.UNKNOWN_VALUE:
			refuse(
				_("{0} has a value this report does not know. Choose one of: {1}.").format(
					label, ", ".join(_(choice) for choice in choices)
				)
			)
		refuse(_("{0} must be a single value.").format(label))


def date_filter(filters: Mapping, field: str, label: str, default: date | None = None) -> date | None:
	value = read(rules.parse_date, label, filters.get(field), field)
	return default if value is None else value


def int_filter(
	filters: Mapping, field: str, label: str, minimum: int, maximum: int, default: int | None = None
) -> int | None:
	value = read(
		rules.parse_int, label, filters.get(field), field, minimum, maximum, bounds=(minimum, maximum)
	)
	return default if value is None else value


def year_filter(filters: Mapping, field: str, label: str) -> int | None:
	return read(rules.parse_year, label, filters.get(field), field, bounds=(rules.MIN_YEAR, rules.MAX_YEAR))


def choice_filter(
	filters: Mapping, field: str, label: str, choices: Iterable[str], default: str | None = None
) -> str | None:
	choices = tuple(choices)
	value = read(rules.parse_choice, label, filters.get(field), field, choices, choices=choices)
	return default if value is None else value


def text_filter(filters: Mapping, field: str, label: str) -> str | None:
	return read(rules.parse_text, label, filters.get(field), field)


def date_period(
	filters: Mapping, default_start: date | None = None, default_end: date | None = None
) -> tuple[date | None, date | None]:
	"""The "from_date" and "to_date" pair (the JS side's ``report_filters.period`` with its From Date and To
	Date labels), the end not before the start."""
	start = date_filter(filters, "from_date", _("From Date"), default_start)
	end = date_filter(filters, "to_date", _("To Date"), default_end)
	check_period(start, end, _("From Date"), _("To Date"))
	return start, end


def granularity_filter(filters: Mapping, default: str) -> str:
	"""How a report groups its periods (the JS side's ``report_filters.granularity``)."""
	return choice_filter(filters, "granularity", _("Time Period"), rules.GRANULARITIES, default=default)


def check_period(start, end, start_label: str, end_label: str) -> None:
	"""The end of a period (dates or years) may not come before its start."""
	try:
		rules.check_period(start, end, "end")
	except rules.FilterError:
		refuse(
			_("The period ends before it starts: {0} is earlier than {1}.").format(
				frappe.bold(end_label), frappe.bold(start_label)
			)
		)
