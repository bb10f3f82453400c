"""Identifiers for the demo data: each made with its check digits and passed through the app's own validator.

A number that the validator (``identifiers.normalize_*``) refuses is never returned, so demo records save
through their controllers like any record a specialist types in.
"""

import random

from citi_employment.domain import identifiers

_INN_10_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN_12_WEIGHTS_1 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN_12_WEIGHTS_2 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
# Tax offices of Saint Petersburg (78) and the Leningrad Oblast (47), where the Center's employers sit.
TAX_REGIONS = ("78", "47")
# Mobile operators' codes of the North-West.
MOBILE_CODES = ("911", "921", "931", "950", "951", "952", "953", "981", "999", "904")


def _digits(rng: random.Random, count: int) -> str:
	return "".join(rng.choice("0123456789") for _ in range(count))


def _weighted(digits: str, weights: tuple[int, ...]) -> int:
	return sum(int(digit) * weight for digit, weight in zip(digits, weights, strict=True)) % 11 % 10


def snils(rng: random.Random) -> str:
	"""СНИЛС «XXX-XXX-XXX YY» of the checked range (above 001-001-998)."""
	body = str(rng.randint(2_000_000, 999_999_999)).zfill(9)
	total = sum(int(digit) * weight for digit, weight in zip(body, range(9, 0, -1), strict=True))
	return identifiers.normalize_snils(f"{body}{total % 101 % 100:02d}")


def organization_inn(rng: random.Random, region: str | None = None) -> str:
	"""ИНН of an organisation (10 digits): region, tax office, record number, check digit."""
	body = (region or rng.choice(TAX_REGIONS)) + _digits(rng, 7)
	return identifiers.normalize_inn(body + str(_weighted(body, _INN_10_WEIGHTS)), kind="organization")


def individual_inn(rng: random.Random, region: str | None = None) -> str:
	"""ИНН of a person (12 digits), with its two check digits."""
	body = (region or rng.choice(TAX_REGIONS)) + _digits(rng, 8)
	body += str(_weighted(body, _INN_12_WEIGHTS_1))
	body += str(_weighted(body, _INN_12_WEIGHTS_2))
	return identifiers.normalize_inn(body, kind="individual")


def ogrn(rng: random.Random, inn: str, registered_year: int) -> str:
	"""ОГРН (13 digits) of a legal entity: sign 1, year, the ИНН's region and tax office, record, check."""
	body = "1" + f"{registered_year % 100:02d}" + inn[:4] + _digits(rng, 5)
	body += str(int(body) % 11 % 10)
	return identifiers.normalize_ogrn(body)


def kpp(inn: str) -> str:
	"""КПП of an organisation registered where it sits: the tax office of its ИНН, reason 01, number 001."""
	return identifiers.normalize_kpp(f"{inn[:4]}01001")


def mobile_phone(rng: random.Random) -> str:
	return identifiers.normalize_phone_ru(f"+7{rng.choice(MOBILE_CODES)}{_digits(rng, 7)}")


def city_phone(rng: random.Random) -> str:
	"""A landline of Saint Petersburg (812) or the Oblast (813xx)."""
	if rng.random() < 0.7:
		return identifiers.normalize_phone_ru(f"+7812{rng.randint(2, 9)}{_digits(rng, 6)}")
	return identifiers.normalize_phone_ru(f"+7813{rng.randint(60, 79)}{_digits(rng, 5)}")


def passport(rng: random.Random, issued_year: int) -> tuple[str, str, str]:
	"""Series (region and year of the form), number and division code of a passport of the North-West."""
	region = rng.choice(("40", "41"))
	series = identifiers.normalize_passport_series(f"{region}{issued_year % 100:02d}")
	number = identifiers.normalize_passport_number(_digits(rng, 6))
	division = identifiers.normalize_division_code(f"{rng.choice(('470', '780'))}{rng.randint(1, 99):03d}")
	return series, number, division
