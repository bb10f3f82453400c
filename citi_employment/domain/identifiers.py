"""Validators and normalisers for Russian identifiers.

Every ``normalize_*`` function takes raw user input, returns the canonical string stored in the database
and raises :class:`IdentifierError` for anything else. Only ``str`` is accepted: an ``int`` has already
lost the leading zeros that SNILS, passport series and codes legitimately start with.
"""

import re
from collections.abc import Callable
from typing import Literal

from stdnum import exceptions as stdnum_errors
from stdnum.ru import inn as stdnum_inn

from citi_employment.domain.errors import IdentifierError, Reason

InnKind = Literal["organization", "individual"]

# Whitespace (including the no-break space pasted from Word) and the dashes people type or paste.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212]+")
_PHONE_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212().]+")
_DIGITS = re.compile(r"[0-9]+")
# ASCII-only on purpose: case folding comes after, and "ß".upper() == "SS" must not pass as Latin.
_KPP_CHARACTERS = re.compile(r"[0-9A-Za-z]+")
_KPP = re.compile(r"[0-9]{4}[0-9A-Z]{2}[0-9]{3}")

# Below this body the Pension Fund issued numbers before check digits existed; they are not verified.
_SNILS_LAST_UNCHECKED = 1_001_998
_INN_LENGTHS: dict[InnKind, int] = {"organization": 10, "individual": 12}
# Length -> (allowed record-type digit, modulus). ОГРН starts with 1 or 5, ОГРНИП with 3; other leading
# digits are ГРН of later registry entries, a frequent copy-paste mistake from an extract.
_OGRN_RULES: dict[int, tuple[str, int]] = {13: ("15", 11), 15: ("3", 13)}
# ABC/DEF codes of Russia; +7 6xx and +7 7xx belong to Kazakhstan.
_RU_PHONE_FIRST_DIGITS = "3489"
_STDNUM_REASONS: dict[type[stdnum_errors.ValidationError], Reason] = {
	stdnum_errors.InvalidLength: Reason.LENGTH,
	stdnum_errors.InvalidFormat: Reason.FORMAT,
	stdnum_errors.InvalidChecksum: Reason.CHECKSUM,
	stdnum_errors.InvalidComponent: Reason.RANGE,
}


def _compact(value: object, field: str, separators: re.Pattern[str] = _SEPARATORS) -> str:
	"""Turn any input into a separator-free string, so garbage never reaches the checks as a crash."""
	if value is None:
		raise IdentifierError(field, Reason.REQUIRED)
	if not isinstance(value, str):
		raise IdentifierError(field, Reason.FORMAT)
	text = separators.sub("", value)
	if not text:
		raise IdentifierError(field, Reason.REQUIRED)
	return text


def _require_digits(text: str, field: str, lengths: tuple[int, ...] = ()) -> str:
	"""Reject anything but ASCII digits (``str.isdigit`` would pass "²" and Arabic-Indic digits)."""
	if not _DIGITS.fullmatch(text):
		raise IdentifierError(field, Reason.FORMAT)
	if lengths and len(text) not in lengths:
		raise IdentifierError(field, Reason.LENGTH)
	return text


def _digits(value: object, field: str, *lengths: int) -> str:
	"""Digits-only form of ``value``, optionally of one of the given lengths."""
	return _require_digits(_compact(value, field), field, lengths)


def fixed_length_digits(value: object, field: str, length: int) -> str:
	"""A code written in ASCII digits only, of exactly ``length`` digits once separators are dropped."""
	return _digits(value, field, length)


def _stdnum_validate(validate: Callable[[str], str], digits: str, field: str) -> str:
	"""Run a python-stdnum validator and translate its exceptions, so callers never see stdnum."""
	try:
		return validate(digits)
	except stdnum_errors.ValidationError as exc:
		# ``from None``: stdnum's exception adds nothing and the log should show only our vetted message.
		raise IdentifierError(field, _STDNUM_REASONS.get(type(exc), Reason.FORMAT)) from None


def _snils_check_number(body: str) -> int:
	"""Control number of the 9-digit SNILS body.

	The official rule (sum < 100 -> sum; 100 or 101 -> 0; otherwise sum mod 101 with 100 -> 0) is exactly
	``sum % 101 % 100``.
	"""
	total = sum(int(digit) * weight for digit, weight in zip(body, range(9, 0, -1), strict=True))
	return total % 101 % 100


