from datetime import date, datetime
from unittest import mock

import pytest

from citi_employment.domain import russian_text
from citi_employment.domain.russian_text import (
	BLANK_DOCUMENT_DATE,
	GrammaticalCase,
	compose_full_name,
	decline_full_name,
	format_document_date,
	format_short_date,
	initials_and_surname,
)


@pytest.mark.parametrize(
	"value, text",
	[
		(date(2026, 3, 5), "« 05 » марта 2026 г."),
		("2026-01-31", "« 31 » января 2026 г."),
		(datetime(2025, 12, 1, 15, 30), "« 01 » декабря 2025 г."),
		(date(2024, 5, 9), "« 09 » мая 2024 г."),
	],
)
def test_document_date_is_written_like_the_paper_form(value, text):
	assert format_document_date(value) == text


@pytest.mark.parametrize("value", [None, ""])
def test_missing_date_prints_the_blank(value):
	assert format_document_date(value) == BLANK_DOCUMENT_DATE
	assert format_short_date(value) == ""


def test_short_date():
	assert format_short_date("2026-03-05") == "05.03.2026"


def test_all_months_are_genitive():
	months = [format_document_date(date(2026, month, 1)).split()[3] for month in range(1, 13)]
	assert months[1] == "февраля" and months[4] == "мая" and months[7] == "августа"
	assert all(month.endswith(("я", "а")) for month in months)


def test_full_name_composition_skips_missing_parts():
	assert compose_full_name(" Иванов ", "Иван", None) == "Иванов Иван"
	assert compose_full_name(None, None, None) == ""


@pytest.mark.parametrize(
	"parts, gender, declined",
	[
		(("Иванов", "Иван", "Иванович"), "Male", "Иванова Ивана Ивановича"),
		(("Петрова", "Анна", "Сергеевна"), "Female", "Петровой Анны Сергеевны"),
		(("Шевчук", "Ольга", "Петровна"), "Female", "Шевчук Ольги Петровны"),
		(("Шевчук", "Олег", "Петрович"), "Male", "Шевчука Олега Петровича"),
		(("Грищенко", "Пётр", None), "Male", "Грищенко Петра"),
	],
)
def test_names_are_declined_to_the_genitive(parts, gender, declined):
	pytest.importorskip("pytrovich")
	assert decline_full_name(*parts, gender=gender) == declined


def test_gender_is_detected_from_the_patronymic_when_not_given():
	pytest.importorskip("pytrovich")
	assert decline_full_name("Сидорова", "Мария", "Ивановна") == "Сидоровой Марии Ивановны"


def test_other_cases():
	pytest.importorskip("pytrovich")
	assert (
		decline_full_name("Иванов", "Иван", "Иванович", "Male", GrammaticalCase.DATIVE)
		== "Иванову Ивану Ивановичу"
	)


def test_unknown_gender_keeps_the_nominative():
	# «Саша Ким» may be a man or a woman: a guess would print a wrong form on an official paper.
	assert decline_full_name("Ким", "Саша", None) == "Ким Саша"


def test_latin_names_keep_the_nominative():
	assert decline_full_name("Smith", "John", None, "Male") == "Smith John"


def test_nominative_is_returned_unchanged():
	assert decline_full_name("Иванов", "Иван", "Иванович", "Male", GrammaticalCase.NOMINATIVE) == (
		"Иванов Иван Иванович"
	)


def test_missing_library_keeps_the_nominative():
	with mock.patch.dict("sys.modules", {"pytrovich.maker": None}):
		assert decline_full_name("Иванов", "Иван", "Иванович", "Male") == "Иванов Иван Иванович"


def test_library_failure_keeps_the_nominative():
	with mock.patch.object(russian_text, "_decline_with_pytrovich", side_effect=RuntimeError("rules")):
		assert decline_full_name("Иванов", "Иван", "Иванович", "Male") == "Иванов Иван Иванович"


def test_empty_name():
	assert decline_full_name(None, "", None, "Male") == ""


def test_initials_and_surname():
	assert initials_and_surname("Иванов", "иван", "Иванович") == "И.И. Иванов"
	assert initials_and_surname("Ким", "Саша", None) == "С. Ким"
	assert initials_and_surname(None, None, None) == ""
