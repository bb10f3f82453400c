from datetime import date

import pytest

from citi_employment.domain import graduate as graduate_rules
from citi_employment.domain import monitoring as rules
from citi_employment.domain.monitoring import (
	DONE,
	DUE,
	NOT_APPLICABLE,
	OVERDUE,
	PLANNED,
	CheckValues,
	MonitoringProblem,
	Observation,
	ScheduledCheck,
	SchedulePolicy,
)

POLICY = SchedulePolicy(checkpoints=(1, 3, 6, 12, 24), due_lead_days=7, overdue_grace_days=14)
EMPLOYED_ON = date(2026, 1, 15)
TODAY = date(2026, 1, 20)


# --- dates ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
	"start, months, expected",
	[
		(date(2026, 1, 15), 1, date(2026, 2, 15)),
		(date(2026, 1, 31), 1, date(2026, 2, 28)),
		(date(2028, 1, 31), 1, date(2028, 2, 29)),
		(date(2026, 11, 30), 3, date(2027, 2, 28)),
		(date(2026, 1, 15), 24, date(2028, 1, 15)),
		(date(2026, 12, 1), 12, date(2027, 12, 1)),
	],
)
def test_months_are_added_with_the_month_end_kept(start, months, expected):
	assert rules.add_months(start, months) == expected


@pytest.mark.parametrize(
	"due, expected",
	[
		(date(2026, 3, 1), PLANNED),
		(date(2026, 1, 28), PLANNED),  # eight days ahead
		(date(2026, 1, 27), DUE),  # seven days ahead: the lead time starts
		(date(2026, 1, 20), DUE),
		(date(2026, 1, 6), DUE),  # the last day of the grace period
		(date(2026, 1, 5), OVERDUE),
	],
)
def test_status_by_date(due, expected):
	assert rules.status_by_date(due, TODAY, 7, 14) == expected


def test_cutoffs_are_the_edges_of_status_by_date():
	assert rules.due_cutoff(TODAY, 7) == date(2026, 1, 27)
	assert rules.overdue_cutoff(TODAY, 14) == date(2026, 1, 6)
	assert rules.status_by_date(rules.due_cutoff(TODAY, 7), TODAY, 7, 14) == DUE
	assert rules.status_by_date(rules.overdue_cutoff(TODAY, 14), TODAY, 7, 14) == DUE


@pytest.mark.parametrize(
	"current, due, expected",
	[
		(PLANNED, date(2026, 3, 1), None),
		(PLANNED, date(2026, 1, 25), DUE),
		(PLANNED, date(2025, 12, 1), OVERDUE),
		(DUE, date(2026, 1, 25), None),
		(DUE, date(2025, 12, 1), OVERDUE),
		# time never moves a check back: a due check whose date was moved later stays due
		(DUE, date(2026, 3, 1), None),
		(OVERDUE, date(2026, 3, 1), None),
		(DONE, date(2025, 12, 1), None),
		(NOT_APPLICABLE, date(2025, 12, 1), None),
	],
)
def test_the_daily_move_only_goes_forward(current, due, expected):
	assert rules.next_status(current, due, TODAY, 7, 14) == expected


@pytest.mark.parametrize(
	"current, has_check, due, expected",
	[
		(None, False, date(2026, 3, 1), PLANNED),
		(None, False, date(2025, 1, 1), OVERDUE),
		(PLANNED, True, date(2026, 3, 1), DONE),
		(NOT_APPLICABLE, True, date(2026, 3, 1), DONE),
		(NOT_APPLICABLE, False, date(2026, 1, 21), NOT_APPLICABLE),
		(DONE, False, date(2026, 1, 21), DUE),  # a check cleared again goes back by its date
		(OVERDUE, False, date(2026, 3, 1), PLANNED),  # an ad hoc check moved later
		(PLANNED, False, None, PLANNED),
	],
)
def test_status_on_save(current, has_check, due, expected):
	assert rules.status_on_save(current, has_check, due, TODAY, 7, 14) == expected


