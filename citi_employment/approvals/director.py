"""The Institution Director's approval, held in the controllers whatever path a save took (the form, a REST
PUT of ``status``, an import, a disabled workflow): the workflows already offer the approving action to the
Director only (§4.1.2), these checks refuse the same moves written directly. Used by the Employer Contract, the
Work Plan and the Annual Report, each with its own message and error.
"""

from collections.abc import Callable

import frappe
from frappe import _
from frappe.utils import get_fullname, getdate, nowdate

from citi_employment.roles import ALL_RECORDS_ROLES, INSTITUTION_DIRECTOR
from citi_employment.write_guards import changed_fields, labels

# The roles that write the Center's documents; a user with the Director's role and none of these only
# approves (or returns) what the Center wrote.
WRITER_ROLES = ALL_RECORDS_ROLES - {INSTITUTION_DIRECTOR}
APPROVAL_FIELDS = frozenset({"approved_on", "approved_by", "approved_by_name"})
# A workflow's rule for a move of ``status`` (before, after), such as ``domain.work_plan.is_approval``.
Move = Callable[[str | None, str | None], bool]


def previous_status(doc) -> str | None:
	before = doc.get_doc_before_save()
	return before.status if before else None


def is_director_only(user: str | None = None) -> bool:
	roles = set(frappe.get_roles(user or frappe.session.user))
	return INSTITUTION_DIRECTOR in roles and not roles & WRITER_ROLES


def refuse_unless_director(doc, is_approval: Move, message: str, error: type[Exception]) -> None:
	"""``is_approval(before, after)``: whether the save's move of ``status`` is the approving one."""
	if is_approval(previous_status(doc), doc.status) and INSTITUTION_DIRECTOR not in frappe.get_roles():
		frappe.throw(message, error, title=_("Not Allowed"))


def refuse_director_edits(
	doc, allowed: frozenset[str] | set[str], message: str, error: type[Exception]
) -> None:
	"""The Director approves or returns the document as the Center wrote it: a change of anything but the
	``allowed`` fields is refused; ``message`` takes the changed fields' labels as {0}."""
	if doc.is_new() or not is_director_only():
		return
	changed = sorted(changed_fields(doc, doc.get_doc_before_save()) - set(allowed))
	if changed:
		frappe.throw(message.format(labels(doc, changed)), error, title=_("Not Allowed"))


def record_approval(doc, is_approval: Move) -> None:
	"""The date and the approver of the «УТВЕРЖДАЮ» block, set once when the Director approves."""
	if not is_approval(previous_status(doc), doc.status):
		return
	doc.approved_on = getdate(nowdate())
	doc.approved_by = frappe.session.user
	doc.approved_by_name = get_fullname(frappe.session.user)
