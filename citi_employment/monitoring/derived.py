"""What a recorded check changes: the graduate's employment status and the placement's latest outcome."""

import frappe
from frappe.query_builder import Order
from frappe.utils import getdate

from citi_employment.domain import monitoring as rules
from citi_employment.monitoring import RECORD_DOCTYPE

GRADUATE_DOCTYPE = "Graduate"
PLACEMENT_DOCTYPE = "Graduate Placement"


def latest_done(field: str, value: str, outcomes: tuple[str, ...] = rules.OUTCOMES) -> frappe._dict | None:
	"""The latest Done check of a graduate or a placement (by check date, then by entry) with one of these
	outcomes."""
	record = frappe.qb.DocType(RECORD_DOCTYPE)
	rows = (
		frappe.qb.from_(record)
		.select(record.checked_on, record.outcome)
		.where((record[field] == value) & (record.status == rules.DONE))
		.where(record.outcome.isin(list(outcomes)))
		.orderby(record.checked_on, order=Order.desc)
		.orderby(record.creation, order=Order.desc)
		.limit(1)
	).run(as_dict=True)
	return rows[0] if rows else None


def latest_observation(graduate: str) -> rules.Observation | None:
	"""What the latest recorded check that reached the graduate found; the Graduate derives its status with
	it (an "Unreachable" check after it changes nothing)."""
	if not graduate or not frappe.db.table_exists(RECORD_DOCTYPE):
		return None
	row = latest_done("graduate", graduate, rules.INFORMATIVE_OUTCOMES)
	if not row or not row.checked_on or not row.outcome:
		return None
	return rules.Observation(getdate(row.checked_on), row.outcome)


def latest_outcome(placement: str) -> str:
	"""What the latest check of the placement found, "Unreachable" included: the specialist should know."""
	row = latest_done("placement", placement)
	return (row.outcome or "") if row else ""


def refresh_after_check(graduate: str | None, placement: str | None) -> None:
	"""After a check was recorded, changed or removed: the placement's latest known outcome and the
	graduate's employment status follow the latest Done check."""
	if placement and frappe.db.exists(PLACEMENT_DOCTYPE, placement):
		outcome = latest_outcome(placement)
		if outcome != (frappe.db.get_value(PLACEMENT_DOCTYPE, placement, "latest_outcome") or ""):
			# No Version: it is derived, and the checks keep their history. ``modified`` moves, so a placement
			# form opened before reloads instead of sending the old value back (which the guard would refuse).
			frappe.db.set_value(PLACEMENT_DOCTYPE, placement, "latest_outcome", outcome)
	if graduate and frappe.db.exists(GRADUATE_DOCTYPE, graduate):
		frappe.get_doc(GRADUATE_DOCTYPE, graduate).refresh_employment_status()
