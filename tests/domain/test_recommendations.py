from datetime import date

import pytest

from citi_employment.domain.recommendations import (
	SECTION_LEVELS,
	RecommendationState,
	Section,
	TransitionProblem,
	birth_year,
	is_content_locked,
	may_send,
	refused_sections,
	transition_problem,
)

DRAFT = RecommendationState.DRAFT.value
REVIEW = RecommendationState.READY_FOR_REVIEW.value
APPROVED = RecommendationState.APPROVED.value
SENT = RecommendationState.SENT.value

# Authorship: who may write which section


def test_each_author_section_has_its_own_level_and_the_center_a_further_one():
	levels = list(SECTION_LEVELS.values())
	assert len(set(levels)) == len(levels)
	assert 0 not in levels
	assert SECTION_LEVELS[Section.PERSONALITY] == 1
	assert SECTION_LEVELS[Section.SOCIAL] == 2
	assert SECTION_LEVELS[Section.LEARNING] == 3


def test_psychologist_writing_the_teachers_section_is_refused():
	psychologist = [0, SECTION_LEVELS[Section.PERSONALITY]]
	assert refused_sections([SECTION_LEVELS[Section.LEARNING]], psychologist) == [Section.LEARNING]


def test_author_writing_own_section_is_not_refused():
	assert refused_sections([1], [0, 1]) == []
	assert refused_sections([2], [0, 2]) == []
	assert refused_sections([3], [0, 3]) == []


def test_head_writes_every_section():
	assert refused_sections([1, 2, 3, 4], [0, 1, 2, 3, 4]) == []


def test_level_zero_is_no_section():
	assert refused_sections([0], []) == []


def test_refused_sections_come_in_the_order_of_the_form():
	assert refused_sections([4, 3, 2], [0, 1]) == [Section.SOCIAL, Section.LEARNING, Section.CENTER]


# Workflow moves


def test_only_the_head_approves():
	assert transition_problem(REVIEW, APPROVED, is_head=False) == TransitionProblem.APPROVAL_BY_HEAD_ONLY
	assert transition_problem(REVIEW, APPROVED, is_head=True) is None


def test_approval_comes_after_review():
	assert transition_problem(DRAFT, APPROVED, is_head=True) == TransitionProblem.APPROVAL_NEEDS_REVIEW


@pytest.mark.parametrize("previous", [DRAFT, REVIEW, APPROVED])
@pytest.mark.parametrize("is_head", [True, False])
def test_nobody_marks_a_recommendation_sent_by_hand(previous, is_head):
	assert transition_problem(previous, SENT, is_head=is_head) == TransitionProblem.SENT_ONLY_BY_TRANSFER


@pytest.mark.parametrize("new", [DRAFT, REVIEW, APPROVED])
def test_sent_is_final(new):
	assert transition_problem(SENT, new, is_head=True) == TransitionProblem.SENT_IS_FINAL


@pytest.mark.parametrize(
	("previous", "new", "is_head"),
	[
		(None, DRAFT, False),
		(DRAFT, DRAFT, False),
		(DRAFT, REVIEW, False),
		(REVIEW, DRAFT, False),
		(APPROVED, DRAFT, True),
		(APPROVED, APPROVED, True),
		(SENT, SENT, False),
	],
)
def test_ordinary_moves_pass(previous, new, is_head):
	assert transition_problem(previous, new, is_head=is_head) is None


def test_content_is_locked_once_approved():
	assert not is_content_locked(DRAFT)
	assert not is_content_locked(REVIEW)
	assert is_content_locked(APPROVED)
	assert is_content_locked(SENT)


def test_only_approved_text_is_sent():
	assert not may_send(DRAFT)
	assert not may_send(REVIEW)
	assert not may_send(None)
	assert may_send(APPROVED)
	assert may_send(SENT)


# Header and general information


def test_birth_year_is_the_year_only():
	assert birth_year(date(2004, 5, 17)) == "2004"
	assert birth_year(None) == ""
