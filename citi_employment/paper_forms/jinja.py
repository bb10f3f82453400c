"""Jinja helpers every form of the Center shares: the institution block and dates (the ``jinja`` hook).

The helpers that print a graduate, their passport or a vacancy's internal wishes live with their capability
(``graduates.printing``, ``personal_data.printing``, ``vacancies.printing``).

Functions here are called while a page is being printed: they read only what the printing user may see
and never raise for a missing or forbidden record, because a print that fails on the Director's desk is
worse than a blank line they fill in by hand.
"""

import frappe

from citi_employment.domain.dates import date_or_none
from citi_employment.domain.russian_text import format_document_date, format_short_date

SETTINGS_DOCTYPE = "Employment Center Settings"


def citi_center_settings() -> dict:
	"""Institution names and signatories; not personal data, so every printing user may see them."""
	return frappe._dict(frappe.db.get_singles_dict(SETTINGS_DOCTYPE))


def citi_document_date(value=None) -> str:
	"""«« 05 » марта 2026 г.», or the form's blank when there is no date."""
	return format_document_date(date_or_none(value))


def citi_short_date(value=None) -> str:
	return format_short_date(date_or_none(value))
