from datetime import date, datetime

from citi_employment.domain.email_reports import (
	comes_of_age_by,
	digest_recipients,
	entered_state_at,
	expiry_window,
	latest_birth_date_of_age_by,
	reminded_states,
	reminder_due,
	representative_consent_to_renew,
)

HEAD = "Employment Center Head"
SPECIALIST = "Employment Specialist"
DIRECTOR = "Institution Director"


def test_configured_recipients_win_over_the_heads():
	assert digest_recipients(["b@citi.invalid", "a@citi.invalid"], ["head@citi.invalid"]) == [
		"a@citi.invalid",
		"b@citi.invalid",
	]


def test_without_configured_recipients_every_head_gets_the_digest():
	assert digest_recipients([], ["head2@citi.invalid", "head1@citi.invalid"]) == [
		"head1@citi.invalid",
		"head2@citi.invalid",
	]
	assert digest_recipients([None, " "], ["head@citi.invalid"]) == ["head@citi.invalid"]


def test_each_mailbox_gets_the_digest_once():
	assert digest_recipients(["Head@Citi.invalid", "head@citi.invalid ", "x@citi.invalid"], []) == [
		"Head@Citi.invalid",
		"x@citi.invalid",
	]


def test_nobody_gets_the_digest_when_there_is_nobody():
	assert digest_recipients([], []) == []


def test_a_consent_is_renewed_when_it_ends_within_sixty_days():
	assert expiry_window(date(2026, 3, 1)) == (date(2026, 3, 1), date(2026, 4, 30))
	assert expiry_window(date(2026, 3, 1), 10) == (date(2026, 3, 1), date(2026, 3, 11))


def test_coming_of_age_by_a_day():
	assert comes_of_age_by(date(2008, 5, 17), date(2026, 5, 17))
	assert not comes_of_age_by(date(2008, 5, 17), date(2026, 5, 16))
	assert comes_of_age_by(date(2000, 1, 1), date(2026, 5, 16))
	assert not comes_of_age_by(None, date(2026, 5, 16))


def test_born_on_29_february_comes_of_age_on_1_march_in_a_common_year():
	assert not comes_of_age_by(date(2008, 2, 29), date(2026, 2, 28))
	assert comes_of_age_by(date(2008, 2, 29), date(2026, 3, 1))


def test_the_birth_date_filter_is_wide_enough_for_everyone_who_is_of_age():
	day = date(2026, 2, 28)
	cutoff = latest_birth_date_of_age_by(day)
	for born in (date(2008, 2, 28), date(2008, 2, 27), date(1990, 1, 1)):
		assert comes_of_age_by(born, day)
		assert born <= cutoff
	assert cutoff <= date(2008, 3, 1)


def test_a_representative_consent_is_renewed_within_ninety_days_of_the_eighteenth_birthday_and_after():
	as_on = date(2026, 3, 1)
	assert representative_consent_to_renew(date(2008, 5, 30), as_on)  # 18 on 30 May: 90 days
	assert not representative_consent_to_renew(date(2008, 5, 31), as_on)
	assert representative_consent_to_renew(date(2007, 1, 1), as_on)  # already 18
	assert not representative_consent_to_renew(None, as_on)
	assert representative_consent_to_renew(date(2008, 6, 30), as_on, days=121)


def test_only_the_states_waiting_for_a_reminded_role_are_reminded():
	waiting = {
		"Pending Director Approval": (DIRECTOR,),
		"Rejected": (HEAD, SPECIALIST),
		"Submitted": (HEAD, DIRECTOR),
	}
	assert reminded_states(waiting, [DIRECTOR]) == {
		"Pending Director Approval": (DIRECTOR,),
		"Submitted": (DIRECTOR,),
	}
	assert reminded_states(waiting, []) == {}


def test_a_document_entered_its_state_when_a_version_last_moved_it_there():
	first = datetime(2026, 3, 1, 10, 0)
	revised = datetime(2026, 3, 5, 9, 0)
	resubmitted = datetime(2026, 3, 9, 16, 30)
	versions = [
		(resubmitted, [["status", "Draft", "Pending Director Approval"], ["notes", None, "x"]]),
		(datetime(2026, 3, 9, 17, 0), [["notes", "x", "y"]]),
		(revised, [["status", "Rejected", "Draft"]]),
		(first, [["status", "Draft", "Pending Director Approval"]]),
	]
	assert entered_state_at(versions, "status", "Pending Director Approval") == resubmitted
	assert entered_state_at(versions, "status", "Draft") == revised


def test_no_version_no_date():
	assert entered_state_at([], "status", "Submitted") is None
	# A change of another field, a malformed row, or a save that kept the state say nothing.
	versions = [(datetime(2026, 3, 1), [["status", "Submitted", "Submitted"], ["year", 1, "Submitted"], "x"])]
	assert entered_state_at(versions, "status", "Submitted") is None


def test_a_reminder_comes_on_the_nth_day_of_waiting_and_every_n_days_after():
	since = date(2026, 3, 2)
	due = [day for day in range(1, 31) if reminder_due(since, date(2026, 3, day), 3)]
	assert due == [5, 8, 11, 14, 17, 20, 23, 26, 29]


def test_no_reminder_when_reminders_are_off_or_before_the_time():
	assert not reminder_due(date(2026, 3, 1), date(2026, 3, 31), 0)
	assert not reminder_due(date(2026, 3, 1), date(2026, 3, 1), 1)
	assert reminder_due(date(2026, 3, 1), date(2026, 3, 2), 1)
	assert not reminder_due(date(2026, 3, 10), date(2026, 3, 1), 3)
