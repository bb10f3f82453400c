"""Number-card methods of the workspace: open positions and consents to renew.

The framework calls a "Custom" card's method with the card's filters (these cards have none) and shows the
``value`` it returns; a click follows ``route`` with ``route_options``.
"""

import frappe
from frappe.utils import cint, getdate

from citi_employment import roles
from citi_employment.domain import vacancies as vacancy_rules
from citi_employment.reporting import digest

VACANCY_DOCTYPE = "Vacancy Request"
DIGEST_REPORT = "Center Monthly Digest"
DIGEST_ROLES = (roles.EMPLOYMENT_CENTER_HEAD, roles.EMPLOYMENT_SPECIALIST)


@frappe.whitelist()
@frappe.read_only()
def open_positions(filters=None) -> dict:
	"""Positions of open vacancy requests (Registered, In Progress) not filled yet, each request counted as
	``domain.vacancies.open_positions`` does (never below 0). Through the framework's list, so the user's
	rights and row restrictions apply (the Admissions Committee counts Targeted Training requests only)."""
	(row,) = frappe.get_list(
		VACANCY_DOCTYPE,
		fields=["sum(greatest(positions_count - filled_count, 0)) as open_positions"],
		filters={"status": ("in", vacancy_rules.OPEN_STATUSES)},
	)
	return {
		"value": cint(row.open_positions),
		"fieldtype": "Int",
		"route": ["List", VACANCY_DOCTYPE],
		"route_options": {"status": ["in", list(vacancy_rules.OPEN_STATUSES)]},
	}


@frappe.whitelist()
def consents_to_renew(filters=None) -> dict:
	"""Consents to renew today, as the Head's monthly digest counts them (``reporting.digest``). A reader of
	every consent and graduate sees the count; the digest with the list opens for the Head and the
	Specialist, the consents for the others. Only a reader of consents gets the count: the card's method is
	whitelisted for every signed-in user, website users included."""
	frappe.has_permission(digest.CONSENT_DOCTYPE, "read", throw=True)
	count = digest.consents_to_renew_count(getdate())
	if frappe.session.user == "Administrator" or set(frappe.get_roles()) & set(DIGEST_ROLES):
		route = ["query-report", DIGEST_REPORT]
	else:
		route = ["List", digest.CONSENT_DOCTYPE]
	return {"value": count, "fieldtype": "Int", "route": route}
