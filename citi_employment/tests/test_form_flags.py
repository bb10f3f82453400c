# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""The forms show their action buttons from the server's onload flags, not from roles written into JavaScript."""

import frappe
from frappe.desk.form.load import getdoc
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate

from citi_employment.personal_data.consents import revoke
from citi_employment.tests.records import (
	DIRECTOR_USER,
	HEAD_USER,
	SPECIALIST_USER,
	make_annual_report,
	make_center_users,
	make_consent,
	make_graduate,
	make_resume,
)


def onload_of(doctype: str, name: str, user: str) -> dict:
	"""The ``__onload`` the desk receives when ``user`` opens the document."""
	frappe.set_user(user)
	try:
		frappe.local.response = frappe._dict(docs=[])
		getdoc(doctype, name)
		return frappe.local.response.docs[0].get("__onload") or {}
	finally:
		frappe.set_user("Administrator")


class TestFormFlags(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()

	def test_consent_revocation_and_destruction_follow_role_and_state(self):
		graduate = make_graduate(last_name="Кнопкин")
		consent = make_consent(graduate, signed_on=add_days(getdate(), -3))
		for user, can_revoke in ((SPECIALIST_USER, True), (HEAD_USER, True), (DIRECTOR_USER, False)):
			with self.subTest(user=user):
				flags = onload_of(consent.doctype, consent.name, user)
				self.assertEqual(bool(flags.get("can_revoke")), can_revoke)
				self.assertFalse(flags.get("can_destroy"))
		revoke(consent.name, str(getdate()))
		for user, can_destroy in ((HEAD_USER, True), (SPECIALIST_USER, False), (DIRECTOR_USER, False)):
			with self.subTest(user=user, revoked=True):
				flags = onload_of(consent.doctype, consent.name, user)
				self.assertFalse(flags.get("can_revoke"))
				self.assertEqual(bool(flags.get("can_destroy")), can_destroy)

	def test_resume_sending_is_offered_to_senders_only(self):
		resume = make_resume(make_graduate(last_name="Резюмов").name)
		self.assertTrue(onload_of(resume.doctype, resume.name, SPECIALIST_USER).get("can_send_to_employer"))
		self.assertFalse(onload_of(resume.doctype, resume.name, DIRECTOR_USER).get("can_send_to_employer"))

	def test_annual_report_compute_and_correction_follow_role_and_state(self):
		report = make_annual_report(2076)
		for user, may in ((SPECIALIST_USER, True), (HEAD_USER, True), (DIRECTOR_USER, False)):
			with self.subTest(user=user):
				flags = onload_of(report.doctype, report.name, user)
				self.assertEqual(bool(flags.get("can_compute")), may)
				self.assertFalse(flags.get("can_correct"))
		report.db_set("status", "Approved")
		for user, may in ((SPECIALIST_USER, True), (HEAD_USER, True), (DIRECTOR_USER, False)):
			with self.subTest(user=user, status="Approved"):
				flags = onload_of(report.doctype, report.name, user)
				self.assertFalse(flags.get("can_compute"))
				self.assertEqual(bool(flags.get("can_correct")), may)
