"""Candidates for a vacancy request: batch loading for the scoring, translated reasons, the consent gate.

The ranking itself is ``citi_employment.domain.candidate_scoring``; this module only fetches its inputs in a few
queries (graduates, their latest resumes, the special-workplace flag, the employer) — never one per graduate.
The special-workplace flag counts only in the live suggestions; scores stored on Vacancy Candidate leave it out.
"""

from datetime import timedelta

import frappe
from frappe import _
from frappe.query_builder import Order
from frappe.utils import formatdate, getdate

from citi_employment.domain import candidate_scoring as scoring
from citi_employment.domain.candidate_scoring import ScoreReason
from citi_employment.domain.consents import ConsentUse
from citi_employment.domain.consents import consent_problem as rules_consent_problem
from citi_employment.domain.dates import date_or_none
from citi_employment.domain.graduate import SEEKING_EMPLOYMENT, STUDYING
from citi_employment.personal_data.consents import consent_problem, get_consent_states_of, problem_message

PERSONAL_DATA_DOCTYPE = "Graduate Personal Data"
REVOKED = "Revoked"


class CandidateNotAllowedError(frappe.ValidationError):
	"""The graduate's consent does not allow proposing them to an employer."""


def assert_candidate_allowed(graduate: str, graduate_name: str) -> None:
	"""Proposing a graduate sends their data to the employer: it needs a consent allowing transfer (152-ФЗ ст. 9)."""
	problem = consent_problem(graduate, ConsentUse.PROPOSE)
	if problem:
		frappe.throw(
			_("{0} cannot be proposed to the employer. {1}").format(
				frappe.bold(graduate_name), problem_message(problem)
			),
			exc=CandidateNotAllowedError,
			title=_("Consent Required"),
		)


def may_be_proposed(rows: list) -> list:
	"""Only graduates whose consent allows transfer to employers: proposing one sends their data out."""
	states = get_consent_states_of([row.name for row in rows])
	return [row for row in rows if not rules_consent_problem(states.get(row.name, []), ConsentUse.PROPOSE)]


def suggest(doc, limit: int = 20) -> list[dict]:
	vacancy = to_vacancy(doc)
	today = getdate()
	start = max(vacancy.expected_start_date or today, today)
	study_end_limit = start + timedelta(days=scoring.STUDY_END_HORIZON_DAYS)
	present = frappe.get_all("Vacancy Candidate", filters={"vacancy_request": doc.name}, pluck="graduate")

	graduate = frappe.qb.DocType("Graduate")
	query = (
		graduates_for_scoring(graduate)
		.select(graduate.full_name)
		.where(
			(graduate.employment_status == SEEKING_EMPLOYMENT)
			| ((graduate.employment_status == STUDYING) & (graduate.study_end <= study_end_limit))
		)
		.where(graduate.consent_status.isnull() | (graduate.consent_status != REVOKED))
	)
	if present:
		query = query.where(graduate.name.notin(present))
	rows = may_be_proposed(query.run(as_dict=True))
	ranked = scoring.rank_candidates(vacancy, to_candidates(rows), today, limit=limit)
	names = {row.name: row.full_name for row in rows}
	return [
		{
			"graduate": item.graduate,
			"graduate_name": names.get(item.graduate),
			"score": item.score,
			"explanation": explain(item),
		}
		for item in ranked
	]


def scores_for(doc, graduates: list[str]) -> dict[str, dict]:
	"""Scores to store on the proposals of graduates chosen by hand, eligible or not, keyed by graduate.

	Computed without the personal-data factor: Vacancy Candidate is read by the Director and keeps its versions,
	and only the Head and Specialists may know that a graduate needs a special workplace (health data, 152-ФЗ
	ст. 10): neither the reason's text nor the points may show it. The live ``suggest`` (write rights on the
	request) shows it.
	"""
	if not graduates:
		return {}
	vacancy = to_vacancy(doc)
	graduate = frappe.qb.DocType("Graduate")
	rows = graduates_for_scoring(graduate).where(graduate.name.isin(graduates)).run(as_dict=True)
	today = getdate()
	result = {}
	for candidate in to_candidates(rows, with_personal_data=False):
		item = scoring.score_candidate(candidate, vacancy, today, with_personal_data=False)
		result[item.graduate] = {"score": item.score, "explanation": explain(item)}
	return result


def graduates_for_scoring(graduate):
	"""A query of the Graduate columns the scoring reads (``to_candidates``)."""
	return frappe.qb.from_(graduate).select(
		graduate.name,
		graduate.employment_status,
		graduate.profession,
		graduate.study_end,
		graduate.actual_address,
	)


