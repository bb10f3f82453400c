"""How the server says a value is wrong: one translated error that names fields, never a sensitive value."""

from collections.abc import Callable, Iterable

import frappe
from frappe import _
from frappe.utils import cint, format_datetime, formatdate, get_datetime

from citi_employment.domain.errors import DomainError, FieldError, Reason
from citi_employment.domain.work_plan import MAX_YEAR, MIN_YEAR


class InvalidFieldValueError(frappe.ValidationError):
	pass


def reason_message(reason: Reason) -> str:
	"""A translated sentence with a {0} placeholder for the field label."""
	messages = {
		Reason.REQUIRED: _("{0} is required"),
		Reason.FORMAT: _("{0} contains characters that are not allowed"),
		Reason.LENGTH: _("{0} has the wrong number of characters"),
		Reason.CHECKSUM: _("{0} has a wrong check digit, check it against the document"),
		Reason.RANGE: _("{0} is outside the allowed range"),
		Reason.ORDER: _("{0} must list values in increasing order without repeats"),
		Reason.MISMATCH: _(
			"{0} does not match the kind of employer: an organisation has a 10-digit INN, a 13-digit OGRN and a KPP; a sole proprietor has a 12-digit INN, a 15-digit OGRNIP and no KPP"
		),
		Reason.CHOICE: _("{0} contains a value that is not in the list of allowed values"),
	}
	return messages[reason]


def throw_field_errors(doc, errors: list[FieldError], row_errors: Iterable[tuple] = ()) -> None:
	"""Raise one error listing each invalid field once, so the user fixes everything in one pass.

	``row_errors`` are ``(child_row, FieldError)`` pairs; they are named by field, row and table.
	"""
	row_errors = list(row_errors)
	if not errors and not row_errors:
		return
	lines = []
	seen_fields = set()
	for error in errors:
		if error.field in seen_fields:
			continue
		seen_fields.add(error.field)
		label = _(doc.meta.get_label(error.field))
		lines.append(reason_message(error.reason).format(frappe.bold(label)))
	for row, error in row_errors:
		label = _("{0} in row {1} of {2}").format(
			_(row.meta.get_label(error.field)), row.idx, _(doc.meta.get_label(row.parentfield))
		)
		lines.append(reason_message(error.reason).format(frappe.bold(label)))
	frappe.throw(lines, exc=InvalidFieldValueError, title=_("Invalid Values"), as_list=True)


def collect_field_errors(doc, normalizers: dict) -> list[FieldError]:
	"""Normalise each filled field in place with its domain normaliser and gather the failures."""
	errors = []
	for fieldname, normalize in normalizers.items():
		value = doc.get(fieldname)
		if value in (None, ""):
			continue
		try:
			doc.set(fieldname, normalize(value, fieldname))
		except FieldError as error:
			errors.append(error)
	return errors


def validate_period(doc, start_field: str, end_field: str) -> None:
	"""The end of a period is not before its start (either may be open), with both values in the user's format.

	The app's one check of a period. The framework's ``Document.validate_from_to_dates`` compares days only, so
	it misses an event ending before it starts on the same day, and its message leaves out the dates that staff
	asked to see; this raises the framework's own ``InvalidDates`` all the same.
	"""
	start, end = doc.get(start_field), doc.get(end_field)
	if not (start and end) or get_datetime(end) >= get_datetime(start):
		return
	datetime_field = doc.meta.get_field(end_field).fieldtype == "Datetime"
	shown = format_datetime if datetime_field else formatdate
	frappe.throw(
		_("{0} ({1}) cannot be earlier than {2} ({3}).").format(
			frappe.bold(_(doc.meta.get_label(end_field))),
			shown(end),
			frappe.bold(_(doc.meta.get_label(start_field))),
			shown(start),
		),
		frappe.exceptions.InvalidDates,
		title=_("Invalid Period"),
	)


def validate_year(doc, check: Callable[[int | None], int], error: type[Exception]) -> None:
	"""The document's year is one the app plans and reports for; ``check`` is the domain's rule (it raises a
	``DomainError``), ``error`` what the controller raises, with the one message."""
	try:
		check(cint(doc.year) if doc.year not in (None, "") else None)
	except DomainError:
		frappe.throw(
			_("{0} must be between {1} and {2}.").format(frappe.bold(_("Year")), MIN_YEAR, MAX_YEAR),
			error,
			title=_("Invalid Year"),
		)
