# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, add_years, getdate

from citi_employment.domain.paper_forms import (
	CONSENT_ADULT_FORM,
	CONSENT_DISSEMINATION_FORM,
	CONSENT_MINOR_FORM,
)
from citi_employment.personal_data import daily as job
from citi_employment.personal_data.consents import ConsentRuleError, revoke
from citi_employment.tests.records import (
	DIRECTOR_USER,
	HEAD_USER,
	SPECIALIST_USER,
	TEACHER_USER,
	ensure_categories,
	make_center_users,
	make_consent,
	make_graduate,
)

CONSENT = "Personal Data Consent"


class TestPersonalDataConsent(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_categories()
		make_center_users()

	def tearDown(self):
		frappe.set_user("Administrator")

	def graduate_status(self, graduate) -> str:
		return frappe.db.get_value("Graduate", graduate.name, "consent_status")

	# --- signer rules ------------------------------------------------------------------------------

	def test_adult_cannot_sign_as_representative(self):
		graduate = make_graduate()
		with self.assertRaisesRegex(ConsentRuleError, "must sign the consent personally"):
			make_consent(
				graduate,
				signer="Legal Representative",
				representative="Иванова Анна",
				representative_basis="Parent",
			)

	def test_minor_cannot_sign_as_subject(self):
		graduate = make_graduate(minor=True)
		with self.assertRaisesRegex(ConsentRuleError, "a legal representative must sign"):
			make_consent(graduate, signer="Data Subject")

	def test_minor_consent_takes_representative_from_graduate(self):
		graduate = make_graduate(minor=True)
		consent = make_consent(graduate)
		self.assertEqual(consent.representative, "Согласиева Анна Петровна")
		self.assertEqual(consent.representative_basis, "Parent")
		self.assertEqual(consent.status, "Active")

	def test_minor_check_uses_signing_date(self):
		graduate = make_graduate(date_of_birth=add_years(getdate(), -18))
		# Signed a year ago, the graduate was 17: the representative had to sign.
		with self.assertRaisesRegex(ConsentRuleError, "a legal representative must sign"):
			make_consent(graduate, signed_on=add_years(getdate(), -1))

	def test_future_signing_date_refused(self):
		graduate = make_graduate()
		with self.assertRaisesRegex(ConsentRuleError, "cannot be in the future"):
			make_consent(graduate, signed_on=add_days(getdate(), 1))

	def test_a_consent_ending_before_it_was_signed_is_refused(self):
		graduate = make_graduate()
		signed_on, valid_until = add_days(getdate(), -10), add_days(getdate(), -11)
		with self.assertRaises(frappe.exceptions.InvalidDates) as raised:
			make_consent(graduate, signed_on=signed_on, valid_until=valid_until)
		self.assertIn(frappe.utils.formatdate(valid_until), str(raised.exception))
		self.assertFalse(frappe.db.exists("Personal Data Consent", {"graduate": graduate.name}))

	# --- defaults ----------------------------------------------------------------------------------

	def test_processing_defaults_to_all_categories_and_no_publishing(self):
		graduate = make_graduate()
		consent = make_consent(graduate, submit=False)
		self.assertEqual(len(consent.data_categories), frappe.db.count("Personal Data Category"))
		self.assertIn("ведения статистики", consent.purposes)
		self.assertNotIn("размещения", consent.purposes)

	def test_minor_form_lacks_adult_only_categories(self):
		graduate = make_graduate(minor=True)
		consent = make_consent(graduate, submit=False)
		names = {row.category for row in consent.data_categories}
		self.assertNotIn("сведения о наличии детей", names)
		self.assertIn("фамилия, имя, отчество", names)

	def test_dissemination_is_a_separate_consent_with_items(self):
		graduate = make_graduate()
		consent = make_consent(graduate, kind="Dissemination")
		self.assertTrue(consent.dissemination_items)
		self.assertFalse(consent.data_categories)
		self.assertFalse(consent.transfer_to_employers)
		self.assertIn("размещения фото", consent.purposes)
		# Publishing alone is no consent to processing.
		self.assertEqual(self.graduate_status(graduate), "No Consent")

	# --- lifecycle ---------------------------------------------------------------------------------

	def test_status_follows_the_consent(self):
		graduate = make_graduate()
		self.assertEqual(self.graduate_status(graduate), "No Consent")
		consent = make_consent(graduate)
		self.assertEqual(self.graduate_status(graduate), "Active")
		consent.cancel()
		self.assertEqual(frappe.db.get_value(CONSENT, consent.name, "status"), "Cancelled")
		self.assertEqual(self.graduate_status(graduate), "No Consent")

	def test_new_consent_supersedes_the_active_one(self):
		graduate = make_graduate()
		first = make_consent(graduate, signed_on=add_days(getdate(), -10))
		second = make_consent(graduate)
		self.assertEqual(frappe.db.get_value(CONSENT, first.name, "status"), "Superseded")
		self.assertEqual(frappe.db.get_value(CONSENT, first.name, "superseded_by"), second.name)
		self.assertEqual(frappe.db.count(CONSENT, {"graduate": graduate.name, "status": "Active"}), 1)

	def test_other_kind_is_not_superseded(self):
		graduate = make_graduate()
		processing = make_consent(graduate)
		make_consent(graduate, kind="Dissemination")
		self.assertEqual(frappe.db.get_value(CONSENT, processing.name, "status"), "Active")

	def test_daily_job_expires_consents(self):
		graduate = make_graduate()
		consent = make_consent(
			graduate, signed_on=add_days(getdate(), -30), valid_until=add_days(getdate(), 5)
		)
		with self.freeze_time(add_days(getdate(), 6)):
			job.expire_consents()
		self.assertEqual(frappe.db.get_value(CONSENT, consent.name, "status"), "Expired")
		self.assertEqual(self.graduate_status(graduate), "Expired")

	def test_daily_job_reminds_head_once_when_minor_turns_18(self):
		graduate = make_graduate(minor=True, date_of_birth=add_days(add_years(getdate(), -18), 3))
		consent = make_consent(graduate)
		self.assertEqual(consent.signer, "Legal Representative")
		filters = {"reference_type": CONSENT, "reference_name": consent.name, "allocated_to": HEAD_USER}
		job.remind_own_consent()
		self.assertFalse(frappe.db.exists("ToDo", filters))
		with self.freeze_time(add_days(getdate(), 3)):
			job.remind_own_consent()
			job.remind_own_consent()
		self.assertEqual(frappe.db.count("ToDo", filters), 1)
		description = frappe.db.get_value("ToDo", filters, "description")
		self.assertNotIn("Согласиев", description)

	# --- revocation --------------------------------------------------------------------------------

	def test_revocation_sets_destruction_due_and_twice_is_a_no_op(self):
		graduate = make_graduate()
		consent = make_consent(graduate, signed_on=add_days(getdate(), -10))
		dissemination = make_consent(graduate, kind="Dissemination", signed_on=add_days(getdate(), -10))
		frappe.set_user(SPECIALIST_USER)
		received = add_days(getdate(), -2)
		first = revoke(consent.name, str(received))
		self.assertTrue(first["changed"])
		days = frappe.db.get_single_value("Employment Center Settings", "revocation_destruction_days") or 30
		self.assertEqual(getdate(first["destruction_due_on"]), add_days(received, days))
		second = revoke(consent.name, str(getdate()))
		self.assertFalse(second["changed"])
		self.assertEqual(second["revocation_received_on"], first["revocation_received_on"])
		frappe.set_user("Administrator")
		row = frappe.db.get_value(CONSENT, consent.name, ["status", "revocation_received_on"], as_dict=True)
		self.assertEqual((row.status, getdate(row.revocation_received_on)), ("Revoked", received))
		self.assertEqual(frappe.db.get_value(CONSENT, dissemination.name, "status"), "Revoked")
		self.assertEqual(self.graduate_status(graduate), "Revoked")
		self.assertTrue(frappe.db.exists("ToDo", {"reference_name": consent.name, "allocated_to": HEAD_USER}))

	def test_revoked_consent_cannot_be_cancelled_and_blocks_new_consent(self):
		graduate = make_graduate()
		consent = make_consent(graduate, signed_on=add_days(getdate(), -10))
		revoke(consent.name, str(getdate()))
		consent.reload()
		with self.assertRaisesRegex(ConsentRuleError, "cannot be cancelled"):
			consent.cancel()
		with self.assertRaisesRegex(ConsentRuleError, "may not be processed"):
			make_consent(graduate)

	def test_revocation_in_future_refused(self):
		graduate = make_graduate()
		consent = make_consent(graduate)
		with self.assertRaisesRegex(ConsentRuleError, "future"):
			revoke(consent.name, str(add_days(getdate(), 1)))

	def test_only_head_and_specialist_revoke(self):
		graduate = make_graduate()
		consent = make_consent(graduate)
		for user in (DIRECTOR_USER, TEACHER_USER):
			frappe.set_user(user)
			with self.assertRaises(frappe.PermissionError):
				revoke(consent.name, str(getdate()))
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value(CONSENT, consent.name, "status"), "Active")

	# --- permissions -------------------------------------------------------------------------------

	def test_permissions_per_role(self):
		graduate = make_graduate()
		consent = make_consent(graduate)
		for user, can_write in ((HEAD_USER, True), (SPECIALIST_USER, True), (DIRECTOR_USER, False)):
			self.assertTrue(frappe.has_permission(CONSENT, "read", doc=consent.name, user=user))
			self.assertEqual(bool(frappe.has_permission(CONSENT, "create", user=user)), can_write)
			self.assertEqual(bool(frappe.has_permission(CONSENT, "submit", user=user)), can_write)
			self.assertFalse(frappe.has_permission(CONSENT, "export", user=user))
		self.assertFalse(frappe.has_permission(CONSENT, "read", doc=consent.name, user=TEACHER_USER))

	def test_representative_document_printed_only_for_personal_data_readers(self):
		graduate = make_graduate(minor=True)
		frappe.get_doc(
			{
				"doctype": "Graduate Personal Data",
				"graduate": graduate.name,
				"representative_documents": [
					{
						"representative_name": "Согласиева Анна Петровна",
						"document_type": "Passport",
						"series": "4010",
						"number": "654321",
						"issued_by": "ТП № 1 отдела УФМС",
						"issued_on": "2015-05-05",
					}
				],
			}
		).insert(ignore_permissions=True)
		consent = make_consent(graduate)
		frappe.set_user(SPECIALIST_USER)
		html = frappe.get_print(CONSENT, consent.name, print_format=CONSENT_MINOR_FORM)
		self.assertIn("654321", html)
		# The Director reads consents but holds no print right to them (a print takes the print right, not
		# only the read right: citi_employment/paper_forms/access.py guard_print). This printed the form
		# before, without the passport; now the print is refused.
		frappe.set_user(DIRECTOR_USER)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_print(CONSENT, consent.name, print_format=CONSENT_MINOR_FORM)
		# A consent shared with the Director (the framework's share gives the print right of that record)
		# prints for them, still without the passport of Graduate Personal Data they may not read.
		frappe.set_user("Administrator")
		frappe.share.add_docshare(
			CONSENT, consent.name, DIRECTOR_USER, read=1, flags={"ignore_share_permission": 1}
		)
		frappe.set_user(DIRECTOR_USER)
		html = frappe.get_print(CONSENT, consent.name, print_format=CONSENT_MINOR_FORM)
		self.assertNotIn("654321", html)
		self.assertIn("Согласиева Анна Петровна", html)

	# --- print formats -----------------------------------------------------------------------------

	def print_html(self, consent, print_format: str) -> str:
		return frappe.get_print(CONSENT, consent.name, print_format=print_format)

	def test_adult_print_lists_categories_and_allowed_transfers(self):
		graduate = make_graduate()
		consent = make_consent(graduate, transfer_to_employers=0)
		html = self.print_html(consent, CONSENT_ADULT_FORM)
		self.assertIn("СОГЛАСИЕ НА ОБРАБОТКУ ПЕРСОНАЛЬНЫХ ДАННЫХ", html)
		self.assertIn(
			"сведения об образовании, о получении профессионального и дополнительного образования (", html
		)
		self.assertIn("в Комитет по труду и занятости Ленинградской области", html)
		self.assertNotIn("потенциальным работодателям", html)
		self.assertNotIn("размещения фото", html)

	def test_dissemination_print_states_choice_per_category(self):
		graduate = make_graduate()
		consent = make_consent(graduate, kind="Dissemination", submit=False)
		for row in consent.dissemination_items:
			row.allowed = int(row.category == "фотографии")
			row.conditions = "только на сайте" if row.category == "фотографии" else None
		consent.save()
		html = self.print_html(consent, CONSENT_DISSEMINATION_FORM)
		self.assertIn("статьёй 10.1", html)
		self.assertIn("биометрические персональные данные", html)
		self.assertIn("только на сайте", html)
		self.assertEqual(html.count(">да<"), 1)
		self.assertIn("Официальные страницы", html)
