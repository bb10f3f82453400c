"""Exceptions raised by the domain layer.

Messages are English and machine-friendly; translation into Russian belongs to the UI layer
(``citi_employment.write_guards.field_errors``), which maps ``field`` and ``reason`` to its own wording.
"""

from enum import Enum


class DomainError(ValueError):
	"""Base of every business-rule violation, so callers can tell bad data from programming errors."""


class Reason(str, Enum):
	"""Why a value was rejected; stable codes the UI and tests can rely on."""

	REQUIRED = "required"
	FORMAT = "format"
	LENGTH = "length"
	CHECKSUM = "checksum"
	RANGE = "range"
	ORDER = "order"
	MISMATCH = "mismatch"
	CHOICE = "choice"


_DESCRIPTIONS: dict[Reason, str] = {
	Reason.REQUIRED: "is required",
	Reason.FORMAT: "contains characters that are not allowed",
	Reason.LENGTH: "has the wrong number of characters",
	Reason.CHECKSUM: "has a wrong check digit",
	Reason.RANGE: "is outside the allowed range",
	Reason.ORDER: "must list values in increasing order without repeats",
	Reason.MISMATCH: "does not match the other identifiers",
	Reason.CHOICE: "contains a value that is not in the list of allowed values",
}


class FieldError(DomainError):
	"""A field's value broke a rule.

	Only the field key and the reason are stored: the rejected value may be a passport or SNILS number of a
	disabled person and must never reach logs, tracebacks or error reports.
	"""

	def __init__(self, field: str, reason: Reason) -> None:
		self.field = field
		self.reason = reason
		super().__init__(f"{field} {_DESCRIPTIONS[reason]} ({reason.value})")

	def __reduce__(self) -> tuple[type["FieldError"], tuple[str, Reason]]:
		"""Rebuild from field and reason, since ``args`` holds only the message (background jobs pickle)."""
		return type(self), (self.field, self.reason)


class IdentifierError(FieldError):
	"""A Russian identifier (SNILS, ИНН, ОГРН, КПП, passport, phone) failed validation."""
