"""Turns domain validation errors into one translated Frappe error that names fields, never values."""

import frappe
from frappe import _

from citi_employment.domain.errors import FieldError, Reason


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
	}
	return messages[reason]


def throw_field_errors(doc, errors: list[FieldError]) -> None:
	"""Raise one error listing each invalid field once, so the user fixes everything in one pass."""
	if not errors:
		return
	lines = []
	seen_fields = set()
	for error in errors:
		if error.field in seen_fields:
			continue
		seen_fields.add(error.field)
		label = _(doc.meta.get_label(error.field))
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
