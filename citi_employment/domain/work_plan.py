"""The Center's work plan (Appendix №8, planned by the half-year as §5.1 asks) and its execution.

Plain values in, plain values out: the plan's period, when an item's content counts as changed after the
Director approved the plan, which items are overdue, what the execution summary counts, and how far a
Center event held for an item moves it. The controller and the services map documents onto these.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum

from citi_employment.domain.errors import DomainError


class PlanStatus(str, Enum):
	DRAFT = "Draft"
	SUBMITTED = "Pending Director Approval"
	APPROVED = "Approved"


class Period(str, Enum):
	YEAR = "Year"
	FIRST_HALF = "1st Half"
	SECOND_HALF = "2nd Half"


class ItemStatus(str, Enum):
	PLANNED = "Planned"
	IN_PROGRESS = "In Progress"
	DONE = "Done"
	NOT_DONE = "Not Done"


# What the Director approves (Appendix №8's columns «Содержание деятельности», «Срок исполнения»,
# «Ответственный»), plus what decides how an event moves the item. An item's status and result are how the
# plan is reported against, so they stay open after approval.
ITEM_CONTENT_FIELDS = ("activity", "due", "due_date", "responsible", "done_when_event_held")
PLAN_CONTENT_FIELDS = ("year", "period")

# Items still waiting to be done; only these can be overdue.
OPEN_ITEM_STATUSES = frozenset({ItemStatus.PLANNED.value, ItemStatus.IN_PROGRESS.value})
# How far an item has got; "Not Done" is the Head's verdict, not a step on this scale.
PROGRESS_RANK = {ItemStatus.PLANNED.value: 0, ItemStatus.IN_PROGRESS.value: 1, ItemStatus.DONE.value: 2}

MIN_YEAR = 2000
MAX_YEAR = 2100
PERIOD_CODES = {Period.YEAR: "Y", Period.FIRST_HALF: "H1", Period.SECOND_HALF: "H2"}
# «15.04.2026» or «до 15.04.2026 г.»: a due text that names one day.
DATE_IN_TEXT = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")


class PlanYearError(DomainError):
	"""The plan's year is outside the range a plan can be made for."""


@dataclass(frozen=True)
class PlanItem:
	"""One row of the plan as the rules need it."""

	key: str
	idx: int
	status: str
	due_date: date | None = None


@dataclass(frozen=True)
class ExecutionSummary:
	total: int
	done: int
	in_progress: int
	planned: int
	not_done: int
	overdue: int
	overdue_items: tuple[int, ...] = ()  # № of each overdue item


def check_year(year: int | None) -> int:
	if year is None or not MIN_YEAR <= year <= MAX_YEAR:
		raise PlanYearError(f"year {year} is outside {MIN_YEAR}-{MAX_YEAR}")
	return year


def period_bounds(year: int, period: str) -> tuple[date, date]:
	"""First and last day of the plan's period (§5.1: a half-year; Appendix №8: a year)."""
	check_year(year)
	if period == Period.FIRST_HALF.value:
		return date(year, 1, 1), date(year, 6, 30)
	if period == Period.SECOND_HALF.value:
		return date(year, 7, 1), date(year, 12, 31)
	return date(year, 1, 1), date(year, 12, 31)


def plan_name(year: int, period: str) -> str:
	"""``WP-2026-H1``: the record's name says which plan it is, and the database keeps it unique."""
	return f"WP-{check_year(year)}-{PERIOD_CODES[Period(period)]}"


def date_in_due_text(text: str | None) -> date | None:
	"""The one day a due text names («15.04.2026», «до 15.04.2026 г.»), or None for a period such as
	«в течение года» or «ежеквартально», or for a text naming more than one day."""
	found = DATE_IN_TEXT.findall(text or "")
	if len(found) != 1:
		return None
	day, month, year = (int(part) for part in found[0])
	try:
		return date(year, month, day)
	except ValueError:
		return None


def deadline(due_date: date | None, period_end: date) -> date:
	"""When an item is late: its own due date, or else the end of the plan's period.

	A due written as a period («в течение года», «ежеквартально», «по мере обращения») names no single day,
	but everything a plan lists is to be done within the plan's period at the latest.
	"""
	return due_date or period_end


