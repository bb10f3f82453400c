"""What a new Student Resume starts with: the education row taken from the graduate's card and the
institution's short name. The controller fills it on insert; the form asks for it as soon as a graduate is
chosen, so staff can correct it before saving.
"""

import frappe
from frappe import _

from citi_employment.domain.dates import date_or_none
from citi_employment.domain.resume import education_prefill

SETTINGS_DOCTYPE = "Employment Center Settings"


def get_education_prefill(graduate: str | None) -> dict | None:
	"""The education row built from the graduate's card and the institution's short name."""
	if not graduate:
		return None
	values = frappe.db.get_value(
		"Graduate", graduate, ["study_start", "study_end", "profession"], as_dict=True
	)
	if not values:
		return None
	row = education_prefill(
		institution=frappe.db.get_single_value(SETTINGS_DOCTYPE, "institution_short_name"),
		study_start=date_or_none(values.study_start),
		study_end=date_or_none(values.study_end),
		specialty=values.profession,
	)
	if not row.institution:
		return None
	return {
		"institution": row.institution,
		"year_in": row.year_in or 0,
		"year_out": row.year_out or 0,
		"specialty": row.specialty,
	}


@frappe.whitelist()
def get_prefill(graduate: str) -> dict:
	"""What a new resume for ``graduate`` starts with, for the form (the server fills it on insert too)."""
	frappe.has_permission("Student Resume", "create", throw=True)
	if not graduate or not isinstance(graduate, str):
		frappe.throw(_("Select a graduate first."), title=_("Invalid Value"))
	frappe.has_permission("Graduate", "read", doc=graduate, throw=True)
	return {"education": get_education_prefill(graduate)}
