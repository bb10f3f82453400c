"""Candidates for a vacancy request: batch loading for the scoring, translated reasons, the consent gate.

The ranking itself is ``citi_employment.domain.candidate_scoring``; this module only fetches its inputs in a few
queries (graduates, their latest resumes, the special-workplace flag, the employer) — never one per graduate.
A suggestion reads only the graduates that can make its list: the scoring's tiers (``candidate_scoring.tiers``:
by profession, special-workplace need and the workplace's settlement), best bound first, each in graduate-ID
order and in growing batches, until no graduate left can enter (``TopCandidates.settled``). At region scale
that is one or two batches of a few hundred rows instead of every seeking graduate of the region (12,798),
and the list and its reasons are the ones ranking them all would give.
The special-workplace flag counts only in the live suggestions; scores stored on Vacancy Candidate leave it out.
"""

from datetime import timedelta

import frappe
from frappe import _
from frappe.query_builder import Case, Criterion, Order
from frappe.query_builder.functions import IfNull
from frappe.utils import formatdate, getdate

from citi_employment.domain import candidate_scoring as scoring
from citi_employment.domain.candidate_scoring import ScoreReason
from citi_employment.domain.consents import ACTIVE, PROCESSING, ConsentUse
from citi_employment.domain.consents import consent_problem as rules_consent_problem
from citi_employment.domain.dates import date_or_none
from citi_employment.domain.graduate import SEEKING_EMPLOYMENT, STUDYING
from citi_employment.personal_data.consents import consent_problem, get_consent_states_of, problem_message

PERSONAL_DATA_DOCTYPE = "Graduate Personal Data"
CONSENT_DOCTYPE = "Personal Data Consent"
REVOKED = "Revoked"
# A suggestion reads a tier's graduates in batches: the first of this many times the list's length (in the
# region's data one graduate in ten to fifteen reaches a tier's bound), at least FIRST_BATCH_MIN; each next
# batch of a tier twice the last, so that a tier read to its end costs a few queries, not one per batch.
FIRST_BATCH_FACTOR = 10
FIRST_BATCH_MIN = 200


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
	present = frappe.get_all("Vacancy Candidate", filters={"vacancy_request": doc.name}, pluck="graduate")
	with_personal_data = may_read_personal_data()
	eligible = eligible_graduates(vacancy, today, present)
	top = scoring.TopCandidates(limit)
	names = {}
	for tier in scoring.tiers(vacancy, with_personal_data=with_personal_data):
		after = None
		batch = max(limit * FIRST_BATCH_FACTOR, FIRST_BATCH_MIN)
		while not top.settled(tier.max_score, after):
			rows = next_batch(eligible, tier, vacancy, after, batch, with_personal_data)
			if rows:
				after = rows[-1].name
			names.update((row.name, row.full_name) for row in rows)
			needs = {row.name for row in rows if row.get("needs_special_workplace")}
			add_allowed(top, scoring.rank_candidates(vacancy, to_candidates(rows, needs=needs), today))
			if len(rows) < batch:
				break
			batch *= 2
	messages = reason_messages()
	return [
		{
			"graduate": item.graduate,
			"graduate_name": names.get(item.graduate),
			"score": item.score,
			"explanation": explain(item, messages),
		}
		for item in top.items
	]


def add_allowed(top: scoring.TopCandidates, scores: list[scoring.CandidateScore]) -> None:
	"""Add the batch's scores that may be proposed to the list.

	The batch was read with a transfer consent (``eligible_graduates``); the whole consent rule is applied here
	to those that would enter the list only, a few graduates instead of the batch. One who is refused leaves a
	place the next of the batch may take, so the check is made again for the new contenders.
	"""
	while contenders := top.contenders(scores):
		allowed = {
			row.name for row in may_be_proposed([frappe._dict(name=item.graduate) for item in contenders])
		}
		top.add(item for item in contenders if item.graduate in allowed)
		if len(allowed) == len(contenders):
			return
		checked = {item.graduate for item in contenders}
		scores = [item for item in scores if item.graduate not in checked]


