"""Values never carry markup into another user's desk or print (issue 8, "Script in values").

Frappe v15's ``BaseDocument._sanitize_content`` skips a value that parses as JSON, so a Specialist's
``"\\"<img src=x onerror=…>\\""`` on a Vacancy Request was stored raw and ran in the Director's Standard
print. No field of the app is meant to hold markup (none is a Text Editor, HTML Editor, Markdown Editor or
Code field), so instead of cleaning values the guard refuses any value that a browser would read as
markup, in whatever disguise (``citi_employment.domain.markup``), and names the field, never the value.

``citi_employment.write_guards.guard_write`` calls :func:`reject_markup` on every save of the app's
DocTypes (``before_validate`` and ``before_update_after_submit``).
"""

import frappe
from frappe import _

from citi_employment.domain.markup import contains_markup, contains_raw_markup, contains_unsafe_link

# Every field type whose value is text a person typed, or a service copied from typed text. The rich types
# are here too although the app has none: a field added later with one of them refuses markup until
# someone decides, on purpose, how it is to be sanitised (tested in citi_employment/tests/test_markup_in_values.py).
TEXT_FIELDTYPES = frozenset(
	{
		"Data",
		"Small Text",
		"Text",
		"Long Text",
		"Select",
		"Link",
		"Dynamic Link",
		"Read Only",
		"Phone",
		"Autocomplete",
		"Barcode",
		"Color",
		"Icon",
		"Attach",
		"Attach Image",
		"Signature",
		"Geolocation",
		"JSON",
		"Text Editor",
		"HTML Editor",
		"Markdown Editor",
		"Code",
	}
)
# Printed as the target of a link: the desk's URL and Attach formatters put the value into href="…" unescaped.
LINK_FIELDTYPES = frozenset({"Attach", "Attach Image"})


class MarkupInValueError(frappe.ValidationError):
	"""A value holds HTML markup or a script link, which would run in another user's desk or print."""


def is_text_field(df) -> bool:
	return df.fieldtype in TEXT_FIELDTYPES


def is_link_field(df) -> bool:
	return df.fieldtype in LINK_FIELDTYPES or (df.fieldtype == "Data" and df.options == "URL")


def text_fields(meta) -> list:
	"""The fields of a DocType that :func:`reject_markup` checks."""
	return [df for df in meta.get("fields") if is_text_field(df)]


def reject_markup(doc) -> None:
	"""Refuse the save when a text field of ``doc`` or of any of its child rows holds markup.

	One error lists every such field (by label, and row and table for a child row), so the user fixes all
	of them at once; the values themselves are never shown.
	"""
	before = doc.get_doc_before_save()
	lines = [
		message.format(frappe.bold(_(doc.meta.get_label(df.fieldname))))
		for df, message in refused_fields(doc, before)
	]
	for table_df in doc.meta.get_table_fields():
		stored_rows = {row.name: row for row in (before.get(table_df.fieldname) or [])} if before else {}
		table_label = _(doc.meta.get_label(table_df.fieldname))
		for row in doc.get(table_df.fieldname) or []:
			for df, message in refused_fields(row, stored_rows.get(row.name)):
				label = _("{0} in row {1} of {2}").format(
					_(row.meta.get_label(df.fieldname)), row.idx, table_label
				)
				lines.append(message.format(frappe.bold(label)))
	if lines:
		frappe.throw(lines, exc=MarkupInValueError, title=_("Markup Not Allowed"), as_list=True)


def refused_fields(doc, before) -> list[tuple]:
	"""``(docfield, message)`` for each text field of one document or row whose value is refused."""
	refused = []
	for df in text_fields(doc.meta):
		value = doc.get(df.fieldname)
		if not value or not isinstance(value, str):
			continue
		if is_link_field(df) and contains_unsafe_link(value):
			refused.append(
				(df, _("{0} is not a safe web address: enter an address that starts with https://"))
			)
		elif contains_markup(value) and not kept_neutralised(df, value, before):
			refused.append((df, _("{0} contains HTML markup or a script: enter it as plain text")))
	return refused


def kept_neutralised(df, value: str, before) -> bool:
	"""Whether the value is one the neutralising patch left, unchanged since.

	``patches/v0_1/neutralise_stored_markup`` escaped markup stored before this guard existed, leaving text
	such as ``&lt;img …&gt;`` that prints as text. Refusing it would lock the record until someone retypes a
	field nobody changed; any value a user sends, and any raw tag however old, is still refused.
	"""
	return bool(before) and before.get(df.fieldname) == value and not contains_raw_markup(value)
