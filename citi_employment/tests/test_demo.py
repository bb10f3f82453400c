# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt
"""The demo data (issue 14): a small load through the bulk path, then its records checked by the controllers.

The load uses its own e-mail domain, so it neither meets nor removes a demo that the site may hold already
(demo.localhost keeps the region's data for the benchmarks), and rolls back with the test class.
"""

import json
import random
from pathlib import Path

import frappe
from click.testing import CliRunner
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from citi_employment import demo
from citi_employment.commands import citi_employment as command_group
from citi_employment.domain import demo as rules
from citi_employment.tests.demo_plan import planned_counts
from citi_employment.tests.records import make_graduate

DOMAIN = "citi-demo-test.invalid"
SIZES = rules.Sizes(graduates=120, employers=30, vacancy_requests=40, placements=150)
WORKFLOWS = Path(__file__).resolve().parents[1] / "fixtures" / "workflow.json"
SAMPLE = 6
SEED = 11
# The demo leaves the site's own records of these as they are (a profession of that name, a work plan of
# that period, an annual report of that year) and makes only the missing ones; fixtures ship the others.
SITE_RECORDS_KEPT = {
	"Profession",
	"Work Plan",
	"Work Plan Item",
	"Annual Report",
	"Contract Journal",
	"Personal Data Category",
}
# Values a controller's validate() sets from the clock or the session when they are missing; a bulk record
# holds what the same controller stored when the record was made, so a difference here is no inconsistency.
RECOMPUTED_ON_VALIDATE = {
	"Vacancy Candidate": {"status_date"},
}


def demo_owned(doctype: str, domain: str = DOMAIN) -> int:
	return demo.count_owned(doctype, domain, demo=True)


