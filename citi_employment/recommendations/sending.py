"""A mentor recommendation sent to an employer (152-ФЗ ст. 9): only approved text, only through the transfer.

Sending goes through ``citi_employment.personal_data.sharing.send_to_employer`` like a resume: it checks the
sender's role, the graduate's Active Processing consent allowing transfer, e-mails the print format as PDF
and writes the Personal Data Transfer log. It asks the document first (``before_transfer``, here
:func:`check_sendable`) and tells it afterwards (``after_transfer``, here :func:`mark_sent`).

The state Sent is reached only here, with ``db_set`` once the transfer is logged: the workflow has no
transition into Sent, so no button or PUT can mark a recommendation as sent without the consent check and the
log entry (the controller refuses such a save too, see ``approval.validate_transition``).
"""

import frappe
from frappe import _

from citi_employment.domain.recommendations import RecommendationState, may_send
from citi_employment.personal_data.sharing import may_send_documents


class RecommendationNotApprovedError(frappe.ValidationError):
	"""A recommendation the Head has not approved was to be sent to an employer."""


def check_sendable(doc) -> None:
	"""Only the text the Head approved leaves the Center."""
	if not may_send(doc.status):
		frappe.throw(
			_("Only an approved recommendation can be sent to an employer; this one is {0}.").format(
				frappe.bold(_(doc.status))
			),
			RecommendationNotApprovedError,
			title=_("Transfer Not Allowed"),
		)


def mark_sent(doc) -> None:
	"""After the transfer is logged: the recommendation is Sent (the log says to whom and when)."""
	if doc.status != RecommendationState.SENT.value:
		doc.db_set("status", RecommendationState.SENT.value, notify=True)


def can_send(doc) -> bool:
	"""Whether the form offers Send to Employer to this user; the transfer checks everything again."""
	return bool(
		not doc.is_new() and may_send(doc.status) and may_send_documents() and doc.has_permission("read")
	)