# --- schedule -------------------------------------------------------------------------------------------


def scheduled(name, months, due, status=PLANNED, follow_up=False):
	return ScheduledCheck(name, months, due, status, follow_up)


def test_a_new_placement_gets_one_check_per_checkpoint():
	plan = rules.plan_schedule(EMPLOYED_ON, None, [], POLICY, TODAY)
	assert plan.create == (
		(1, date(2026, 2, 15), PLANNED),
		(3, date(2026, 4, 15), PLANNED),
		(6, date(2026, 7, 15), PLANNED),
		(12, date(2027, 1, 15), PLANNED),
		(24, date(2028, 1, 15), PLANNED),
	)
	assert (plan.reschedule, plan.not_applicable, plan.follow_up) == ((), (), None)


def test_a_placement_recorded_late_gets_its_past_checks_due_or_overdue():
	plan = rules.plan_schedule(date(2025, 10, 10), None, [], POLICY, TODAY)
	assert [(months, status) for months, _due, status in plan.create] == [
		(1, OVERDUE),
		(3, DUE),  # 10 January: within the grace period
		(6, PLANNED),
		(12, PLANNED),
		(24, PLANNED),
	]


def test_saving_again_creates_nothing_twice_and_adds_a_new_checkpoint():
	existing = [scheduled(f"R{m}", m, rules.add_months(EMPLOYED_ON, m)) for m in (1, 3, 6, 12, 24)]
	assert not rules.plan_schedule(EMPLOYED_ON, None, existing, POLICY, TODAY)

	policy = SchedulePolicy(checkpoints=(1, 3, 6, 12, 24, 36))
	plan = rules.plan_schedule(EMPLOYED_ON, None, existing, policy, TODAY)
	assert plan.create == ((36, date(2029, 1, 15), PLANNED),)


def test_ad_hoc_checks_do_not_stand_for_a_checkpoint():
	existing = [scheduled("ADHOC", 0, date(2026, 2, 15))]
	plan = rules.plan_schedule(EMPLOYED_ON, None, existing, POLICY, TODAY)
	assert [months for months, _due, _status in plan.create] == [1, 3, 6, 12, 24]
	assert plan.reschedule == ()


def test_planned_checks_move_with_the_employment_date_but_started_ones_stay():
	existing = [
		scheduled("R1", 1, date(2026, 2, 15), DONE),
		scheduled("R3", 3, date(2026, 4, 15), DUE),
		scheduled("R6", 6, date(2026, 7, 15), OVERDUE),
		scheduled("R12", 12, date(2027, 1, 15)),
		scheduled("R24", 24, date(2028, 1, 15)),
		scheduled("ADHOC", 0, date(2026, 5, 1)),
	]
	plan = rules.plan_schedule(date(2026, 2, 1), None, existing, POLICY, TODAY)
	assert plan.reschedule == (
		scheduled("R12", 12, date(2027, 2, 1)),
		scheduled("R24", 24, date(2028, 2, 1)),
	)
	assert plan.create == ()


def test_a_moved_check_takes_the_status_of_its_new_date():
	existing = [scheduled("R1", 1, date(2026, 2, 15))]
	plan = rules.plan_schedule(date(2025, 12, 22), None, existing, SchedulePolicy(checkpoints=(1,)), TODAY)
	assert plan.reschedule == (scheduled("R1", 1, date(2026, 1, 22), DUE),)


