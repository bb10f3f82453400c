"""Consent status, revocation and the translated refusals of the consent rules."""

from datetime import date

import frappe
from frappe import _
from frappe.utils import getdate

from citi_employment.approvals.head_tasks import HeadTask, give_heads_todos
from citi_employment.domain import consents as rules
from citi_employment.domain.consents import ConsentError, ConsentProblem, ConsentState, ConsentUse
from citi_employment.domain.dates import date_or_none
from citi_employment.roles import PERSONAL_DATA_ROLES

CONSENT_DOCTYPE = "Personal Data Consent"
GRADUATE_DOCTYPE = "Graduate"
SETTINGS_DOCTYPE = "Employment Center Settings"

STATE_FIELDS = (
	"name",
	"kind",
	"status",
	"signed_on",
	"transfer_to_employers",
	"revocation_received_on",
	"destroyed_on",
)


class ConsentRuleError(frappe.ValidationError):
	"""A consent rule refused the action; the message says which rule and what to do."""


def problem_message(problem: ConsentProblem) -> str:
	messages = {
		ConsentProblem.MINOR_NEEDS_REPRESENTATIVE: _(
			"The graduate is under 18 on the signing date, so a legal representative must sign the consent. Set Signer to Legal Representative."
		),
		ConsentProblem.ADULT_SIGNS_SELF: _(
			"The graduate is 18 or older on the signing date and must sign the consent personally. Set Signer to Data Subject."
		),
		ConsentProblem.SIGNED_IN_FUTURE: _("The signing date cannot be in the future."),
		ConsentProblem.REVOCATION_PENDING: _(
			"The graduate has revoked their consent to personal data processing: their data may not be processed or shared until it is destroyed."
		),
		ConsentProblem.CONSENT_REVOKED: _(
			"The graduate has revoked their consent to personal data processing: the Center no longer processes their data."
		),
		ConsentProblem.NO_ACTIVE_CONSENT: _(
			"The graduate has no active consent to personal data processing, so their data may not be shared."
		),
		ConsentProblem.TRANSFER_NOT_ALLOWED: _(
			"The graduate's active consent does not allow transfer of their personal data to employers."
		),
		ConsentProblem.NOT_REVOCABLE: _("Only an active or expired signed consent can be revoked."),
		ConsentProblem.REVOCATION_IN_FUTURE: _("The revocation cannot be received on a future date."),
		ConsentProblem.REVOCATION_BEFORE_SIGNING: _(
			"The revocation cannot be received before the consent was signed."
		),
		ConsentProblem.NOT_REVOKED: _("Personal data is destroyed only after the consent has been revoked."),
		ConsentProblem.ALREADY_DESTROYED: _(
			"The personal data under this consent has already been destroyed."
		),
		ConsentProblem.DESTRUCTION_NOT_DUE: _(
			"The destruction is not due yet. The Employment Center Head may destroy the data early only by confirming it explicitly."
		),
		ConsentProblem.REVOKED_NOT_CANCELLABLE: _(
			"A revoked consent cannot be cancelled: it is the record of the revocation."
		),
	}
	return messages[problem]


def throw_consent_error(error: ConsentError, exc=ConsentRuleError) -> None:
	frappe.throw(problem_message(error.problem), exc=exc, title=_("Personal Data Consent"))


def require_roles(*roles: str) -> None:
	"""Like ``frappe.only_for``, which v15 skips in tests and so would hide a missing check."""
	if set(roles).isdisjoint(frappe.get_roles()):
		frappe.throw(_("You are not permitted to do this."), frappe.PermissionError)


def to_state(row) -> ConsentState:
	return ConsentState(
		name=row.name,
		kind=row.kind,
		status=row.status,
		signed_on=getdate(row.signed_on),
		transfer_to_employers=bool(row.transfer_to_employers),
		revocation_received_on=date_or_none(row.revocation_received_on),
		destroyed_on=date_or_none(row.destroyed_on),
	)


def get_consent_states(graduate: str) -> list[ConsentState]:
	"""The graduate's signed consents (cancelled ones say nothing)."""
	return get_consent_states_of([graduate]).get(graduate, [])