def to_vacancy(doc) -> scoring.Vacancy:
	special_workplaces = (
		frappe.db.get_value("Employer", doc.employer, "special_workplaces") if doc.employer else 0
	)
	return scoring.Vacancy(
		profession=doc.profession,
		pc_skills=doc.pc_skills,
		expected_start_date=date_or_none(doc.expected_start_date),
		work_address=doc.work_address,
		employer_region=doc.employer_region,
		employer_special_workplaces=int(special_workplaces or 0),
	)


def to_candidates(rows, with_personal_data: bool = True) -> list[scoring.Candidate]:
	"""Scoring inputs; ``with_personal_data=False`` does not read Graduate Personal Data at all."""
	names = [row.name for row in rows]
	resumes = latest_resumes(names)
	needs_special_workplace = special_workplace_needs(names) if with_personal_data else set()
	candidates = []
	for row in rows:
		resume = resumes.get(row.name) or {}
		candidates.append(
			scoring.Candidate(
				graduate=row.name,
				employment_status=row.employment_status,
				profession=row.profession,
				study_end=date_or_none(row.study_end),
				address=row.actual_address,
				pc_level=resume.get("pc_level"),
				ready_from=getdate(resume["ready_from"]) if resume.get("ready_from") else None,
				needs_special_workplace=row.name in needs_special_workplace,
			)
		)
	return candidates


def latest_resumes(graduates: list[str]) -> dict[str, dict]:
	if not graduates:
		return {}
	resume = frappe.qb.DocType("Student Resume")
	rows = (
		frappe.qb.from_(resume)
		.select(resume.graduate, resume.pc_level, resume.ready_from)
		.where(resume.graduate.isin(graduates))
		.orderby(resume.modified, order=Order.desc)
		.run(as_dict=True)
	)
	latest = {}
	for row in rows:
		latest.setdefault(row.graduate, row)
	return latest


def special_workplace_needs(graduates: list[str]) -> set[str]:
	"""Graduates who need a special workplace — only a yes/no, and only for users who may read personal data."""
	if not graduates or not frappe.has_permission(PERSONAL_DATA_DOCTYPE, "read"):
		return set()
	personal_data = frappe.qb.DocType(PERSONAL_DATA_DOCTYPE)
	rows = (
		frappe.qb.from_(personal_data)
		.select(personal_data.graduate)
		.where(personal_data.graduate.isin(graduates))
		.where(
			personal_data.special_workplace_needs.isnotnull() & (personal_data.special_workplace_needs != "")
		)
		.run(pluck=True)
	)
	return set(rows)


def explain(item: scoring.CandidateScore) -> list[str]:
	return [f"{reason_text(explanation)} ({explanation.points:+d})" for explanation in item.explanations]


def reason_text(explanation: scoring.Explanation) -> str:
	detail = explanation.detail
	if hasattr(detail, "year"):
		detail = formatdate(detail)
	reason = explanation.reason
	if reason is ScoreReason.PROFESSION_MATCH:
		return _("Profession matches: {0}").format(detail)
	if reason is ScoreReason.PROFESSION_OTHER:
		return _("Other profession: {0}").format(detail) if detail else _("Profession not specified")
	if reason is ScoreReason.PC_MEETS:
		return _("PC skills meet the requirement")
	if reason is ScoreReason.PC_BELOW:
		return _("PC skills are below the requirement")
	if reason is ScoreReason.PC_UNKNOWN:
		return _("PC skills are not stated in the resume")
	if reason is ScoreReason.READY_IN_TIME:
		return _("Ready by the expected start date")
	if reason is ScoreReason.READY_SOON_AFTER:
		return _("Ready soon after the expected start date: {0}").format(detail)
	if reason is ScoreReason.READY_LATE:
		return _("Ready only from {0}").format(detail)
	if reason is ScoreReason.STUDY_ENDS:
		return _("Studies end on {0}").format(detail)
	if reason is ScoreReason.SAME_SETTLEMENT:
		return _("Lives in the same settlement as the workplace: {0}").format(str(detail).title())
	if reason is ScoreReason.SAME_REGION:
		return _("Lives in the same region as the workplace")
	if reason is ScoreReason.SPECIAL_WORKPLACE_AVAILABLE:
		return _("Special workplace compatibility: the employer has special workplaces")
	if reason is ScoreReason.SPECIAL_WORKPLACE_MISSING:
		return _("Special workplace compatibility: the employer has no special workplaces")
	return reason.value