def test_a_dismissal_makes_later_checks_not_applicable_and_brings_one_follow_up():
	existing = [
		scheduled("R1", 1, date(2026, 2, 15), DONE),
		scheduled("R3", 3, date(2026, 4, 15), OVERDUE),
		scheduled("R6", 6, date(2026, 7, 15)),
		scheduled("R12", 12, date(2027, 1, 15)),
		scheduled("R24", 24, date(2028, 1, 15)),
	]
	dismissed = date(2026, 5, 31)
	plan = rules.plan_schedule(EMPLOYED_ON, dismissed, existing, POLICY, date(2026, 6, 1))
	assert plan.not_applicable == ("R6", "R12", "R24")
	assert plan.follow_up == (date(2026, 6, 30), PLANNED)
	assert (plan.create, plan.reschedule) == ((), ())

	after = [
		*(
			scheduled(c.name, c.checkpoint, c.due_date, NOT_APPLICABLE)
			if c.name in plan.not_applicable
			else c
			for c in existing
		),
		scheduled("FOLLOW", 0, date(2026, 6, 30), PLANNED, follow_up=True),
	]
	assert not rules.plan_schedule(EMPLOYED_ON, dismissed, after, POLICY, date(2026, 6, 2))


def test_a_late_recorded_dismissal_is_followed_up_from_today():
	plan = rules.plan_schedule(EMPLOYED_ON, date(2026, 2, 1), [], POLICY, date(2026, 9, 1))
	assert plan.create == ()  # the first checkpoint falls after the dismissal
	assert plan.follow_up == (date(2026, 9, 1), DUE)


def test_no_check_is_created_after_the_dismissal():
	plan = rules.plan_schedule(EMPLOYED_ON, date(2026, 5, 1), [], POLICY, TODAY)
	assert [months for months, _due, _status in plan.create] == [1, 3]


def test_a_withdrawn_dismissal_reopens_the_checks():
	existing = [
		scheduled("R6", 6, date(2026, 7, 15), NOT_APPLICABLE),
		scheduled("FOLLOW", 0, date(2026, 6, 30), PLANNED, follow_up=True),
	]
	plan = rules.plan_schedule(EMPLOYED_ON, None, existing, SchedulePolicy(checkpoints=(6,)), TODAY)
	assert plan.reschedule == (scheduled("R6", 6, date(2026, 7, 15)),)
	assert plan.follow_up is None


# --- outcomes and the graduate's status -----------------------------------------------------------------


def test_every_outcome_has_an_employment_status_rule():
	assert set(rules.OUTCOME_EMPLOYMENT_STATUS) == set(rules.OUTCOMES)
	assert len(rules.OUTCOMES) == 10
	implied = {status for status in rules.OUTCOME_EMPLOYMENT_STATUS.values() if status}
	employment_statuses = {
		graduate_rules.STUDYING,
		graduate_rules.SEEKING_EMPLOYMENT,
		graduate_rules.EMPLOYED,
		graduate_rules.NOT_SEEKING,
	}
	assert implied <= employment_statuses


@pytest.mark.parametrize(
	"outcome, expected",
	[
		(rules.WORKING_ELSEWHERE, graduate_rules.EMPLOYED),
		(rules.SELF_EMPLOYED, graduate_rules.EMPLOYED),
		(rules.CONTINUING_EDUCATION, graduate_rules.STUDYING),
		(rules.MILITARY_SERVICE, graduate_rules.NOT_SEEKING),
		(rules.NOT_WORKING_SEEKING, graduate_rules.SEEKING_EMPLOYMENT),
		(rules.UNREACHABLE, graduate_rules.SEEKING_EMPLOYMENT),  # says nothing: the placements decide
	],
)
def test_a_check_after_the_dismissal_sets_the_status(outcome, expected):
	placements = [(date(2025, 9, 1), date(2026, 1, 10))]
	observation = Observation(date(2026, 1, 18), outcome)
	status = rules.employment_status_with_observation(
		graduate_rules.SEEKING_EMPLOYMENT, placements, observation, TODAY
	)
	assert status == expected


def test_a_placement_newer_than_the_check_wins():
	placements = [(date(2025, 9, 1), date(2025, 12, 1)), (date(2026, 1, 19), None)]
	observation = Observation(date(2026, 1, 5), rules.NOT_WORKING_SEEKING)
	assert (
		rules.employment_status_with_observation(graduate_rules.EMPLOYED, placements, observation, TODAY)
		== graduate_rules.EMPLOYED
	)


