from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from citi_employment.domain import employer_forms as rules
from citi_employment.domain import monitoring
from citi_employment.domain.employer_forms import Problem

TODAY = date(2026, 3, 10)
INN = "7707083893"  # Сбербанк: a real organisation ИНН with a valid check digit


def valid_request(**changes) -> dict:
	form = {
		"employer_full_name": "Общество с ограниченной ответственностью «Ромашка»",
		"inn": INN,
		"kind": "Employment",
		"position": "Помощник повара",
		"positions_count": "2",
		"contact_person": "Петрова Анна Сергеевна",
		"contact_phone": "8 (921) 123-45-67",
		"contact_email": "HR@Romashka.example",
		"consent": "1",
	}
	form.update(changes)
	return {key: value for key, value in form.items() if value is not None}


def test_a_valid_request_is_cleaned_to_stored_values():
	cleaned = rules.clean_vacancy_request(
		valid_request(salary="45 000", expected_start_date="2026-04-01", website="romashka.example"), TODAY
	)
	assert cleaned.ok, cleaned.problems
	values = cleaned.values
	assert values["inn"] == INN
	assert values["contact_phone"] == "+79211234567"
	assert values["contact_email"] == "hr@romashka.example"
	assert values["positions_count"] == 2
	assert values["salary"] == Decimal(45000)
	assert values["expected_start_date"] == date(2026, 4, 1)
	assert values["website"] == "https://romashka.example"
	assert values["gender_requirement"] == "Any"
	assert values["consent"] is True
	assert values["department"] is None


@pytest.mark.parametrize(
	("inn", "problem"),
	[
		("7707083894", Problem.CHECKSUM),
		("770708389", Problem.LENGTH),
		("77070838ab", Problem.FORMAT),
		("0000000000", Problem.RANGE),
		("1' OR '1'='1", Problem.FORMAT),
		("", Problem.REQUIRED),
	],
)
def test_a_wrong_inn_is_refused_with_its_reason(inn, problem):
	cleaned = rules.clean_vacancy_request(valid_request(inn=inn), TODAY)
	assert cleaned.problems == {"inn": problem}


def test_a_sole_proprietor_inn_of_twelve_digits_is_accepted():
	cleaned = rules.clean_vacancy_request(valid_request(inn="500100732259"), TODAY)
	assert cleaned.ok, cleaned.problems


def test_a_missing_consent_is_refused():
	for consent in (None, "", "0", "no"):
		cleaned = rules.clean_vacancy_request(valid_request(consent=consent), TODAY)
		assert cleaned.problems == {"consent": Problem.NOT_AGREED}


@pytest.mark.parametrize(
	"value",
	[
		"<script>alert(1)</script>",
		"<img src=x onerror=alert(1)>",
		"&lt;svg onload=alert(1)&gt;",
		'"\\u003cscript\\u003e"',
		"%3Cscript%3Ealert(1)%3C/script%3E",
		"<!-- comment -->",
	],
)
def test_markup_in_any_text_field_is_refused(value):
	for name in ("position", "employer_full_name", "comment", "age_requirement", "contact_person"):
		cleaned = rules.clean_vacancy_request(valid_request(**{name: value}), TODAY)
		assert cleaned.problems == {name: Problem.MARKUP}, name


def test_text_that_only_looks_like_markup_or_sql_is_kept_as_text():
	for value in ("зарплата > 30000", "стаж <5 лет", "<<Ромашка>>", "Robert'); DROP TABLE tabEmployer;--"):
		cleaned = rules.clean_vacancy_request(valid_request(position=value), TODAY)
		assert cleaned.ok, (value, cleaned.problems)
		assert cleaned.values["position"] == value


def test_an_oversized_field_is_refused_before_it_is_read():
	for name, spec in ((spec.name, spec) for spec in rules.VACANCY_FIELDS):
		if spec.kind in (rules.Kind.CHOICE, rules.Kind.AGREEMENT):
			continue
		cleaned = rules.clean_vacancy_request(valid_request(**{name: "1" * 100_000}), TODAY)
		assert cleaned.problems.get(name) is Problem.TOO_LONG, name


def test_a_value_just_within_the_limit_passes_and_one_over_is_refused():
	assert rules.clean_vacancy_request(valid_request(position="а" * 140), TODAY).ok
	cleaned = rules.clean_vacancy_request(valid_request(position="а" * 141), TODAY)
	assert cleaned.problems == {"position": Problem.TOO_LONG}


def test_values_that_are_not_strings_are_refused():
	for value in (["a"], {"a": 1}, 5):
		cleaned = rules.clean_vacancy_request(valid_request(position=value), TODAY)
		assert cleaned.problems == {"position": Problem.FORMAT}


