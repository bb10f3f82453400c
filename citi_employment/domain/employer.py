"""Rules of the employers' data bank (§2.2 «Банк данных» потенциальных и фактических работодателей).

An employer is either an organisation (10-digit ИНН, 13-digit ОГРН, a КПП) or a sole proprietor
(12-digit ИНН, 15-digit ОГРНИП, no КПП). Identifiers are normalised one by one with
``citi_employment.domain.identifiers``; this module checks that they belong to the same kind of employer,
the plausibility of the other numbers, and recognises the same company written two ways.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from citi_employment.domain.errors import FieldError, Reason
from citi_employment.domain.identifiers import normalize_inn, normalize_kpp, normalize_ogrn

EARLIEST_FOUNDING_YEAR = 1800
# Two normalised names at least this alike are shown to the user as possible duplicates.
SIMILARITY_THRESHOLD = 0.9

ORGANIZATION_INN_LENGTH = 10
SOLE_PROPRIETOR_INN_LENGTH = 12
ORGANIZATION_OGRN_LENGTH = 13
SOLE_PROPRIETOR_OGRN_LENGTH = 15

# Legal forms written out; removed before the abbreviations so that «Общество с ограниченной
# ответственностью "Ромашка"» and «ООО Ромашка» compare equal. Longer phrases first.
_LEGAL_FORM_PHRASES = tuple(
	sorted(
		(
			"общество с ограниченной ответственностью",
			"публичное акционерное общество",
			"непубличное акционерное общество",
			"открытое акционерное общество",
			"закрытое акционерное общество",
			"акционерное общество",
			"индивидуальный предприниматель",
			"федеральное государственное унитарное предприятие",
			"государственное унитарное предприятие",
			"муниципальное унитарное предприятие",
			"федеральное государственное бюджетное учреждение",
			"государственное бюджетное учреждение",
			"государственное автономное учреждение",
			"государственное казенное учреждение",
			"муниципальное бюджетное учреждение",
			"муниципальное автономное учреждение",
			"муниципальное казенное учреждение",
			"автономная некоммерческая организация",
			"некоммерческая организация",
			"производственный кооператив",
			"потребительский кооператив",
			"крестьянское фермерское хозяйство",
		),
		key=len,
		reverse=True,
	)
)
_LEGAL_FORM_ABBREVIATIONS = frozenset(
	{
		"ооо",
		"ао",
		"пао",
		"нао",
		"оао",
		"зао",
		"ип",
		"гуп",
		"фгуп",
		"муп",
		"гбу",
		"фгбу",
		"гау",
		"гку",
		"мбу",
		"мау",
		"мку",
		"ано",
		"нко",
		"пк",
		"кфх",
		"llc",
		"ltd",
		"inc",
		"jsc",
	}
)
_QUOTES_AND_PUNCTUATION = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACES = re.compile(r"\s+")
_CYRILLIC = re.compile(r"[а-я]")
# Latin letters that look like Cyrillic ones, mixed into a Russian word by a keyboard-layout slip.
_LATIN_LOOKALIKES = str.maketrans("aeopcxykmthb", "аеорсхукмтнв")


@dataclass(frozen=True)
class EmployerIdentifiers:
	inn: str | None = None
	ogrn: str | None = None
	kpp: str | None = None


def normalize_company_name(name: object) -> str:
	"""The part of a company name that tells it apart: no legal form, quotes, punctuation or case.

	«ООО "Ромашка"», «Общество с ограниченной ответственностью «РОМАШКА»» and «ромашка, ооо» all become
	«ромашка».
	"""
	if not isinstance(name, str):
		return ""
	text = name.casefold().replace("ё", "е")
	text = _QUOTES_AND_PUNCTUATION.sub(" ", text)
	text = _SPACES.sub(" ", text).strip()
	for phrase in _LEGAL_FORM_PHRASES:
		text = re.sub(rf"(?<!\w){phrase}(?!\w)", " ", text)
	words = [word.translate(_LATIN_LOOKALIKES) if _CYRILLIC.search(word) else word for word in text.split()]
	words = [word for word in words if word not in _LEGAL_FORM_ABBREVIATIONS]
	return " ".join(words)


def name_search_prefix(normalized_name: str) -> str:
	"""The first distinctive word: existing employers sharing it are the candidates worth comparing."""
	return normalized_name.split(" ", 1)[0] if normalized_name else ""


def names_are_similar(first: object, second: object) -> bool:
	"""True when two company names likely denote the same employer (a warning, never an error)."""
	a, b = normalize_company_name(first), normalize_company_name(second)
	if not a or not b:
		return False
	if a == b or sorted(a.split()) == sorted(b.split()):
		return True
	return SequenceMatcher(None, a, b).ratio() >= SIMILARITY_THRESHOLD


def find_similar_names(name: object, candidates: Iterable[tuple[str, str]]) -> list[str]:
	"""Keys of the candidates ``(key, name)`` whose name is similar to ``name``, in the given order."""
	return [key for key, candidate in candidates if names_are_similar(name, candidate)]


def normalize_employer_identifiers(
	values: EmployerIdentifiers,
) -> tuple[EmployerIdentifiers, list[FieldError]]:
	"""Normalise each filled identifier and check that together they describe one kind of employer."""
	errors: list[FieldError] = []
	normalized: dict[str, str | None] = {}
	for field, normalize in (("inn", normalize_inn), ("ogrn", normalize_ogrn), ("kpp", normalize_kpp)):
		value = getattr(values, field)
		if value is None or (isinstance(value, str) and not value.strip()):
			normalized[field] = None
			continue
		try:
			normalized[field] = normalize(value, field)
		except FieldError as error:
			errors.append(error)
			normalized[field] = None
	result = EmployerIdentifiers(**normalized)
	errors.extend(identifier_mismatch_errors(result))
	return result, errors


def identifier_mismatch_errors(values: EmployerIdentifiers) -> list[FieldError]:
	"""ОГРН and КПП that contradict the kind of employer the ИНН names."""
	errors = []
	if values.inn and values.ogrn:
		expected = (
			ORGANIZATION_OGRN_LENGTH
			if len(values.inn) == ORGANIZATION_INN_LENGTH
			else SOLE_PROPRIETOR_OGRN_LENGTH
		)
		if len(values.ogrn) != expected:
			errors.append(FieldError("ogrn", Reason.MISMATCH))
	is_sole_proprietor = (values.inn and len(values.inn) == SOLE_PROPRIETOR_INN_LENGTH) or (
		values.ogrn and len(values.ogrn) == SOLE_PROPRIETOR_OGRN_LENGTH
	)
	if values.kpp and is_sole_proprietor:
		# A КПП is issued only to organisations; a sole proprietor has none.
		errors.append(FieldError("kpp", Reason.MISMATCH))
	return errors


def founding_year_errors(year: object, current_year: int, field: str = "founding_year") -> list[FieldError]:
	"""No year (0 or empty) is fine; otherwise it lies between 1800 and this year."""
	if year in (None, "", 0):
		return []
	if isinstance(year, bool) or not isinstance(year, int):
		return [FieldError(field, Reason.FORMAT)]
	if not EARLIEST_FOUNDING_YEAR <= year <= current_year:
		return [FieldError(field, Reason.RANGE)]
	return []


def non_negative_count_errors(counts: dict[str, object]) -> list[FieldError]:
	"""Quota and special workplaces are counts of places: never negative."""
	return [
		FieldError(field, Reason.RANGE)
		for field, count in counts.items()
		if isinstance(count, int) and not isinstance(count, bool) and count < 0
	]
