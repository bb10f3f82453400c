# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate

from citi_employment.domain.consents import ConsentProblem, ConsentUse
from citi_employment.personal_data.consents import consent_problem, revoke
from citi_employment.personal_data.sharing import (
	TransferNotAllowedError,
	assert_transfer_allowed,
	send_to_employer,
)
from citi_employment.tests.records import (
	DIRECTOR_USER,
	SPECIALIST_USER,
	ensure_categories,
	ensure_outgoing_email_account,
	make_center_users,
	make_consent,
	make_employer,
	make_graduate,
	make_resume,
)

TRANSFER = "Personal Data Transfer"


class TestPersonalDataTransfer(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_categories()
		make_center_users()
		ensure_outgoing_email_account()

	def setUp(self):
		self.employer = make_employer()
		self.graduate = make_graduate()
		self.resume = make_resume(self.graduate.name)

	def tearDown(self):
		frappe.set_user("Administrator")

	def send(self):
		return send_to_employer(self.graduate.name, self.employer, "Student Resume", self.resume.name)

	def test_send_with_consent_queues_mail_and_logs_transfer(self):
		consent = make_consent(self.graduate)
		frappe.set_user(SPECIALIST_USER)
		name = self.send()
		frappe.set_user("Administrator")
		transfer = frappe.get_doc(TRANSFER, name)
		self.assertEqual(
			(transfer.graduate, transfer.employer, transfer.consent, transfer.transferred_by),
			(self.graduate.name, self.employer, consent.name, SPECIALIST_USER),
		)
		self.assertEqual(
			(transfer.reference_doctype, transfer.reference_name), ("Student Resume", self.resume.name)
		)
		queued = frappe.get_all(
			"Email Queue",
			filters={"reference_doctype": "Graduate", "reference_name": self.graduate.name},
			pluck="name",
		)
		self.assertEqual(len(queued), 1)
		recipients = frappe.get_all("Email Queue Recipient", filters={"parent": queued[0]}, pluck="recipient")
		self.assertEqual(recipients, ["hr@employer.invalid"])
		self.assertIn("application/pdf", frappe.db.get_value("Email Queue", queued[0], "message"))

	def test_refused_without_consent(self):
		with self.assertRaisesRegex(TransferNotAllowedError, "no active consent"):
			self.send()
		self.assertFalse(frappe.db.exists(TRANSFER, {"graduate": self.graduate.name}))

	def test_refused_when_consent_excludes_employers(self):
		make_consent(self.graduate, transfer_to_employers=0)
		with self.assertRaisesRegex(TransferNotAllowedError, "does not allow transfer"):
			self.send()

	def test_dissemination_consent_is_not_enough(self):
		make_consent(self.graduate, kind="Dissemination")
		with self.assertRaises(TransferNotAllowedError):
			assert_transfer_allowed(self.graduate.name)

	def test_revocation_blocks_sharing_at_once(self):
		consent = make_consent(self.graduate, signed_on=add_days(getdate(), -5))
		self.assertEqual(assert_transfer_allowed(self.graduate.name), consent.name)
		revoke(consent.name, str(getdate()))
		with self.assertRaisesRegex(TransferNotAllowedError, "revoked their consent"):
			self.send()
		self.assertFalse(frappe.db.exists(TRANSFER, {"graduate": self.graduate.name}))

	def test_revocation_stops_new_placements_at_once(self):
		consent = make_consent(self.graduate, signed_on=add_days(getdate(), -5))
		self.assertIsNone(consent_problem(self.graduate.name, ConsentUse.PLACE))
		revoke(consent.name, str(getdate()))
		self.assertEqual(
			consent_problem(self.graduate.name, ConsentUse.PLACE), ConsentProblem.REVOCATION_PENDING
		)

	def test_director_cannot_send(self):
		make_consent(self.graduate)
		frappe.set_user(DIRECTOR_USER)
		with self.assertRaises(frappe.PermissionError):
			self.send()

	def test_document_of_another_graduate_refused(self):
		make_consent(self.graduate)
		other = make_resume(make_graduate(last_name="Другов").name)
		with self.assertRaisesRegex(frappe.ValidationError, "another graduate"):
			send_to_employer(self.graduate.name, self.employer, "Student Resume", other.name)

	def test_employer_without_email_refused(self):
		make_consent(self.graduate)
		employer = make_employer(email=None, short_name="ООО «Без почты»")
		with self.assertRaisesRegex(frappe.ValidationError, "employer's email"):
			send_to_employer(self.graduate.name, employer, "Student Resume", self.resume.name)

	def test_log_is_read_only_for_users(self):
		self.assertFalse(frappe.has_permission(TRANSFER, "create", user=SPECIALIST_USER))
		self.assertFalse(frappe.has_permission(TRANSFER, "write", user=SPECIALIST_USER))
		self.assertTrue(frappe.has_permission(TRANSFER, "read", user=SPECIALIST_USER))