def normalize_snils(value: object, field: str = "snils") -> str:
	"""СНИЛС as ``XXX-XXX-XXX YY``, the form printed on the insurance certificate.

	Numbers up to 001-001-998 were issued before the check number was introduced, so their check number
	is not verified (the Pension Fund rule); the all-zero number was never issued.
	"""
	digits = _digits(value, field, 11)
	body, check = digits[:9], digits[9:]
	if int(body) == 0:
		raise IdentifierError(field, Reason.RANGE)
	if int(body) > _SNILS_LAST_UNCHECKED and _snils_check_number(body) != int(check):
		raise IdentifierError(field, Reason.CHECKSUM)
	return f"{body[:3]}-{body[3:6]}-{body[6:]} {check}"


def normalize_inn(value: object, field: str = "inn", kind: InnKind | None = None) -> str:
	"""ИНН as digits: 10 for an organisation, 12 for an individual; ``kind`` restricts to one of them.

	Region code 00 does not exist, which also rejects the all-zero placeholders that pass the checksum.
	"""
	lengths = (_INN_LENGTHS[kind],) if kind else tuple(_INN_LENGTHS.values())
	digits = _digits(value, field, *lengths)
	if digits.startswith("00"):
		raise IdentifierError(field, Reason.RANGE)
	return _stdnum_validate(stdnum_inn.validate, digits, field)


def normalize_ogrn(value: object, field: str = "ogrn") -> str:
	"""ОГРН (13 digits) or ОГРНИП (15 digits) as digits.

	Hand-written rather than ``stdnum.ru.ogrn``: that module only exists from python-stdnum 2.0 and, as of
	2.2, rejects every valid ОГРНИП whose remainder mod 13 is 10-12 (the rule takes its last digit).
	"""
	digits = _digits(value, field, *_OGRN_RULES)
	record_types, modulus = _OGRN_RULES[len(digits)]
	if digits[0] not in record_types:
		raise IdentifierError(field, Reason.RANGE)
	if int(digits[:-1]) % modulus % 10 != int(digits[-1]):
		raise IdentifierError(field, Reason.CHECKSUM)
	return digits


def normalize_kpp(value: object, field: str = "kpp") -> str:
	"""КПП as 9 characters; the reason code (positions 5-6) may hold uppercase Latin letters."""
	text = _compact(value, field)
	if not _KPP_CHARACTERS.fullmatch(text):
		raise IdentifierError(field, Reason.FORMAT)
	if len(text) != 9:
		raise IdentifierError(field, Reason.LENGTH)
	text = text.upper()
	if not _KPP.fullmatch(text):
		raise IdentifierError(field, Reason.FORMAT)
	return text


def normalize_passport_series(value: object, field: str = "passport_series") -> str:
	"""Series of a Russian passport as 4 digits ("40 09" -> "4009"), as printed after "серия"."""
	return _digits(value, field, 4)


def normalize_passport_number(value: object, field: str = "passport_number") -> str:
	"""Number of a Russian passport as 6 digits."""
	return _digits(value, field, 6)


def normalize_division_code(value: object, field: str = "division_code") -> str:
	"""Issuing division code (код подразделения) as ``NNN-NNN``, the form printed in the passport."""
	digits = _digits(value, field, 6)
	return f"{digits[:3]}-{digits[3:]}"


def normalize_phone_ru(value: object, field: str = "phone") -> str:
	"""Russian phone number as ``+7XXXXXXXXXX``.

	Accepts the forms people write: with +7, with the trunk prefix 8 or 7, or the bare 10-digit number.
	"""
	text = _compact(value, field, _PHONE_SEPARATORS)
	international = text.startswith("+")
	digits = _require_digits(text.removeprefix("+"), field)
	if international:
		if not digits.startswith("7"):
			raise IdentifierError(field, Reason.RANGE)
		national = digits[1:]
	elif len(digits) == 11 and digits[0] in "78":
		national = digits[1:]
	else:
		national = digits
	if len(national) != 10:
		raise IdentifierError(field, Reason.LENGTH)
	if national[0] not in _RU_PHONE_FIRST_DIGITS:
		raise IdentifierError(field, Reason.RANGE)
	return f"+7{national}"
