"""Jinja helper for the consent print formats (to be registered in hooks.py ``jinja["methods"]``)."""

import frappe

from citi_employment.printing import may_read_graduate

CONSENT_DOCTYPE = "Personal Data Consent"


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
	# decides.
	if not frappe.has_permission(CONSENT_DOCTYPE, "read", doc=doc):
		return frappe._dict()
	consent = frappe.get_doc(CONSENT_DOCTYPE, doc)
	if not may_read_graduate(consent.graduate):
		return frappe._dict()
	return consent.print_context()
