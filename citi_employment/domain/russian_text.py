"""Russian wording for printed forms: names in the case a sentence needs and dates like the paper forms.

Like the forms: «от Иванова Ивана Ивановича» in the application's header, dates as «« 05 » марта 2026 г.».
Declension is done by ``pytrovich`` (the Python port of the petrovich rules). A form must never come out
with a wrongly declined name, so whenever the library is missing or unsure (gender unknown, a name in Latin
letters, an error inside the library) the name stays in the nominative, which is what a person would write
by hand when in doubt.
"""

import re
from enum import Enum

from citi_employment.domain.dates import date_or_none

# Frappe's code of the language the Center works in: its site's default, its documents (a print, the
# committee's table, a destruction act's log) and the pages it shows guests, whatever language a user or
# browser asks for.
LANGUAGE = "ru"

GENITIVE_MONTHS = (
	"января",
	"февраля",
	"марта",
	"апреля",
	"мая",
	"июня",
	"июля",
	"августа",
	"сентября",
	"октября",
	"ноября",
	"декабря",
)

# The blank the paper forms leave for a date: « _____ » _____ 20 _____ г.
BLANK_DOCUMENT_DATE = "« _____ » ______________ 20____ г."

_CYRILLIC_NAME = re.compile(r"[А-ЯЁа-яё]+(?:[-\s][А-ЯЁа-яё]+)*")

_WHITESPACE = re.compile(r"\s+")


class GrammaticalCase(str, Enum):
	NOMINATIVE = "nominative"
	GENITIVE = "genitive"
	DATIVE = "dative"
	ACCUSATIVE = "accusative"
	INSTRUMENTAL = "instrumental"
	PREPOSITIONAL = "prepositional"


class Gender(str, Enum):
	"""The values of the Graduate's gender Select."""

	MALE = "Male"
	FEMALE = "Female"


def format_document_date(value: object) -> str:
	"""«« 05 » марта 2026 г.» for a date (or an ISO string); the printed blank when there is no date."""
	day = date_or_none(value)
	if day is None:
		return BLANK_DOCUMENT_DATE
	return f"« {day.day:02d} » {GENITIVE_MONTHS[day.month - 1]} {day.year} г."


def format_short_date(value: object) -> str:
	"""05.03.2026, the way dates stand in tables and in a resume; empty for no date."""
	day = date_or_none(value)
	return day.strftime("%d.%m.%Y") if day else ""


def compose_full_name(last_name: str | None, first_name: str | None, patronymic: str | None = None) -> str:
	"""«Фамилия Имя Отчество» with stray spaces removed; missing parts (no patronymic) are skipped."""
	parts = (_WHITESPACE.sub(" ", part or "").strip() for part in (last_name, first_name, patronymic))
	return " ".join(part for part in parts if part)


def initials_and_surname(last_name: str | None, first_name: str | None, patronymic: str | None) -> str:
	"""«И.И. Иванов», the way a signature is spelled out under «(расшифровка)» and «И.Г. Дрозденко»."""
	initials = "".join(
		f"{part.strip()[0].upper()}." for part in (first_name, patronymic) if part and part.strip()
	)
	surname = (last_name or "").strip()
	return " ".join(part for part in (initials, surname) if part)


def decline_full_name(
	last_name: str | None,
	first_name: str | None,
	patronymic: str | None = None,
	gender: str | None = None,
	case: GrammaticalCase = GrammaticalCase.GENITIVE,
) -> str:
	"""«Фамилия Имя Отчество» in ``case``; the nominative whenever the declension would be a guess."""
	nominative = compose_full_name(last_name, first_name, patronymic)
	if case == GrammaticalCase.NOMINATIVE or not nominative:
		return nominative
	parts = [part.strip() for part in (last_name, first_name, patronymic) if part and part.strip()]
	if not all(_CYRILLIC_NAME.fullmatch(part) for part in parts):
		return nominative
	try:
		declined = _decline_with_pytrovich(last_name, first_name, patronymic, gender, case)
	except Exception:
		# The library is an aid, not a dependency a printed form may fail on.
		return nominative
	return declined or nominative


def _decline_with_pytrovich(
	last_name: str | None,
	first_name: str | None,
	patronymic: str | None,
	gender: str | None,
	case: GrammaticalCase,
) -> str | None:
	"""The declined name, or None when pytrovich is not installed or cannot tell the gender."""
	try:
		from pytrovich.detector import PetrovichGenderDetector
		from pytrovich.enums import Case, NamePart
		from pytrovich.enums import Gender as LibraryGender
		from pytrovich.maker import PetrovichDeclinationMaker
	except ImportError:
		return None

	known = {Gender.MALE.value: LibraryGender.MALE, Gender.FEMALE.value: LibraryGender.FEMALE}
	library_gender = known.get(gender or "")
	if library_gender is None:
		library_gender = PetrovichGenderDetector().detect(
			firstname=(first_name or "").strip() or None,
			middlename=(patronymic or "").strip() or None,
			lastname=(last_name or "").strip() or None,
		)
	if library_gender not in (LibraryGender.MALE, LibraryGender.FEMALE):
		return None

	maker = PetrovichDeclinationMaker()
	library_case = Case[case.name]
	declined = []
	for part, value in (
		(NamePart.LASTNAME, last_name),
		(NamePart.FIRSTNAME, first_name),
		(NamePart.MIDDLENAME, patronymic),
	):
		if value and value.strip():
			declined.append(maker.make(part, library_gender, library_case, value.strip()))
	return " ".join(declined)
