"""The candidates of a vacancy request as its form shows them: the graduates suggested for it, those proposed
from there, and a candidate's status changed from the list.

The list is read with the reader's own rights on Vacancy Candidate (``frappe.get_list``), so the form shows
exactly what the Vacancy Candidate list would: the Admissions Committee, which reads Targeted Training
requests, is given no candidate (§3.3: requests, not graduates). A status change goes through the Vacancy
Candidate controller, like a save of its own form (status date, write rules, version history).
"""

import json

import frappe
from frappe import _

from citi_employment.domain import vacancies as rules
from citi_employment.vacancies import candidates as candidate_service

REQUEST_DOCTYPE = "Vacancy Request"
CANDIDATE_DOCTYPE = "Vacancy Candidate"
LIST_FIELDS = ("name", "graduate", "graduate_name", "status", "status_date", "score")
DEFAULT_SUGGESTIONS = 20
MAX_SUGGESTIONS = 500


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


@frappe.whitelist()
def suggest_candidates(vacancy_request: str, limit: int = DEFAULT_SUGGESTIONS) -> list[dict]:
	"""Graduates ranked for the request, each with its score and translated reasons."""
	doc = frappe.get_doc(REQUEST_DOCTYPE, vacancy_request)
	doc.check_permission("write")
	return candidate_service.suggest(doc, limit=parse_limit(limit))


@frappe.whitelist(methods=["POST"])
def add_candidates(vacancy_request: str, graduates: str | list[str]) -> dict:
	"""Propose graduates to the employer and say what came of each, for the form's confirmation.

	A graduate whose consent does not allow transfer to employers is refused (proposing sends their data out,
	152-ФЗ ст. 9) and the others are still proposed; one already proposed is left as is. Bad input — a graduate
	that does not exist or that the user may not read — refuses the whole call before anything is written.
	Returns the graduate IDs ``added``, ``refused`` and ``already_proposed``, and ``names`` for all of them.
	"""
	doc = frappe.get_doc(REQUEST_DOCTYPE, vacancy_request)
	doc.check_permission("write")
	wanted = list(dict.fromkeys(graduate for graduate in parse_graduates(graduates) if graduate))
	for graduate in wanted:
		frappe.get_doc("Graduate", graduate).check_permission("read")
	names = dict(
		frappe.get_all(
			"Graduate", filters={"name": ("in", wanted)}, fields=["name", "full_name"], as_list=True
		)
	)
	present = set(frappe.get_all(CANDIDATE_DOCTYPE, filters={"vacancy_request": doc.name}, pluck="graduate"))
	new = [graduate for graduate in wanted if graduate not in present]
	allowed = {row.name for row in candidate_service.may_be_proposed([frappe._dict(name=g) for g in new])}
	added = [graduate for graduate in new if graduate in allowed]
	scores = candidate_service.scores_for(doc, added)
	for graduate in added:
		score = scores.get(graduate) or {"score": 0, "explanation": []}
		candidate = frappe.get_doc(
			{
				"doctype": CANDIDATE_DOCTYPE,
				"vacancy_request": doc.name,
				"graduate": graduate,
				"status": rules.PROPOSED,
				"score": score["score"],
				"score_explanation": "\n".join(score["explanation"]),
			}
		)
		# Scored above for all graduates at once; a client cannot set flags, so a sent score is recomputed.
		candidate.flags.written_by_service = True
		candidate.insert()
	return {
		"added": added,
		"refused": [graduate for graduate in new if graduate not in allowed],
		"already_proposed": [graduate for graduate in wanted if graduate in present],
		"names": {graduate: names.get(graduate) or graduate for graduate in wanted},
	}


def parse_limit(limit) -> int:
	"""How many suggestions to return: a whole number from 1 to ``MAX_SUGGESTIONS``; none given means 20."""
	if limit is None or limit == "":
		return DEFAULT_SUGGESTIONS
	text = str(limit).strip() if isinstance(limit, int | str) and not isinstance(limit, bool) else ""
	if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= MAX_SUGGESTIONS:
		frappe.throw(
			_("The number of suggestions must be a whole number from 1 to {0}.").format(MAX_SUGGESTIONS),
			title=_("Invalid Value"),
		)
	return int(text)


def parse_graduates(graduates) -> list[str]:
	"""The graduate IDs to propose, as a list or its JSON; anything else is refused before any write."""
	if isinstance(graduates, str):
		try:
			graduates = json.loads(graduates)
		except ValueError:
			graduates = None
	if not isinstance(graduates, list) or not all(isinstance(graduate, str) for graduate in graduates):
		frappe.throw(_("The graduates must be given as a list of graduate IDs."), title=_("Invalid Value"))
	if not any(graduates):
		frappe.throw(_("Select at least one graduate."), title=_("Invalid Value"))
	return graduates
