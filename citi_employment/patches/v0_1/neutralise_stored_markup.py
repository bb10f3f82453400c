"""Neutralise markup stored before the write guard refused it (issue 8, "Script in values").

Frappe v15's sanitiser skipped JSON-shaped values, so a value such as ``"<img src=x onerror=…>"`` may sit in
any text column of the app and run in the next reader's print. The guard now refuses such values on save;
this patch defuses the ones already stored: a tag is escaped with ``escape_html`` (it then prints as text,
and the guard accepts it as long as nobody changes it), and a link target with a script scheme, which no
escaping defuses, is emptied. Written with ``frappe.db.set_value`` without touching ``modified``: the
stored content is made safe, not edited by someone, so no Version row records it.
"""

import frappe
from frappe.query_builder import DocType
from frappe.query_builder.functions import Coalesce
from frappe.utils import escape_html

from citi_employment.domain.markup import contains_raw_markup, contains_unsafe_link
from citi_employment.write_guards.markup import is_link_field, text_fields

APP = "citi_employment"
# A Link names another record; a record's name cannot hold "<" or ">" (frappe.model.naming), and escaping a
# link would only break it.
REFERENCE_FIELDTYPES = frozenset({"Link", "Dynamic Link"})


def execute():
	for doctype in app_doctypes():
		meta = frappe.get_meta(doctype)
		fields = [
			df
			for df in text_fields(meta)
			if df.fieldtype not in REFERENCE_FIELDTYPES and not df.get("is_virtual")
		]
		if not fields:
			continue
		if meta.issingle:
			neutralise_single(doctype, fields)
		else:
			neutralise_table(doctype, fields)


def app_doctypes() -> list[str]:
	return frappe.get_all(
		"DocType",
		filters={"module": ("in", frappe.get_module_list(APP)), "is_virtual": 0},
		pluck="name",
		order_by="name",
	)


def neutralise_table(doctype: str, fields: list) -> None:
	"""One query per DocType for the rows that may need it: a tag needs "<", a link target only a value."""
	table = DocType(doctype)
	condition = None
	for df in fields:
		column = table[df.fieldname]
		clause = Coalesce(column, "") != "" if is_link_field(df) else column.like("%<%")
		condition = clause if condition is None else condition | clause
	rows = (
		frappe.qb.from_(table)
		.select(table.name, *(table[df.fieldname] for df in fields))
		.where(condition)
		.run(as_dict=True)
	)
	for row in rows:
		for df in fields:
			neutral = neutralised(df, row.get(df.fieldname))
			if neutral is not None:
				frappe.db.set_value(doctype, row.name, df.fieldname, neutral or None, update_modified=False)


def neutralise_single(doctype: str, fields: list) -> None:
	for df in fields:
		neutral = neutralised(df, frappe.db.get_single_value(doctype, df.fieldname))
		if neutral is not None:
			frappe.db.set_single_value(doctype, df.fieldname, neutral or None, update_modified=False)


def neutralised(df, value) -> str | None:
	"""The safe form of a stored value, "" to empty it, or None when it is safe already."""
	if not value or not isinstance(value, str):
		return None
	if is_link_field(df) and contains_unsafe_link(value):
		return ""
	if contains_raw_markup(value):
		return escape_html(value)
	return None