def eligible_graduates(vacancy: scoring.Vacancy, today, present: list[str]):
	"""A query of the graduates ``scoring.is_eligible`` accepts, without a revoked consent, not yet proposed, with
	the columns the scoring reads."""
	start = max(vacancy.expected_start_date or today, today)
	study_end_limit = start + timedelta(days=scoring.STUDY_END_HORIZON_DAYS)
	graduate = frappe.qb.DocType("Graduate")
	query = (
		graduates_for_scoring(graduate)
		.select(graduate.full_name)
		.where(
			(graduate.employment_status == SEEKING_EMPLOYMENT)
			| ((graduate.employment_status == STUDYING) & (graduate.study_end <= study_end_limit))
		)
		.where(graduate.consent_status.isnull() | (graduate.consent_status != REVOKED))
		# What ``may_be_proposed`` needs at the least: a signed, active processing consent that allows transfer
		# to employers. At region scale half the seeking graduates have none; read here, they would be loaded
		# only to be dropped. ``add_allowed`` still applies the whole rule to those that make the list.
		.where(graduate.name.isin(transfer_consent_holders()))
	)
	if present:
		query = query.where(graduate.name.notin(present))
	return query


def transfer_consent_holders():
	"""A query of the graduates with a signed, active processing consent that allows transfer to employers."""
	consent = frappe.qb.DocType(CONSENT_DOCTYPE)
	return (
		frappe.qb.from_(consent)
		.select(consent.graduate)
		.where(consent.docstatus == 1)
		.where(consent.kind == PROCESSING)
		.where(consent.status == ACTIVE)
		.where(consent.transfer_to_employers == 1)
	)


def next_batch(
	eligible,
	tier: scoring.Tier,
	vacancy: scoring.Vacancy,
	after: str | None,
	size: int,
	with_personal_data: bool,
) -> list:
	"""The next ``size`` graduates of a tier after the ID ``after``, in ID order, and for a user who may read
	personal data whether each needs a special workplace (a yes/no: the need itself is not read).

	ID order is the ranking's tie-break (``scoring.rank_key``). Graduate IDs are one naming series
	(GRAD-YYYY-#####), so the database's collation and Python order them alike.
	"""
	graduate = frappe.qb.DocType("Graduate")
	query = eligible
	if with_personal_data:
		personal_data = frappe.qb.DocType(PERSONAL_DATA_DOCTYPE)
		query = (
			query.left_join(personal_data)
			.on(personal_data.graduate == graduate.name)
			.select(
				Case()
				.when(special_workplace_need(personal_data) != "", 1)
				.else_(0)
				.as_("needs_special_workplace")
			)
		)
	query = query.where(tier_condition(tier, vacancy))
	if after is not None:
		query = query.where(graduate.name > after)
	return query.orderby(graduate.name).limit(size).run(as_dict=True)


def special_workplace_need(personal_data):
	"""The need as the text or "": IFNULL keeps the join of ``next_batch`` an outer one for the optimizer (with
	a plain "IS NOT NULL" it may start from that table and sort all the region's needs); a subquery instead
	was planned as a scan of the whole table per graduate."""
	return IfNull(personal_data.special_workplace_needs, "")


def tier_condition(tier: scoring.Tier, vacancy: scoring.Vacancy):
	"""The SQL condition selecting the tier's graduates; the tiers of ``scoring.tiers`` split the eligible ones."""
	graduate = frappe.qb.DocType("Graduate")
	conditions = []
	if tier.profession_matches is not None:
		matches = graduate.profession == vacancy.profession
		conditions.append(
			matches
			if tier.profession_matches
			else (graduate.profession.isnull() | (graduate.profession != vacancy.profession))
		)
	if tier.needs_special_workplace is not None:
		# On the Graduate Personal Data row ``next_batch`` joins (the tier is split only for a user who may read it).
		needs = special_workplace_need(frappe.qb.DocType(PERSONAL_DATA_DOCTYPE))
		conditions.append((needs != "") if tier.needs_special_workplace else (needs == ""))
	if tier.in_settlement is not None:
		# A settlement's name (letters, digits, hyphens) written anywhere in the address; LIKE ignores case, as
		# ``scoring.settlements`` does. An address without it cannot name the settlement.
		written = Criterion.any(
			[
				graduate.actual_address.like(f"%{name}%")
				for name in sorted(scoring.settlements(vacancy.work_address))
			]
		)
		conditions.append(written if tier.in_settlement else (graduate.actual_address.isnull() | ~written))
	return Criterion.all(conditions)


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


