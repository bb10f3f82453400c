"""Records only the Center may read: a graduate's personal data (152-ФЗ) and an employer's age and gender
wishes (Закон РФ 1032-1 ст. 25). Each lives in its own DocType, and nothing of it may outlive a deletion."""

import frappe
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
		raise frappe.DoesNotExistError
	rows = frappe.get_list(
		doctype,
		filters=get_safe_filters(filters),
		fields=[f"count(distinct `tab{doctype}`.`name`) as total_count"],
		order_by=None,
		limit_page_length=0,
	)
	return cint(rows[0].total_count) if rows else 0