def get_consent_states_of(graduates: list[str]) -> dict[str, list[ConsentState]]:
	"""Signed consents of many graduates in one query, oldest first, keyed by graduate."""
	if not graduates:
		return {}
	rows = frappe.get_all(
		CONSENT_DOCTYPE,
		filters={"graduate": ("in", graduates), "docstatus": 1},
		fields=["graduate", *STATE_FIELDS],
		order_by="signed_on asc, creation asc",
	)
	states: dict[str, list[ConsentState]] = {}
	for row in rows:
		states.setdefault(row.graduate, []).append(to_state(row))
	return states


def consent_problem(graduate: str, use: ConsentUse) -> ConsentProblem | None:
	"""May the graduate's data be used for ``use`` now? None when it may, else the reason (one query)."""
	return rules.consent_problem(get_consent_states(graduate), use)


def refresh_consent_status(graduate: str) -> str:
	"""Derive the Graduate's consent_status from their consents; call it whenever a consent changes."""
	status = rules.derive_graduate_status(get_consent_states(graduate))
	if frappe.db.get_value(GRADUATE_DOCTYPE, graduate, "consent_status") != status:
		# db.set_value: no Version row of the graduate for a value that is derived anyway.
		frappe.db.set_value(GRADUATE_DOCTYPE, graduate, "consent_status", status, update_modified=False)
	return status


def destruction_days() -> int | None:
	return frappe.db.get_single_value(SETTINGS_DOCTYPE, "revocation_destruction_days")


@frappe.whitelist(methods=["POST"])
def revoke(consent: str, received_on: str | None = None) -> dict:
	"""Record a revocation received on ``received_on``: sharing stops at once, destruction is scheduled.

	Revoking an already revoked consent changes nothing and returns its state.
	"""
	require_roles(*PERSONAL_DATA_ROLES)
	doc = frappe.get_doc(CONSENT_DOCTYPE, consent)
	doc.check_permission("submit")
	if doc.docstatus != 1:
		throw_consent_error(ConsentError(ConsentProblem.NOT_REVOCABLE))
	today = getdate()
	received = parse_received_on(received_on) if received_on not in (None, "") else today
	try:
		plan = rules.plan_revocation(to_state(doc), received, today, destruction_days())
	except ConsentError as error:
		throw_consent_error(error)
	if plan.changed:
		doc.db_set(
			{
				"status": rules.REVOKED,
				"revocation_received_on": plan.received_on,
				"destruction_due_on": plan.destruction_due_on,
			}
		)
		if doc.kind == rules.PROCESSING:
			revoke_dissemination(doc.graduate, plan.received_on)
		refresh_consent_status(doc.graduate)
		notify_head(doc)
	return {
		"changed": plan.changed,
		"status": doc.status,
		"revocation_received_on": str(plan.received_on),
		"destruction_due_on": str(plan.destruction_due_on) if plan.destruction_due_on else None,
	}


def parse_received_on(received_on) -> date:
	"""The date the revocation was received, or a clear refusal: getdate gives None for other types."""
	try:
		received = getdate(received_on) if isinstance(received_on, str | date) else None
	except frappe.ValidationError:
		frappe.clear_last_message()
		received = None
	if not received:
		frappe.throw(_("The revocation date is not a valid date."), title=_("Invalid Date"))
	return received


def revoke_dissemination(graduate: str, received_on) -> None:
	"""Without consent to processing nothing may be published either (ст. 10.1 needs processing first)."""
	for name in frappe.get_all(
		CONSENT_DOCTYPE,
		filters={"graduate": graduate, "docstatus": 1, "kind": rules.DISSEMINATION, "status": rules.ACTIVE},
		pluck="name",
	):
		frappe.db.set_value(
			CONSENT_DOCTYPE, name, {"status": rules.REVOKED, "revocation_received_on": received_on}
		)


def notify_head(consent) -> None:
	"""A ToDo for each Head: the revoked graduate's data must be destroyed by the due date."""
	if consent.destruction_due_on:
		description = _("Consent revoked: destroy the personal data by the due date.")
		give_heads_todos(
			[HeadTask(CONSENT_DOCTYPE, consent.name, description, date=consent.destruction_due_on)]
		)
