from datetime import date

import pytest

from citi_employment.domain.work_plan import (
	ItemStatus,
	PlanItem,
	PlanYearError,
	approved_content_changes,
	date_in_due_text,
	deadline,
	execution_summary,
	is_approval,
	is_overdue,
	leaves_approval,
	period_bounds,
	plan_name,
	progress_after_event,
)

PLANNED = ItemStatus.PLANNED.value
IN_PROGRESS = ItemStatus.IN_PROGRESS.value
DONE = ItemStatus.DONE.value
NOT_DONE = ItemStatus.NOT_DONE.value


# Period and name


def test_half_years_and_the_year_have_their_bounds():
	assert period_bounds(2026, "1st Half") == (date(2026, 1, 1), date(2026, 6, 30))
	assert period_bounds(2026, "2nd Half") == (date(2026, 7, 1), date(2026, 12, 31))
	assert period_bounds(2026, "Year") == (date(2026, 1, 1), date(2026, 12, 31))


def test_the_name_says_year_and_period():
	assert plan_name(2026, "1st Half") == "WP-2026-H1"
	assert plan_name(2026, "2nd Half") == "WP-2026-H2"
	assert plan_name(2026, "Year") == "WP-2026-Y"


@pytest.mark.parametrize("year", [None, 1999, 2101, 26])
def test_a_year_out_of_range_is_refused(year):
	with pytest.raises(PlanYearError):
		plan_name(year, "Year")


# Due dates and overdue items


@pytest.mark.parametrize(
	("text", "expected"),
	[
		("15.04.2026", date(2026, 4, 15)),
		("до 5.3.2026 г.", date(2026, 3, 5)),
		("в течение года", None),
		("ежеквартально", None),
		("", None),
		(None, None),
		("31.02.2026", None),
		("с 01.03.2026 по 31.03.2026", None),
	],
)
def test_a_due_text_names_a_day_only_when_it_names_exactly_one(text, expected):
	assert date_in_due_text(text) == expected


def test_an_item_without_a_date_is_due_by_the_end_of_the_period():
	end = date(2026, 6, 30)
	assert deadline(None, end) == end
	assert deadline(date(2026, 3, 1), end) == date(2026, 3, 1)


def test_only_open_items_past_their_deadline_are_overdue():
	end = date(2026, 6, 30)
	today = date(2026, 4, 1)
	assert is_overdue(PLANNED, date(2026, 3, 31), end, today)
	assert is_overdue(IN_PROGRESS, date(2026, 3, 31), end, today)
	assert not is_overdue(PLANNED, date(2026, 4, 1), end, today)  # due today is not late yet
	assert not is_overdue(DONE, date(2026, 3, 31), end, today)
	assert not is_overdue(NOT_DONE, date(2026, 3, 31), end, today)
	assert not is_overdue(PLANNED, None, end, today)
	assert is_overdue(PLANNED, None, end, date(2026, 7, 1))


def test_the_summary_counts_each_status_and_the_overdue_items():
	items = [
		PlanItem("a", 1, DONE, date(2026, 2, 1)),
		PlanItem("b", 2, IN_PROGRESS, date(2026, 2, 1)),  # late
		PlanItem("c", 3, IN_PROGRESS, None),
		PlanItem("d", 4, PLANNED, date(2026, 3, 1)),  # late
		PlanItem("e", 5, PLANNED, date(2026, 5, 1)),
		PlanItem("f", 6, NOT_DONE, date(2026, 2, 1)),
	]
	summary = execution_summary(items, date(2026, 6, 30), date(2026, 4, 1))
	assert (summary.total, summary.done, summary.in_progress, summary.planned, summary.not_done) == (
		6,
		1,
		2,
		2,
		1,
	)
	assert summary.overdue == 2
	assert summary.overdue_items == (2, 4)


def test_an_empty_plan_counts_nothing():
	summary = execution_summary([], date(2026, 6, 30), date(2026, 4, 1))
	assert (summary.total, summary.done, summary.overdue) == (0, 0, 0)


# Approval


def test_approval_is_the_move_into_approved():
	assert is_approval("Pending Director Approval", "Approved")
	assert is_approval("Draft", "Approved")
	assert is_approval(None, "Approved")
	assert not is_approval("Approved", "Approved")
	assert not is_approval("Draft", "Pending Director Approval")
	assert leaves_approval("Approved", "Draft")
	assert not leaves_approval("Pending Director Approval", "Draft")


def row(name, idx, **values):
	base = {
		"name": name,
		"idx": idx,
		"activity": f"Мероприятие {idx}",
		"due": "в течение года",
		"due_date": None,
		"responsible": "Зам. директора",
		"done_when_event_held": 0,
		"status": PLANNED,
		"result": "",
	}
	return {**base, **values}


PLAN = {"year": 2026, "period": "1st Half"}


def test_status_and_result_may_change_after_approval():
	before = [row("a", 1), row("b", 2)]
	after = [row("a", 1, status=DONE, result="Проведено"), row("b", 2, status=IN_PROGRESS)]
	changes = approved_content_changes(PLAN, PLAN, before, after)
	assert not changes


def test_the_approved_content_may_not_change():
	before = [row("a", 1), row("b", 2), row("c", 3)]
	after = [
		row("a", 1, activity="Другое"),
		row("b", 2, due="ежемесячно", responsible="Кто-то"),
		row(None, 4),
	]
	changes = approved_content_changes(PLAN, {**PLAN, "period": "2nd Half"}, before, after)
	assert changes
	assert changes.plan_fields == ("period",)
	assert changes.changed_items == ((1, "activity"), (2, "due"), (2, "responsible"))
	assert changes.added_items == 1
	assert changes.removed_items == (3,)


def test_reordering_approved_items_is_a_change():
	before = [row("a", 1, activity="А"), row("b", 2, activity="Б")]
	after = [row("b", 1, activity="Б"), row("a", 2, activity="А")]
	changes = approved_content_changes(PLAN, PLAN, before, after)
	assert changes.reordered
	assert changes.changed_items == ()


# Events against the plan


def test_a_held_event_moves_a_recurring_item_under_way_and_a_one_off_item_to_done():
	assert progress_after_event(PLANNED, done_when_event_held=False) == IN_PROGRESS
	assert progress_after_event(PLANNED, done_when_event_held=True) == DONE
	assert progress_after_event(IN_PROGRESS, done_when_event_held=True) == DONE
	assert progress_after_event(None, done_when_event_held=False) == IN_PROGRESS


def test_a_held_event_never_moves_an_item_back():
	assert progress_after_event(DONE, done_when_event_held=False) == DONE
	assert progress_after_event(IN_PROGRESS, done_when_event_held=False) == IN_PROGRESS


def test_a_held_event_overrides_not_done():
	assert progress_after_event(NOT_DONE, done_when_event_held=False) == IN_PROGRESS
	assert progress_after_event(NOT_DONE, done_when_event_held=True) == DONE
