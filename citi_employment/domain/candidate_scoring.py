"""Ranking graduates for an employer's vacancy request (§2.2 «консультирование … по подбору вакансий»).

A pure function over plain dataclasses: the controller loads graduates, resumes and the special-workplace need
in a few batch queries and passes them here. Each score comes with its reasons as stable codes and points, so
the UI can translate them; a reason never carries health data — the special-workplace reason says only
whether the employer can offer such a workplace, not why the graduate needs one. Even that reason reveals that
the graduate needs one, so a score kept on a record others may read is computed ``with_personal_data=False``.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum
from functools import lru_cache
from itertools import pairwise

from citi_employment.domain.graduate import SEEKING_EMPLOYMENT, STUDYING

# How soon a student's study must end to be offered for a job (days after the expected start or today).
STUDY_END_HORIZON_DAYS = 60
# A graduate ready this many days after the expected start still gets some points.
LATE_READINESS_TOLERANCE_DAYS = 30

POINTS_PROFESSION = 40
POINTS_PC_MEETS = 15
POINTS_READY = 15
POINTS_READY_SOON = 5
POINTS_SAME_SETTLEMENT = 20
POINTS_SAME_REGION = 10
POINTS_SPECIAL_WORKPLACE = 10
PENALTY_NO_SPECIAL_WORKPLACE = -20


class ScoreReason(str, Enum):
	PROFESSION_MATCH = "profession_match"
	PROFESSION_OTHER = "profession_other"
	PC_MEETS = "pc_meets"
	PC_BELOW = "pc_below"
	PC_UNKNOWN = "pc_unknown"
	READY_IN_TIME = "ready_in_time"
	READY_SOON_AFTER = "ready_soon_after"
	READY_LATE = "ready_late"
	STUDY_ENDS = "study_ends"
	SAME_SETTLEMENT = "same_settlement"
	SAME_REGION = "same_region"
	SPECIAL_WORKPLACE_AVAILABLE = "special_workplace_available"
	SPECIAL_WORKPLACE_MISSING = "special_workplace_missing"


@dataclass(frozen=True)
class Vacancy:
	profession: str | None = None
	pc_skills: str | None = None
	expected_start_date: date | None = None
	work_address: str | None = None
	# "Saint Petersburg", "Leningrad Oblast" or "Other" — the Employer's region.
	employer_region: str | None = None
	employer_special_workplaces: int = 0


@dataclass(frozen=True)
class Candidate:
	graduate: str
	employment_status: str
	profession: str | None = None
	study_end: date | None = None
	address: str | None = None
	pc_level: str | None = None
	ready_from: date | None = None
	needs_special_workplace: bool = False


@dataclass(frozen=True)
class Explanation:
	reason: ScoreReason
	points: int
	# A plain, non-sensitive value the message needs (a date or a settlement name), or None.
	detail: object = None


@dataclass(frozen=True)
class CandidateScore:
	graduate: str
	score: int
	explanations: tuple[Explanation, ...] = field(default_factory=tuple)


# PC skills in the words people write them in a resume or a request, lowest level first.
_PC_LEVEL_WORDS: tuple[tuple[int, tuple[str, ...]], ...] = (
	(0, ("не влад", "нет", "none", "no ")),
	(1, ("базов", "начальн", "элементар", "basic", "beginner", "elementary", "пользовател", "user")),
	(2, ("уверен", "средн", "хорош", "intermediate", "confident", "good", "word", "excel", "офис")),
	(3, ("продвинут", "отличн", "эксперт", "свободн", "advanced", "expert", "fluent", "профессионал")),
)

_WORD = re.compile(r"[0-9a-zа-яё]+(?:-[0-9a-zа-яё]+)*")
# Words that introduce a settlement name in a Russian address: «г. Всеволожск», «пос. Кузьмоловский».
_SETTLEMENT_MARKERS = frozenset(
	("г", "город", "гор", "пос", "п", "поселок", "посёлок", "пгт", "д", "дер", "деревня", "с", "село", "гп")
)
_REGION_WORDS = {
	"Saint Petersburg": ("санкт-петербург", "петербург", "спб"),
	"Leningrad Oblast": ("ленинградская", "ло"),
}


# The parsers below are pure functions of short texts, called for every candidate with the same vacancy's texts:
# cached, a suggestion parses each text once.
@lru_cache(maxsize=4096)
def pc_level(text: str | None) -> int | None:
	"""0 (none) … 3 (advanced) from free text; None when the text says nothing recognisable.

	The highest level a text mentions wins except "none", which only counts when nothing else is said.
	"""
	if not text or not text.strip():
		return None
	lowered = f" {text.lower()} "
	found = [level for level, words in _PC_LEVEL_WORDS if any(word in lowered for word in words)]
	if not found:
		return None
	positive = [level for level in found if level > 0]
	return max(positive) if positive else 0


@lru_cache(maxsize=4096)
def settlements(address: str | None) -> frozenset[str]:
	"""Settlement names in an address: the word after «г.», «пос.», «д.» … (lower case)."""
	words = _WORD.findall((address or "").lower())
	names = set()
	for marker, name in pairwise(words):
		if marker in _SETTLEMENT_MARKERS and not name.isdigit() and name not in _SETTLEMENT_MARKERS:
			names.add(name)
	return frozenset(names)


@lru_cache(maxsize=4096)
def region_of(address: str | None) -> str | None:
	"""The region an address names, by its words; St Petersburg is a city and needs no «г.»."""
	words = set(_WORD.findall((address or "").lower()))
	for region, markers in _REGION_WORDS.items():
		if words.intersection(markers):
			return region
	return None


def is_eligible(candidate: Candidate, vacancy: Vacancy, today: date) -> bool:
	"""Seeking graduates, and students whose study ends soon after the job would start."""
	if candidate.employment_status == SEEKING_EMPLOYMENT:
		return True
	if candidate.employment_status == STUDYING and candidate.study_end:
		start = max(vacancy.expected_start_date or today, today)
		return candidate.study_end <= start + timedelta(days=STUDY_END_HORIZON_DAYS)
	return False


def score_candidate(
	candidate: Candidate, vacancy: Vacancy, today: date, *, with_personal_data: bool = True
) -> CandidateScore:
	"""The candidate's score and its reasons.

	``with_personal_data=False`` leaves out every factor taken from the graduate's personal data (the
	special-workplace need): a score that is stored where others read it must not reveal, by its text or by its
	number, that the graduate needs a special workplace (health data, 152-ФЗ ст. 10).
	"""
	explanations = [
		*_profession(candidate, vacancy),
		*_pc_skills(candidate, vacancy),
		*_readiness(candidate, vacancy, today),
		*_location(candidate, vacancy),
		*(_special_workplace(candidate, vacancy) if with_personal_data else ()),
	]
	return CandidateScore(candidate.graduate, sum(item.points for item in explanations), tuple(explanations))


def rank_candidates(
	vacancy: Vacancy,
	candidates: Iterable[Candidate],
	today: date,
	limit: int | None = None,
	*,
	with_personal_data: bool = True,
) -> list[CandidateScore]:
	"""Eligible candidates, best first; equal scores keep a stable order by graduate ID."""
	scores = [
		score_candidate(candidate, vacancy, today, with_personal_data=with_personal_data)
		for candidate in candidates
		if is_eligible(candidate, vacancy, today)
	]
	scores.sort(key=rank_key)
	return scores[:limit] if limit else scores


def rank_key(item: CandidateScore) -> tuple[int, str]:
	"""The ranking's order: best score first, equal scores by graduate ID."""
	return (-item.score, item.graduate)


