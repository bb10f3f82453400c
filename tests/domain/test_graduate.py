from datetime import date

import pytest

from citi_employment.domain.errors import FieldError, Reason
from citi_employment.domain.graduate import (
	AGE_OF_MAJORITY,
	EMPLOYED,
	NOT_SEEKING,
	REPRESENTATIVE_BASIS_CITATION,
	SEEKING_EMPLOYMENT,
	STUDYING,
	Placement,
	age_on,
	birthday_in_year,
	check_date_of_birth,
	derive_employment_status,
	is_minor_on,
	majority_date,
	normalize_document_number,
	normalize_okpdtr_code,
)
from citi_employment.domain.russian_text import compose_full_name

# --- compose_full_name -------------------------------------------------------------------------------


@pytest.mark.parametrize(
	"parts, full_name",
	[
		(("Иванов", "Иван", "Иванович"), "Иванов Иван Иванович"),
		(("Иванов", "Иван", None), "Иванов Иван"),
		(("Иванов", "Иван", ""), "Иванов Иван"),
		((" Иванов ", "\tИван", "  Иванович\u00a0"), "Иванов Иван Иванович"),
		(("Римский-Корсаков", "Андрей", "Николаевич"), "Римский-Корсаков Андрей Николаевич"),
		(("Салтыков  Щедрин", "Михаил", None), "Салтыков Щедрин Михаил"),
		((None, "Иван", None), "Иван"),
		((None, None, None), ""),
	],
)
def test_full_name_is_last_first_patronymic(parts, full_name):
	assert compose_full_name(*parts) == full_name


def test_full_name_patronymic_is_optional():
	assert compose_full_name("Петрова", "Анна") == "Петрова Анна"


# --- age_on / is_minor_on ----------------------------------------------------------------------------


@pytest.mark.parametrize(
	"born, on, age",
	[
		(date(2008, 5, 17), date(2026, 5, 16), 17),
		(date(2008, 5, 17), date(2026, 5, 17), 18),
		(date(2008, 5, 17), date(2026, 5, 18), 18),
		(date(2008, 5, 17), date(2008, 5, 17), 0),
		(date(2008, 12, 31), date(2027, 1, 1), 18),
		(date(2009, 1, 1), date(2026, 12, 31), 17),
	],
)
def test_age_counts_completed_years(born, on, age):
	assert age_on(born, on) == age


@pytest.mark.parametrize(
	"on, age",
	[
		(date(2026, 2, 28), 17),  # common year: the day of birth has not come yet
		(date(2026, 3, 1), 18),  # ... it is taken as 1 March
		(date(2027, 2, 28), 18),
		(date(2028, 2, 28), 19),  # leap year: the real birthday is 29 February
		(date(2028, 2, 29), 20),
	],
)
def test_born_on_29_february_becomes_older_on_1_march_in_a_common_year(on, age):
	assert age_on(date(2008, 2, 29), on) == age


def test_birthday_in_year_for_29_february():
	born = date(2008, 2, 29)
	assert birthday_in_year(born, 2026) == date(2026, 3, 1)
	assert birthday_in_year(born, 2028) == date(2028, 2, 29)
	assert birthday_in_year(date(2008, 2, 28), 2026) == date(2026, 2, 28)


def test_age_before_birth_is_a_range_error():
	with pytest.raises(FieldError) as raised:
		age_on(date(2010, 1, 2), date(2010, 1, 1))
	assert raised.value.field == "date_of_birth"
	assert raised.value.reason is Reason.RANGE


@pytest.mark.parametrize(
	"born, on, minor",
	[
		(date(2008, 5, 17), date(2026, 5, 16), True),  # day before the 18th birthday
		(date(2008, 5, 17), date(2026, 5, 17), False),  # the birthday itself
		(date(2008, 2, 29), date(2026, 2, 28), True),
		(date(2008, 2, 29), date(2026, 3, 1), False),
		(date(2012, 2, 29), date(2030, 2, 28), True),
		(date(2012, 2, 29), date(2030, 3, 1), False),
		(date(2000, 1, 1), date(2026, 1, 1), False),
	],
)
def test_minor_until_the_18th_birthday(born, on, minor):
	assert is_minor_on(born, on) is minor


def test_majority_date():
	assert AGE_OF_MAJORITY == 18
	assert majority_date(date(2008, 5, 17)) == date(2026, 5, 17)
	assert majority_date(date(2008, 2, 29)) == date(2026, 3, 1)
	assert majority_date(date(2010, 2, 28)) == date(2028, 2, 28)
	assert majority_date(date(2010, 2, 28)) != majority_date(date(2010, 3, 1))


def test_majority_date_is_the_first_non_minor_day():
	for born in (date(2008, 2, 29), date(2008, 3, 1), date(2007, 12, 31)):
		adult_from = majority_date(born)
		assert is_minor_on(born, date.fromordinal(adult_from.toordinal() - 1))
		assert not is_minor_on(born, adult_from)


def test_date_of_birth_may_not_be_in_the_future():
	today = date(2026, 3, 5)
	assert check_date_of_birth(date(2008, 1, 1), today) == date(2008, 1, 1)
	assert check_date_of_birth(today, today) == today
	with pytest.raises(FieldError) as raised:
		check_date_of_birth(date(2026, 3, 6), today)
	assert raised.value.reason is Reason.RANGE


# --- derive_employment_status ------------------------------------------------------------------------

STUDY_END = date(2026, 6, 30)


def test_status_values_match_the_select_options():
	assert (STUDYING, SEEKING_EMPLOYMENT, EMPLOYED, NOT_SEEKING) == (
		"Studying",
		"Seeking Employment",
		"Employed",
		"Not Seeking",
	)


