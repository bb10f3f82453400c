# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""An entry of one of the Center's contract journals (§3.6), kept as the contract register of §5.4.

The document is not submittable: the workflow "Employer Contract Approval" moves ``status`` between
states that all keep docstatus 0, because after approval the daily job still has to move the contract
to Expiring Soon / Expired (or renew it) with ``db_set``, and a submitted document would need
allow-on-submit on every such field and cancel/amend for a renewal. What submission would protect is
protected here explicitly: the registration number never changes, only the Institution Director can
bring a contract into force, and the Director can change nothing but its status.
"""

from dataclasses import fields

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.query_builder import DocType
from frappe.utils import cint, getdate, nowdate

from citi_employment.approvals.director import refuse_director_edits, refuse_unless_director
from citi_employment.domain.contracts import (
	CLOSED_STATUSES,
	ContractStatus,
	ExistingContract,
	enters_force,
	find_duplicate,
	format_registration_number,
	is_closed,
	next_sequence,
)
from citi_employment.domain.dates import date_or_none
from citi_employment.domain.write_rules import refused_registered_contract_changes, service_fields
from citi_employment.roles import ALL_RECORDS_ROLES, PRACTICE_SUPERVISOR
from citi_employment.write_guards import changed_fields, labels
from citi_employment.write_guards.field_errors import validate_period

JOURNAL_DOCTYPE = "Contract Journal"
GRADUATE_DOCTYPE = "Graduate"


class ContractApprovalError(frappe.ValidationError):
	pass


class DirectorEditError(frappe.ValidationError):
	pass


class GraduateRequiredError(frappe.ValidationError):
	pass


class RegisteredContractChangeError(frappe.ValidationError):
	pass


class DuplicateContractError(frappe.ValidationError):
	pass


class RegisteredContractDeletionError(frappe.ValidationError):
	pass


class EmployerContract(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		auto_renew: DF.Check
		employer: DF.Link
		employer_name: DF.Data | None
		first_term_ends_on: DF.Date | None
		graduate: DF.Link | None
		graduate_name: DF.Data | None
		journal: DF.Link
		notes: DF.SmallText | None
		profession: DF.Link | None
		registered_on: DF.Date | None
		registration_number: DF.Data | None
		registration_sequence: DF.Int
		registration_year: DF.Int
		requires_graduate: DF.Check
		signed_on: DF.Date | None
		signed_scan: DF.Attach | None
		status: DF.Literal[
			"Draft",
			"Pending Director Approval",
			"Active",
			"Expiring Soon",
			"Expired",
			"Declined",
			"Terminated",
		]
		subject: DF.SmallText | None
		terminated_on: DF.Date | None
		termination_reason: DF.SmallText | None
		valid_from: DF.Date
		valid_to: DF.Date | None
	# end: auto-generated types

	def validate(self):
		self.validate_period()
		self.validate_graduate()
		self.validate_registered_contract_unchanged()
		self.validate_director_edits()
		self.validate_approval_rights()
		self.set_termination_date()
		self.validate_no_duplicate()
		# Last: the number is drawn only once every check passed (a later failure rolls it back).
		self.register_on_approval()

	def on_trash(self):
		if self.registration_number:
			frappe.throw(
				_(
					"Contract {0} is registered in its journal and cannot be deleted: the register must stay without gaps. Terminate it instead."
				).format(frappe.bold(self.registration_number)),
				RegisteredContractDeletionError,
				title=_("Not Allowed"),
			)

	@property
	def previous_status(self) -> str | None:
		before = self.get_doc_before_save()
		return before.status if before else None

	def validate_period(self):
		validate_period(self, "valid_from", "valid_to")

	def validate_graduate(self):
		"""The two training journals register a contract about one graduate (§3.6)."""
		if self.journal_requires_graduate() and not self.graduate:
			frappe.throw(
				_("Contracts in the journal {0} are about one graduate: select the Graduate.").format(
					frappe.bold(_(self.journal))
				),
				GraduateRequiredError,
				title=_("Graduate Required"),
			)

	def journal_requires_graduate(self) -> bool:
		self.requires_graduate = cint(frappe.db.get_value(JOURNAL_DOCTYPE, self.journal, "requires_graduate"))
		return bool(self.requires_graduate)

	def validate_registered_contract_unchanged(self):
		"""§5.4: once numbered, the contract is the register's entry; only its termination and scan follow."""
		before = self.get_doc_before_save()
		if not (before and before.registration_number):
			return
		refused = refused_registered_contract_changes(changed_fields(self, before), "status")
		if refused:
			frappe.throw(
				_(
					"Contract {0} is registered: only its termination and signed scan can be recorded, not {1}."
				).format(frappe.bold(before.registration_number), labels(self, refused)),
				RegisteredContractChangeError,
				title=_("Not Allowed"),
			)

	def validate_director_edits(self):
		"""The Director approves or rejects; the contract's content stays as the Center wrote it."""
		refuse_director_edits(
			self,
			service_fields(self.doctype),
			_("The Institution Director can only approve or reject a contract, not change {0}."),
			DirectorEditError,
		)

	def validate_approval_rights(self):
		"""Only the Institution Director brings a contract into force, whatever path the change took.

		The workflow already limits the Approve action to the Director; this also refuses a status
		written directly (API, import, a misconfigured or disabled workflow).
		"""
		message = _("Only the Institution Director can approve a contract.")
		refuse_unless_director(self, enters_force, message, ContractApprovalError)

	def set_termination_date(self):
		if self.status == ContractStatus.TERMINATED.value and not self.terminated_on:
			self.terminated_on = nowdate()

	def validate_no_duplicate(self):
		"""§5.4: the register excludes duplicates: one live contract per journal, employer and period."""
		if is_closed(self.status) or not (self.journal and self.employer):
			return
		contract = DocType("Employer Contract")
		# Each other contract is read as the rule takes it: the fields of ExistingContract, named there only.
		rows = (
			frappe.qb.from_(contract)
			.select(*(contract[field.name] for field in fields(ExistingContract)))
			.where(contract.journal == self.journal)
			.where(contract.employer == self.employer)
			.where(contract.name != (self.name or ""))
			.where(contract.status.notin([status.value for status in CLOSED_STATUSES]))
			.orderby(contract.creation)
		).run(as_dict=True)
		duplicate = find_duplicate(
			date_or_none(self.valid_from),
			date_or_none(self.valid_to),
			self.graduate,
			bool(self.requires_graduate),
			[ExistingContract(**row) for row in rows],
		)
		if duplicate:
			frappe.throw(
				_(
					"The journal {0} already has a contract {1} with this employer for an overlapping period. Change the dates, or terminate the existing contract first."
				).format(frappe.bold(_(self.journal)), frappe.bold(duplicate.reference)),
				DuplicateContractError,
				title=_("Duplicate Contract"),
			)

	def register_on_approval(self):
		"""Issue the journal's next number when the contract comes into force (§5.4)."""
		if self.registration_number or not enters_force(self.previous_status, self.status):
			return
		prefix = frappe.db.get_value(JOURNAL_DOCTYPE, self.journal, "number_prefix")
		today = getdate(nowdate())
		sequence = draw_registration_sequence(self.journal, today.year)
		self.registration_number = format_registration_number(prefix, today.year, sequence)
		self.registration_year = today.year
		self.registration_sequence = sequence
		self.registered_on = today