# --- loading only the candidates that can make the list ---------------------------------------------------
# A region holds tens of thousands of eligible graduates and a request wants the best twenty. The database
# can sort them into tiers by what it knows (the profession, a special-workplace need, the workplace's
# settlement in the address), and the most a graduate of a tier can score is known from the vacancy alone.
# The caller reads the tiers best bound first, each in graduate-ID order (the ranking's tie-break) and in
# batches, and stops as soon as no graduate not yet read could enter the list: the list is the one ranking
# them all would give.


@dataclass(frozen=True)
class Tier:
	"""Eligible graduates the database can select on its own, and the highest score any of them can reach.

	Each split is True (the part that has it), False (the rest), or None (not split: the vacancy gives it no
	points): ``profession_matches`` the vacancy's profession; ``needs_special_workplace`` a special-workplace
	need (split only when the employer has special workplaces and the user may read personal data);
	``in_settlement`` one of the workplace's settlements written in the address (a graduate without any of
	them written cannot live there).
	"""

	profession_matches: bool | None
	needs_special_workplace: bool | None
	in_settlement: bool | None
	max_score: int


def tiers(vacancy: Vacancy, *, with_personal_data: bool = True) -> list[Tier]:
	"""The tiers that together hold every eligible graduate once, highest bound first."""
	professions = (True, False) if vacancy.profession else (None,)
	needs = (
		(True, False) if with_personal_data and (vacancy.employer_special_workplaces or 0) > 0 else (None,)
	)
	places = (True, False) if settlements(vacancy.work_address) else (None,)
	found = [
		Tier(profession, need, place, _max_score(vacancy, profession, need, place))
		for profession in professions
		for need in needs
		for place in places
	]
	found.sort(key=lambda tier: -tier.max_score)
	return found


