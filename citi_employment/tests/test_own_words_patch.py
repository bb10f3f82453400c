# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""The patch that moves stored states and options to the app's own words (own_words_for_states_and_options)."""

import frappe
from frappe.tests.utils import FrappeTestCase

from citi_employment.patches.v0_1 import own_words_for_states_and_options as patch
from citi_employment.tests.records import make_center_users, make_employer, make_interaction, make_work_plan


def stored(doctype: str, name: str, fieldname: str):
	return frappe.db.get_value(doctype, name, fieldname)


class TestOwnWordsPatch(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()

	def test_old_values_move_to_the_new_words_and_nothing_else_changes(self):
		plan = make_work_plan(2031)
		interaction = make_interaction(make_employer(), form="Phone")
		in_person = make_interaction(make_employer(), form="Interview")
		frappe.db.set_value("Work Plan", plan.name, "status", "Submitted", update_modified=False)
		frappe.db.set_value("Employer Interaction", interaction.name, "mode", "Remote", update_modified=False)
		action = frappe.get_doc(
			{
				"doctype": "Workflow Action",
				"reference_doctype": "Work Plan",
				"reference_name": plan.name,
				"workflow_state": "Submitted",
				"status": "Open",
			}
		).insert(ignore_permissions=True)
		in_person_mode = stored("Employer Interaction", in_person.name, "mode")

		patch.execute()
		patch.execute()  # a second run finds nothing left to move

		self.assertEqual(stored("Work Plan", plan.name, "status"), "Pending Director Approval")
		self.assertEqual(stored("Employer Interaction", interaction.name, "mode"), "Distance")
		self.assertEqual(stored("Employer Interaction", in_person.name, "mode"), in_person_mode)
		self.assertEqual(
			stored("Workflow Action", action.name, "workflow_state"), "Pending Director Approval"
		)

	def test_the_workflows_no_longer_use_the_retired_words(self):
		patch.execute()
		for workflow in ("Work Plan Workflow", "Annual Report Workflow", "Employer Contract Approval"):
			doc = frappe.get_doc("Workflow", workflow)
			used = {row.state for row in doc.states} | {row.next_state for row in doc.transitions}
			self.assertFalse(used & {"Submitted", "Rejected"}, workflow)
		self.assertFalse(frappe.db.exists("Workflow State", "Submitted"))
		self.assertTrue(frappe.db.exists("Workflow State", "Rejected"), "the framework's own state stays")