@pytest.mark.parametrize(
	"today, status",
	[
		(date(2026, 6, 29), STUDYING),
		(date(2026, 6, 30), STUDYING),  # the last day of study
		(date(2026, 7, 1), SEEKING_EMPLOYMENT),
	],
)
def test_without_placements_studying_until_study_end_passes(today, status):
	assert derive_employment_status(STUDY_END, today, []) == status


def test_without_study_end_stays_studying():
	assert derive_employment_status(None, date(2030, 1, 1), []) == STUDYING


def test_open_placement_means_employed_even_before_study_end():
	placements = [Placement(date(2026, 5, 1))]
	assert derive_employment_status(STUDY_END, date(2026, 5, 20), placements) == EMPLOYED
	assert derive_employment_status(STUDY_END, date(2027, 5, 20), placements) == EMPLOYED


def test_plain_tuples_are_accepted():
	assert derive_employment_status(STUDY_END, date(2026, 8, 1), [(date(2026, 7, 15), None)]) == EMPLOYED


@pytest.mark.parametrize(
	"today, status",
	[
		(date(2026, 9, 30), EMPLOYED),  # ТК РФ ст. 84.1: the dismissal date is the last working day
		(date(2026, 10, 1), SEEKING_EMPLOYMENT),
	],
)
def test_dismissal_ends_employment_after_the_last_working_day(today, status):
	placements = [Placement(date(2026, 7, 15), date(2026, 9, 30))]
	assert derive_employment_status(STUDY_END, today, placements) == status


def test_dismissal_before_study_end_means_seeking():
	placements = [Placement(date(2026, 3, 1), date(2026, 4, 1))]
	assert derive_employment_status(STUDY_END, date(2026, 5, 1), placements) == SEEKING_EMPLOYMENT


def test_any_open_placement_wins_over_earlier_dismissals():
	placements = [
		Placement(date(2026, 7, 1), date(2026, 8, 1)),
		Placement(date(2026, 9, 1), None),
	]
	assert derive_employment_status(STUDY_END, date(2026, 10, 1), placements) == EMPLOYED
	assert derive_employment_status(STUDY_END, date(2026, 8, 15), placements) == SEEKING_EMPLOYMENT


def test_future_placement_does_not_count_yet():
	placements = [Placement(date(2026, 9, 1))]
	assert derive_employment_status(STUDY_END, date(2026, 5, 1), placements) == STUDYING
	assert derive_employment_status(STUDY_END, date(2026, 8, 1), placements) == SEEKING_EMPLOYMENT
	assert derive_employment_status(STUDY_END, date(2026, 9, 1), placements) == EMPLOYED


def test_placement_without_employment_date_is_ignored():
	assert derive_employment_status(STUDY_END, date(2026, 5, 1), [(None, None)]) == STUDYING


def test_refusal_of_assistance_means_not_seeking_unless_employed():
	assert derive_employment_status(STUDY_END, date(2026, 8, 1), [], refused_assistance=True) == NOT_SEEKING
	placements = [Placement(date(2026, 7, 1))]
	assert (
		derive_employment_status(STUDY_END, date(2026, 8, 1), placements, refused_assistance=True) == EMPLOYED
	)


# --- Profession: ОКПДТР code -------------------------------------------------------------------------


@pytest.mark.parametrize(
	"raw, code",
	[
		("19601", "19601"),
		(" 19601 ", "19601"),
		("19 601", "19601"),
		("01234", "01234"),
	],
)
def test_okpdtr_code_is_five_digits(raw, code):
	assert normalize_okpdtr_code(raw) == code


@pytest.mark.parametrize(
	"raw, reason",
	[
		(None, Reason.REQUIRED),
		("   ", Reason.REQUIRED),
		(19601, Reason.FORMAT),
		("1960A", Reason.FORMAT),
		("１９６０１", Reason.FORMAT),  # full-width digits
		("1960", Reason.LENGTH),
		("196016", Reason.LENGTH),
	],
)
def test_bad_okpdtr_code(raw, reason):
	with pytest.raises(FieldError) as raised:
		normalize_okpdtr_code(raw)
	assert raised.value.field == "okpdtr_code"
	assert raised.value.reason is reason


# --- legal representatives ---------------------------------------------------------------------------


def test_every_basis_has_its_citation():
	assert tuple(REPRESENTATIVE_BASIS_CITATION) == ("Parent", "Adoptive Parent", "Guardian", "Custodian")
	assert REPRESENTATIVE_BASIS_CITATION["Parent"] == "ст. 64 п. 1 Семейного кодекса РФ"
	assert "137 п. 1" in REPRESENTATIVE_BASIS_CITATION["Adoptive Parent"]
	assert REPRESENTATIVE_BASIS_CITATION["Guardian"].startswith("ст. 15 п. 2 ")
	assert REPRESENTATIVE_BASIS_CITATION["Custodian"].startswith("ст. 15 п. 3 ")
	assert all(
		"«Об опеке и попечительстве»" in REPRESENTATIVE_BASIS_CITATION[b] for b in ("Guardian", "Custodian")
	)


# --- numbers without a national format ---------------------------------------------------------------


def test_document_number_is_trimmed():
	assert normalize_document_number("  123 /  45 ", "ipra_number") == "123 / 45"


@pytest.mark.parametrize(
	"raw, reason",
	[(None, Reason.REQUIRED), (" ", Reason.REQUIRED), (12345, Reason.FORMAT), ("1" * 141, Reason.LENGTH)],
)
def test_bad_document_number(raw, reason):
	with pytest.raises(FieldError) as raised:
		normalize_document_number(raw, "ipra_number")
	assert raised.value.field == "ipra_number"
	assert raised.value.reason is reason


def test_document_number_length_limit_is_inclusive():
	assert normalize_document_number("1" * 140, "number") == "1" * 140
