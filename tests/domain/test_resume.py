from datetime import date

import pytest

from citi_employment.domain.errors import FieldError, Reason
from citi_employment.domain.resume import (
	DRIVING_LICENCE_CATEGORIES,
	application_status,
	education_prefill,
	normalize_driving_licence_categories,
	unordered_rows,
)


@pytest.mark.parametrize(
	"value, normalised",
	[
		("B", "B"),
		("b, c", "B, C"),
		("C B", "B, C"),
		("В, С", "B, C"),  # Cyrillic letters from a Russian keyboard
		("c1e;ce/d1", "CE, C1E, D1"),
		("tm, TB, m", "M, Tm, Tb"),
		("B, B", "B"),
	],
)
def test_driving_licence_categories(value, normalised):
	assert normalize_driving_licence_categories(value) == normalised


@pytest.mark.parametrize(
	"value, reason",
	[
		("B, Z", Reason.CHOICE),
		("E", Reason.CHOICE),
		("BC", Reason.CHOICE),
		(" , ", Reason.REQUIRED),
		(None, Reason.REQUIRED),
		(5, Reason.FORMAT),
	],
)
def test_unknown_categories_are_refused(value, reason):
	with pytest.raises(FieldError) as raised:
		normalize_driving_licence_categories(value)
	assert raised.value.reason == reason
	assert raised.value.field == "driving_licence_categories"


def test_every_category_is_accepted_as_written():
	text = ", ".join(DRIVING_LICENCE_CATEGORIES)
	assert normalize_driving_licence_categories(text) == text


def test_unordered_rows_are_numbered_from_one():
	rows = [(2019, 2023), (2024, 2020), (0, 2020), (2021, None), (2022, 2022)]
	assert unordered_rows(rows) == [2]


def test_unordered_date_rows():
	rows = [(date(2020, 1, 1), date(2019, 1, 1)), (date(2020, 1, 1), None)]
	assert unordered_rows(rows) == [1]


def test_application_status_follows_docstatus():
	assert [application_status(docstatus) for docstatus in (0, 1, 2)] == ["Draft", "Filed", "Cancelled"]


def test_education_prefill():
	row = education_prefill("ГАНПОУ ЛО «МЦ СиТИ»", date(2022, 9, 1), date(2025, 6, 30), "Повар")
	assert (row.institution, row.year_in, row.year_out, row.specialty) == (
		"ГАНПОУ ЛО «МЦ СиТИ»",
		2022,
		2025,
		"Повар",
	)


def test_education_prefill_without_dates():
	row = education_prefill("", None, None, None)
	assert row.year_in is None and row.institution is None
