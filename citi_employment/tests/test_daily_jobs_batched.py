"""The daily jobs' batched paths leave the state the one-record-at-a-time path left (benchmarks, issue 14.4):
several records expired in one run, in chunks smaller than the run, give each consent and each graduate the
status the per-record rule gives."""

from unittest import mock

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate

from citi_employment.domain import consents as rules
from citi_employment.personal_data import daily as job
from citi_employment.personal_data.consents import get_consent_states
from citi_employment.tests.records import ensure_categories, make_center_users, make_consent, make_graduate

CONSENT = "Personal Data Consent"


class TestBatchedConsentExpiry(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_categories()
		make_center_users()

	def test_batched_expiry_leaves_the_per_record_state(self):
		today = getdate()
		signed = add_days(today, -30)
		ends = add_days(today, 5)
		# One consent that ends; a graduate with two that end (processing and dissemination); one whose
		# dissemination consent ends but processing one stays; one whose consent does not end yet.
		alone = make_graduate()
		only = make_consent(alone, signed_on=signed, valid_until=ends)
		both = make_graduate()
		both_processing = make_consent(both, signed_on=signed, valid_until=ends)
		both_dissemination = make_consent(both, kind="Dissemination", signed_on=signed, valid_until=ends)
		kept = make_graduate()
		kept_processing = make_consent(kept, signed_on=signed)
		kept_dissemination = make_consent(kept, kind="Dissemination", signed_on=signed, valid_until=ends)
		later = make_graduate()
		later_consent = make_consent(later, signed_on=signed, valid_until=add_days(today, 40))
		graduates = (alone, both, kept, later)
		before = {
			name: frappe.db.get_value(CONSENT, name, "modified")
			for name in (only.name, both_processing.name, kept_dissemination.name)
		}

		# Chunks of two: the four consents and three graduates of the run take several statements each.
		with mock.patch.object(job, "CHUNK_SIZE", 2), self.freeze_time(add_days(today, 6)):
			expired = job.expire_consents()

		ended = {only.name, both_processing.name, both_dissemination.name, kept_dissemination.name}
		self.assertTrue(ended <= set(expired))
		for name in ended:
			self.assertEqual(frappe.db.get_value(CONSENT, name, "status"), rules.EXPIRED)
		for name in before:
			self.assertGreater(frappe.db.get_value(CONSENT, name, "modified"), before[name])
		for name in (kept_processing.name, later_consent.name):
			self.assertEqual(frappe.db.get_value(CONSENT, name, "status"), rules.ACTIVE)
		# Each graduate holds what the per-record rule (refresh_consent_status) derives from the consents.
		for graduate in graduates:
			derived = rules.derive_graduate_status(get_consent_states(graduate.name))
			self.assertEqual(frappe.db.get_value("Graduate", graduate.name, "consent_status"), derived)
		self.assertEqual(frappe.db.get_value("Graduate", alone.name, "consent_status"), rules.EXPIRED)
		self.assertEqual(frappe.db.get_value("Graduate", both.name, "consent_status"), rules.EXPIRED)
		self.assertEqual(frappe.db.get_value("Graduate", kept.name, "consent_status"), rules.ACTIVE)
		self.assertEqual(frappe.db.get_value("Graduate", later.name, "consent_status"), rules.ACTIVE)

	def test_refresh_of_many_graduates_writes_only_changes(self):
		graduate = make_graduate()
		make_consent(graduate)
		self.assertEqual(job.refresh_consent_statuses([graduate.name]), {})
		frappe.db.set_value("Graduate", graduate.name, "consent_status", rules.EXPIRED, update_modified=False)
		self.assertEqual(job.refresh_consent_statuses([graduate.name]), {graduate.name: rules.ACTIVE})
		self.assertEqual(frappe.db.get_value("Graduate", graduate.name, "consent_status"), rules.ACTIVE)