def to_candidates(
	rows, with_personal_data: bool = True, needs: set[str] | None = None
) -> list[scoring.Candidate]:
	"""Scoring inputs; ``with_personal_data=False`` does not read Graduate Personal Data at all, ``needs`` (the
	graduates who need a special workplace, read with the rows) saves reading it again."""
	names = [row.name for row in rows]
	resumes = latest_resumes(names)
	if needs is not None:
		needs_special_workplace = needs
	else:
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
		.orderby(resume.name, order=Order.desc)
		.run(as_dict=True)
	)
	latest = {}
	for row in rows:
		latest.setdefault(row.graduate, row)
	return latest


def may_read_personal_data() -> bool:
	return bool(frappe.has_permission(PERSONAL_DATA_DOCTYPE, "read"))


def special_workplace_query():
	"""A query of the graduates whose personal data states a special-workplace need."""
	personal_data = frappe.qb.DocType(PERSONAL_DATA_DOCTYPE)
	return (
		frappe.qb.from_(personal_data)
		.select(personal_data.graduate)
		.where(personal_data.graduate.isnotnull())
		.where(
			personal_data.special_workplace_needs.isnotnull() & (personal_data.special_workplace_needs != "")
		)
	)


def special_workplace_needs(graduates: list[str]) -> set[str]:
	"""Graduates who need a special workplace — only a yes/no, and only for users who may read personal data."""
	if not graduates or not may_read_personal_data():
		return set()
	personal_data = frappe.qb.DocType(PERSONAL_DATA_DOCTYPE)
	return set(special_workplace_query().where(personal_data.graduate.isin(graduates)).run(pluck=True))


def explain(item: scoring.CandidateScore, messages: dict | None = None) -> list[str]:
	messages = messages or reason_messages()
	return [
		f"{reason_text(explanation, messages)} ({explanation.points:+d})" for explanation in item.explanations
	]


def reason_messages() -> dict[ScoreReason, str]:
	"""Each reason's message in the user's language; ``{0}`` takes the reason's detail."""
	return {
		ScoreReason.PROFESSION_MATCH: _("Profession matches: {0}"),
		ScoreReason.PROFESSION_OTHER: _("Other profession: {0}"),
		ScoreReason.PC_MEETS: _("PC skills meet the requirement"),
		ScoreReason.PC_BELOW: _("PC skills are below the requirement"),
		ScoreReason.PC_UNKNOWN: _("PC skills are not stated in the resume"),
		ScoreReason.READY_IN_TIME: _("Ready by the expected start date"),
		ScoreReason.READY_SOON_AFTER: _("Ready soon after the expected start date: {0}"),
		ScoreReason.READY_LATE: _("Ready only from {0}"),
		ScoreReason.STUDY_ENDS: _("Studies end on {0}"),
		ScoreReason.SAME_SETTLEMENT: _("Lives in the same settlement as the workplace: {0}"),
		ScoreReason.SAME_REGION: _("Lives in the same region as the workplace"),
		ScoreReason.SPECIAL_WORKPLACE_AVAILABLE: _(
			"Special workplace compatibility: the employer has special workplaces"
		),
		ScoreReason.SPECIAL_WORKPLACE_MISSING: _(
			"Special workplace compatibility: the employer has no special workplaces"
		),
	}


def reason_text(explanation: scoring.Explanation, messages: dict[ScoreReason, str]) -> str:
	detail = explanation.detail
	if hasattr(detail, "year"):
		detail = formatdate(detail)
	reason = explanation.reason
	if reason is ScoreReason.PROFESSION_OTHER and not detail:
		return _("Profession not specified")
	if reason is ScoreReason.SAME_SETTLEMENT:
		detail = str(detail).title()
	message = messages.get(reason)
	return message.format(detail) if message else reason.value
