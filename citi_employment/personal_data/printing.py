"""Jinja helpers that print personal data: the consent forms' context and the passport lines, for readers only."""

import frappe

from citi_employment.domain.dates import date_or_none
from citi_employment.domain.russian_text import format_short_date
from citi_employment.graduates.printing import may_read_graduate
from citi_employment.paper_forms.restricted import may_read_and_print, readable_values

CONSENT_DOCTYPE = "Personal Data Consent"
PERSONAL_DATA_DOCTYPE = "Graduate Personal Data"
PASSPORT_FIELDS = (
	"passport_series",
	"passport_number",
	"passport_issued_by",
	"passport_issued_on",
	"passport_division_code",
)


def citi_consent_print(doc) -> frappe._dict:
	"""Category wordings, purposes, the representative's document (readers of Graduate Personal Data only),
	the legal basis citation and the signature line of a Personal Data Consent being printed.

	Read from the stored consent, never from the document handed to the template: a print request may describe
	a document of its own making, with any graduate in it.
	"""
	if not isinstance(doc, str):
		doc = doc.name if getattr(doc, "doctype", None) == CONSENT_DOCTYPE else None
	if not isinstance(doc, str) or not frappe.db.exists(CONSENT_DOCTYPE, doc):
		return frappe._dict()
	# Any template can call a Jinja method, so the printing user's own right to the consent and to its graduate
	# decides: to read the consent and to print it (its print is what this context is for; paper_forms.access).
	if not may_read_and_print(CONSENT_DOCTYPE, doc):
		return frappe._dict()
	consent = frappe.get_doc(CONSENT_DOCTYPE, doc)
	if not may_read_graduate(consent.graduate):
		return frappe._dict()
	return consent.print_context()


def citi_passport_for_print(graduate: str | None) -> dict | None:
	"""The graduate's passport lines, or None when the printing user may not read and print their personal data.

	Graduate Personal Data is named after the graduate. The permission check comes first, and nothing is
	raised or logged either way: others simply get the blank lines of the paper form.
	"""
	values = readable_values(PERSONAL_DATA_DOCTYPE, graduate, PASSPORT_FIELDS)
	if not values or not (values.passport_series or values.passport_number):
		return None
	values.passport_issued_on = format_short_date(date_or_none(values.passport_issued_on))
	return values
