from datetime import date

import pytest

from citi_employment.domain.contracts import (
	ContractStatus,
	ExistingContract,
	RegistrationNumberError,
	enters_force,
	expiry_change,
	find_duplicate,
	format_registration_number,
	next_sequence,
	periods_overlap,
	renewed_end,
)

ACTIVE = ContractStatus.ACTIVE.value
SOON = ContractStatus.EXPIRING_SOON.value


# Registration numbers


def test_number_has_prefix_year_and_three_digits():
	assert format_registration_number("ЦП", 2026, 1) == "ЦП-2026-001"
	assert format_registration_number(" ПР ", 2026, 42) == "ПР-2026-042"


def test_number_grows_past_999_naturally():
	assert format_registration_number("СП", 2026, 999) == "СП-2026-999"
	assert format_registration_number("СП", 2026, 1000) == "СП-2026-1000"


@pytest.mark.parametrize(("prefix", "year", "sequence"), [("", 2026, 1), ("ЦП", 2026, 0), ("ЦП", 26, 1)])
def test_bad_number_parts_are_refused(prefix, year, sequence):
	with pytest.raises(RegistrationNumberError):
		format_registration_number(prefix, year, sequence)


def test_sequence_starts_at_one_and_has_no_gaps():
	assert next_sequence(None) == 1
	assert next_sequence(0) == 1
	assert next_sequence(41) == 42
	with pytest.raises(RegistrationNumberError):
		next_sequence(-1)


def test_approval_is_the_move_into_force():
	assert enters_force(ContractStatus.PENDING_APPROVAL.value, ACTIVE)
	assert enters_force(None, ACTIVE)
	assert enters_force(ContractStatus.DRAFT.value, SOON)
	assert not enters_force(ACTIVE, SOON)
	assert not enters_force(ACTIVE, ContractStatus.TERMINATED.value)


# Period and overlap


@pytest.mark.parametrize(
	("a", "b", "expected"),
	[
		((date(2026, 1, 1), date(2026, 6, 30)), (date(2026, 7, 1), date(2026, 12, 31)), False),
		((date(2026, 1, 1), date(2026, 6, 30)), (date(2026, 6, 30), date(2026, 12, 31)), True),
		((date(2026, 1, 1), None), (date(2030, 1, 1), date(2030, 2, 1)), True),
		((date(2026, 1, 1), date(2026, 2, 1)), (date(2025, 1, 1), None), True),
		((date(2026, 3, 1), date(2026, 4, 1)), (date(2025, 1, 1), date(2025, 12, 31)), False),
		((date(2026, 1, 1), None), (date(2025, 1, 1), date(2025, 12, 31)), False),
	],
)
def test_overlap_treats_missing_end_as_infinity(a, b, expected):
	assert periods_overlap(*a, *b) is expected
	assert periods_overlap(*b, *a) is expected


def existing(name, status=ACTIVE, start=date(2026, 1, 1), end=date(2026, 12, 31), graduate=None, number=None):
	return ExistingContract(name, status, start, end, graduate, number)


def test_overlapping_live_contract_is_a_duplicate():
	other = existing("CTR-2026-00001", number="СП-2026-001")
	found = find_duplicate(date(2026, 6, 1), None, None, False, [other])
	assert found == other
	assert found.reference == "СП-2026-001"


def test_draft_duplicate_is_named_by_its_id():
	other = existing("CTR-2026-00007", status=ContractStatus.DRAFT.value)
	assert (
		find_duplicate(date(2026, 6, 1), date(2026, 7, 1), None, False, [other]).reference == "CTR-2026-00007"
	)


@pytest.mark.parametrize("status", ["Terminated", "Declined", "Expired"])
def test_closed_contracts_do_not_block(status):
	assert find_duplicate(date(2026, 6, 1), None, None, False, [existing("X", status=status)]) is None


def test_non_overlapping_contract_is_not_a_duplicate():
	assert find_duplicate(date(2027, 1, 1), date(2027, 12, 31), None, False, [existing("X")]) is None


def test_training_journals_match_on_the_graduate_too():
	other = existing("X", graduate="GRAD-2026-00001")
	assert find_duplicate(date(2026, 6, 1), None, "GRAD-2026-00002", True, [other]) is None
	assert find_duplicate(date(2026, 6, 1), None, "GRAD-2026-00001", True, [other]) == other
	# Other journals ignore the graduate: one partnership per employer and period.
	assert find_duplicate(date(2026, 6, 1), None, "GRAD-2026-00002", False, [other]) == other


# Expiry


def change(
	status=ACTIVE,
	start=date(2026, 1, 1),
	end=date(2026, 12, 31),
	renew=False,
	today=None,
	days=30,
	term_end=None,
):
	return expiry_change(status, start, end, renew, today, days, term_end)


def test_active_contract_far_from_its_end_stays():
	assert change(today=date(2026, 11, 30)) is None


def test_active_becomes_expiring_soon_within_the_warning_days():
	result = change(today=date(2026, 12, 1))
	assert result.status is ContractStatus.EXPIRING_SOON
	assert result.valid_to == date(2026, 12, 31)
	assert not result.renewed


def test_expiring_soon_stays_until_the_end_date_inclusive():
	assert change(status=SOON, today=date(2026, 12, 31)) is None


def test_contract_expires_the_day_after_its_end():
	assert change(status=SOON, today=date(2027, 1, 1)).status is ContractStatus.EXPIRED
	# A missed run moves an Active contract straight to Expired.
	assert change(today=date(2027, 3, 1)).status is ContractStatus.EXPIRED


def test_open_ended_or_closed_contracts_are_left_alone():
	assert change(end=None, today=date(2030, 1, 1)) is None
	assert change(status="Terminated", today=date(2030, 1, 1)) is None
	assert change(status="Draft", today=date(2030, 1, 1)) is None


def test_auto_renewal_extends_by_one_term_of_the_same_length():
	result = change(status=SOON, renew=True, today=date(2027, 1, 1))
	assert result.renewals == 1
	assert result.valid_to == date(2027, 12, 31)
	assert result.status is ContractStatus.ACTIVE


def test_auto_renewal_keeps_the_original_term_and_catches_up_missed_terms():
	# Two renewals earlier valid_to became 2028-12-31; the term is still one year, not three.
	result = change(
		status=SOON, end=date(2028, 12, 31), renew=True, today=date(2029, 1, 1), term_end=date(2026, 12, 31)
	)
	assert result.valid_to == date(2029, 12, 31)
	missed = change(renew=True, today=date(2029, 6, 1))
	assert missed.renewals == 3
	assert missed.valid_to == date(2029, 12, 31)


def test_term_in_days_is_renewed_by_days():
	# 10 days, 01.03–10.03 → 11.03–20.03
	result = change(
		start=date(2026, 3, 1), end=date(2026, 3, 10), renew=True, today=date(2026, 3, 11), days=3
	)
	assert result.valid_to == date(2026, 3, 20)
	assert result.status is ContractStatus.ACTIVE


def test_month_terms_stay_month_terms_across_leap_years():
	assert renewed_end(date(2027, 3, 1), date(2028, 2, 29), date(2028, 2, 29)) == date(2029, 2, 28)
	assert renewed_end(date(2026, 1, 15), date(2026, 7, 14), date(2026, 7, 14)) == date(2027, 1, 14)


def test_renewed_contract_may_be_expiring_soon_at_once():
	result = change(
		start=date(2026, 3, 1), end=date(2026, 3, 10), renew=True, today=date(2026, 3, 11), days=30
	)
	assert result.status is ContractStatus.EXPIRING_SOON
	assert result.renewed
