"""The language of what the app mails from a background job.

Frappe's background jobs (the scheduler's included) speak English whatever the site's language
(``frappe.init`` sets ``conf.lang or "en"``), so a digest or a reminder made there would reach the Center in
English. What is mailed from a job is made in the site's language (System Settings, which install sets to
Russian); in a request, the user's own language stays.
"""

import frappe


def site_language() -> str:
	return frappe.db.get_single_value("System Settings", "language") or "en"


def mail_language() -> str | None:
	"""The site's language in a background job; None (keep the language) in a request."""
	return None if getattr(frappe.local, "request", None) else site_language()
