"""Daily check of the contract register (§5.4: «позволяет отслеживать сроки их действия»).

Contracts in force move to Expiring Soon when their end date is within the warning days of Employment
Center Settings, and to Expired after it; an auto-renewing contract is extended by one more term
instead. Each change notifies every Employment Center Head with a ToDo, once per contract and state.

In batches: the contracts due are read once, their new values written in one UPDATE per distinct set of
values, their comments and the Heads' to-dos inserted in bulk (``approvals.head_tasks_bulk``), so the
statements do not grow with the number of contracts that change on a day.
"""

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.utils import add_days, cint, formatdate, getdate, now_datetime, nowdate

from citi_employment.approvals.head_tasks import HeadTask
from citi_employment.approvals.head_tasks_bulk import comment_row, give_heads_todos_in_bulk, insert_comments
from citi_employment.domain.contracts import IN_FORCE_STATUSES, ContractStatus, ExpiryChange, expiry_change
from citi_employment.domain.dates import date_or_none
from citi_employment.scheduler_lock import run_alone

CONTRACT_DOCTYPE = "Employer Contract"
SETTINGS_DOCTYPE = "Employment Center Settings"
DEFAULT_WARNING_DAYS = 30
# What the daily check reads of a contract in force: its dates and flags for the rule, its number and
# employer for the message.
CHECKED_FIELDS = (
	"name",
	"status",
	"valid_from",
	"valid_to",
	"first_term_ends_on",
	"auto_renew",
	"registration_number",
	"employer_name",
)


@run_alone("contract expiry")
def update_contract_statuses() -> dict[str, str]:
	"""Run the daily expiry transitions; returns {contract: new status} for logs and tests."""
	today = getdate(nowdate())
	warning_days = (
		cint(frappe.db.get_single_value(SETTINGS_DOCTYPE, "contract_expiry_warning_days"))
		or DEFAULT_WARNING_DAYS
	)
	contracts = {row.name: row for row in contracts_to_check(today, warning_days)}
	changes = {}
	for contract in contracts.values():
		change = expiry_change(
			contract.status,
			date_or_none(contract.valid_from),
			getdate(contract.valid_to),
			bool(contract.auto_renew),
			today,
			warning_days,
			date_or_none(contract.first_term_ends_on),
		)
		if change:
			changes[contract.name] = change
	apply_changes(changes, contracts)
	notify_heads(changes, contracts)
	return {name: change.status.value for name, change in changes.items()}


def contracts_to_check(today, warning_days: int) -> list[frappe._dict]:
	"""One query: contracts in force whose end is near or past (or that are flagged but were extended)."""
	contract = DocType(CONTRACT_DOCTYPE)
	return (
		frappe.qb.from_(contract)
		.select(*(contract[field] for field in CHECKED_FIELDS))
		.where(contract.status.isin([status.value for status in IN_FORCE_STATUSES]))
		.where(contract.valid_to.isnotnull())
		.where(
			(contract.valid_to <= add_days(today, warning_days))
			| (contract.status == ContractStatus.EXPIRING_SOON.value)
		)
		.orderby(contract.valid_to)
	).run(as_dict=True)


def apply_changes(changes: dict[str, ExpiryChange], contracts: dict[str, frappe._dict]) -> None:
	"""Written with ``set_value`` (the job is not a user and must not pass the approval checks again), one
	UPDATE per distinct set of new values (a status, or a renewal's new end), and an Info comment on each
	contract, all inserted at once."""
	groups: dict[tuple, list[str]] = {}
	for name, change in changes.items():
		groups.setdefault(tuple(sorted(new_values(contracts[name], change).items())), []).append(name)
	for values, names in groups.items():
		frappe.db.set_value(CONTRACT_DOCTYPE, {"name": ("in", names)}, dict(values))
	now = now_datetime()
	insert_comments(
		[
			comment_row(CONTRACT_DOCTYPE, name, "Info", change_message(contracts[name], change), now)
			for name, change in changes.items()
		]
	)


def new_values(contract: frappe._dict, change: ExpiryChange) -> dict:
	values = {"status": change.status.value}
	if change.renewed:
		values["valid_to"] = change.valid_to
		if not contract.first_term_ends_on:
			values["first_term_ends_on"] = contract.valid_to
	return values


def change_message(contract: frappe._dict, change: ExpiryChange) -> str:
	reference = contract.registration_number or contract.name
	employer = contract.employer_name or ""
	if change.renewed:
		return _("Contract {0} with {1} was renewed automatically until {2}.").format(
			reference, employer, formatdate(change.valid_to)
		)
	if change.status is ContractStatus.EXPIRED:
		return _("Contract {0} with {1} expired on {2}.").format(
			reference, employer, formatdate(change.valid_to)
		)
	if change.status is ContractStatus.EXPIRING_SOON:
		return _(
			"Contract {0} with {1} expires on {2}: decide whether to extend it or sign a new one."
		).format(reference, employer, formatdate(change.valid_to))
	return _("Contract {0} with {1} is in force until {2}.").format(
		reference, employer, formatdate(change.valid_to)
	)


def notify_heads(changes: dict[str, ExpiryChange], contracts: dict[str, frappe._dict]) -> None:
	"""A ToDo for each Head and change; an open one with the same text is not repeated."""
	give_heads_todos_in_bulk(
		[
			HeadTask(
				CONTRACT_DOCTYPE,
				name,
				change_message(contracts[name], change),
				date=change.valid_to,
				priority="High" if change.status is ContractStatus.EXPIRED else "Medium",
			)
			for name, change in changes.items()
			if change.status is not ContractStatus.ACTIVE or change.renewed
		]
	)
