"""The Center's monitoring parameters, read once from Employment Center Settings."""

import frappe
from frappe.utils import cint

from citi_employment.domain import monitoring as rules
from citi_employment.domain.center_settings import parse_checkpoint_months
from citi_employment.domain.errors import FieldError

SETTINGS_DOCTYPE = "Employment Center Settings"


def current_policy() -> rules.SchedulePolicy:
	"""The checkpoints and the due and overdue periods; a value not yet set falls back to the design default.

	Read from the cached settings document (the framework clears it on save), so a daily job or a placement
	save costs no query once the cache is warm."""
	settings = frappe.get_cached_doc(SETTINGS_DOCTYPE)
	try:
		checkpoints = parse_checkpoint_months(settings.monitoring_checkpoints)
	except FieldError:
		# The settings form refuses a bad list; a value stored before that rule falls back to the default.
		checkpoints = rules.DEFAULT_CHECKPOINTS
	return rules.SchedulePolicy(
		checkpoints=checkpoints,
		due_lead_days=days_or_default(settings.monitoring_due_lead_days, rules.DEFAULT_DUE_LEAD_DAYS),
		overdue_grace_days=days_or_default(
			settings.monitoring_overdue_grace_days, rules.DEFAULT_OVERDUE_GRACE_DAYS
		),
	)


def days_or_default(value, default: int) -> int:
	# 0 is a valid setting (due on the day); only a value never stored takes the default.
	return default if value is None or value == "" else cint(value)
