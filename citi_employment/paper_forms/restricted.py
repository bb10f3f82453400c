"""Values a print shows only to those who may read and print them: a 1:1 record named after the printed
document (Graduate Personal Data after its graduate, Vacancy Internal Requirements after its request). Printing
a value of a record is printing that record: it takes the ``print`` right as well (paper_forms.access).

The permission check comes first and nothing is raised or logged either way: anyone else gets the blank
lines of the paper form. Not even an exception's text is kept: it could carry values from the query.
"""

import frappe


def may_read_and_print(doctype: str, name: str) -> bool:
	"""The user's ``read`` and ``print`` rights to the record ``name`` (its record rules and shares)."""
	return all(frappe.has_permission(doctype, ptype, doc=name) for ptype in ("read", "print"))


def readable_values(doctype: str, name: str | None, fields) -> dict | None:
	"""``fields`` of the ``doctype`` record ``name``, or None when there is none or the user may not read and
	print it."""
	if not name:
		return None
	try:
		if not frappe.db.exists(doctype, name):
			return None
		if not may_read_and_print(doctype, name):
			return None
		return frappe.db.get_value(doctype, name, fields, as_dict=True)
	except Exception:
		return None
