# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import threading
import time
from unittest.mock import patch

import frappe
from frappe.model.workflow import WorkflowPermissionError, WorkflowTransitionError, apply_workflow
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate, nowdate

from citi_employment.citi_employment.doctype.employer_contract import employer_contract as controller
from citi_employment.citi_employment.doctype.employer_contract.employer_contract import (
	ContractApprovalError,
	DirectorEditError,
	DuplicateContractError,
	GraduateRequiredError,
	RegisteredContractDeletionError,
)
from citi_employment.tests.records import (
	DIRECTOR_USER,
	HEAD_USER,
	SPECIALIST_USER,
	SUPERVISOR_USER,
	act,
	approve,
	make_center_users,
	make_contract,
	make_employer,
	make_graduate,
)
from citi_employment.write_guards import ServiceFieldChangeError

COOPERATION = "Cooperation (Partnership)"
TARGETED = "Targeted Vocational Training"
PRACTICE = "Practice"


def expected_number(prefix: str, sequence: int) -> str:
	return f"{prefix}-{getdate(nowdate()).year}-{sequence:03d}"


class TestEmployerContract(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		cls.employer = make_employer("Ромашка")
		cls.other_employer = make_employer("Василёк")

	def setUp(self):
		frappe.set_user("Administrator")

	def last_number(self, journal: str) -> int:
		key = controller.registration_series_key(journal, getdate(nowdate()).year)
		current = frappe.db.sql("select `current` from `tabSeries` where `name` = %s", key)
		return current[0][0] if current else 0

	# Input

	def test_period_ending_before_it_starts_is_refused(self):
		with self.assertRaises(frappe.exceptions.InvalidDates) as raised:
			make_contract(COOPERATION, self.employer, valid_from="2026-05-01", valid_to="2026-04-30")
		self.assertIn("Valid From", str(raised.exception))

	def test_training_journal_needs_a_graduate(self):
		with self.assertRaises(GraduateRequiredError) as raised:
			make_contract(TARGETED, self.employer)
		self.assertIn("Graduate", str(raised.exception))
		contract = make_contract(TARGETED, self.employer, graduate=make_graduate(first_name="Пётр").name)
		self.assertTrue(contract.requires_graduate)
		self.assertEqual(contract.status, "Draft")

	# Workflow and numbering

	def test_director_approval_issues_the_next_number(self):
		first = make_contract(COOPERATION, self.employer, valid_from="2030-01-01", valid_to="2030-12-31")
		second = make_contract(COOPERATION, self.other_employer, valid_from="2030-01-01")
		start = self.last_number(COOPERATION)

		first = approve(first)
		second = approve(second)

		self.assertEqual(first.status, "Active")
		self.assertEqual(first.registration_number, expected_number("СП", start + 1))
		self.assertEqual(second.registration_number, expected_number("СП", start + 2))
		self.assertEqual(second.registration_sequence, start + 2)
		self.assertEqual(second.registration_year, getdate(nowdate()).year)
		self.assertEqual(getdate(second.registered_on), getdate(nowdate()))

	def test_numbers_are_counted_per_journal(self):
		practice_start = self.last_number(PRACTICE)
		contract = approve(make_contract(PRACTICE, self.employer, valid_from="2031-01-01"))
		self.assertEqual(contract.registration_number, expected_number("ПР", practice_start + 1))

	def test_head_cannot_approve_through_the_workflow(self):
		contract = make_contract(COOPERATION, self.employer, valid_from="2032-01-01")
		act(contract, "Submit for Approval", HEAD_USER)
		with self.assertRaises(WorkflowTransitionError):
			act(frappe.get_doc(contract.doctype, contract.name), "Approve", HEAD_USER)
		self.assertEqual(
			frappe.db.get_value(contract.doctype, contract.name, "status"), "Pending Director Approval"
		)

	def test_head_cannot_set_the_status_directly(self):
		contract = make_contract(COOPERATION, self.employer, valid_from="2033-01-01")
		act(contract, "Submit for Approval", HEAD_USER)
		# The controller refuses (it runs before Frappe's own workflow check) ...
		contract = frappe.get_doc(contract.doctype, contract.name)
		contract.status = "Active"
		with self.set_user(HEAD_USER), self.assertRaises(ContractApprovalError):
			contract.save()
		# ... and so does the workflow on its own: two independent locks.
		contract = frappe.get_doc(contract.doctype, contract.name)
		contract.status = "Active"
		with (
			patch.object(controller.EmployerContract, "validate_approval_rights"),
			self.set_user(HEAD_USER),
			self.assertRaises(WorkflowPermissionError),
		):
			contract.save()
		self.assertFalse(frappe.db.get_value(contract.doctype, contract.name, "registration_number"))

	def test_director_may_only_change_the_status(self):
		contract = make_contract(COOPERATION, self.employer, valid_from="2034-01-01")
		act(contract, "Submit for Approval", HEAD_USER)
		contract = frappe.get_doc(contract.doctype, contract.name)
		contract.subject = "Другой предмет"
		with self.set_user(DIRECTOR_USER), self.assertRaises(DirectorEditError) as raised:
			contract.save()
		self.assertIn("Subject", str(raised.exception))

	def test_rejected_contract_can_be_revised(self):
		contract = make_contract(COOPERATION, self.employer, valid_from="2035-01-01")
		act(contract, "Submit for Approval", SPECIALIST_USER)
		rejected = act(frappe.get_doc(contract.doctype, contract.name), "Reject", DIRECTOR_USER)
		self.assertEqual(rejected.status, "Declined")
		self.assertFalse(rejected.registration_number)
		revised = act(rejected, "Revise", SPECIALIST_USER)
		self.assertEqual(revised.status, "Draft")

	def test_registration_number_never_changes(self):
		contract = approve(make_contract(COOPERATION, self.employer, valid_from="2036-01-01"))
		number = contract.registration_number
		for field, value in (("registration_number", "СП-1999-999"), ("registration_sequence", 999)):
			contract = frappe.get_doc(contract.doctype, contract.name)
			contract.set(field, value)
			with self.assertRaises(ServiceFieldChangeError):
				contract.save()
		terminated = act(frappe.get_doc(contract.doctype, contract.name), "Terminate", HEAD_USER)
		self.assertEqual(terminated.status, "Terminated")
		self.assertEqual(terminated.registration_number, number)
		self.assertEqual(getdate(terminated.terminated_on), getdate(nowdate()))

	def test_registered_contract_cannot_be_deleted(self):
		contract = approve(make_contract(COOPERATION, self.employer, valid_from="2037-01-01"))
		with self.assertRaises(RegisteredContractDeletionError):
			contract.delete()
		self.assertTrue(frappe.db.exists(contract.doctype, contract.name))

	def test_a_registration_sent_by_a_user_is_never_stored(self):
		"""Frappe v15 does not enforce read_only on the server: a number sent with a save is put back."""
		forged = {
			"registration_number": "СП-1999-001",
			"registration_year": 1999,
			"registration_sequence": 1,
			"registered_on": "1999-01-01",
			"first_term_ends_on": "1999-12-31",
		}
		fields = list(forged)
		blank = {fieldname: None for fieldname in fields} | {
			"registration_year": 0,
			"registration_sequence": 0,
		}
		start = self.last_number(COOPERATION)

		with self.set_user(SPECIALIST_USER):
			kept = make_contract(COOPERATION, self.employer, valid_from="2053-01-01", **forged)
			removed = make_contract(COOPERATION, self.other_employer, valid_from="2053-01-01", **forged)
			for contract in (kept, removed):
				self.assertEqual(
					frappe.db.get_value(contract.doctype, contract.name, fields, as_dict=True), blank
				)
			# A later save of the draft that sends one is refused.
			draft = frappe.get_doc(kept.doctype, kept.name)
			draft.update(forged)
			with self.assertRaises(ServiceFieldChangeError):
				draft.save()
			self.assertEqual(frappe.db.get_value(kept.doctype, kept.name, fields, as_dict=True), blank)

		# A draft stays deletable (only the System Manager has delete rights on contracts).
		removed.delete()
		self.assertFalse(frappe.db.exists(removed.doctype, removed.name))

		# Nor can the approving save: a number the Director sends is refused, the journal's next one is issued.
		act(kept, "Submit for Approval", SPECIALIST_USER)
		with self.set_user(DIRECTOR_USER):
			approving = frappe.get_doc(kept.doctype, kept.name)
			approving.update({**forged, "status": "Active"})
			with self.assertRaises(ServiceFieldChangeError):
				approving.save()
			approving = frappe.get_doc(kept.doctype, kept.name)
			approving.status = "Active"
			approving.save()
		stored = frappe.db.get_value(kept.doctype, kept.name, [*fields, "status"], as_dict=True)
		self.assertEqual(stored.status, "Active")
		self.assertEqual(stored.registration_number, expected_number("СП", start + 1))
		self.assertEqual(stored.registration_sequence, start + 1)
		self.assertEqual(stored.registration_year, getdate(nowdate()).year)
		self.assertEqual(getdate(stored.registered_on), getdate(nowdate()))
		self.assertIsNone(stored.first_term_ends_on)
		self.assertEqual(self.last_number(COOPERATION), start + 1)

	def test_failed_approval_leaves_no_gap(self):
		first = make_contract(PRACTICE, self.employer, valid_from="2038-01-01", valid_to="2038-06-30")
		second = make_contract(PRACTICE, self.other_employer, valid_from="2038-01-01", valid_to="2038-06-30")
		act(first, "Submit for Approval", HEAD_USER)
		act(second, "Submit for Approval", HEAD_USER)
		drawn = []

		def fail_after_numbering(doc):
			drawn.append(doc.registration_number)
			raise frappe.ValidationError("a later step failed")

		frappe.db.savepoint("before_failed_approval")
		with (
			patch.object(controller.EmployerContract, "on_update", fail_after_numbering, create=True),
			self.assertRaises(frappe.ValidationError),
		):
			act(frappe.get_doc(first.doctype, first.name), "Approve", DIRECTOR_USER)
		frappe.db.rollback(save_point="before_failed_approval")

		self.assertEqual(len(drawn), 1)
		self.assertFalse(frappe.db.get_value(first.doctype, first.name, "registration_number"))
		approved = act(frappe.get_doc(second.doctype, second.name), "Approve", DIRECTOR_USER)
		self.assertEqual(approved.registration_number, drawn[0])

	# Duplicates (§5.4)

	def test_overlapping_contract_is_refused_with_the_existing_number(self):
		existing = approve(
			make_contract(COOPERATION, self.employer, valid_from="2040-01-01", valid_to="2041-12-31")
		)
		with self.assertRaises(DuplicateContractError) as raised:
			make_contract(COOPERATION, self.employer, valid_from="2041-01-01", valid_to="2041-12-31")
		self.assertIn(existing.registration_number, str(raised.exception))

	def test_overlapping_draft_is_named_by_its_id(self):
		draft = make_contract(COOPERATION, self.employer, valid_from="2042-01-01", valid_to="2042-12-31")
		with self.assertRaises(DuplicateContractError) as raised:
			make_contract(COOPERATION, self.employer, valid_from="2042-06-01", valid_to="2043-05-31")
		self.assertIn(draft.name, str(raised.exception))

	def test_non_overlapping_closed_or_other_graduate_contracts_are_allowed(self):
		make_contract(COOPERATION, self.employer, valid_from="2044-01-01", valid_to="2044-12-31")
		later = make_contract(COOPERATION, self.employer, valid_from="2045-01-01", valid_to="2045-12-31")
		self.assertTrue(later.name)
		# The same period in another journal is a different contract.
		self.assertTrue(make_contract(PRACTICE, self.employer, valid_from="2044-01-01").name)
		# A rejected contract no longer blocks.
		rejected = make_contract(COOPERATION, self.other_employer, valid_from="2046-01-01")
		act(rejected, "Submit for Approval", HEAD_USER)
		act(frappe.get_doc(rejected.doctype, rejected.name), "Reject", DIRECTOR_USER)
		self.assertTrue(make_contract(COOPERATION, self.other_employer, valid_from="2046-01-01").name)
		# Training journals: one contract per graduate, so another graduate is not a duplicate ...
		make_contract(
			TARGETED, self.employer, valid_from="2047-01-01", graduate=make_graduate(first_name="Анна").name
		)
		self.assertTrue(
			make_contract(
				TARGETED,
				self.employer,
				valid_from="2047-01-01",
				graduate=make_graduate(first_name="Олег").name,
			).name
		)

	def test_training_duplicate_needs_the_same_graduate(self):
		graduate = make_graduate(first_name="Мария").name
		make_contract(TARGETED, self.employer, valid_from="2048-01-01", graduate=graduate)
		with self.assertRaises(DuplicateContractError):
			make_contract(TARGETED, self.employer, valid_from="2048-03-01", graduate=graduate)

	# Practice Supervisor

	def test_practice_supervisor_reads_only_practice_contracts(self):
		practice = make_contract(PRACTICE, self.other_employer, valid_from="2050-01-01")
		cooperation = make_contract(COOPERATION, self.other_employer, valid_from="2050-01-01")
		with self.set_user(SUPERVISOR_USER):
			visible = set(frappe.get_list("Employer Contract", pluck="name"))
			self.assertIn(practice.name, visible)
			self.assertNotIn(cooperation.name, visible)
			self.assertTrue(frappe.has_permission("Employer Contract", "read", doc=practice.name))
			self.assertFalse(frappe.has_permission("Employer Contract", "read", doc=cooperation.name))
			self.assertFalse(frappe.has_permission("Employer Contract", "write", doc=practice.name))
		with self.set_user(HEAD_USER):
			self.assertIn(cooperation.name, frappe.get_list("Employer Contract", pluck="name"))

	def test_practice_supervisor_rule_functions(self):
		self.assertEqual(controller.get_permission_query_conditions(HEAD_USER), "")
		self.assertIn("is_practice_journal", controller.get_permission_query_conditions(SUPERVISOR_USER))
		self.assertIsNone(controller.has_permission(frappe._dict(journal=COOPERATION), "read", HEAD_USER))
		self.assertFalse(
			controller.has_permission(frappe._dict(journal=COOPERATION), "read", SUPERVISOR_USER)
		)


class TestConcurrentApproval(FrappeTestCase):
	"""Two Directors approve two contracts of one journal at the same moment, each on its own connection."""

	JOURNAL = "Concurrency Test Journal"

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		frappe.db.commit()

	def setUp(self):
		frappe.set_user("Administrator")
		self.created = []
		self.addCleanup(self.remove_committed_records)
		frappe.get_doc(
			{
				"doctype": "Contract Journal",
				"journal_name": self.JOURNAL,
				"register_title": "Журнал для проверки параллельной регистрации",
				"number_prefix": "КТ",
			}
		).insert()
		self.employers = [make_employer("Параллель-1"), make_employer("Параллель-2")]
		self.contracts = []
		for employer in self.employers:
			contract = make_contract(self.JOURNAL, employer, valid_from="2030-01-01")
			act(contract, "Submit for Approval", HEAD_USER)
			self.contracts.append(contract.name)
		frappe.db.commit()

	def remove_committed_records(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()
		names = ("in", self.contracts or [""])
		frappe.db.delete("Version", {"ref_doctype": "Employer Contract", "docname": names})
		frappe.db.delete("Comment", {"reference_doctype": "Employer Contract", "reference_name": names})
		frappe.db.delete("Employer Contract", {"name": names})
		frappe.db.delete("Employer", {"name": ("in", self.employers or [""])})
		frappe.db.delete("Contract Journal", {"name": self.JOURNAL})
		frappe.db.delete("Series", {"name": ("like", f"Employer Contract::{self.JOURNAL}::%")})
		frappe.db.commit()

	def test_simultaneous_approvals_get_distinct_consecutive_numbers(self):
		site, sites_path = frappe.local.site, frappe.local.sites_path
		barrier = threading.Barrier(len(self.contracts))
		numbers, errors = {}, []
		draw = controller.draw_registration_sequence

		def slow_draw(journal, year):
			# Hold the counter's lock a while: without it both threads would read the same last number.
			sequence = draw(journal, year)
			time.sleep(0.5)
			return sequence

		def approve_in_own_connection(name):
			try:
				frappe.init(site, sites_path=sites_path)
				frappe.connect()
				frappe.set_user(DIRECTOR_USER)
				barrier.wait(timeout=10)
				doc = apply_workflow(frappe.get_doc("Employer Contract", name).as_dict(), "Approve")
				frappe.db.commit()
				numbers[name] = doc.registration_number
			except Exception as error:
				errors.append(repr(error))
			finally:
				frappe.destroy()

		with patch.object(controller, "draw_registration_sequence", slow_draw):
			threads = [
				threading.Thread(target=approve_in_own_connection, args=(name,)) for name in self.contracts
			]
			for thread in threads:
				thread.start()
			for thread in threads:
				thread.join(timeout=60)

		self.assertEqual(errors, [])
		year = getdate(nowdate()).year
		self.assertEqual(sorted(numbers.values()), [f"КТ-{year}-001", f"КТ-{year}-002"])
		stored = frappe.get_all(
			"Employer Contract", filters={"name": ("in", self.contracts)}, pluck="registration_sequence"
		)
		self.assertEqual(sorted(stored), [1, 2])


class TestContractExpiryJob(FrappeTestCase):
	"""The daily job on frozen dates (§5.4: the register tracks how long each contract is valid)."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		frappe.db.set_single_value("Employment Center Settings", "contract_expiry_warning_days", 30)

	def setUp(self):
		frappe.set_user("Administrator")

	def make_active(self, employer_name: str, valid_from: str, valid_to: str, **values):
		with self.freeze_time(valid_from):
			return approve(
				make_contract(
					COOPERATION,
					make_employer(employer_name),
					valid_from=valid_from,
					valid_to=valid_to,
					**values,
				)
			)

	def head_todos(self, contract) -> list[str]:
		return frappe.get_all(
			"ToDo",
			filters={
				"reference_type": contract.doctype,
				"reference_name": contract.name,
				"allocated_to": HEAD_USER,
			},
			pluck="description",
		)

	def test_statuses_follow_the_end_date(self):
		from citi_employment.contracts.expiry import update_contract_statuses

		near = self.make_active("Срок-1", "2026-01-01", "2026-12-31")
		ended = self.make_active("Срок-2", "2025-12-01", "2026-11-30")
		renewing = self.make_active("Срок-3", "2025-12-01", "2026-11-30", auto_renew=1)
		far = self.make_active("Срок-4", "2026-07-01", "2027-06-30")

		with self.freeze_time("2026-12-01"):
			changes = update_contract_statuses()

		self.assertEqual(changes.get(near.name), "Expiring Soon")
		self.assertEqual(changes.get(ended.name), "Expired")
		self.assertEqual(changes.get(renewing.name), "Active")
		self.assertNotIn(far.name, changes)

		renewed = frappe.get_doc(renewing.doctype, renewing.name)
		self.assertEqual(renewed.status, "Active")
		self.assertEqual(getdate(renewed.valid_to), getdate("2027-11-30"))
		self.assertEqual(getdate(renewed.first_term_ends_on), getdate("2026-11-30"))
		self.assertTrue(
			frappe.db.exists(
				"Comment",
				{
					"reference_doctype": renewed.doctype,
					"reference_name": renewed.name,
					"comment_type": "Info",
				},
			)
		)
		self.assertEqual(frappe.db.get_value(far.doctype, far.name, "status"), "Active")

		# The Head is told once per contract and state, with the number and the employer.
		for contract in (near, ended, renewing):
			todos = self.head_todos(contract)
			self.assertEqual(len(todos), 1, contract.name)
			self.assertIn(contract.registration_number, todos[0])
			self.assertIn(contract.employer_name, todos[0])
		self.assertEqual(self.head_todos(far), [])

		with self.freeze_time("2026-12-01"):
			self.assertEqual(update_contract_statuses(), {})
		self.assertEqual(len(self.head_todos(near)), 1)

		with self.freeze_time("2027-01-01"):
			changes = update_contract_statuses()
		self.assertEqual(changes.get(near.name), "Expired")
		self.assertEqual(frappe.db.get_value(near.doctype, near.name, "status"), "Expired")
		self.assertEqual(len(self.head_todos(near)), 2)

	def test_expired_contract_no_longer_blocks_a_new_one(self):
		from citi_employment.contracts.expiry import update_contract_statuses

		old = self.make_active("Срок-5", "2024-01-01", "2024-12-31")
		with self.freeze_time("2025-01-02"):
			update_contract_statuses()
			self.assertEqual(frappe.db.get_value(old.doctype, old.name, "status"), "Expired")
			# Open-ended periods overlap everything after 2024, yet an expired contract is not a duplicate.
			self.assertTrue(
				make_contract(COOPERATION, old.employer, valid_from="2024-06-01", valid_to=None).name
			)
