"""Jinja helper for the consent print formats (to be registered in hooks.py ``jinja["methods"]``)."""

import frappe

CONSENT_DOCTYPE = "Personal Data Consent"


def citi_consent_print(doc) -> frappe._dict:
	"""Category wordings, purposes, the representative's document (readers of Graduate Personal Data only),
	the legal basis citation and the signature line of a Personal Data Consent being printed."""
	if isinstance(doc, str):
		if not frappe.db.exists(CONSENT_DOCTYPE, doc):
			return frappe._dict()
		doc = frappe.get_doc(CONSENT_DOCTYPE, doc)
	if getattr(doc, "doctype", None) != CONSENT_DOCTYPE or not hasattr(doc, "print_context"):
		return frappe._dict()
	# Any template can call a Jinja method, so the printing user's own right to the consent decides.
	if not frappe.has_permission(CONSENT_DOCTYPE, "read", doc=doc):
		return frappe._dict()
	return doc.print_context()
