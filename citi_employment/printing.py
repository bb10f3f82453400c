"""Jinja helpers for the Center's print formats (registered through the ``jinja`` hook).

Functions here are called while a page is being printed: they read only what the printing user may see
and never raise for a missing or forbidden record, because a print that fails on the Director's desk is
worse than a blank line they fill in by hand.
"""

import frappe
from frappe.utils import getdate

from citi_employment.domain.russian_text import (
	GrammaticalCase,
	decline_full_name,
	format_document_date,
	format_short_date,
	initials_and_surname,
)
from citi_employment.link_titles import GRADUATE_DOCTYPE, may_read

SETTINGS_DOCTYPE = "Employment Center Settings"
PERSONAL_DATA_DOCTYPE = "Graduate Personal Data"
INTERNAL_REQUIREMENTS_DOCTYPE = "Vacancy Internal Requirements"
PASSPORT_FIELDS = (
	"passport_series",
	"passport_number",
	"passport_issued_by",
	"passport_issued_on",
	"passport_division_code",
)


def citi_center_settings() -> dict:
	"""Institution names and signatories; not personal data, so every printing user may see them."""
	return frappe._dict(frappe.db.get_singles_dict(SETTINGS_DOCTYPE))


def citi_document_date(value=None) -> str:
	"""«« 05 » марта 2026 г.», or the form's blank when there is no date."""
	return format_document_date(getdate(value) if value else None)


def citi_short_date(value=None) -> str:
	return format_short_date(getdate(value) if value else None)


def may_read_graduate(graduate: str | None) -> bool:
	"""Any template can call a Jinja method, so each one reads a graduate only for a user who may."""
	return may_read(GRADUATE_DOCTYPE, graduate)


def citi_declined_name(graduate: str | None, case: str = "genitive") -> str:
	"""The graduate's full name in ``case`` («от Иванова Ивана Ивановича»), nominative when in doubt."""
	if not may_read_graduate(graduate):
		return ""
	values = frappe.db.get_value(
		"Graduate", graduate, ["last_name", "first_name", "patronymic", "gender", "full_name"], as_dict=True
	)
	if not values:
		return ""
	try:
		grammatical_case = GrammaticalCase(case)
	except ValueError:
		grammatical_case = GrammaticalCase.NOMINATIVE
	declined = decline_full_name(
		values.last_name, values.first_name, values.patronymic, values.gender, grammatical_case
	)
	return declined or values.full_name or ""


def citi_graduate_gender(graduate: str | None) -> str:
	"""The graduate's gender, "Female" or "Male", for the resume's «не замужем» / «холост».

	Blank for a user who may not read the graduate: the form then takes the masculine wording whoever the
	graduate is, so the print tells that user nothing about them.
	"""
	if not may_read_graduate(graduate):
		return ""
	return frappe.db.get_value("Graduate", graduate, "gender") or ""


def citi_signature_name(graduate: str | None) -> str:
	"""«И.И. Иванов» for the «(расшифровка)» line."""
	if not may_read_graduate(graduate):
		return ""
	values = frappe.db.get_value(
		"Graduate", graduate, ["last_name", "first_name", "patronymic"], as_dict=True
	)
	return initials_and_surname(values.last_name, values.first_name, values.patronymic) if values else ""


def citi_passport_for_print(graduate: str | None) -> dict | None:
	"""The graduate's passport lines, or None when the printing user may not read their personal data.

	Graduate Personal Data is named after the graduate. The permission check comes first, and nothing is
	raised or logged either way: others simply get the blank lines of the paper form.
	"""
	if not graduate:
		return None
	try:
		if not frappe.db.exists(PERSONAL_DATA_DOCTYPE, graduate):
			return None
		if not frappe.has_permission(PERSONAL_DATA_DOCTYPE, "read", doc=graduate):
			return None
		values = frappe.db.get_value(PERSONAL_DATA_DOCTYPE, graduate, PASSPORT_FIELDS, as_dict=True)
	except Exception:
		# Not even the exception text: it could carry values from the query.
		return None
	if not values or not (values.passport_series or values.passport_number):
		return None
	values.passport_issued_on = format_short_date(
		getdate(values.passport_issued_on) if values.passport_issued_on else None
	)
	return values


def citi_vacancy_requirements_for_print(vacancy_request: str | None) -> dict:
	"""The employer's age and gender wishes for the «Заявка» print, blank unless the printing user may read them.

	They are never published (Закон РФ 1032-1 ст. 25) and live in Vacancy Internal Requirements, named after the
	request, which only the Head and Specialists read. As for the passport, the permission check comes first and
	nothing is raised or logged: anyone else gets the empty lines of the paper form.
	"""
	blank = frappe._dict(age_requirement="", gender_requirement="")
	if not vacancy_request:
		return blank
	try:
		if not frappe.db.exists(INTERNAL_REQUIREMENTS_DOCTYPE, vacancy_request):
			return blank
		if not frappe.has_permission(INTERNAL_REQUIREMENTS_DOCTYPE, "read", doc=vacancy_request):
			return blank
		values = frappe.db.get_value(
			INTERNAL_REQUIREMENTS_DOCTYPE,
			vacancy_request,
			("age_requirement", "gender_requirement"),
			as_dict=True,
		)
	except Exception:
		return blank
	if not values:
		return blank
	return frappe._dict(
		age_requirement=values.age_requirement or "", gender_requirement=values.gender_requirement or ""
	)
