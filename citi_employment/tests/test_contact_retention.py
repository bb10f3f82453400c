# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""The request form's privacy notice kept: the contact person's data goes three years after the request is over
(employer_forms/retention.py), and the request records the day it was closed."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, add_years, getdate

from citi_employment.domain.employer_forms import CONTACT_FIELDS
from citi_employment.employer_forms.retention import forget_expired_contacts
from citi_employment.tests.records import HEAD_USER, act, make_center_users, make_request

REQUEST = "Vacancy Request"
CONTACT = {
	"contact_person": "Ключевская Анна Петровна",
	"contact_person_position": "Менеджер по персоналу",
	"contact_phone": "+7 (921) 000-00-00",
	"contact_email": "hr@example.ru",
	"submitted_details": "Комментарий: звонить после 14:00, спросить Анну",
}


def stored(name: str) -> dict:
	return frappe.db.get_value(REQUEST, name, [*CONTACT_FIELDS, "position", "modified"], as_dict=True)


class TestContactRetention(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()

	def request_over(self, status: str, closed_on, modified=None) -> str:
		name = make_request(age_requirement=None, gender_requirement=None).name
		values = {**CONTACT, "status": status, "closed_on": closed_on}
		frappe.db.set_value(REQUEST, name, values, update_modified=False)
		if modified:
			frappe.db.set_value(REQUEST, name, "modified", modified, update_modified=False)
		return name

	def test_the_contact_goes_on_the_day_three_years_are_over_and_the_request_stays(self):
		today = getdate()
		expired = self.request_over("Closed", add_years(today, -3))
		filled = self.request_over("Filled", add_days(add_years(today, -3), -30))
		kept = self.request_over("Cancelled", add_days(add_years(today, -3), 1))
		still_working = self.request_over("In Progress", None, modified=add_years(today, -5))
		before = {name: stored(name) for name in (expired, filled, kept, still_working)}

		self.assertGreaterEqual(forget_expired_contacts(today), 2)

		for name in (expired, filled):
			after = stored(name)
			self.assertEqual({field: after[field] for field in CONTACT_FIELDS}, dict.fromkeys(CONTACT_FIELDS))
			self.assertEqual(after.position, before[name].position)
			self.assertEqual(after.modified, before[name].modified, "blanking is not an edit")
		for name in (kept, still_working):
			self.assertEqual(stored(name), before[name])
		self.assertEqual(forget_expired_contacts(today), 0, "a second run finds nothing left")

	def test_a_request_closed_before_the_day_was_recorded_counts_from_its_last_change(self):
		today = getdate()
		old = self.request_over("Closed", None, modified=add_days(add_years(today, -3), -1))
		recent = self.request_over("Closed", None, modified=add_days(today, -10))

		forget_expired_contacts(today)

		self.assertIsNone(stored(old).contact_email)
		self.assertEqual(stored(recent).contact_email, CONTACT["contact_email"])

	def test_closing_through_the_workflow_records_the_day_and_a_client_cannot_set_it(self):
		request = make_request(age_requirement=None, gender_requirement=None)
		act(request, "Register", HEAD_USER)
		self.assertIsNone(frappe.db.get_value(REQUEST, request.name, "closed_on"))

		act(frappe.get_doc(REQUEST, request.name), "Close", HEAD_USER)

		self.assertEqual(frappe.db.get_value(REQUEST, request.name, "closed_on"), getdate())
		doc = frappe.get_doc(REQUEST, request.name)
		doc.closed_on = add_years(getdate(), -10)
		frappe.set_user(HEAD_USER)
		try:
			self.assertRaises(frappe.ValidationError, doc.save)
		finally:
			frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value(REQUEST, request.name, "closed_on"), getdate())