def test_a_check_says_the_graduate_left_an_open_placement():
	placements = [(date(2025, 9, 1), None)]
	observation = Observation(date(2026, 1, 10), rules.NOT_WORKING_NOT_SEEKING)
	assert (
		rules.employment_status_with_observation(graduate_rules.EMPLOYED, placements, observation, TODAY)
		== graduate_rules.NOT_SEEKING
	)


def test_no_check_or_a_future_one_leaves_the_status():
	placements = [(date(2025, 9, 1), None)]
	for observation in (None, Observation(date(2026, 2, 1), rules.NOT_WORKING_SEEKING)):
		assert (
			rules.employment_status_with_observation(graduate_rules.EMPLOYED, placements, observation, TODAY)
			== graduate_rules.EMPLOYED
		)


# --- validation -----------------------------------------------------------------------------------------


def values(**changes):
	base = {
		"checked_on": date(2026, 1, 18),
		"outcome": rules.WORKING_HERE,
		"employment_date": EMPLOYED_ON,
		"placement_employer": "EMP-1",
		"outcome_employer": None,
		"employer_satisfaction": 4,
		"today": TODAY,
	}
	return CheckValues(**{**base, **changes})


def test_a_complete_check_has_no_problem():
	assert rules.check_problems(values()) == []
	assert rules.check_problems(values(checked_on=None, outcome=None, employer_satisfaction=0)) == []


@pytest.mark.parametrize(
	"changes, problem",
	[
		({"checked_on": date(2026, 1, 14)}, MonitoringProblem.CHECK_BEFORE_EMPLOYMENT),
		({"checked_on": date(2026, 1, 21)}, MonitoringProblem.CHECK_IN_FUTURE),
		({"outcome": None}, MonitoringProblem.CHECK_DATE_WITHOUT_OUTCOME),
		({"checked_on": None}, MonitoringProblem.OUTCOME_WITHOUT_CHECK_DATE),
		({"employer_satisfaction": 6}, MonitoringProblem.SATISFACTION_OUT_OF_RANGE),
		({"employer_satisfaction": -1}, MonitoringProblem.SATISFACTION_OUT_OF_RANGE),
		(
			{"outcome": rules.WORKING_ELSEWHERE, "outcome_employer": "EMP-1"},
			MonitoringProblem.ELSEWHERE_IS_THIS_EMPLOYER,
		),
	],
)
def test_each_bad_input_is_named(changes, problem):
	assert rules.check_problems(values(**changes)) == [problem]


def test_working_elsewhere_may_name_another_employer_or_none():
	assert rules.check_problems(values(outcome=rules.WORKING_ELSEWHERE, outcome_employer="EMP-2")) == []
	assert rules.check_problems(values(outcome=rules.WORKING_ELSEWHERE)) == []


def test_all_problems_are_reported_at_once():
	problems = rules.check_problems(
		values(checked_on=date(2026, 1, 1), outcome=None, employer_satisfaction=9)
	)
	assert problems == [
		MonitoringProblem.CHECK_BEFORE_EMPLOYMENT,
		MonitoringProblem.CHECK_DATE_WITHOUT_OUTCOME,
		MonitoringProblem.SATISFACTION_OUT_OF_RANGE,
	]


def test_every_problem_names_its_field():
	for problem in MonitoringProblem:
		assert rules.PROBLEM_FIELDS[problem] in {
			"checked_on",
			"outcome",
			"employer_satisfaction",
			"outcome_employer",
		}


def test_only_working_elsewhere_keeps_an_outcome_employer():
	assert rules.keeps_outcome_employer(rules.WORKING_ELSEWHERE)
	assert not rules.keeps_outcome_employer(rules.WORKING_HERE)
	assert not rules.keeps_outcome_employer(None)


def test_only_unreachable_says_nothing_about_the_status():
	assert set(rules.OUTCOMES) - set(rules.INFORMATIVE_OUTCOMES) == {rules.UNREACHABLE}
