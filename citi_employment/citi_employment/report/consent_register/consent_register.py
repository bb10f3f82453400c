# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Consent Register, for the Head and the Specialist only (152-ФЗ): consents by kind and status,
revoked consents with their destruction deadlines (ст. 21 ч. 5), and minors who turn 18 soon, whose own
consent the Center must collect.

The register names graduates — that is its purpose — but shows no sensitive value and never reads Graduate
Personal Data. Figures: ``citi_employment.reporting.consents``; shaping: ``citi_employment.domain.reporting``.
"""

import frappe
from frappe import _
from frappe.utils import getdate

from citi_employment.domain import reporting as rules
from citi_employment.domain.reporting import status_key
from citi_employment.reporting import consents
from citi_employment.reporting import filters as report_filters
from citi_employment.reporting.desk import card, column, desk_report, status_chart, status_columns

MAX_AHEAD_DAYS = 366


@desk_report
def execute(filters=None):
	filters = frappe._dict(filters or {})
	today = getdate()
	view = report_filters.choice_filter(
		filters, "view", _("Show"), rules.CONSENT_VIEWS, default=rules.BY_KIND_AND_STATUS
	)
	start, end = report_filters.date_period(filters)
	days = report_filters.int_filter(
		filters,
		"within_days",
		_("Turning 18 Within (Days)"),
		1,
		MAX_AHEAD_DAYS,
		default=rules.COMING_OF_AGE_DAYS,
	)
	kinds = rules.consent_table(consents.consents_by_kind_and_status(start, end))
	revoked = rules.revocation_rows(consents.revocations(start, end), today)
	coming = rules.coming_of_age_rows(consents.graduates_coming_of_age(today, days), today, days)
	summary = get_summary(kinds, revoked, coming, days)
	if view == rules.REVOCATIONS:
		data = [{**row, "kind": _(row["kind"]), "state": _(row["state"])} for row in revoked]
		return revocation_columns(), data, None, None, summary
	if view == rules.COMING_OF_AGE:
		data = [{**row, "consent_status": _(row["consent_status"] or "")} for row in coming]
		return coming_of_age_columns(), data, None, None, summary
	data = [{**row, "kind": _(row["kind"])} for row in kinds]
	chart = status_chart(kinds, rules.CONSENT_STATUSES, "kind", context="Personal Data Consent")
	return kind_columns(), data, None, chart, summary


def kind_columns() -> list[dict]:
	return [
		column("kind", _("Kind"), "Data", 160),
		*status_columns(rules.CONSENT_STATUSES, context="Personal Data Consent", with_total=True),
	]


def revocation_columns() -> list[dict]:
	return [
		column("consent", _("Consent"), "Link", 150, options="Personal Data Consent"),
		column("graduate", _("Graduate"), "Link", 150, options="Graduate"),
		column("graduate_name", _("Graduate Name"), "Data", 220),
		column("kind", _("Kind"), "Data", 130),
		column("revocation_received_on", _("Revocation Received On"), "Date", 170),
		column("destruction_due_on", _("Destruction Due On"), "Date", 150),
		column("days_left", _("Days Left"), width=90),
		column("state", _("State"), "Data", 170),
		column("destroyed_on", _("Destroyed On"), "Date", 120),
		column("destruction_act", _("Destruction Act"), "Link", 150, options="Personal Data Destruction Act"),
	]


def coming_of_age_columns() -> list[dict]:
	return [
		column("graduate", _("Graduate"), "Link", 150, options="Graduate"),
		column("graduate_name", _("Graduate Name"), "Data", 240),
		column("group_code", _("Group"), "Data", 160),
		column("turns_18_on", _("Turns 18 On"), "Date", 120),
		column("days_left", _("Days Left"), width=90),
		column("consent_status", _("Consent Status"), "Data", 140),
	]


def get_summary(kinds: list[dict], revoked: list[dict], coming: list[dict], days: int) -> list[dict]:
	states = rules.revocation_totals(revoked)
	return [
		card(sum(row[status_key("Active")] for row in kinds), _("Active Consents"), indicator="Green"),
		card(states[rules.AWAITING], _(rules.AWAITING), indicator="Orange"),
		card(
			states[rules.DESTRUCTION_OVERDUE],
			_(rules.DESTRUCTION_OVERDUE),
			indicator="Red" if states[rules.DESTRUCTION_OVERDUE] else "Green",
		),
		card(len(coming), _("Turning 18 Within {0} Days").format(days), indicator="Blue"),
	]