def test_control_characters_are_removed_and_lines_joined():
	cleaned = rules.clean_vacancy_request(valid_request(position="Повар\x00\n\tвторого  разряда"), TODAY)
	assert cleaned.values["position"] == "Повар второго разряда"
	cleaned = rules.clean_vacancy_request(valid_request(comment="строка 1\r\nстрока\x07 2"), TODAY)
	assert cleaned.values["comment"] == "строка 1\nстрока 2"


@pytest.mark.parametrize(
	("website", "problem"),
	[
		("javascript:alert(1)", Problem.UNSAFE_LINK),
		("JaVaScRiPt:alert(1)", Problem.UNSAFE_LINK),
		("data:text/html,hi", Problem.UNSAFE_LINK),
		("ftp://example.ru", Problem.UNSAFE_LINK),
		('https://example.ru/" onmouseover="x', Problem.UNSAFE_LINK),
		("https://exa mple.ru", Problem.UNSAFE_LINK),
	],
)
def test_an_unsafe_website_is_refused(website, problem):
	cleaned = rules.clean_vacancy_request(valid_request(website=website), TODAY)
	assert cleaned.problems == {"website": problem}


@pytest.mark.parametrize(
	("field", "value", "problem"),
	[
		("positions_count", "0", Problem.RANGE),
		("positions_count", "1001", Problem.RANGE),
		("positions_count", "два", Problem.FORMAT),
		("positions_count", "", Problem.REQUIRED),
		("salary", "-5", Problem.FORMAT),
		("salary", "1e9", Problem.FORMAT),
		("salary", "999999999999", Problem.RANGE),
		("founding_year", "1700", Problem.RANGE),
		("founding_year", "2027", Problem.RANGE),
		("expected_start_date", "2026-03-09", Problem.PAST_DATE),
		("expected_start_date", "2030-01-01", Problem.RANGE),
		("expected_start_date", "2026-02-30", Problem.FORMAT),
		("expected_start_date", "10.04.2026", Problem.FORMAT),
		("kind", "Anything", Problem.CHOICE),
		("gender_requirement", "Other", Problem.CHOICE),
		("contact_email", "not-an-email", Problem.FORMAT),
		("contact_email", "a@b", Problem.FORMAT),
		("contact_phone", "+1 202 555 0100", Problem.RANGE),
		("contact_phone", "12345", Problem.LENGTH),
	],
)
def test_bad_values_are_refused_with_their_reason(field, value, problem):
	cleaned = rules.clean_vacancy_request(valid_request(**{field: value}), TODAY)
	assert cleaned.problems == {field: problem}


def test_money_is_read_as_people_write_it():
	for text, amount in (("45000", 45000), ("45 000 руб.", 45000), ("45\u00a0000,50", Decimal("45000.50"))):
		assert rules.clean_vacancy_request(valid_request(salary=text), TODAY).values["salary"] == amount


def test_a_probation_salary_above_the_salary_is_refused():
	cleaned = rules.clean_vacancy_request(valid_request(salary="40000", probation_salary="50000"), TODAY)
	assert cleaned.problems == {"probation_salary": Problem.ABOVE_SALARY}


def test_every_problem_is_reported_at_once():
	cleaned = rules.clean_vacancy_request({"inn": "1", "consent": ""}, TODAY)
	assert {"employer_full_name", "inn", "position", "contact_person", "consent"} <= set(cleaned.problems)


def test_the_centers_link_leaves_the_header_out():
	form = valid_request(employer_full_name=None, inn=None)
	assert rules.clean_vacancy_request(form, TODAY, employer_known=True).ok
	# Header values sent anyway are not read: a link holder cannot change the employer through them.
	form["inn"] = "<script>"
	cleaned = rules.clean_vacancy_request(form, TODAY, employer_known=True)
	assert cleaned.ok and "inn" not in cleaned.values


def test_the_honeypot():
	assert not rules.is_bot_submission({})
	assert not rules.is_bot_submission({rules.HONEYPOT_FIELD: "  "})
	assert rules.is_bot_submission({rules.HONEYPOT_FIELD: "x"})
	assert rules.is_bot_submission({rules.HONEYPOT_FIELD: ["x"]})


def test_short_name_from_a_long_full_name():
	assert rules.short_name_from("ООО «Ромашка»") == "ООО «Ромашка»"
	long_name = "Общество " * 30
	short = rules.short_name_from(long_name)
	assert len(short) <= 140 and short.endswith("…")


def test_the_same_submission_has_the_same_fingerprint():
	one = rules.clean_vacancy_request(valid_request(), TODAY).values
	two = rules.clean_vacancy_request(valid_request(contact_phone="+7 921 123 45 67"), TODAY).values
	other = rules.clean_vacancy_request(valid_request(position="Дворник"), TODAY).values
	assert rules.fingerprint(one) == rules.fingerprint(two) != rules.fingerprint(other)


