# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Contract Journal: the Center's contracts by journal and status (§3.6 «журнал регистрации договоров»),
and the contracts in force that end within a number of days (§5.4: «отслеживать сроки их действия»).

Two views of the same filters: the journals' counts, or the list of contracts ending soon. No graduate is
named. Figures: ``citi_employment.reporting.contracts``; shaping: ``citi_employment.domain.reporting``.
"""

import frappe
from frappe import _
from frappe.utils import getdate

from citi_employment.domain import reporting as rules
from citi_employment.domain.reporting import status_key
from citi_employment.reporting import contracts
from citi_employment.reporting import filters as report_filters
from citi_employment.reporting.desk import (
	card,
	column,
	desk_report,
	status_chart,
	status_columns,
	total_label,
)


@desk_report
def execute(filters=None):
	filters = frappe._dict(filters or {})
	today = getdate()
	view, selection, status, days = read_filters(filters)
	journals = rules.journal_table(contracts.contracts_by_journal(today, days, selection, status))
	total = rules.journal_totals(journals)
	summary = get_summary(total, days)
	if view == rules.EXPIRING:
		rows = rules.expiring_rows(contracts.expiring_contracts(today, days, selection), today)
		data = [{**row, "journal": _(row["journal"]), "status": _(row["status"])} for row in rows]
		return expiring_columns(), data, None, None, summary
	data = [{**row, "journal": _(row["journal"])} for row in journals]
	if data:
		data.append({**total, "journal": total_label()})
	chart = status_chart(journals, rules.CONTRACT_STATUSES, "journal", context="Employer Contract")
	return journal_columns(days), data, None, chart, summary


def read_filters(filters):
	view = report_filters.choice_filter(
		filters, "view", _("Show"), rules.CONTRACT_VIEWS, default=rules.BY_JOURNAL
	)
	journal = report_filters.text_filter(filters, "journal", _("Journal"))
	status = report_filters.choice_filter(filters, "status", _("Status"), rules.CONTRACT_STATUSES)
	days = report_filters.int_filter(
		filters,
		"expiring_within_days",
		_("Expiring Within (Days)"),
		1,
		rules.MAX_EXPIRY_DAYS,
		default=contracts.expiry_warning_days(),
	)
	registered_from = report_filters.date_filter(filters, "from_date", _("Registered From"))
	registered_to = report_filters.date_filter(filters, "to_date", _("Registered To"))
	report_filters.check_period(registered_from, registered_to, _("Registered From"), _("Registered To"))
	return view, contracts.ContractSelection(journal, registered_from, registered_to), status, days


def journal_columns(days: int) -> list[dict]:
	return [
		column("journal", _("Journal"), "Data", 300),
		*status_columns(rules.CONTRACT_STATUSES, 120, context="Employer Contract", with_total=True),
		column("in_force", _("In Force"), width=100),
		column("expiring", _("Ending Within {0} Days").format(days), width=150),
	]


def expiring_columns() -> list[dict]:
	return [
		column("contract", _("Contract"), "Link", 140, options="Employer Contract"),
		column("registration_number", _("Registration Number"), "Data", 150),
		column("journal", _("Journal"), "Data", 260),
		column("employer", _("Employer"), "Link", 120, options="Employer"),
		column("employer_name", _("Employer Name"), "Data", 220),
		column("profession", _("Profession"), "Link", 160, options="Profession"),
		column("status", _("Status"), "Data", 120),
		column("valid_from", _("Valid From"), "Date", 110),
		column("valid_to", _("Valid To"), "Date", 110),
		column("days_left", _("Days Left"), width=90),
		column("auto_renew", _("Auto-Renew"), "Check", 100),
	]


def get_summary(total: dict, days: int) -> list[dict]:
	return [
		card(total["total"], _("Contracts"), indicator="Blue"),
		card(total["in_force"], _("In Force"), indicator="Green"),
		card(total["expiring"], _("Ending Within {0} Days").format(days), indicator="Orange"),
		card(total[status_key("Pending Director Approval")], _("Pending Director Approval")),
		card(total[status_key("Expired")], _("Expired"), indicator="Grey"),
	]
