"""Known-good and known-bad vectors for the identifier normalisers; runs without frappe."""

import pickle
import re
from collections.abc import Callable

import pytest

from citi_employment.domain.errors import DomainError, FieldError, IdentifierError, Reason
from citi_employment.domain.identifiers import (
	normalize_division_code,
	normalize_inn,
	normalize_kpp,
	normalize_ogrn,
	normalize_passport_number,
	normalize_passport_series,
	normalize_phone_ru,
	normalize_snils,
)

Validator = Callable[..., str]

DEFAULT_FIELDS: dict[Validator, str] = {
	normalize_snils: "snils",
	normalize_inn: "inn",
	normalize_ogrn: "ogrn",
	normalize_kpp: "kpp",
	normalize_passport_series: "passport_series",
	normalize_passport_number: "passport_number",
	normalize_division_code: "division_code",
	normalize_phone_ru: "phone",
}
VALIDATORS = list(DEFAULT_FIELDS)

VALID: list[tuple[Validator, str, str]] = [
	(normalize_snils, "112-233-445 95", "112-233-445 95"),
	(normalize_snils, "11223344595", "112-233-445 95"),
	(normalize_snils, " 112 233 445 95 ", "112-233-445 95"),
	(normalize_snils, "112\u00a0233\u00a0445\u00a095", "112-233-445 95"),
	# En dashes, as Word autocorrects them.
	(normalize_snils, "112\u2013233\u2013445 95", "112-233-445 95"),
	# At or below 001-001-998 the check number is not verified, whatever it is.
	(normalize_snils, "001-001-998 42", "001-001-998 42"),
	(normalize_snils, "000-000-001 99", "000-000-001 99"),
	# First verified number: 1*7 + 1*4 + 9*3 + 9*2 + 9*1 = 65.
	(normalize_snils, "001-001-999 65", "001-001-999 65"),
	(normalize_inn, "7707083893", "7707083893"),
	(normalize_inn, "7707 083 893", "7707083893"),
	(normalize_inn, "500100732259", "500100732259"),
	(normalize_inn, "5001-0073-2259", "500100732259"),
	(normalize_ogrn, "1027700132195", "1027700132195"),
	(normalize_ogrn, "1 02 77 00 132195", "1027700132195"),
	(normalize_ogrn, "304500116000157", "304500116000157"),
	# 30450011600018 % 13 == 10 and 30450011600019 % 13 == 11: the check digit is the last digit of the
	# remainder. python-stdnum 2.2 rejects both.
	(normalize_ogrn, "304500116000180", "304500116000180"),
	(normalize_ogrn, "304500116000191", "304500116000191"),
	(normalize_kpp, "773601001", "773601001"),
	(normalize_kpp, "7736 01 001", "773601001"),
	(normalize_kpp, "7736ab001", "7736AB001"),
	(normalize_passport_series, "40 09", "4009"),
	(normalize_passport_series, "4009", "4009"),
	(normalize_passport_series, "04-09", "0409"),
	(normalize_passport_number, "123456", "123456"),
	(normalize_passport_number, "123 456", "123456"),
	(normalize_passport_number, "012345", "012345"),
	(normalize_division_code, "770001", "770-001"),
	(normalize_division_code, "770-001", "770-001"),
	(normalize_division_code, "770 001", "770-001"),
	(normalize_phone_ru, "+7 (921) 123-45-67", "+79211234567"),
	(normalize_phone_ru, "8 921 123 45 67", "+79211234567"),
	(normalize_phone_ru, "89211234567", "+79211234567"),
	(normalize_phone_ru, "79211234567", "+79211234567"),
	(normalize_phone_ru, "9211234567", "+79211234567"),
	(normalize_phone_ru, "+7\u00a0921\u00a0123\u00a045\u00a067", "+79211234567"),
	(normalize_phone_ru, "8 (812) 123-45-67", "+78121234567"),
	(normalize_phone_ru, "8-800-555-35-35", "+78005553535"),
]