def test_submitted_details_list_only_filled_values():
	text = rules.submitted_details(
		{"inn": INN, "employer_address": "ул. Ленина, 1\nофис 2", "activity": None},
		{"inn": "ИНН", "employer_address": "Адрес", "activity": "Вид деятельности"},
	)
	assert text == f"ИНН: {INN}\nАдрес: ул. Ленина, 1 / офис 2"


# --- feedback --------------------------------------------------------------------------------------------


def answers(**changes) -> dict:
	form = {
		"still_working": "yes",
		"complaints": "no",
		"conditions_match": "yes",
		"special_workplace": "not_needed",
		"satisfaction": "4",
		"training_quality": "Хорошо подготовлен",
	}
	form.update(changes)
	return {key: value for key, value in form.items() if value is not None}


def test_still_working_completes_the_check_at_this_employer():
	cleaned = rules.clean_feedback(answers())
	assert cleaned.ok
	values = rules.feedback_record_values(cleaned.values, TODAY)
	assert values == {
		"method": "Employer's Report",
		"employer_complaints": 0,
		"complaint_details": None,
		"employer_satisfaction": 4,
		"training_quality_feedback": "Хорошо подготовлен",
		"conditions_match_contract": "Yes",
		"special_workplace": "Not Needed",
		"outcome": monitoring.WORKING_HERE,
		"checked_on": TODAY,
	}


def test_no_longer_working_keeps_the_answers_but_not_an_outcome():
	cleaned = rules.clean_feedback(answers(still_working="no", conditions_match=None, special_workplace=None))
	assert cleaned.ok, cleaned.problems
	values = rules.feedback_record_values(cleaned.values, TODAY)
	assert "outcome" not in values and "checked_on" not in values
	assert values["method"] == "Employer's Report"
	assert not rules.completes_check(cleaned.values)


def test_a_complaint_needs_its_details():
	assert rules.clean_feedback(answers(complaints="yes")).problems == {"complaint_details": Problem.REQUIRED}
	cleaned = rules.clean_feedback(answers(complaints="yes", complaint_details="Опаздывает"))
	values = rules.feedback_record_values(cleaned.values, TODAY)
	assert values["employer_complaints"] == 1 and values["complaint_details"] == "Опаздывает"


def test_details_without_a_complaint_are_not_stored():
	cleaned = rules.clean_feedback(answers(complaint_details="ничего"))
	assert rules.feedback_record_values(cleaned.values, TODAY)["complaint_details"] is None


@pytest.mark.parametrize(
	("changes", "problems"),
	[
		({"satisfaction": "6"}, {"satisfaction": Problem.CHOICE}),
		({"satisfaction": "0"}, {"satisfaction": Problem.CHOICE}),
		({"satisfaction": None}, {"satisfaction": Problem.CHOICE}),
		({"still_working": "maybe"}, {"still_working": Problem.CHOICE}),
		({"conditions_match": None}, {"conditions_match": Problem.CHOICE}),
		({"training_quality": "<b>x</b>"}, {"training_quality": Problem.MARKUP}),
		({"training_quality": "x" * 1001}, {"training_quality": Problem.TOO_LONG}),
		({"special_workplace": "'; DROP TABLE x;--"}, {"special_workplace": Problem.CHOICE}),
	],
)
def test_bad_answers_are_refused(changes, problems):
	assert rules.clean_feedback(answers(**changes)).problems == problems


# --- links -----------------------------------------------------------------------------------------------

NOW = datetime(2026, 3, 10, 12, 0)


def issued(**changes) -> rules.IssuedLink:
	values = {
		"record": "EMR-2026-00001",
		"status": rules.LINK_SENT,
		"expires_at": NOW + timedelta(days=1),
		"check_status": monitoring.DUE,
	}
	values.update(changes)
	return rules.IssuedLink(**values)


def test_tokens_are_random_well_formed_and_stored_only_as_a_digest():
	tokens = {rules.new_token() for _ in range(100)}
	assert len(tokens) == 100
	token = tokens.pop()
	assert rules.is_well_formed_token(token)
	assert rules.token_digest(token) != token and len(rules.token_digest(token)) == 64
	for bad in (None, 5, "", token[:-1], token + "x", token[:-1] + "=", "' OR 1=1 --"):
		assert not rules.is_well_formed_token(bad)


