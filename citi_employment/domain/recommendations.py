"""Mentor recommendations: the seed form «Рекомендации наставникам на рабочем месте/работодателям по
сопровождению выпускника» and its workflow.

Plain values in, plain values out. Each section of the form has one author (the psychologist,
the social pedagogue and the teacher write only their own section; the Center writes the rest), and the
DocType keeps each section on its own permission level, so "who may write what" is a question about levels.
The Frappe controller maps the document onto these functions and raises the translated errors.
"""

from collections.abc import Iterable
from datetime import date
from enum import Enum


class RecommendationState(str, Enum):
	DRAFT = "Draft"
	READY_FOR_REVIEW = "Ready for Review"
	APPROVED = "Approved"
	SENT = "Sent"


class Section(str, Enum):
	"""The parts of the form, each written by one author."""

	CENTER = "center"  # header, general information, conclusions, the deputy director's signature
	PERSONALITY = "personality"  # «Личностные и поведенческие особенности (рекомендации психолога)»
	SOCIAL = "social"  # «Особенности социального развития (рекомендации социального педагога, воспитателя)»
	LEARNING = "learning"  # «Особенности учебной деятельности (рекомендации педагога)»


# The permission level of each section in the DocType JSON (level 0 holds only what services and the
# framework fill: the state, the year of birth and the names fetched from the graduate).
SECTION_LEVELS: dict[Section, int] = {
	Section.PERSONALITY: 1,
	Section.SOCIAL: 2,
	Section.LEARNING: 3,
	Section.CENTER: 4,
}
LEVEL_SECTIONS: dict[int, Section] = {level: section for section, level in SECTION_LEVELS.items()}

# Approved text is what leaves the Center: from approval on the content stays as the Head approved it.
LOCKED_STATES = frozenset({RecommendationState.APPROVED, RecommendationState.SENT})
# A recommendation may go to an employer once the Head approved it; a sent one may go to another employer
# too, as it is still the approved text (content is locked in both states).
SENDABLE_STATES = frozenset({RecommendationState.APPROVED, RecommendationState.SENT})


class TransitionProblem(str, Enum):
	APPROVAL_BY_HEAD_ONLY = "approval_by_head_only"
	APPROVAL_NEEDS_REVIEW = "approval_needs_review"
	SENT_ONLY_BY_TRANSFER = "sent_only_by_transfer"
	SENT_IS_FINAL = "sent_is_final"


def refused_sections(changed_levels: Iterable[int], writable_levels: Iterable[int]) -> list[Section]:
	"""The sections a user changed without the right to write them, in the order of the form.

	Level 0 is not a section: what lives there is guarded by the service-field rules, not by authorship."""
	writable = set(writable_levels)
	refused = {LEVEL_SECTIONS[level] for level in changed_levels if level and level not in writable}
	return [section for section in SECTION_LEVELS if section in refused]


def transition_problem(previous: str | None, new: str | None, *, is_head: bool) -> TransitionProblem | None:
	"""Why a save may not move the recommendation from ``previous`` to ``new``, or None.

	The workflow already offers only these moves; the rule is kept here too so that it holds when the
	workflow is bypassed (a REST PUT of the state, a disabled or edited workflow)."""
	if previous == new or new is None:
		return None
	if previous == RecommendationState.SENT.value:
		return TransitionProblem.SENT_IS_FINAL
	if new == RecommendationState.SENT.value:
		# Only the consent-gated transfer marks a recommendation as sent, after it has logged the transfer.
		return TransitionProblem.SENT_ONLY_BY_TRANSFER
	if new == RecommendationState.APPROVED.value:
		if not is_head:
			return TransitionProblem.APPROVAL_BY_HEAD_ONLY
		if previous != RecommendationState.READY_FOR_REVIEW.value:
			return TransitionProblem.APPROVAL_NEEDS_REVIEW
	return None


def is_content_locked(state: str | None) -> bool:
	return state in {s.value for s in LOCKED_STATES}


def may_send(state: str | None) -> bool:
	return state in {s.value for s in SENDABLE_STATES}


def birth_year(date_of_birth: date | None) -> str:
	"""«2004» for the header's «… 2004 г.р.»: the form shows the year only."""
	return str(date_of_birth.year) if date_of_birth else ""