def _max_score(vacancy: Vacancy, profession: bool | None, need: bool | None, place: bool | None) -> int:
	"""The most each factor of ``score_candidate`` can give a graduate of the tier (an upper bound)."""
	points = POINTS_PROFESSION if profession else 0
	if pc_level(vacancy.pc_skills) is not None:
		points += POINTS_PC_MEETS
	points += POINTS_READY
	if place:
		points += POINTS_SAME_SETTLEMENT
	elif (region_of(vacancy.work_address) or vacancy.employer_region) in _REGION_WORDS:
		points += POINTS_SAME_REGION
	if need:
		points += POINTS_SPECIAL_WORKPLACE
	return points


class TopCandidates:
	"""The best ``limit`` scores seen so far, in the ranking's order, fed in batches."""

	def __init__(self, limit: int):
		self.limit = limit
		self.items: list[CandidateScore] = []

	def add(self, scores: Iterable[CandidateScore]) -> None:
		self.items = sorted([*self.items, *scores], key=rank_key)[: self.limit]

	def contenders(self, scores: Iterable[CandidateScore]) -> list[CandidateScore]:
		"""Those of ``scores`` that would be in the list if they were added now, best first: the only ones a
		check that may still refuse some (the consent) needs to be made for."""
		ours = {id(item) for item in self.items}
		merged = sorted([*self.items, *scores], key=rank_key)[: self.limit]
		return [item for item in merged if id(item) not in ours]

	def settled(self, max_score: int, after: str | None = None) -> bool:
		"""No graduate not yet read can enter the list: each scores at most ``max_score`` and, when ``after``
		is given, has a graduate ID greater than it (the tier is read in ID order up to ``after``), so an equal
		score ranks behind the list's last."""
		if len(self.items) < self.limit:
			return False
		last = self.items[-1]
		if last.score != max_score:
			return last.score > max_score
		return after is not None and last.graduate <= after


def _profession(candidate: Candidate, vacancy: Vacancy) -> list[Explanation]:
	if not vacancy.profession:
		return []
	if candidate.profession == vacancy.profession:
		return [Explanation(ScoreReason.PROFESSION_MATCH, POINTS_PROFESSION, vacancy.profession)]
	return [Explanation(ScoreReason.PROFESSION_OTHER, 0, candidate.profession)]


def _pc_skills(candidate: Candidate, vacancy: Vacancy) -> list[Explanation]:
	required = pc_level(vacancy.pc_skills)
	if required is None:
		return []
	has = pc_level(candidate.pc_level)
	if has is None:
		return [Explanation(ScoreReason.PC_UNKNOWN, 0)]
	if has >= required:
		return [Explanation(ScoreReason.PC_MEETS, POINTS_PC_MEETS)]
	return [Explanation(ScoreReason.PC_BELOW, 0)]


def _readiness(candidate: Candidate, vacancy: Vacancy, today: date) -> list[Explanation]:
	explanations = []
	if candidate.employment_status == STUDYING and candidate.study_end:
		explanations.append(Explanation(ScoreReason.STUDY_ENDS, 0, candidate.study_end))
	# A student is ready when both the resume date and the end of study have come.
	ready = max(
		(
			day
			for day in (
				candidate.ready_from,
				candidate.study_end if candidate.employment_status == STUDYING else None,
			)
			if day
		),
		default=None,
	)
	start = vacancy.expected_start_date or today
	if ready is None or ready <= start:
		explanations.append(Explanation(ScoreReason.READY_IN_TIME, POINTS_READY, ready))
	elif ready <= start + timedelta(days=LATE_READINESS_TOLERANCE_DAYS):
		explanations.append(Explanation(ScoreReason.READY_SOON_AFTER, POINTS_READY_SOON, ready))
	else:
		explanations.append(Explanation(ScoreReason.READY_LATE, 0, ready))
	return explanations


def _location(candidate: Candidate, vacancy: Vacancy) -> list[Explanation]:
	common = settlements(candidate.address) & settlements(vacancy.work_address)
	if common:
		return [Explanation(ScoreReason.SAME_SETTLEMENT, POINTS_SAME_SETTLEMENT, sorted(common)[0])]
	candidate_region = region_of(candidate.address)
	vacancy_region = region_of(vacancy.work_address) or vacancy.employer_region
	if candidate_region and candidate_region == vacancy_region:
		return [Explanation(ScoreReason.SAME_REGION, POINTS_SAME_REGION, candidate_region)]
	return []


def _special_workplace(candidate: Candidate, vacancy: Vacancy) -> list[Explanation]:
	if not candidate.needs_special_workplace:
		return []
	if (vacancy.employer_special_workplaces or 0) > 0:
		return [Explanation(ScoreReason.SPECIAL_WORKPLACE_AVAILABLE, POINTS_SPECIAL_WORKPLACE)]
	return [Explanation(ScoreReason.SPECIAL_WORKPLACE_MISSING, PENALTY_NO_SPECIAL_WORKPLACE)]
