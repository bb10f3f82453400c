# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Center Monthly Digest, for the Head and the Specialist (issue 12; §6.5, §7.1): what needs the
Center's attention this month, in one table, because an Auto Email Report mails one table.

Three sections, each a heading row with its counts followed by its first rows: monitoring checks due and
overdue (§6.2; their status as the daily monitoring job left it), contracts in force ending within the
settings' warning days (§5.4), and consents to renew (152-ФЗ ст. 9). Documents are named by their IDs only —
no graduate's name, no sensitive field — because the digest is e-mailed (see
``citi_employment/reporting/digest.py``). The Auto Email Report of ``citi_employment/email_reports``
sends it every month.
"""

import frappe
from frappe import _
from frappe.translate import print_language
from frappe.utils import formatdate, getdate

from citi_employment import roles
from citi_employment.domain import consents as consent_rules
from citi_employment.domain import email_reports as rules
from citi_employment.domain import monitoring as monitoring_rules
from citi_employment.email_reports.language import mail_language
from citi_employment.monitoring import RECORD_DOCTYPE
from citi_employment.reporting import digest
from citi_employment.reporting import filters as report_filters
from citi_employment.reporting.access import check_roles
from citi_employment.reporting.contracts import CONTRACT_DOCTYPE, expiry_warning_days
from citi_employment.reporting.desk import card, column, desk_report

DIGEST_ROLES = (roles.EMPLOYMENT_CENTER_HEAD, roles.EMPLOYMENT_SPECIALIST)
LIMIT = rules.DIGEST_LIST_LIMIT


@desk_report
def execute(filters=None):
	# Mailed by the framework from the scheduler, as Administrator: the digest speaks the site's language
	# there (``email_reports.language``), the language of the Center it goes to; in the desk, the user's.
	with print_language(mail_language()):
		return make_digest(frappe._dict(filters or {}))


def make_digest(filters):
	check_roles(DIGEST_ROLES)
	as_on = report_filters.date_filter(filters, "as_on", _("As On"), default=getdate())
	within_days = expiry_warning_days()
	checks = digest.checks_due(LIMIT)
	contracts = digest.contracts_expiring(as_on, within_days, LIMIT)
	consents = digest.consents_to_renew(as_on, LIMIT)
	data = [
		*check_rows(checks, as_on),
		*contract_rows(contracts, as_on, within_days),
		*consent_rows(consents, as_on),
	]
	return get_columns(), data, None, None, get_summary(checks, contracts, consents, within_days)


def get_columns() -> list[dict]:
	return [
		column("section", _("Section"), "Data", 190),
		column("document", _("Document"), "Dynamic Link", 190, options="document_type"),
		column("details", _("Details"), "Data", 320),
		column("status", _("Status"), "Data", 150),
		column("date", _("Date"), "Date", 100),
		column("days_left", _("Days Left"), "Int", 90),
		column("responsible", _("Responsible"), "Link", 180, options="User"),
	]


def heading(section: str, details: str, shown: int, total: int) -> dict:
	if total > shown:
		details = _("{0} (the first {1} listed)").format(details, shown)
	return {"section": section, "details": details, "bold": 1}


def days_left(day, as_on) -> int | None:
	return (getdate(day) - as_on).days if day else None


def check_rows(checks: dict, as_on) -> list[dict]:
	counts = checks["counts"]
	section = _("Monitoring Checks")
	details = _("Due: {0}, overdue: {1}").format(
		counts[monitoring_rules.DUE], counts[monitoring_rules.OVERDUE]
	)
	rows = [heading(section, details, len(checks["rows"]), sum(counts.values()))]
	for row in checks["rows"]:
		checkpoint = _("{0}-Month Check").format(row.checkpoint) if row.checkpoint else _("Ad Hoc Check")
		rows.append(
			{
				"document_type": RECORD_DOCTYPE,
				"document": row.name,
				"details": " · ".join(filter(None, (checkpoint, row.employer_name))),
				"status": _(row.status),
				"date": row.due_date,
				"days_left": days_left(row.due_date, as_on),
				"responsible": row.responsible_specialist,
			}
		)
	return rows


def contract_rows(contracts: dict, as_on, within_days: int) -> list[dict]:
	section = _("Contracts Ending Soon")
	details = _("Ending within {0} days: {1}").format(within_days, contracts["count"])
	rows = [heading(section, details, len(contracts["rows"]), contracts["count"])]
	for row in contracts["rows"]:
		rows.append(
			{
				"document_type": CONTRACT_DOCTYPE,
				"document": row.name,
				"details": " · ".join(
					filter(None, (row.registration_number, _(row.journal), row.employer_name))
				),
				"status": _(row.status),
				"date": row.valid_to,
				"days_left": days_left(row.valid_to, as_on),
			}
		)
	return rows


def consent_rows(consents: dict, as_on) -> list[dict]:
	counts, found = consents["counts"], consents["rows"]
	section = _("Consents to Renew")
	details = _(
		"Expire soon: {0}, graduate comes of age: {1}, expired while the graduate seeks work: {2}"
	).format(counts[rules.EXPIRING], counts[rules.COMING_OF_AGE], counts[rules.LAPSED])
	shown = sum(len(rows) for rows in found.values())
	rows = [heading(section, details, shown, sum(counts.values()))]
	for row in found[rules.EXPIRING]:
		rows.append(consent_row(row, consent_label(row.kind), rules.EXPIRING, row.valid_until, as_on))
	for row in found[rules.COMING_OF_AGE]:
		details = _("Signed by a legal representative; the graduate is 18 on {0}").format(
			formatdate(row.turns_18_on)
		)
		details = f"{consent_label(row.kind)} · {details}"
		rows.append(consent_row(row, details, rules.COMING_OF_AGE, row.turns_18_on, as_on))
	for row in found[rules.LAPSED]:
		rows.append(
			{
				"document_type": digest.GRADUATE_DOCTYPE,
				"document": row.graduate,
				"details": _("Processing consent ended on {0}; the graduate seeks work").format(
					formatdate(row.valid_until)
				),
				"status": _(rules.LAPSED),
				"date": row.valid_until,
				"days_left": days_left(row.valid_until, as_on),
			}
		)
	return rows


def consent_label(kind: str) -> str:
	return _("Consent to Processing") if kind == consent_rules.PROCESSING else _("Consent to Dissemination")


def consent_row(row, details: str, reason: str, day, as_on) -> dict:
	return {
		"document_type": digest.CONSENT_DOCTYPE,
		"document": row.name,
		"details": details,
		"status": _(reason),
		"date": day,
		"days_left": days_left(day, as_on),
	}


def get_summary(checks: dict, contracts: dict, consents: dict, within_days: int) -> list[dict]:
	counts = checks["counts"]
	return [
		card(counts[monitoring_rules.DUE], _("Checks Due"), indicator="Blue"),
		card(counts[monitoring_rules.OVERDUE], _("Checks Overdue"), indicator="Red"),
		card(
			contracts["count"], _("Contracts Ending within {0} Days").format(within_days), indicator="Orange"
		),
		card(sum(consents["counts"].values()), _("Consents to Renew"), indicator="Orange"),
	]
