"""Who may see a report's figures.

A figure counts every record of the DocTypes it reads, so a user sees it only when they may read every
record of each: read permission on the DocType and no row restriction (an owner-only right, User
Permissions, or a DocType's own ``permission_query_conditions``, such as the Admissions Committee's
Targeted Training requests or the Practice Supervisor's practice contracts). The report's roles are the
first gate; this check also guards the Annual Report, which computes from the same functions.
"""

import frappe
from frappe import _
from frappe.model.db_query import DatabaseQuery
from frappe.permissions import get_role_permissions

from citi_employment import roles

# Registers naming graduates in the context of their personal data (consents, revocations) are for the
# roles that keep that data.
PERSONAL_DATA_READERS = roles.PERSONAL_DATA_ROLES


class ReportAccessError(frappe.PermissionError):
	"""The user may not see figures that count records beyond their access."""


def reads_every_row(doctype: str, user: str | None = None) -> bool:
	user = user or frappe.session.user
	if user == "Administrator":
		return True
	if not get_role_permissions(frappe.get_meta(doctype), user=user).get("read"):
		return False
	return not DatabaseQuery(doctype, user=user).build_match_conditions()


def check_reads_all(*doctypes: str) -> None:
	for doctype in doctypes:
		if not reads_every_row(doctype):
			frappe.throw(
				_(
					"These figures count every record of {0}, and your access does not cover all of them."
				).format(frappe.bold(_(doctype))),
				ReportAccessError,
				title=_("Not Permitted"),
			)


def check_roles(allowed: tuple[str, ...]) -> None:
	if frappe.session.user == "Administrator" or set(frappe.get_roles()).intersection(allowed):
		return
	frappe.throw(
		_("Only {0} may see these figures.").format(", ".join(_(role) for role in allowed)),
		ReportAccessError,
		title=_("Not Permitted"),
	)
