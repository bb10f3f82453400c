# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Approvals reach the approver: a bell entry and an e-mail for the roles a workflow document waits for."""

import frappe
from frappe.tests.utils import FrappeTestCase

from citi_employment.approvals import notifications
from citi_employment.tests.records import (
	DIRECTOR_USER,
	HEAD_USER,
	SPECIALIST_USER,
	act,
	approve,
	ensure_outgoing_email_account,
	make_center_users,
	make_contract,
	make_employer,
	make_graduate,
)

CONTRACT = "Employer Contract"
COOPERATION = "Cooperation (Partnership)"
TARGETED = "Targeted Vocational Training"


def bell(user: str, name: str) -> list[dict]:
	return frappe.get_all(
		"Notification Log",
		filters={"for_user": user, "document_type": CONTRACT, "document_name": name},
		fields=["subject", "email_content", "type"],
	)


def mails(name: str) -> list[dict]:
	"""The queued e-mails about the document, each with its recipients."""
	queued = frappe.get_all(
		"Email Queue",
		filters={"reference_doctype": CONTRACT, "reference_name": name},
		fields=["name", "message", "attachments"],
	)
	for mail in queued:
		mail.recipients = frappe.get_all(
			"Email Queue Recipient", filters={"parent": mail.name}, pluck="recipient"
		)
	return queued


class TestApprovalNotifications(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		ensure_outgoing_email_account()
		# As `bench migrate` leaves them, whatever state an earlier test left the site in.
		notifications.sync_all()

	def setUp(self):
		frappe.set_user("Administrator")
		# One employer per test: contracts of one employer and journal may not overlap.
		self.employer = make_employer("Уведомляемый работодатель")

	def test_a_contract_sent_for_approval_reaches_the_director(self):
		contract = make_contract(COOPERATION, self.employer, valid_from="2031-01-01")
		act(contract, "Submit for Approval", SPECIALIST_USER)

		(entry,) = bell(DIRECTOR_USER, contract.name)
		self.assertIn(contract.name, entry.subject)
		self.assertIn("Pending Director Approval", entry.subject)
		self.assertIn(f"/app/employer-contract/{contract.name}", entry.email_content)

		(mail,) = mails(contract.name)
		self.assertEqual(mail.recipients, [DIRECTOR_USER])
		# Our own text and link; no print of the contract attached (the Workflow Action e-mail would attach one).
		self.assertFalse(frappe.parse_json(mail.attachments or "[]"))

		# The sender's own team is not told about its own step.
		self.assertEqual(bell(SPECIALIST_USER, contract.name), [])
		self.assertEqual(bell(HEAD_USER, contract.name), [])

	def test_the_notification_names_no_graduate(self):
		graduate = make_graduate(last_name="Уведомлёнова", first_name="Ольга")
		contract = make_contract(TARGETED, self.employer, valid_from="2031-02-01", graduate=graduate.name)
		act(contract, "Submit for Approval", HEAD_USER)

		(entry,) = bell(DIRECTOR_USER, contract.name)
		(mail,) = mails(contract.name)
		for text in (entry.subject, entry.email_content, mail.message):
			self.assertNotIn("Уведомлёнова", text)
			self.assertNotIn(graduate.name, text)

	def test_the_center_hears_back_when_the_director_rejects(self):
		contract = make_contract(COOPERATION, self.employer, valid_from="2031-03-01")
		act(contract, "Submit for Approval", SPECIALIST_USER)
		act(frappe.get_doc(CONTRACT, contract.name), "Reject", DIRECTOR_USER)

		for user in (HEAD_USER, SPECIALIST_USER):
			(entry,) = bell(user, contract.name)
			self.assertIn("Declined", entry.subject)

	def test_an_approved_contract_waits_for_nobody(self):
		"""Terminating is the Head's option (an optional state), not an action the contract waits for."""
		contract = approve(make_contract(COOPERATION, self.employer, valid_from="2031-04-01"))
		self.assertEqual(contract.status, "Active")
		self.assertEqual(bell(HEAD_USER, contract.name), [])
		self.assertEqual(len(bell(DIRECTOR_USER, contract.name)), 1)  # the one about the approval request

	def test_the_subject_is_in_the_language_of_the_desk(self):
		contract = make_contract(COOPERATION, self.employer, valid_from="2031-05-01")
		frappe.local.lang = "ru"
		try:
			act(contract, "Submit for Approval", SPECIALIST_USER)
		finally:
			frappe.local.lang = "en"
		(entry,) = bell(DIRECTOR_USER, contract.name)
		self.assertEqual(
			entry.subject,
			f"Договор с работодателем {contract.name}: На утверждении у директора. Требуются ваши действия.",
		)

	def test_every_workflow_of_the_app_gets_notifications_and_loses_them_with_it(self):
		"""Generic: a workflow another engineer or an administrator adds is covered with no code."""
		workflow = frappe.get_doc(
			{
				"doctype": "Workflow",
				"name": "_Test Placement Review",
				"workflow_name": "_Test Placement Review",
				"document_type": "Graduate Placement",
				"workflow_state_field": "status",
				"is_active": 1,
				"states": [
					{"state": "Draft", "doc_status": "0", "allow_edit": "Employment Specialist"},
					{
						"state": "Pending Director Approval",
						"doc_status": "0",
						"allow_edit": "Institution Director",
					},
					{"state": "Active", "doc_status": "0", "allow_edit": "Employment Specialist"},
				],
				"transitions": [
					{
						"state": "Draft",
						"action": "Submit for Approval",
						"next_state": "Pending Director Approval",
						"allowed": "Employment Specialist",
					},
					{
						"state": "Pending Director Approval",
						"action": "Approve",
						"next_state": "Active",
						"allowed": "Institution Director",
					},
				],
			}
		)
		names = notifications.sync_workflow(workflow)
		self.assertEqual(len(names), 2)
		for name in names:
			doc = frappe.get_doc("Notification", name)
			self.assertEqual(
				(doc.document_type, doc.event, doc.value_changed),
				("Graduate Placement", "Value Change", "status"),
			)
			self.assertEqual(
				[(row.receiver_by_role, row.condition) for row in doc.recipients],
				[("Institution Director", 'doc.get("status") == "Pending Director Approval"')],
			)
			self.assertFalse(doc.attach_print)
		self.assertEqual(
			sorted(frappe.get_all("Notification", filters={"name": ("in", names)}, pluck="channel")),
			["Email", "System Notification"],
		)
		notifications.on_workflow_trash(workflow)
		self.assertFalse(frappe.db.exists("Notification", {"name": ("in", names)}))

	def test_sync_keeps_a_notification_the_administrator_disabled(self):
		name = notifications.notification_name("Employer Contract Approval", "Email")
		frappe.db.set_value("Notification", name, "enabled", 0)
		notifications.sync_all()
		self.assertEqual(frappe.db.get_value("Notification", name, "enabled"), 0)

	def test_the_workflows_send_no_workflow_action_e_mails(self):
		"""The framework's own alert would attach the document's print and mail action links."""
		for workflow in frappe.get_all(
			"Workflow",
			filters={"document_type": ("in", notifications.app_doctypes())},
			fields=["name", "send_email_alert"],
		):
			self.assertFalse(workflow.send_email_alert, workflow.name)