class TestDemoData(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.result = demo.load(
			sizes=SIZES, seed=SEED, domain=DOMAIN, commit=False, allow_other_graduates=True, services=True
		)

	def setUp(self):
		frappe.set_user("Administrator")

	def test_every_app_doctype_has_demo_records(self):
		empty = []
		for doctype in demo.app_doctypes():
			if doctype.issingle:
				continue
			if doctype.name == "Digest Recipient":
				# A row of the Settings (a Single): its owner is the Settings', the user is the demo's.
				found = frappe.db.exists("Digest Recipient", {"user": ("like", f"%@{DOMAIN}")})
			elif doctype.name in SITE_RECORDS_KEPT or doctype.name.startswith("Annual Report "):
				found = frappe.db.count(doctype.name)
			else:
				found = demo_owned(doctype.name)
			if not found:
				empty.append(doctype.name)
		self.assertEqual(empty, [])

	def test_the_loaded_counts_are_the_plans(self):
		"""What the domain plan counts (tests/domain/test_demo.py holds each scale's plan to the issue's
		figures) is what the load writes."""
		planned = planned_counts(SIZES, rules.plan_graduates(SIZES, SEED, getdate()))
		self.assertEqual({doctype: demo_owned(doctype) for doctype in planned}, planned)
		self.assertEqual({doctype: self.result["counts"][doctype] for doctype in planned}, planned)

	def test_every_workflow_state_is_present(self):
		missing = []
		for workflow in json.loads(WORKFLOWS.read_text()):
			doctype, field = workflow["document_type"], workflow["workflow_state_field"]
			kept = doctype in SITE_RECORDS_KEPT
			for state in {row["state"] for row in workflow["states"]}:
				filters = {field: state} if kept else {field: state, "owner": ("like", f"%@{DOMAIN}")}
				if not frappe.db.exists(doctype, filters):
					missing.append(f"{doctype}: {state}")
		self.assertEqual(missing, [])

	def test_content_is_realistic(self):
		genders = frappe.get_all(
			"Graduate", filters={"owner": ("like", f"%@{DOMAIN}")}, pluck="gender", distinct=True
		)
		self.assertCountEqual(genders, ["Male", "Female"])
		self.assertTrue(frappe.db.exists("Legal Representative", {"owner": ("like", f"%@{DOMAIN}")}))
		self.assertTrue(
			frappe.db.exists(
				"Personal Data Consent", {"signer": "Legal Representative", "owner": ("like", f"%@{DOMAIN}")}
			)
		)
		self.assertTrue(
			frappe.db.exists("Personal Data Consent", {"status": "Revoked", "owner": ("like", f"%@{DOMAIN}")})
		)
		self.assertTrue(
			frappe.db.exists(
				"Personal Data Consent", {"destroyed_on": ("is", "set"), "owner": ("like", f"%@{DOMAIN}")}
			)
		)
		journals = frappe.get_all(
			"Employer Contract",
			filters={"owner": ("like", f"%@{DOMAIN}"), "registration_number": ("is", "set")},
			pluck="journal",
			distinct=True,
		)
		self.assertCountEqual(journals, frappe.get_all("Contract Journal", pluck="name"))
		outcomes = frappe.get_all(
			"Employment Monitoring Record",
			filters={"owner": ("like", f"%@{DOMAIN}"), "status": "Done"},
			pluck="outcome",
			distinct=True,
		)
		self.assertGreaterEqual(len(outcomes), 6)
		self.assertTrue(frappe.db.exists("Annual Report", {"status": "Published"}))

	def test_a_sample_of_every_doctype_passes_its_controller(self):
		"""The bulk path bypassed ``insert()``; the framework's checks and each controller's ``validate()`` must
		still find every sampled record valid, and find nothing to change in what the controller derives."""
		rng = random.Random(3)
		problems = []
		for doctype in demo.app_doctypes():
			if doctype.issingle or doctype.istable:
				continue
			names = frappe.get_all(doctype.name, filters={"owner": ("like", f"%@{DOMAIN}")}, pluck="name")
			for name in rng.sample(names, min(SAMPLE, len(names))):
				problems.extend(self.check_record(doctype.name, name))
		self.maxDiff = None
		self.assertEqual(problems, [])

	def check_record(self, doctype: str, name: str) -> list[str]:
		doc = frappe.get_doc(doctype, name)
		doc._action = "save" if doc.docstatus == 0 else "update_after_submit"
		# As save() does: the stored record is the one before the save, so validate() sees no change.
		doc.load_doc_before_save()
		before = doc.as_dict(no_default_fields=True)
		try:
			doc._validate_mandatory()
			doc._validate_data_fields()
			doc._validate_selects()
			doc._validate_links()
			doc._validate_length()
			if hasattr(doc, "validate"):
				doc.validate()
		except Exception as error:
			return [f"{doctype} {name}: {type(error).__name__}: {error}"]
		after = doc.as_dict(no_default_fields=True)
		ignored = RECOMPUTED_ON_VALIDATE.get(doctype, set())
		changed = sorted(
			key
			for key in before
			if key not in ignored
			and not isinstance(before[key], list)
			and _norm(before[key]) != _norm(after.get(key))
		)
		return [f"{doctype} {name}: validate() changes {changed}"] if changed else []

	def test_a_second_load_is_refused_and_writes_nothing(self):
		graduates = frappe.db.count("Graduate")
		with self.assertRaises(demo.DemoRefusedError):
			demo.load(sizes=SIZES, domain=DOMAIN, commit=False, allow_other_graduates=True)
		self.assertEqual(frappe.db.count("Graduate"), graduates)

	def test_a_site_with_real_graduates_is_refused_and_nothing_is_written(self):
		make_graduate(first_name="Настоящий")
		domain = "citi-demo-other.invalid"
		graduates = frappe.db.count("Graduate")
		with self.assertRaises(demo.DemoRefusedError):
			demo.load(sizes=SIZES, domain=domain)
		self.assertEqual(frappe.db.count("Graduate"), graduates)
		self.assertFalse(frappe.db.exists("User", {"name": ("like", f"%@{domain}")}))

	def test_an_unknown_scale_is_a_usage_error(self):
		result = CliRunner().invoke(
			command_group, ["demo", "--scale", "galaxy"], obj={"sites": [frappe.local.site]}
		)
		self.assertEqual(result.exit_code, 2)
		self.assertIn("galaxy", result.output)
		with self.assertRaises(rules.UnknownScaleError):
			rules.sizes_for("galaxy")

	def test_z_reset_removes_only_demo_records(self):
		real = make_graduate(first_name="Настоящий")
		deleted = demo.reset(domain=DOMAIN, commit=False)
		self.assertGreater(deleted.get("Graduate", 0), 0)
		left = [
			doctype.name
			for doctype in demo.app_doctypes()
			if not doctype.issingle and demo_owned(doctype.name)
		]
		self.assertEqual(left, [])
		self.assertFalse(frappe.db.exists("User", {"name": ("like", f"%@{DOMAIN}")}))
		self.assertTrue(frappe.db.exists("Graduate", real.name))
		self.assertFalse(demo.has_demo_data(DOMAIN))


def _norm(value):
	if value in (None, "", 0, 0.0):
		return None
	return str(value)
