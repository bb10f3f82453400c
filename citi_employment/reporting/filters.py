"""Report filters read the same way in every report: each value is checked by the rules in
``citi_employment.domain.reporting`` and a bad one is refused with a translated message naming the filter,
never echoing the value (a filter may hold anything, markup or SQL included)."""

from collections.abc import Iterable, Mapping
from datetime import date

import frappe
from frappe import _

from citi_employment.domain import reporting as rules


class ReportFilterError(frappe.ValidationError):
	"""A report filter has a value the report cannot use."""


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
