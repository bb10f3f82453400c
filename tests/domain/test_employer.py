import pytest

from citi_employment.domain.employer import (
	EmployerIdentifiers,
	find_similar_names,
	founding_year_errors,
	name_search_prefix,
	names_are_similar,
	non_negative_count_errors,
	normalize_company_name,
	normalize_employer_identifiers,
)
from citi_employment.domain.errors import Reason

# Valid check digits: ИНН of Sberbank and a sole-proprietor ИНН/ОГРНИП pair; ОГРН of Sberbank.
ORG_INN, ORG_OGRN, ORG_KPP = "7707083893", "1027700132195", "773601001"
IP_INN, IP_OGRNIP = "500100732259", "304500116000157"


def reasons(errors):
	return {(error.field, error.reason) for error in errors}


@pytest.mark.parametrize(
	"name",
	[
		'ООО "Ромашка"',
		"ООО «РОМАШКА»",
		"Общество с ограниченной ответственностью «Ромашка»",
		"ромашка, ооо",
		"  Ромашка  ",
	],
)
def test_company_names_normalise_to_the_distinctive_part(name):
	assert normalize_company_name(name) == "ромашка"


def test_yo_and_punctuation():
	assert normalize_company_name("АО «Зелёный-Дом»") == "зеленый дом"
	assert normalize_company_name("ИП Сёмин А.В.") == "семин а в"


def test_legal_form_inside_a_word_is_kept():
	assert normalize_company_name("ООО Аосвет") == "аосвет"
	assert normalize_company_name("Пекарня Ипподром") == "пекарня ипподром"


def test_non_text_name():
	assert normalize_company_name(None) == ""


@pytest.mark.parametrize(
	"first, second, similar",
	[
		('ООО "Ромашка"', "Общество с ограниченной ответственностью «РОМАШКА»", True),
		("ЗАО Балтийский завод", "ПАО «Балтийский Завод»", True),
		("Завод Балтийский", "Балтийский завод", True),
		("ООО Ромашкa", "ООО Ромашка", True),  # a Latin «a» typed by mistake
		("ООО Ромашка", "ООО Лютик", False),
		("ООО", "АО", False),
		("", "Ромашка", False),
	],
)
def test_similar_names(first, second, similar):
	assert names_are_similar(first, second) is similar


def test_find_similar_names_keeps_candidate_order():
	candidates = [("EMP-00001", "ООО Лютик"), ("EMP-00002", "АО «Ромашка»"), ("EMP-00003", "Ромашка ООО")]
	assert find_similar_names("Ромашка", candidates) == ["EMP-00002", "EMP-00003"]


def test_search_prefix():
	assert name_search_prefix("балтийский завод") == "балтийский"
	assert name_search_prefix("") == ""


def test_organisation_identifiers_are_normalised():
	values, errors = normalize_employer_identifiers(
		EmployerIdentifiers(inn=" 7707 083893 ", ogrn="1027700132195", kpp="773601001")
	)
	assert errors == []
	assert values == EmployerIdentifiers(ORG_INN, ORG_OGRN, ORG_KPP)


def test_sole_proprietor_identifiers():
	values, errors = normalize_employer_identifiers(EmployerIdentifiers(inn=IP_INN, ogrn=IP_OGRNIP))
	assert errors == []
	assert values.kpp is None


def test_empty_identifiers_are_none():
	values, errors = normalize_employer_identifiers(EmployerIdentifiers(inn="", ogrn=None, kpp="  "))
	assert errors == [] and values == EmployerIdentifiers()


def test_each_bad_identifier_is_reported():
	_, errors = normalize_employer_identifiers(
		EmployerIdentifiers(inn="7707083894", ogrn="1027700132196", kpp="7736")
	)
	assert reasons(errors) == {("inn", Reason.CHECKSUM), ("ogrn", Reason.CHECKSUM), ("kpp", Reason.LENGTH)}


def test_sole_proprietor_has_no_kpp():
	_, errors = normalize_employer_identifiers(EmployerIdentifiers(inn=IP_INN, kpp=ORG_KPP))
	assert reasons(errors) == {("kpp", Reason.MISMATCH)}


def test_ogrnip_alone_also_rules_out_a_kpp():
	_, errors = normalize_employer_identifiers(EmployerIdentifiers(ogrn=IP_OGRNIP, kpp=ORG_KPP))
	assert reasons(errors) == {("kpp", Reason.MISMATCH)}


@pytest.mark.parametrize("inn, ogrn", [(ORG_INN, IP_OGRNIP), (IP_INN, ORG_OGRN)])
def test_ogrn_must_match_the_kind_of_inn(inn, ogrn):
	_, errors = normalize_employer_identifiers(EmployerIdentifiers(inn=inn, ogrn=ogrn))
	assert reasons(errors) == {("ogrn", Reason.MISMATCH)}


@pytest.mark.parametrize(
	"year, expected",
	[
		(None, set()),
		(0, set()),
		(1800, set()),
		(2026, set()),
		(1799, {("founding_year", Reason.RANGE)}),
		(2027, {("founding_year", Reason.RANGE)}),
		("1990", {("founding_year", Reason.FORMAT)}),
	],
)
def test_founding_year(year, expected):
	assert reasons(founding_year_errors(year, current_year=2026)) == expected


def test_counts_are_not_negative():
	errors = non_negative_count_errors({"quota_positions": -1, "special_workplaces": 0})
	assert reasons(errors) == {("quota_positions", Reason.RANGE)}
