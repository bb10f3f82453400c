"""The register book of a contract journal (§3.6 «журнал регистрации договоров», §5.4 реестр).

Called from the «Журнал регистрации договоров» print format of Contract Journal through the ``jinja`` hook. A
register lists the journal's registered contracts of one year in the order of their numbers; it shows
only what the printing user may read (a Practice Supervisor gets practice contracts only).
"""

import frappe
from frappe.utils import cint, getdate, nowdate

from citi_employment.graduates.link_titles import GRADUATE_DOCTYPE

CONTRACT_DOCTYPE = "Employer Contract"
EMPLOYER_DOCTYPE = "Employer"
EARLIEST_YEAR = 2000
LATEST_YEAR = 2100

REGISTER_FIELDS = (
	"name",
	"registration_number",
	"registration_sequence",
	"registered_on",
	"employer",
	"employer_name",
	"graduate",
	"graduate_name",
	"subject",
	"valid_from",
	"valid_to",
	"auto_renew",
	"status",
	"terminated_on",
	"termination_reason",
)


def register_year(year=None) -> int:
	"""The year asked for (argument, else ``?year=`` of the print request), else the current year."""
	for candidate in (year, frappe.form_dict.get("year")):
		value = cint(candidate)
		if EARLIEST_YEAR <= value <= LATEST_YEAR:
			return value
	return getdate(nowdate()).year


def get_register_rows(journal: str, year=None) -> list[frappe._dict]:
	"""The journal's contracts registered in ``year``, numbered 1..n like the lines of a paper book."""
	if not journal or not frappe.has_permission(CONTRACT_DOCTYPE, "read"):
		return []
	rows = frappe.get_list(
		CONTRACT_DOCTYPE,
		filters={
			"journal": journal,
			"registration_year": register_year(year),
			"registration_number": ("is", "set"),
		},
		fields=list(REGISTER_FIELDS),
		order_by="registration_sequence asc",
		limit_page_length=0,
	)
	inns = employer_inns({row.employer for row in rows})
	graduates = readable_graduates({row.graduate for row in rows if row.graduate})
	for line, row in enumerate(rows, 1):
		row.line = line
		row.employer_inn = inns.get(row.employer, "")
		# The contract keeps a copy of the graduate's name; it is printed only for readers of the graduate.
		if row.graduate not in graduates:
			row.graduate_name = ""
	return rows


def readable_graduates(graduates: set[str]) -> set[str]:
	"""The graduates among ``graduates`` the user may read (one permission-checked query)."""
	if not graduates or not frappe.has_permission(GRADUATE_DOCTYPE, "read"):
		return set()
	return set(
		frappe.get_list(
			GRADUATE_DOCTYPE, filters={"name": ("in", list(graduates))}, pluck="name", limit_page_length=0
		)
	)


def employer_inns(employers: set[str]) -> dict[str, str]:
	"""An organisation's ИНН is public; still, only employers the user may read are looked up (one query)."""
	if not employers or not frappe.has_permission(EMPLOYER_DOCTYPE, "read"):
		return {}
	return {
		row.name: row.inn or ""
		for row in frappe.get_list(
			EMPLOYER_DOCTYPE,
			filters={"name": ("in", list(employers))},
			fields=["name", "inn"],
			limit_page_length=0,
		)
	}


def citi_contract_register(journal: str, year=None) -> dict:
	"""Jinja helper: ``{"year": 2026, "rows": [...]}`` for the register print format."""
	year = register_year(year)
	return {"year": year, "rows": get_register_rows(journal, year)}