def is_overdue(status: str | None, due_date: date | None, period_end: date, today: date) -> bool:
	return status in OPEN_ITEM_STATUSES and deadline(due_date, period_end) < today


def execution_summary(items: Iterable[PlanItem], period_end: date, today: date) -> ExecutionSummary:
	"""Counts for the plan's form: done, in progress, not yet started, not done, and overdue (open and late)."""
	items = list(items)

	def count(status: ItemStatus) -> int:
		return sum(1 for item in items if item.status == status.value)

	overdue = tuple(item.idx for item in items if is_overdue(item.status, item.due_date, period_end, today))
	return ExecutionSummary(
		total=len(items),
		done=count(ItemStatus.DONE),
		in_progress=count(ItemStatus.IN_PROGRESS),
		planned=count(ItemStatus.PLANNED),
		not_done=count(ItemStatus.NOT_DONE),
		overdue=len(overdue),
		overdue_items=overdue,
	)


def is_approval(previous_status: str | None, new_status: str | None) -> bool:
	return new_status == PlanStatus.APPROVED.value and previous_status != PlanStatus.APPROVED.value


def leaves_approval(previous_status: str | None, new_status: str | None) -> bool:
	return previous_status == PlanStatus.APPROVED.value and new_status != PlanStatus.APPROVED.value


@dataclass(frozen=True)
class ContentChanges:
	"""What an edit of an approved plan changed in the approved content."""

	plan_fields: tuple[str, ...] = ()
	changed_items: tuple[tuple[int, str], ...] = ()  # (№ of the item, field)
	added_items: int = 0
	removed_items: tuple[int, ...] = ()  # № of each removed item
	reordered: bool = False

	def __bool__(self) -> bool:
		return bool(
			self.plan_fields or self.changed_items or self.added_items or self.removed_items or self.reordered
		)


def approved_content_changes(
	before_plan: Mapping[str, object],
	after_plan: Mapping[str, object],
	before_items: Iterable[Mapping[str, object]],
	after_items: Iterable[Mapping[str, object]],
) -> ContentChanges:
	"""Compare an approved plan with its edit: the header, and each item by its row name.

	Values are compared as given; the caller passes them normalised (the database's form of a date, a
	number, an empty text). Status and result are not looked at: they stay open for reporting.
	"""
	plan_fields = tuple(
		field for field in PLAN_CONTENT_FIELDS if before_plan.get(field) != after_plan.get(field)
	)
	before = {row["name"]: row for row in before_items}
	after_list = list(after_items)
	after = {row.get("name"): row for row in after_list}
	changed = tuple(
		(int(before[key]["idx"]), field)
		for key in before
		if key in after
		for field in ITEM_CONTENT_FIELDS
		if before[key].get(field) != after[key].get(field)
	)
	removed = tuple(sorted(int(row["idx"]) for key, row in before.items() if key not in after))
	added = sum(1 for row in after_list if row.get("name") not in before)
	kept_order_before = [
		key for key in sorted(before, key=lambda key: int(before[key]["idx"])) if key in after
	]
	kept_order_after = [row.get("name") for row in after_list if row.get("name") in before]
	return ContentChanges(
		plan_fields=plan_fields,
		changed_items=changed,
		added_items=added,
		removed_items=removed,
		reordered=kept_order_before != kept_order_after,
	)


def progress_after_event(current: str | None, done_when_event_held: bool) -> str:
	"""The item's status once a Center event held for it is recorded (§2.2 events against the plan).

	An item held by one event («провести День открытых дверей») is done by it; a recurring one
	(«ежеквартально», «в течение года») is under way. A held event never moves an item back, and it
	overrides an earlier «Not Done»: the event is the evidence that the work was done after all.
	"""
	target = ItemStatus.DONE.value if done_when_event_held else ItemStatus.IN_PROGRESS.value
	if current in PROGRESS_RANK and PROGRESS_RANK[current] >= PROGRESS_RANK[target]:
		return current
	return target
