from datetime import date

from citi_employment.domain.employer_interactions import (
	ExistingTodo,
	NextStep,
	TodoChange,
	lacks_step,
	last_contact,
	mode_of,
	next_step_of,
	todo_change,
)

DAY = date(2026, 3, 10)


def test_interviews_and_consultations_are_in_person_mail_and_phone_remote():
	assert mode_of("Interview") == "In Person"
	assert mode_of("Consultation") == "In Person"
	assert mode_of("E-mail") == "Distance"
	assert mode_of("Phone") == "Distance"
	assert mode_of(None) is None


def test_a_next_step_date_needs_the_step():
	assert lacks_step("  ", date(2026, 3, 11))
	assert lacks_step(None, DAY)
	assert not lacks_step("Прислать договор", DAY)
	assert not lacks_step(None, None)
	assert not lacks_step("Прислать договор", None)


def test_a_step_is_wanted_only_with_a_text_and_a_person():
	assert next_step_of("Позвонить", DAY, "a@x") == NextStep("Позвонить", "a@x", DAY)
	assert next_step_of(" ", DAY, "a@x") is None
	assert next_step_of("Позвонить", DAY, None) is None


def todo(status="Open", description="Позвонить", allocated_to="a@x", due=DAY):
	return ExistingTodo("TD-1", status, description, allocated_to, due)


def test_the_todo_is_made_once():
	wanted = NextStep("Позвонить", "a@x", DAY)
	assert todo_change(None, wanted) == TodoChange.CREATE
	assert todo_change(todo(), wanted) == TodoChange.NONE
	assert todo_change(todo(status="Closed"), wanted) == TodoChange.NONE


def test_the_todo_moves_with_the_step():
	assert todo_change(todo(), NextStep("Позвонить", "a@x", date(2026, 3, 20))) == TodoChange.UPDATE
	assert todo_change(todo(), NextStep("Позвонить", "b@x", DAY)) == TodoChange.UPDATE
	assert todo_change(todo(), NextStep("Написать", "a@x", DAY)) == TodoChange.UPDATE
	# A closed step that changes is new work.
	assert todo_change(todo(status="Closed"), NextStep("Позвонить", "a@x", date(2026, 3, 20))) == (
		TodoChange.UPDATE
	)
	# A withdrawn step that comes back opens the same ToDo again.
	assert todo_change(todo(status="Cancelled"), NextStep("Позвонить", "a@x", DAY)) == TodoChange.UPDATE


def test_a_withdrawn_step_cancels_an_open_todo_only():
	assert todo_change(todo(), None) == TodoChange.CANCEL
	assert todo_change(todo(status="Closed"), None) == TodoChange.NONE
	assert todo_change(None, None) == TodoChange.NONE


def test_the_last_contact_is_the_latest_date():
	assert last_contact([date(2026, 1, 5), None, date(2026, 3, 1), date(2026, 2, 1)]) == date(2026, 3, 1)
	assert last_contact([]) is None
	assert last_contact([None]) is None