INVALID: list[tuple[Validator, str, Reason]] = [
	(normalize_snils, "112-233-445 96", Reason.CHECKSUM),
	(normalize_snils, "001-001-999 00", Reason.CHECKSUM),
	(normalize_snils, "050-234-316 01", Reason.CHECKSUM),
	(normalize_snils, "000-000-000 00", Reason.RANGE),
	(normalize_snils, "112-233-445 9", Reason.LENGTH),
	(normalize_snils, "112-233-445 955", Reason.LENGTH),
	(normalize_snils, "112-233-44A 95", Reason.FORMAT),
	(normalize_snils, "112_233_445_95", Reason.FORMAT),
	# Fullwidth and superscript digits are digits to str.isdigit(), not to a registry.
	(normalize_snils, "11\uff12-233-445 95", Reason.FORMAT),
	(normalize_snils, "112-233-445 9²", Reason.FORMAT),
	(normalize_inn, "7707083894", Reason.CHECKSUM),
	(normalize_inn, "500100732258", Reason.CHECKSUM),
	(normalize_inn, "77070838", Reason.LENGTH),
	(normalize_inn, "77070838931", Reason.LENGTH),
	(normalize_inn, "770708389X", Reason.FORMAT),
	(normalize_inn, "0000000000", Reason.RANGE),
	(normalize_inn, "000000000000", Reason.RANGE),
	(normalize_ogrn, "1027700132196", Reason.CHECKSUM),
	(normalize_ogrn, "304500116000158", Reason.CHECKSUM),
	(normalize_ogrn, "304500116000181", Reason.CHECKSUM),
	(normalize_ogrn, "0027700132195", Reason.RANGE),
	(normalize_ogrn, "2027700132195", Reason.RANGE),
	(normalize_ogrn, "404500116000157", Reason.RANGE),
	(normalize_ogrn, "102770013219", Reason.LENGTH),
	(normalize_ogrn, "10277001321950", Reason.LENGTH),
	(normalize_ogrn, "102770013219O", Reason.FORMAT),
	(normalize_kpp, "77360100", Reason.LENGTH),
	(normalize_kpp, "7736010011", Reason.LENGTH),
	# Cyrillic capital A and BE: the A looks exactly like the Latin one.
	(normalize_kpp, "7736\u0410\u0411001", Reason.FORMAT),
	(normalize_kpp, "7736ß001", Reason.FORMAT),
	(normalize_kpp, "A73601001", Reason.FORMAT),
	(normalize_kpp, "773601A01", Reason.FORMAT),
	(normalize_kpp, "7736-01/001", Reason.FORMAT),
	(normalize_passport_series, "400", Reason.LENGTH),
	(normalize_passport_series, "4009 123456", Reason.LENGTH),
	(normalize_passport_series, "40O9", Reason.FORMAT),
	(normalize_passport_number, "12345", Reason.LENGTH),
	(normalize_passport_number, "1234567", Reason.LENGTH),
	(normalize_passport_number, "№123456", Reason.FORMAT),
	(normalize_division_code, "77001", Reason.LENGTH),
	(normalize_division_code, "770-0011", Reason.LENGTH),
	(normalize_division_code, "770/001", Reason.FORMAT),
	(normalize_phone_ru, "+44 20 7946 0958", Reason.RANGE),
	(normalize_phone_ru, "+8 921 123 45 67", Reason.RANGE),
	(normalize_phone_ru, "+7 727 123 45 67", Reason.RANGE),
	(normalize_phone_ru, "0211234567", Reason.RANGE),
	(normalize_phone_ru, "+7 921 123 45 6", Reason.LENGTH),
	(normalize_phone_ru, "921 123 45 6", Reason.LENGTH),
	(normalize_phone_ru, "8 921 123 45 678", Reason.LENGTH),
	(normalize_phone_ru, "+7 921 123 45 678", Reason.LENGTH),
	(normalize_phone_ru, "8 (921) ABC-45-67", Reason.FORMAT),
	(normalize_phone_ru, "+7 921 123 45 67 доб. 12", Reason.FORMAT),
	(normalize_phone_ru, "+7+9211234567", Reason.FORMAT),
]

GARBAGE: list[tuple[object, Reason]] = [
	(None, Reason.REQUIRED),
	("", Reason.REQUIRED),
	("   ", Reason.REQUIRED),
	(" - - ", Reason.REQUIRED),
	(12.5, Reason.FORMAT),
	(object(), Reason.FORMAT),
	("абв", Reason.FORMAT),
	(79211234567, Reason.FORMAT),
	(True, Reason.FORMAT),
	(b"4009", Reason.FORMAT),
	(["4009"], Reason.FORMAT),
]


