"""Rules about a graduate as a person: name, age of majority, employment status, representatives.

Plain values in, plain values out; the Graduate and Profession controllers map their fields here.
"""

import re
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from citi_employment.domain.dates import years_after
from citi_employment.domain.errors import FieldError, Reason
from citi_employment.domain.identifiers import fixed_length_digits

# ГК РФ ст. 21 п. 1: full legal capacity comes with the eighteenth birthday.
AGE_OF_MAJORITY = 18

STUDYING = "Studying"
SEEKING_EMPLOYMENT = "Seeking Employment"
EMPLOYED = "Employed"
NOT_SEEKING = "Not Seeking"

# The four grounds of the footnote to «Согласие законного представителя», worded as the consent form prints
# them after «на основании …».
REPRESENTATIVE_BASIS_CITATION: dict[str, str] = {
	"Parent": "ст. 64 п. 1 Семейного кодекса РФ",
	"Adoptive Parent": "ст. ст. 64 п. 1, 137 п. 1 Семейного кодекса РФ",
	"Guardian": "ст. 15 п. 2 Федерального закона «Об опеке и попечительстве»",
	"Custodian": "ст. 15 п. 3 Федерального закона «Об опеке и попечительстве»",
}

_WHITESPACE = re.compile(r"\s+")
_OKPDTR_LENGTH = 5


class Placement(NamedTuple):
	"""What the employment status needs to know about one placement; a plain 2-tuple works as well."""

	employment_date: date
	dismissal_date: date | None = None


def birthday_in_year(date_of_birth: date, year: int) -> date:
	"""The day in ``year`` on which a person born on ``date_of_birth`` becomes one year older.

	A person born on 29 February becomes older on 1 March in a common year: on 28 February the day of
	birth has not yet come, so the year of life is not yet complete. We take the later of the two
	possible readings on purpose — a minor treated as an adult a day too early could sign a consent
	that needs a legal representative (ГК РФ ст. 21); a day too late only delays the Center's reminder.
	"""
	return years_after(date_of_birth, year - date_of_birth.year)


def age_on(date_of_birth: date, on_date: date, field: str = "date_of_birth") -> int:
	"""Completed years of life on ``on_date`` (the birthday itself counts as completed)."""
	if on_date < date_of_birth:
		raise FieldError(field, Reason.RANGE)
	years = on_date.year - date_of_birth.year
	if on_date < birthday_in_year(date_of_birth, on_date.year):
		years -= 1
	return years


def majority_date(date_of_birth: date) -> date:
	"""The day the person turns 18, e.g. to remind the Center to collect the graduate's own consent."""
	return birthday_in_year(date_of_birth, date_of_birth.year + AGE_OF_MAJORITY)


def is_minor_on(date_of_birth: date, on_date: date) -> bool:
	"""Whether the person is under 18 on ``on_date``; an unborn date is a data error, not a minor."""
	return age_on(date_of_birth, on_date) < AGE_OF_MAJORITY


def check_date_of_birth(date_of_birth: date, today: date, field: str = "date_of_birth") -> date:
	"""A date of birth must lie in the past (today counts, for completeness)."""
	if date_of_birth > today:
		raise FieldError(field, Reason.RANGE)
	return date_of_birth


def _is_open(employment_date: date, dismissal_date: date | None, today: date) -> bool:
	# ТК РФ ст. 84.1: the day of dismissal is the employee's last working day, so it still counts.
	return employment_date <= today and (dismissal_date is None or dismissal_date >= today)


def derive_employment_status(
	study_end: date | None,
	today: date,
	placements: Iterable[tuple[date, date | None]] = (),
	*,
	refused_assistance: bool = False,
) -> str:
	"""The graduate's employment status from study dates and placements (employment, dismissal dates).

	- Employed while a placement is open (started, and not yet past its dismissal date);
	- otherwise Seeking Employment after a dismissal, or once the study end date has passed;
	- otherwise Studying (a placement that starts in the future does not change that yet).
	A graduate who refused the Center's assistance («Заявление об отказе») is Not Seeking unless employed.
	"""
	started = False
	for employment_date, dismissal_date in placements:
		if employment_date is None:
			continue
		if _is_open(employment_date, dismissal_date, today):
			return EMPLOYED
		if employment_date <= today:
			started = True
	if refused_assistance:
		return NOT_SEEKING
	if started or (study_end is not None and today > study_end):
		return SEEKING_EMPLOYMENT
	return STUDYING


def normalize_okpdtr_code(value: object, field: str = "okpdtr_code") -> str:
	"""ОКПДТР (ОК 016-94) profession code: the five-digit position code, e.g. "19601".

	The classifier also prints a sixth, control digit in a separate column; it is not part of the code.
	"""
	return fixed_length_digits(value, field, _OKPDTR_LENGTH)


def normalize_document_number(value: object, field: str, max_length: int = 140) -> str:
	"""A number without a fixed national format (ИПРА, a foreign or other identity document).

	Inner whitespace is collapsed; the length limit is checked here, before the database would reject the
	value with a message that quotes it.
	"""
	if value is None:
		raise FieldError(field, Reason.REQUIRED)
	if not isinstance(value, str):
		raise FieldError(field, Reason.FORMAT)
	text = _WHITESPACE.sub(" ", value).strip()
	if not text:
		raise FieldError(field, Reason.REQUIRED)
	if len(text) > max_length:
		raise FieldError(field, Reason.LENGTH)
	return text
