from datetime import date

import pytest

from citi_employment.domain import vacancies as rules
from citi_employment.domain.errors import FieldError, Reason


@pytest.mark.parametrize("count", [0, -1])
def test_zero_or_negative_positions_are_refused(count):
	with pytest.raises(FieldError) as raised:
		rules.check_positions_count(count)
	assert raised.value.field == "positions_count"
	assert raised.value.reason is Reason.RANGE


def test_missing_positions_count_is_required():
	with pytest.raises(FieldError) as raised:
		rules.check_positions_count(None)
	assert raised.value.reason is Reason.REQUIRED


def test_positive_positions_count_passes():
	assert rules.check_positions_count(3) == 3


def test_negative_salary_is_out_of_range():
	with pytest.raises(FieldError) as raised:
		rules.check_not_negative(-1, "salary")
	assert raised.value.field == "salary"
	rules.check_not_negative(0, "salary")
	rules.check_not_negative(None, "salary")


@pytest.mark.parametrize(
	("salary", "probation", "confirmed", "needed"),
	[
		(50000, 60000, False, True),
		(50000, 60000, True, False),
		(50000, 50000, False, False),
		(50000, 40000, False, False),
		(0, 40000, False, False),
		(50000, None, False, False),
	],
)
def test_probation_salary_above_salary_needs_confirmation(salary, probation, confirmed, needed):
	assert rules.probation_salary_needs_confirmation(salary, probation, confirmed) is needed


def test_open_positions_never_negative():
	assert rules.open_positions(3, 1) == 2
	assert rules.open_positions(1, 2) == 0
	assert rules.open_positions(None, None) == 0


@pytest.mark.parametrize(
	("status", "positions", "filled", "expected"),
	[
		(rules.IN_PROGRESS, 2, 2, rules.FILLED),
		(rules.REGISTERED, 2, 3, rules.FILLED),
		(rules.IN_PROGRESS, 2, 1, rules.IN_PROGRESS),
		(rules.FILLED, 2, 1, rules.IN_PROGRESS),
		(rules.CLOSED, 1, 1, rules.CLOSED),
		(rules.CANCELLED, 1, 0, rules.CANCELLED),
		(None, 1, 1, rules.FILLED),
	],
)
def test_status_after_placements(status, positions, filled, expected):
	assert rules.status_after_placements(status, positions, filled) == expected


def test_placement_status_follows_dismissal_date():
	assert rules.placement_status(None) == rules.EMPLOYED
	assert rules.placement_status(date(2026, 5, 1)) == rules.DISMISSED


def test_kinds_with_requests_in_fixed_order():
	counts = {rules.PRACTICE: 1, rules.EMPLOYMENT: 0, rules.TARGETED_TRAINING: 2}
	assert rules.kinds_with_requests(counts) == [rules.TARGETED_TRAINING, rules.PRACTICE]
	assert rules.kinds_with_requests({}) == []


def test_a_request_is_over_from_the_day_it_reaches_a_final_state_and_keeps_that_day():
	today = date(2026, 11, 28)
	earlier = date(2026, 1, 5)
	assert rules.closed_on("In Progress", "Registered", None, today) is None
	assert rules.closed_on("Closed", "In Progress", None, today) == today
	assert rules.closed_on("Filled", "In Progress", None, today) == today
	assert rules.closed_on("Cancelled", "Cancelled", earlier, today) == earlier
	# Back to work and over again: the new day, not what the first closing left behind.
	assert rules.closed_on("In Progress", "Filled", earlier, today) is None
	assert rules.closed_on("Filled", "In Progress", earlier, today) == today
	# A request stored as over before the day was recorded gets today on its next save.
	assert rules.closed_on("Closed", "Closed", None, today) == today
