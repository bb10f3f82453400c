"""Records only the Center may read: a graduate's personal data (152-ФЗ) and an employer's age and gender
wishes (Закон РФ 1032-1 ст. 25). Each lives in its own DocType, and nothing of it may outlive a deletion."""

from collections import Counter

import frappe
from frappe import _
from frappe.desk import listview
from frappe.model import is_default_field
from frappe.utils import cint, get_safe_filters


def purge_deleted_copy(doctype: str, name: str) -> None:
	"""Remove the copy Frappe keeps of a deleted record in Deleted Document, which System Managers read.

	Frappe writes that copy after every controller hook, so ``on_trash`` registers this function with
	``frappe.db.before_commit`` and it runs just before the transaction commits.
	"""
	frappe.db.delete("Deleted Document", {"deleted_doctype": doctype, "deleted_name": name})


@frappe.whitelist()
def get_count(doctype: str, filters=None, debug=False, cache=False) -> int:
	"""``frappe.client.get_count`` that honours permissions (registered in ``override_whitelisted_methods``).

	Frappe v15's own counts any DocType for any signed-in user, so a filter on a field of Graduate Personal
	Data or Vacancy Internal Requirements would answer yes or no (fixed upstream later: frappe/frappe#35657).
	This one counts through get_list, which checks read rights, record rules and every joined DocType.
	``debug`` and ``cache`` are accepted for the desk's calls and ignored.
	"""
	if not isinstance(doctype, str) or not frappe.db.exists("DocType", doctype):
		frappe.throw(_("There is no such DocType."), frappe.DoesNotExistError)
	try:
		rows = frappe.get_list(
			doctype,
			filters=parse_filters(filters),
			fields=[f"count(distinct `tab{doctype}`.`name`) as total_count"],
			order_by=None,
			limit_page_length=0,
		)
	except (frappe.db.OperationalError, frappe.db.ProgrammingError) as error:
		if not (frappe.db.is_missing_column(error) or frappe.db.is_syntax_error(error)):
			raise
		# A filter on a field the DocType (or the joined one) does not have, or a value SQL cannot take.
		throw_invalid_filters()
	return cint(rows[0].total_count) if rows else 0


class GroupByCountArgumentError(frappe.ValidationError):
	"""The sidebar count was sent something other than a DocType, filters and a field name as text."""


@frappe.whitelist()
def get_group_by_count(doctype=None, current_filters=None, field=None) -> list[dict]:
	"""``frappe.desk.listview.get_group_by_count`` that honours permissions (``override_whitelisted_methods``).

	The sidebar's "Assigned To" count in Frappe v15 selects the records through ``frappe.qb.get_query``, which
	checks no permission: any signed-in user learnt how many records of any DocType match a filter (a
	graduate's СНИЛС, a contract a Practice Supervisor may not open) and who works on them. Here the records
	are grouped by their assignment list through ``get_list``, which checks read rights and record rules;
	every other field is the framework's own count, already made through ``get_list``.

	The arguments are checked first: v15 fails on a missing one, or a list or dict in place of text, with a
	TypeError (a 500). No type hints, as the framework would refuse those with a message that names Python types.
	"""
	if not all(isinstance(value, str) and value for value in (doctype, field)) or not isinstance(
		current_filters, str | None
	):
		frappe.throw(
			_("The list count needs a DocType, filters and a field, each as text."),
			GroupByCountArgumentError,
			title=_("Invalid Value"),
		)
	if not frappe.db.exists("DocType", doctype):
		frappe.throw(_("There is no such DocType."), frappe.DoesNotExistError)
	filters = parse_filters(current_filters)
	if field != "assigned_to":
		# v15 raises a ValueError (a 500) for a field the DocType does not have.
		if not (frappe.get_meta(doctype).has_field(field) or is_default_field(field)):
			throw_invalid_filters()
		# The framework's function checks its type hints inside a request: it takes the filters as the text sent.
		return listview.get_group_by_count(doctype, current_filters or "[]", field)
	rows = frappe.get_list(
		doctype,
		filters=filters,
		fields=["_assign", "count(*) as count"],
		group_by="_assign",
		order_by=None,
		limit_page_length=0,
	)
	counts = Counter()
	for row in rows:
		for user in frappe.parse_json(row._assign or "[]") or []:
			counts[user] += cint(row.count)
	if not counts:
		return []
	desk_users = set(
		frappe.get_all(
			"User", filters={"name": ("in", list(counts)), "user_type": "System User"}, pluck="name"
		)
	)
	ranked = [(user, count) for user, count in counts.most_common() if user in desk_users]
	return [{"name": user, "count": count} for user, count in ranked[:50]]


def parse_filters(filters) -> dict | list | None:
	"""Filters as the desk sends them: a dict of field → value or [operator, value], or a list of
	[doctype,] field, operator, value rows. Anything else is refused before it reaches the query."""
	if filters is None or filters == "":
		return None
	filters = get_safe_filters(filters)
	if isinstance(filters, dict):
		valid = all(is_valid_dict_entry(field, value) for field, value in filters.items())
	elif isinstance(filters, list | tuple):
		valid = all(is_valid_row(row) for row in filters)
	else:
		valid = False
	if not valid:
		throw_invalid_filters()
	return filters


def is_valid_dict_entry(field, value) -> bool:
	if isinstance(value, list | tuple):
		return len(value) >= 2 and is_valid_condition(field, value[0], value[1])
	return is_valid_condition(field, "=", value)


def is_valid_row(row) -> bool:
	if not isinstance(row, list | tuple) or len(row) < 3:
		return False
	if len(row) == 3:
		return is_valid_condition(*row)
	return isinstance(row[0], str) and bool(row[0]) and is_valid_condition(*row[1:4])


def is_valid_condition(field, operator, value) -> bool:
	"""A named field, an operator, and a plain value — a list only where the operator takes one."""
	if not (isinstance(field, str) and field and isinstance(operator, str) and operator):
		return False
	if isinstance(value, list | tuple):
		if operator.lower() == "between":
			return len(value) == 2 and all(is_plain(item) for item in value)
		return operator.lower() in ("in", "not in") and all(is_plain(item) for item in value)
	return is_plain(value)


def is_plain(value) -> bool:
	return value is None or isinstance(value, str | int | float)


def throw_invalid_filters() -> None:
	frappe.throw(_("The filters are not valid."), title=_("Invalid Filters"))
