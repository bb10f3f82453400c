"""Daily consent work (152-ФЗ): expire consents, remind about graduates who came of age, and
destroy the data of revoked consents whose destruction is due (ст. 21 ч. 5 152-ФЗ)."""

import frappe
from frappe import _
from frappe.utils import getdate

from citi_employment.approvals.head_tasks import HeadTask
from citi_employment.approvals.head_tasks_bulk import give_heads_todos_in_bulk
from citi_employment.domain import consents as rules
from citi_employment.domain.dates import date_or_none
from citi_employment.personal_data.consents import (
	CONSENT_DOCTYPE,
	GRADUATE_DOCTYPE,
	get_consent_states_of,
)
from citi_employment.scheduler_lock import run_alone

# Consents (and graduates) per statement of the daily expiry.
CHUNK_SIZE = 5_000


@run_alone("personal data daily")
def run_daily() -> None:
	expire_consents()
	remind_own_consent()
	run_due_destructions()


def expire_consents() -> list[str]:
	"""Active consents past their end become Expired, and their graduates' consent status follows.

	In batches, so that a day on which thousands expire costs a few statements, not several per consent: one
	UPDATE per CHUNK_SIZE consents, then per CHUNK_SIZE graduates one read of their consents, one of their
	statuses and one UPDATE per new status (``refresh_consent_statuses``)."""
	today = getdate()
	rows = frappe.get_all(
		CONSENT_DOCTYPE,
		filters={"docstatus": 1, "status": rules.ACTIVE, "valid_until": ("<", today)},
		fields=["name", "graduate", "valid_until"],
	)
	expired = [row.name for row in rows if rules.is_expired(getdate(row.valid_until), today)]
	for names in chunks(expired):
		# set_value with a filter: one UPDATE, modified and modified_by moved as for a single consent.
		frappe.db.set_value(CONSENT_DOCTYPE, {"name": ("in", names)}, "status", rules.EXPIRED)
	chosen = set(expired)
	refresh_consent_statuses(sorted({row.graduate for row in rows if row.name in chosen and row.graduate}))
	return expired


def chunks(names: list[str]):
	for start in range(0, len(names), CHUNK_SIZE):
		yield names[start : start + CHUNK_SIZE]


def refresh_consent_statuses(graduates: list[str]) -> dict[str, str]:
	"""``personal_data.consents.refresh_consent_status`` for many graduates at once: the same derived
	status, written only where it changes and without moving ``modified``; returns {graduate: new status}."""
	changed: dict[str, str] = {}
	for names in chunks(graduates):
		states = get_consent_states_of(names)
		current = dict(
			frappe.get_all(
				GRADUATE_DOCTYPE,
				filters={"name": ("in", names)},
				fields=["name", "consent_status"],
				as_list=True,
			)
		)
		by_status: dict[str, list[str]] = {}
		for graduate in names:
			status = rules.derive_graduate_status(states.get(graduate, []))
			if graduate in current and current[graduate] != status:
				by_status.setdefault(status, []).append(graduate)
				changed[graduate] = status
		for status, group in by_status.items():
			frappe.db.set_value(
				GRADUATE_DOCTYPE, {"name": ("in", group)}, "consent_status", status, update_modified=False
			)
	return changed


def remind_own_consent() -> list[str]:
	"""One ToDo per Head and representative's consent once the graduate is 18: collect their own consent."""
	today = getdate()
	consent = frappe.qb.DocType(CONSENT_DOCTYPE)
	graduate = frappe.qb.DocType("Graduate")
	rows = (
		frappe.qb.from_(consent)
		.join(graduate)
		.on(graduate.name == consent.graduate)
		.select(consent.name, consent.signer, graduate.date_of_birth)
		.where(
			(consent.docstatus == 1)
			& (consent.status == rules.ACTIVE)
			& (consent.kind == rules.PROCESSING)
			& (consent.signer == rules.LEGAL_REPRESENTATIVE)
		)
		.run(as_dict=True)
	)
	due = [
		row.name
		for row in rows
		if rules.needs_own_consent(row.signer, date_or_none(row.date_of_birth), today)
	]
	if not due:
		return []
	already = set(
		frappe.get_all(
			"ToDo",
			filters={"reference_type": CONSENT_DOCTYPE, "reference_name": ("in", due)},
			pluck="reference_name",
		)
	)
	created = [name for name in due if name not in already]
	description = _(
		"The graduate has turned 18: collect the graduate's own consent to personal data processing."
	)
	give_heads_todos_in_bulk([HeadTask(CONSENT_DOCTYPE, name, description) for name in created])
	return created


def run_due_destructions() -> list[str]:
	from citi_employment.personal_data.destruction import destroy_revoked_consent

	rows = frappe.get_all(
		CONSENT_DOCTYPE,
		filters={
			"docstatus": 1,
			"status": rules.REVOKED,
			"kind": rules.PROCESSING,
			"destroyed_on": ("is", "not set"),
			"destruction_due_on": ("<=", getdate()),
		},
		pluck="name",
	)
	acts = []
	for name in rows:
		savepoint = f"destroy_{frappe.generate_hash(length=8)}"
		frappe.db.savepoint(savepoint)
		try:
			acts.append(destroy_revoked_consent(name))
		except Exception:
			# One subject's failure must not undo the others; the scheduler commits at the end.
			frappe.db.rollback(save_point=savepoint)
			# The consent ID only: the traceback could carry personal data from a query.
			frappe.log_error(title=_("Personal data destruction failed"), message=name)
	return acts
