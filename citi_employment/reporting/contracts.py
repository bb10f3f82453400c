"""The contract journals (§3.6 журналы регистрации договоров, §5.4 реестр): contracts by journal and status,
and those in force that end within a number of days."""

from dataclasses import dataclass
from datetime import date, timedelta

import frappe
from frappe.query_builder import Case, DocType
from frappe.query_builder.functions import Count, Sum
from frappe.utils import cint

from citi_employment.domain import reporting as rules
from citi_employment.reporting.access import check_reads_all
from citi_employment.reporting.periods import within

CONTRACT_DOCTYPE = "Employer Contract"
SETTINGS_DOCTYPE = "Employment Center Settings"
DEFAULT_EXPIRY_WARNING_DAYS = 30


def expiry_warning_days() -> int:
	"""Employment Center Settings' contract-expiry warning days (the daily job's "Expiring Soon")."""
	days = cint(frappe.get_cached_doc(SETTINGS_DOCTYPE).contract_expiry_warning_days)
	return days if days > 0 else DEFAULT_EXPIRY_WARNING_DAYS


def ends_within(contract, today: date, days: int):
	return (
		contract.status.isin(rules.CONTRACTS_IN_FORCE)
		& (contract.valid_to >= today)
		& (contract.valid_to <= today + timedelta(days=days))
	)


@dataclass(frozen=True)
class ContractSelection:
	"""The contracts a list is about: those of one journal (or of all), registered from ``registered_from``
	to ``registered_to`` (either end open). A registration period leaves out drafts, which have no
	registration date."""

	journal: str | None = None
	registered_from: date | None = None
	registered_to: date | None = None

	def restrict(self, query, contract):
		if self.journal:
			query = query.where(contract.journal == self.journal)
		return within(query, contract.registered_on, self.registered_from, self.registered_to)


EVERY_CONTRACT = ContractSelection()


@frappe.read_only()
def contracts_by_journal(
	today: date,
	expiring_within_days: int,
	selection: ContractSelection = EVERY_CONTRACT,
	status: str | None = None,
) -> list[dict]:
	"""Rows of ``journal``, ``status``, ``contracts`` and ``expiring`` (in force and ending between ``today``
	and ``expiring_within_days`` later) of the selected contracts."""
	check_reads_all(CONTRACT_DOCTYPE)
	contract = DocType(CONTRACT_DOCTYPE)
	query = (
		frappe.qb.from_(contract)
		.select(
			contract.journal,
			contract.status,
			Count("*").as_("contracts"),
			Sum(Case().when(ends_within(contract, today, expiring_within_days), 1).else_(0)).as_("expiring"),
		)
		.groupby(contract.journal, contract.status)
	)
	if status:
		query = query.where(contract.status == status)
	return selection.restrict(query, contract).run(as_dict=True)


@frappe.read_only()
def expiring_contracts(
	today: date, expiring_within_days: int, selection: ContractSelection = EVERY_CONTRACT
) -> list[dict]:
	"""The selected contracts in force that end between ``today`` and ``expiring_within_days`` later:
	``contract``, ``registration_number``, ``journal``, ``employer``, ``employer_name``, ``profession``,
	``status``, ``valid_from``, ``valid_to``, ``auto_renew``. No graduate: the list is about the Center's
	partners."""
	check_reads_all(CONTRACT_DOCTYPE)
	contract = DocType(CONTRACT_DOCTYPE)
	query = (
		frappe.qb.from_(contract)
		.select(
			contract.name.as_("contract"),
			contract.registration_number,
			contract.journal,
			contract.employer,
			contract.employer_name,
			contract.profession,
			contract.status,
			contract.valid_from,
			contract.valid_to,
			contract.auto_renew,
		)
		.where(ends_within(contract, today, expiring_within_days))
		.orderby(contract.valid_to)
	)
	return selection.restrict(query, contract).run(as_dict=True)
