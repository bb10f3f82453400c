"""Interactions with employers (§5.3) and what follows from them.

Plain values in, plain values out: whether an interaction was in person or remote, whether its next
step is described, what to do with the responsible specialist's ToDo for the next step, and the
employer's last contact. The controller and ``citi_employment.employers`` map documents onto these.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum


class InteractionForm(str, Enum):
	INTERVIEW = "Interview"
	CONSULTATION = "Consultation"
	EMAIL = "E-mail"
	PHONE = "Phone"


class Mode(str, Enum):
	IN_PERSON = "In Person"
	DISTANCE = "Distance"


# §5.3: «очная: личные собеседования и консультации; дистанционная: электронная переписка, телефонные
# переговоры».
MODE_OF_FORM = {
	InteractionForm.INTERVIEW.value: Mode.IN_PERSON.value,
	InteractionForm.CONSULTATION.value: Mode.IN_PERSON.value,
	InteractionForm.EMAIL.value: Mode.DISTANCE.value,
	InteractionForm.PHONE.value: Mode.DISTANCE.value,
}


def mode_of(form: str | None) -> str | None:
	return MODE_OF_FORM.get(form or "")


def lacks_step(next_step: str | None, next_step_date: date | None) -> bool:
	"""A next-step date was given without saying what the step is."""
	return bool(next_step_date) and not (next_step or "").strip()


@dataclass(frozen=True)
class NextStep:
	"""What the responsible specialist is to do, and when."""

	description: str
	allocated_to: str
	due: date | None


@dataclass(frozen=True)
class ExistingTodo:
	name: str
	status: str  # ToDo's own: Open, Closed, Cancelled
	description: str
	allocated_to: str
	due: date | None


class TodoChange(str, Enum):
	NONE = "none"
	CREATE = "create"
	UPDATE = "update"  # the same ToDo, moved to the new date, person or wording, and open again
	CANCEL = "cancel"


def next_step_of(
	next_step: str | None, next_step_date: date | None, responsible: str | None
) -> NextStep | None:
	"""The step an interaction asks for, or None when it asks for none (or names nobody to do it)."""
	text = (next_step or "").strip()
	if not text or not responsible:
		return None
	return NextStep(description=text, allocated_to=responsible, due=next_step_date)


def todo_change(existing: ExistingTodo | None, wanted: NextStep | None) -> TodoChange:
	"""One ToDo per interaction: made once, moved when the step changes, withdrawn when the step is.

	A ToDo the specialist closed stays closed while the step is unchanged; a changed step is new work, so
	the same ToDo opens again with the new date.
	"""
	if wanted is None:
		if existing and existing.status == "Open":
			return TodoChange.CANCEL
		return TodoChange.NONE
	if existing is None:
		return TodoChange.CREATE
	same = (
		existing.description == wanted.description
		and existing.allocated_to == wanted.allocated_to
		and existing.due == wanted.due
	)
	if same and existing.status in ("Open", "Closed"):
		return TodoChange.NONE
	return TodoChange.UPDATE


def last_contact(dates: Iterable[date | None]) -> date | None:
	"""The latest of the interaction and correspondence dates, or None when there was no contact."""
	known = [value for value in dates if value]
	return max(known) if known else None