def test_feedback_link_problems():
	assert rules.feedback_link_problem(issued(), "EMR-2026-00001", NOW) is None
	assert rules.feedback_link_problem(None, "EMR-2026-00001", NOW) is rules.LinkProblem.UNKNOWN
	assert rules.feedback_link_problem(issued(), "EMR-2026-00002", NOW) is rules.LinkProblem.UNKNOWN
	assert rules.feedback_link_problem(issued(), ["EMR-2026-00001"], NOW) is rules.LinkProblem.UNKNOWN
	assert rules.feedback_link_problem(issued(), "ЕМР-кириллица", NOW) is rules.LinkProblem.UNKNOWN
	used = issued(status=rules.LINK_ANSWERED)
	assert rules.feedback_link_problem(used, "EMR-2026-00001", NOW) is rules.LinkProblem.USED
	old = issued(status=rules.LINK_SUPERSEDED)
	assert rules.feedback_link_problem(old, "EMR-2026-00001", NOW) is rules.LinkProblem.SUPERSEDED
	expired = issued(expires_at=NOW)
	assert rules.feedback_link_problem(expired, "EMR-2026-00001", NOW) is rules.LinkProblem.EXPIRED
	for status in (monitoring.DONE, monitoring.NOT_APPLICABLE):
		closed = issued(check_status=status)
		assert rules.feedback_link_problem(closed, "EMR-2026-00001", NOW) is rules.LinkProblem.CHECK_CLOSED


def test_a_feedback_link_lasts_thirty_days():
	assert rules.feedback_link_expiry(NOW) == NOW + timedelta(days=30)


KEY = rules.employer_link_key("site secret")


def test_an_employer_link_names_its_employer_until_it_expires():
	token = rules.sign_employer_link(KEY, "EMP-00042", date(2026, 6, 1))
	assert rules.read_employer_link(KEY, token, TODAY) == "EMP-00042"
	assert rules.read_employer_link(KEY, token, date(2026, 6, 1)) == "EMP-00042"
	assert rules.read_employer_link(KEY, token, date(2026, 6, 2)) is None


def test_a_forged_or_altered_employer_link_names_nobody():
	token = rules.sign_employer_link(KEY, "EMP-00042", date(2026, 6, 1))
	other = rules.sign_employer_link(KEY, "EMP-00043", date(2026, 6, 1))
	encoded, stamp, signature = token.split(".")
	forged = [
		f"{other.split('.')[0]}.{stamp}.{signature}",  # another employer under this signature
		f"{encoded}.20990101.{signature}",  # a later expiry
		f"{encoded}.{stamp}.{signature[:-1]}A"
		if signature[-1] != "A"
		else f"{encoded}.{stamp}.{signature[:-1]}B",
		rules.sign_employer_link(rules.employer_link_key("another site"), "EMP-00042", date(2026, 6, 1)),
		"",
		None,
		"EMP-00042",
		"a.b.c",
		token + ".x",
	]
	for bad in forged:
		assert rules.read_employer_link(KEY, bad, TODAY) is None, bad


def test_limits_take_only_positive_whole_numbers_from_the_site():
	assert rules.limits_from(None) == rules.GuestLimits()
	limits = rules.limits_from({"vacancy_per_ip": 3, "vacancy_per_inn": 0, "feedback_per_ip": "5", "x": 1})
	assert limits.vacancy_per_ip == 3
	assert limits.vacancy_per_inn == rules.GuestLimits().vacancy_per_inn
	assert limits.feedback_per_ip == rules.GuestLimits().feedback_per_ip


def test_counters_are_keyed_by_a_hash():
	key = rules.identity_key("HR@Romashka.example ")
	assert key == rules.identity_key("hr@romashka.example")
	assert "romashka" not in key


def test_the_contact_person_is_forgotten_three_years_after_the_request_closed():
	closed = date(2026, 5, 20)
	assert not rules.contact_data_expired(closed, date(2029, 5, 19))
	assert rules.contact_data_expired(closed, date(2029, 5, 20))
	# Closed on 29 February: the term ends on 1 March of a common year, never a day early.
	assert not rules.contact_data_expired(date(2024, 2, 29), date(2027, 2, 28))
	assert rules.contact_data_expired(date(2024, 2, 29), date(2027, 3, 1))


def test_the_database_filter_agrees_with_the_rule_on_every_day():
	for today_offset in range(0, 366 * 5, 7):
		today = date(2027, 1, 1) + timedelta(days=today_offset)
		cutoff = rules.last_expired_closing_day(today)
		for closed_offset in range(-40, 40):
			closed = cutoff + timedelta(days=closed_offset)
			assert rules.contact_data_expired(closed, today) == (closed <= cutoff), (closed, today)
	for today in (date(2028, 2, 29), date(2032, 2, 29)):
		cutoff = rules.last_expired_closing_day(today)
		for closed_offset in range(-3, 4):
			closed = cutoff + timedelta(days=closed_offset)
			assert rules.contact_data_expired(closed, today) == (closed <= cutoff), (closed, today)
