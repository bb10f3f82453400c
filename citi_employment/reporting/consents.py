"""The consent register (152-ФЗ), for the Head and the Specialist only: consents by kind and
status, revocations and their destruction deadlines, and minors about to come of age.

The register names graduates (its purpose: whom to ask, whose data to destroy), so every function checks
the personal-data roles besides the DocTypes' read rights. It never reads Graduate Personal Data."""

from datetime import date

import frappe
from frappe.query_builder import DocType
from frappe.query_builder.functions import Count

from citi_employment.domain import consents as consent_rules
from citi_employment.domain import reporting as rules
from citi_employment.reporting.access import PERSONAL_DATA_READERS, check_reads_all, check_roles
from citi_employment.reporting.periods import within

CONSENT_DOCTYPE = "Personal Data Consent"
GRADUATE_DOCTYPE = "Graduate"


def check_register_access(*doctypes: str) -> None:
	check_roles(PERSONAL_DATA_READERS)
	check_reads_all(*doctypes)


@frappe.read_only()
def consents_by_kind_and_status(signed_from: date | None = None, signed_to: date | None = None) -> list[dict]:
	"""Rows of ``kind``, ``status``, ``consents``; a signing period narrows them down."""
	check_register_access(CONSENT_DOCTYPE)
	consent = DocType(CONSENT_DOCTYPE)
	query = (
		frappe.qb.from_(consent)
		.select(consent.kind, consent.status, Count("*").as_("consents"))
		.groupby(consent.kind, consent.status)
	)
	return within(query, consent.signed_on, signed_from, signed_to).run(as_dict=True)


@frappe.read_only()
def revocations(received_from: date | None = None, received_to: date | None = None) -> list[dict]:
	"""Revoked consents: ``consent``, ``graduate``, ``graduate_name``, ``kind``, ``revocation_received_on``,
	``destruction_due_on``, ``destroyed_on`` and ``destruction_act``; a period narrows them down by the
	date the revocation was received."""
	check_register_access(CONSENT_DOCTYPE)
	consent = DocType(CONSENT_DOCTYPE)
	query = (
		frappe.qb.from_(consent)
		.select(
			consent.name.as_("consent"),
			consent.graduate,
			consent.graduate_name,
			consent.kind,
			consent.revocation_received_on,
			consent.destruction_due_on,
			consent.destroyed_on,
			consent.destruction_act,
		)
		.where(consent.status == consent_rules.REVOKED)
		.orderby(consent.destruction_due_on)
	)
	return within(query, consent.revocation_received_on, received_from, received_to).run(as_dict=True)


@frappe.read_only()
def graduates_coming_of_age(today: date, days: int = rules.COMING_OF_AGE_DAYS) -> list[dict]:
	"""Graduates born so that they may turn 18 within ``days`` (a day's margin each side; the exact cut is
	``domain.reporting.coming_of_age_rows``): ``graduate``, ``graduate_name``, ``date_of_birth``,
	``consent_status``, ``group_code``."""
	check_register_access(GRADUATE_DOCTYPE)
	graduate = DocType(GRADUATE_DOCTYPE)
	earliest, latest = rules.birth_date_window(today, days)
	return (
		frappe.qb.from_(graduate)
		.select(
			graduate.name.as_("graduate"),
			graduate.full_name.as_("graduate_name"),
			graduate.date_of_birth,
			graduate.consent_status,
			graduate.group_code,
		)
		.where(graduate.date_of_birth >= earliest)
		.where(graduate.date_of_birth <= latest)
		.orderby(graduate.date_of_birth)
	).run(as_dict=True)
