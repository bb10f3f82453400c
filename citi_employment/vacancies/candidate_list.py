"""The candidates of a vacancy request as its form lists them, and a candidate's status changed from there.

The list is read with the reader's own rights on Vacancy Candidate (``frappe.get_list``), so the form shows
exactly what the Vacancy Candidate list would: the Admissions Committee, which reads Targeted Training
requests, is given no candidate (§3.3: requests, not graduates). A status change goes through the Vacancy
Candidate controller, like a save of its own form (status date, write rules, version history).
"""

import frappe
from frappe import _

from citi_employment.domain import vacancies as rules

REQUEST_DOCTYPE = "Vacancy Request"
CANDIDATE_DOCTYPE = "Vacancy Candidate"
LIST_FIELDS = ("name", "graduate", "graduate_name", "status", "status_date", "score")


class CandidateStatusError(frappe.ValidationError):
	pass


@frappe.whitelist()
def get_candidates(vacancy_request: str) -> dict:
	"""The request's candidates, best score first, and whether the user may change their status."""
	request = frappe.get_doc(REQUEST_DOCTYPE, vacancy_request)
	request.check_permission("read")
	if not frappe.has_permission(CANDIDATE_DOCTYPE, "read"):
		return {"candidates": [], "can_change_status": False, "statuses": []}
	candidates = frappe.get_list(
		CANDIDATE_DOCTYPE,
		filters={"vacancy_request": request.name},
		fields=list(LIST_FIELDS),
		order_by="score desc, creation asc",
		limit_page_length=0,
	)
	return {
		"candidates": candidates,
		"can_change_status": bool(frappe.has_permission(CANDIDATE_DOCTYPE, "write")),
		"statuses": list(rules.CANDIDATE_STATUSES),
	}


@frappe.whitelist(methods=["POST"])
def set_candidate_status(candidate: str, status: str) -> dict:
	"""Move one candidate to ``status``; refused, with nothing written, for an unknown status or a user who may
	not change the candidate."""
	if status not in rules.CANDIDATE_STATUSES:
		frappe.throw(
			_("Choose one of the candidate statuses."),
			CandidateStatusError,
			title=_("Invalid Value"),
		)
	doc = frappe.get_doc(CANDIDATE_DOCTYPE, candidate)
	doc.check_permission("write")
	if doc.status != status:
		doc.status = status
		doc.save()
	return {"name": doc.name, "status": doc.status, "status_date": doc.status_date}
