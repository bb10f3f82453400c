"""Rules for the Center's working parameters (Employment Center Settings)."""

from dataclasses import dataclass
from itertools import pairwise

from citi_employment.domain.errors import FieldError, Reason

# 152-ФЗ ст. 21 ч. 5: data must be destroyed within thirty days after consent is revoked.
MAX_DESTRUCTION_DAYS = 30
# Monitoring beyond ten years after employment is not something §6 asks for; a larger number is a typo.
MAX_CHECKPOINT_MONTHS = 120
# The monitoring lead and grace periods (§6.2) are counted in days within a year; more is a typo.
MAX_MONITORING_DAYS = 365


@dataclass(frozen=True)
class CenterSettingsValues:
	monitoring_checkpoints: object
	contract_expiry_warning_days: object
	publication_min_cell_size: object
	revocation_destruction_days: object
	# Defaults keep callers that predate the monitoring job's settings valid.
	monitoring_due_lead_days: object = 7
	monitoring_overdue_grace_days: object = 14


def parse_checkpoint_months(text: object, field: str = "monitoring_checkpoints") -> tuple[int, ...]:
	"""'1, 3, 6, 12, 24' → (1, 3, 6, 12, 24): whole months, increasing, each checked once."""
	if not isinstance(text, str) or not text.strip():
		raise FieldError(field, Reason.REQUIRED)
	parts = [part.strip() for part in text.replace(";", ",").split(",")]
	if not all(part.isdecimal() for part in parts):
		raise FieldError(field, Reason.FORMAT)
	months = tuple(int(part) for part in parts)
	if any(month < 1 or month > MAX_CHECKPOINT_MONTHS for month in months):
		raise FieldError(field, Reason.RANGE)
	if any(later <= earlier for earlier, later in pairwise(months)):
		raise FieldError(field, Reason.ORDER)
	return months


def format_checkpoint_months(months: tuple[int, ...]) -> str:
	return ", ".join(str(month) for month in months)


def check_day_count(days: object, field: str, maximum: int | None = None, minimum: int = 1) -> int:
	"""A period in whole days: at least one day (or ``minimum``), and not more than the law allows where it
	sets a limit."""
	if days is None or days == "":
		raise FieldError(field, Reason.REQUIRED)
	if isinstance(days, bool) or not isinstance(days, int):
		raise FieldError(field, Reason.FORMAT)
	if days < minimum or (maximum is not None and days > maximum):
		raise FieldError(field, Reason.RANGE)
	return days


def center_settings_errors(values: CenterSettingsValues) -> list[FieldError]:
	"""Every problem at once, so the user fixes all fields in one pass."""
	checks = (
		lambda: parse_checkpoint_months(values.monitoring_checkpoints),
		lambda: check_day_count(values.contract_expiry_warning_days, "contract_expiry_warning_days"),
		lambda: check_day_count(values.publication_min_cell_size, "publication_min_cell_size"),
		lambda: check_day_count(
			values.revocation_destruction_days, "revocation_destruction_days", MAX_DESTRUCTION_DAYS
		),
		# 0 is allowed: due on the day itself, overdue the day after.
		lambda: check_day_count(
			values.monitoring_due_lead_days, "monitoring_due_lead_days", MAX_MONITORING_DAYS, minimum=0
		),
		lambda: check_day_count(
			values.monitoring_overdue_grace_days,
			"monitoring_overdue_grace_days",
			MAX_MONITORING_DAYS,
			minimum=0,
		),
	)
	errors = []
	for check in checks:
		try:
			check()
		except FieldError as error:
			errors.append(error)
	return errors