@pytest.mark.parametrize(("validator", "raw", "expected"), VALID)
def test_valid_input_is_normalised(validator: Validator, raw: str, expected: str) -> None:
	assert validator(raw) == expected


@pytest.mark.parametrize(("validator", "raw", "expected"), VALID)
def test_normalised_output_is_a_fixed_point(validator: Validator, raw: str, expected: str) -> None:
	"""Stored values are re-validated on every save, so the canonical form must pass unchanged."""
	assert validator(validator(raw)) == expected


@pytest.mark.parametrize(("validator", "raw", "reason"), INVALID)
def test_invalid_input_is_rejected_with_reason(validator: Validator, raw: str, reason: Reason) -> None:
	with pytest.raises(IdentifierError) as caught:
		validator(raw)
	assert caught.value.reason is reason
	assert caught.value.field == DEFAULT_FIELDS[validator]


@pytest.mark.parametrize(("validator", "raw", "reason"), INVALID)
def test_error_never_reveals_the_value(validator: Validator, raw: str, reason: Reason) -> None:
	"""Passport and SNILS numbers of disabled people must not leak into logs through the exception."""
	with pytest.raises(IdentifierError) as caught:
		validator(raw)
	exc = caught.value
	rendered = " ".join((str(exc), repr(exc), repr(exc.args), repr(vars(exc))))
	assert not re.search(r"\d", rendered)
	assert raw.strip() not in rendered
	assert DEFAULT_FIELDS[validator] in str(exc)
	assert reason.value in str(exc)


@pytest.mark.parametrize(
	("snils", "weighted_sum"),
	[
		("112-233-445 95", 95),
		("050-234-316 00", 100),
		("016-103-396 00", 101),
		("820-981-233 00", 201),
		("087-654-303 00", 202),
	],
)
def test_snils_check_number_branches(snils: str, weighted_sum: int) -> None:
	"""Sum < 100 is the check number itself; 100, 101 and a remainder of 100 (201) all give 00."""
	body = re.sub(r"\D", "", snils)[:9]
	assert (
		sum(int(digit) * weight for digit, weight in zip(body, range(9, 0, -1), strict=True)) == weighted_sum
	)
	assert normalize_snils(snils) == snils


@pytest.mark.parametrize(
	("raw", "kind", "expected"),
	[
		("7707083893", "organization", "7707083893"),
		("500100732259", "individual", "500100732259"),
	],
)
def test_inn_kind_accepts_matching_length(raw: str, kind: str, expected: str) -> None:
	assert normalize_inn(raw, kind=kind) == expected


@pytest.mark.parametrize(("raw", "kind"), [("7707083893", "individual"), ("500100732259", "organization")])
def test_inn_kind_rejects_other_length(raw: str, kind: str) -> None:
	with pytest.raises(IdentifierError) as caught:
		normalize_inn(raw, "employer_inn", kind=kind)
	assert (caught.value.field, caught.value.reason) == ("employer_inn", Reason.LENGTH)


@pytest.mark.parametrize("validator", VALIDATORS)
@pytest.mark.parametrize(("garbage", "reason"), GARBAGE)
def test_garbage_raises_identifier_error(validator: Validator, garbage: object, reason: Reason) -> None:
	with pytest.raises(IdentifierError) as caught:
		validator(garbage)
	assert caught.value.reason is reason


@pytest.mark.parametrize("validator", VALIDATORS)
def test_error_carries_caller_field(validator: Validator) -> None:
	with pytest.raises(IdentifierError) as caught:
		validator("x", field="guardian_document")
	assert caught.value.field == "guardian_document"
	assert str(caught.value).startswith("guardian_document ")


def test_identifier_error_is_a_domain_value_error() -> None:
	error = IdentifierError("snils", Reason.CHECKSUM)
	assert isinstance(error, FieldError)
	assert isinstance(error, DomainError)
	assert isinstance(error, ValueError)
	assert str(error) == "snils has a wrong check digit (checksum)"


def test_identifier_error_survives_pickling() -> None:
	"""Background jobs pickle exceptions; a custom ``__init__`` would otherwise fail to rebuild."""
	restored = pickle.loads(pickle.dumps(IdentifierError("passport_number", Reason.LENGTH)))
	assert type(restored) is IdentifierError
	assert (restored.field, restored.reason, str(restored)) == (
		"passport_number",
		Reason.LENGTH,
		"passport_number has the wrong number of characters (length)",
	)