def registration_series_key(journal: str, year: int) -> str:
	return f"Employer Contract::{journal}::{year}"


def draw_registration_sequence(journal: str, year: int) -> int:
	"""The next gapless sequence of ``journal`` in ``year``, inside the approving transaction.

	The counter is a row of Frappe's own ``tabSeries`` (``name`` the key, ``current`` the last number
	issued), the table ``frappe.model.naming.getseries`` locks the same way: a System Manager can read or
	correct it in Document Naming Settings, and it needs no DocType of its own. The upsert creates the
	row on the year's first approval and, like the ``SELECT … FOR UPDATE`` after it, holds the row's
	exclusive lock until the transaction ends, so concurrent approvals of the same journal queue up
	here; a failed approval rolls the increment back with everything else, leaving no gap.
	"""
	key = registration_series_key(journal, year)
	frappe.db.sql(
		"INSERT INTO `tabSeries` (`name`, `current`) VALUES (%s, 0) ON DUPLICATE KEY UPDATE `current` = `current`",
		(key,),
	)
	series = DocType("Series")
	last = (frappe.qb.from_(series).select(series.current).where(series.name == key).for_update()).run()
	sequence = next_sequence(cint(last[0][0]) if last else 0)
	frappe.qb.update(series).set(series.current, sequence).where(series.name == key).run()
	return sequence


def is_practice_supervisor_only(user: str | None = None) -> bool:
	roles = set(frappe.get_roles(user or frappe.session.user))
	return PRACTICE_SUPERVISOR in roles and not roles & ALL_RECORDS_ROLES


def may_read_graduates(user: str | None = None) -> bool:
	"""A contract about one graduate carries their name (``graduate_name``, the link's title): only a user who
	may read graduates reads it. The Practice Supervisor finds practice places (§3.3), not graduates."""
	return bool(frappe.has_permission(GRADUATE_DOCTYPE, "read", user=user))


def get_permission_query_conditions(user: str | None = None) -> str:
	"""Hook ``permission_query_conditions``: a Practice Supervisor lists only practice contracts, and only those
	about no graduate unless they may read graduates."""
	if not is_practice_supervisor_only(user):
		return ""
	conditions = (
		"`tabEmployer Contract`.`journal` in "
		"(select `name` from `tabContract Journal` where `is_practice_journal` = 1)"
	)
	if not may_read_graduates(user):
		conditions += " and ifnull(`tabEmployer Contract`.`graduate`, '') = ''"
	return conditions


def has_permission(doc, ptype: str | None = None, user: str | None = None, **kwargs) -> bool | None:
	"""Hook ``has_permission``: a Practice Supervisor opens only practice contracts, and only those about no
	graduate unless they may read graduates (None = no opinion)."""
	if not is_practice_supervisor_only(user):
		return None
	if doc.get("graduate") and not may_read_graduates(user):
		return False
	return bool(
		doc.journal and cint(frappe.db.get_value(JOURNAL_DOCTYPE, doc.journal, "is_practice_journal"))
	)
