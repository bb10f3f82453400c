"""Jinja helper of the «Заявка» print: the employer's internal wishes, for their readers only."""

import frappe

from citi_employment.paper_forms.restricted import readable_values

INTERNAL_REQUIREMENTS_DOCTYPE = "Vacancy Internal Requirements"


def citi_vacancy_requirements_for_print(vacancy_request: str | None) -> dict:
	"""The employer's age and gender wishes for the «Заявка» print, blank unless the printing user may read and
	print them.

	They are never published (Закон РФ 1032-1 ст. 25) and live in Vacancy Internal Requirements, named after the
	request, which only the Head and Specialists read. As for the passport, the permission check comes first and
	nothing is raised or logged: anyone else gets the empty lines of the paper form.
	"""
	blank = frappe._dict(age_requirement="", gender_requirement="")
	values = readable_values(
		INTERNAL_REQUIREMENTS_DOCTYPE, vacancy_request, ("age_requirement", "gender_requirement")
	)
	if not values:
		return blank
	return frappe._dict(
		age_requirement=values.age_requirement or "", gender_requirement=values.gender_requirement or ""
	)
