"""Rules of the «Резюме обучающегося (трудоустраиваемого)» form and the assistance application (§3.6)."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from citi_employment.domain.errors import FieldError, Reason

# Categories and subcategories of a Russian driving licence (ФЗ «О безопасности дорожного движения»
# ст. 25), in the order they are printed on the licence.
DRIVING_LICENCE_CATEGORIES = (
	"A",
	"A1",
	"B",
	"B1",
	"BE",
	"C",
	"C1",
	"CE",
	"C1E",
	"D",
	"D1",
	"DE",
	"D1E",
	"M",
	"Tm",
	"Tb",
)
_CATEGORY_BY_KEY = {category.upper(): category for category in DRIVING_LICENCE_CATEGORIES}
# People type the categories on a Russian keyboard: А, В, С, Е, М, Т look like the Latin letters.
_CYRILLIC_LOOKALIKES = str.maketrans("АВСЕМТамвсет", "ABCEMTAMBCET")
_CATEGORY_SEPARATORS = re.compile(r"[\s,;/]+")

APPLICATION_STATUS_BY_DOCSTATUS = {0: "Draft", 1: "Filed", 2: "Cancelled"}


@dataclass(frozen=True)
class EducationPrefill:
	institution: str | None
	year_in: int | None
	year_out: int | None
	specialty: str | None


def normalize_driving_licence_categories(value: object, field: str = "driving_licence_categories") -> str:
	"""'b, c ,В' → 'B, C': known categories only, each once, in the licence's order."""
	if value is None:
		raise FieldError(field, Reason.REQUIRED)
	if not isinstance(value, str):
		raise FieldError(field, Reason.FORMAT)
	tokens = [token for token in _CATEGORY_SEPARATORS.split(value.translate(_CYRILLIC_LOOKALIKES)) if token]
	if not tokens:
		raise FieldError(field, Reason.REQUIRED)
	found = set()
	for token in tokens:
		category = _CATEGORY_BY_KEY.get(token.upper())
		if category is None:
			raise FieldError(field, Reason.CHOICE)
		found.add(category)
	return ", ".join(category for category in DRIVING_LICENCE_CATEGORIES if category in found)


def unordered_rows(periods: Iterable[tuple[object, object]]) -> list[int]:
	"""1-based numbers of the rows whose end (date or year) comes before their start."""
	return [
		number
		for number, (start, end) in enumerate(periods, start=1)
		if start not in (None, "", 0) and end not in (None, "", 0) and end < start
	]


def application_status(docstatus: int) -> str:
	"""A signed paper received is a submitted application; a cancelled one stays visible as Cancelled."""
	return APPLICATION_STATUS_BY_DOCSTATUS[int(docstatus)]


def education_prefill(
	institution: str | None, study_start: date | None, study_end: date | None, specialty: str | None
) -> EducationPrefill:
	"""The resume's education row for the Center's own programme, built from the graduate's card."""
	return EducationPrefill(
		institution=institution or None,
		year_in=study_start.year if study_start else None,
		year_out=study_end.year if study_end else None,
		specialty=specialty or None,
	)
