"""Jinja helpers that print a graduate: the declined name, the signature line, the gender of the wording.

Any template can call a Jinja method, so each reads the graduate only for a user who may, and never raises:
a print that fails on the Director's desk is worse than a blank line they fill in by hand.
"""

import frappe

from citi_employment.domain.russian_text import GrammaticalCase, decline_full_name, initials_and_surname
from citi_employment.graduates.link_titles import GRADUATE_DOCTYPE, may_read


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
