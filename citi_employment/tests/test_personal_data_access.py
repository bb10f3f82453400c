# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Graduate Personal Data reaches no one but the Center's Head and Specialists (152-ФЗ ст. 7).

Each way Frappe v15 hands out a document is tried as a user of a role that must not see it, with the
Head and the Specialist as positive controls, so that a test fails if the data were not there to leak.
The REST calls run in a request thread with its own database connection, so the records are committed
in ``setUpClass`` and removed again in ``tearDownClass``.
"""

import json
from urllib.parse import quote

import frappe
import frappe.desk.reportview
from frappe.desk.form.load import getdoc
from frappe.desk.form.save import savedocs
from frappe.tests.test_api import make_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils import get_test_client

from citi_employment import roles
from citi_employment.tests.records import make_profession, make_user

DOCTYPE = "Graduate Personal Data"
SNILS = "112-233-445 95"
PASSPORT_NUMBER = "731946"
NEW_PASSPORT_NUMBER = "582046"
# Every form in which a sensitive value could show up in a response.
SENSITIVE_VALUES = (SNILS, "11223344595", PASSPORT_NUMBER, NEW_PASSPORT_NUMBER, "Group II")

OUTSIDERS = (roles.INSTITUTION_DIRECTOR, roles.PSYCHOLOGIST, roles.ADMISSIONS_COMMITTEE)
INSIDERS = roles.PERSONAL_DATA_ROLES


def user_email(role: str) -> str:
	return f"people-access-{frappe.scrub(role)}@example.com"


class TestPersonalDataAccess(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.api_tokens = {}
		for role in (*OUTSIDERS, *INSIDERS):
			user = frappe.get_doc("User", make_user(user_email(role), role))
			secret = frappe.generate_hash(length=15)
			user.api_key = frappe.generate_hash(length=15)
			user.api_secret = secret
			user.save(ignore_permissions=True)
			cls.api_tokens[role] = f"{user.api_key}:{secret}"

		cls.graduate = frappe.get_doc(
			{
				"doctype": "Graduate",
				"last_name": "Сидоров",
				"first_name": "Семён",
				"date_of_birth": "2001-04-10",
				"profession": make_profession(),
				"group_code": "00.00 – ПП 00001",
			}
		).insert(ignore_permissions=True)
		cls.personal_data = frappe.get_doc(
			{
				"doctype": DOCTYPE,
				"graduate": cls.graduate.name,
				"passport_series": "4009",
				"passport_number": PASSPORT_NUMBER,
				"snils": SNILS,
				"disability_group": "Group II",
			}
		).insert(ignore_permissions=True)
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		# Drop what the tests changed, then remove what setUpClass committed.
		frappe.db.rollback()
		frappe.set_user("Administrator")
		frappe.delete_doc("Graduate", cls.graduate.name, force=True, ignore_permissions=True)
		for role in (*OUTSIDERS, *INSIDERS):
			frappe.delete_doc("User", user_email(role), force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	def setUp(self):
		frappe.local.response = frappe._dict(docs=[])
		frappe.local.message_log = []

	def tearDown(self):
		frappe.local.form_dict = frappe._dict()

	# --- helpers --------------------------------------------------------------------------------------

	def assertNoSensitiveValue(self, payload, where: str):
		text = json.dumps(payload, default=str, ensure_ascii=False)
		for value in SENSITIVE_VALUES:
			self.assertNotIn(value, text, f"{where} carries a sensitive value")

	def rest_get(self, role: str, path: str):
		client = get_test_client(use_cookies=False)
		return make_request(
			target=client.get,
			args=(path,),
			kwargs={"headers": {"Authorization": f"token {self.api_tokens[role]}"}},
			site=frappe.local.site,
		)

	def reportview(self, method, **form):
		frappe.local.form_dict = frappe._dict(doctype=DOCTYPE, **form)
		return method()

	# --- positive controls ----------------------------------------------------------------------------

	def test_head_and_specialist_read_personal_data(self):
		for role in INSIDERS:
			with self.subTest(role=role), self.set_user(user_email(role)):
				doc = frappe.get_doc(DOCTYPE, self.personal_data.name)
				doc.check_permission("read")
				self.assertEqual(doc.snils, SNILS)
				rows = frappe.get_list(DOCTYPE, fields=["name", "snils"])
				self.assertIn(SNILS, [row.snils for row in rows])
				result = self.reportview(frappe.desk.reportview.get, fields=json.dumps(["name", "snils"]))
				self.assertIn(SNILS, json.dumps(result, ensure_ascii=False))

	def test_head_and_specialist_read_personal_data_over_rest(self):
		for role in INSIDERS:
			with self.subTest(role=role):
				response = self.rest_get(role, f"/api/resource/{quote(DOCTYPE)}/{self.personal_data.name}")
				self.assertEqual(response.status_code, 200)
				self.assertEqual(response.json["data"]["snils"], SNILS)
				response = self.rest_get(role, f"/api/resource/{quote(DOCTYPE)}")
				self.assertEqual(response.status_code, 200)
				self.assertIn(self.personal_data.name, [row["name"] for row in response.json["data"]])

	# --- outsiders ------------------------------------------------------------------------------------

	def test_get_doc_and_check_permission(self):
		for role in OUTSIDERS:
			with self.subTest(role=role), self.set_user(user_email(role)):
				doc = frappe.get_doc(DOCTYPE, self.personal_data.name)
				self.assertRaises(frappe.PermissionError, doc.check_permission, "read")
				self.assertFalse(frappe.has_permission(DOCTYPE, "read", self.personal_data.name))

	def test_get_list(self):
		for role in OUTSIDERS:
			with self.subTest(role=role), self.set_user(user_email(role)):
				try:
					rows = frappe.get_list(DOCTYPE, fields=["name", "snils", "passport_number"])
				except frappe.PermissionError:
					rows = []
				self.assertEqual(rows, [])

	def test_desk_form_load(self):
		for role in OUTSIDERS:
			with self.subTest(role=role), self.set_user(user_email(role)):
				self.assertRaises(frappe.PermissionError, getdoc, DOCTYPE, self.personal_data.name)
				self.assertNoSensitiveValue(frappe.local.response, "getdoc")

	def test_get_value(self):
		for role in OUTSIDERS:
			with self.subTest(role=role), self.set_user(user_email(role)):
				with self.assertRaises(frappe.PermissionError):
					frappe.client.get_value(DOCTYPE, "snils", {"name": self.personal_data.name})

	def test_rest_document_and_list(self):
		for role in OUTSIDERS:
			with self.subTest(role=role):
				document = self.rest_get(role, f"/api/resource/{quote(DOCTYPE)}/{self.personal_data.name}")
				listing = self.rest_get(
					role, f"/api/resource/{quote(DOCTYPE)}?fields={quote(json.dumps(['name', 'snils']))}"
				)
				for response in (document, listing):
					self.assertEqual(response.status_code, 403)
					self.assertNoSensitiveValue(response.get_data(as_text=True), "REST response")

	def test_report_view_and_export(self):
		fields = json.dumps(["name", "snils", "passport_number"])
		for role in OUTSIDERS:
			with self.subTest(role=role), self.set_user(user_email(role)):
				for method in (frappe.desk.reportview.get, frappe.desk.reportview.get_list):
					try:
						result = self.reportview(method, fields=fields)
					except frappe.PermissionError:
						result = None
					self.assertFalse(result and result.get("values") if isinstance(result, dict) else result)
					self.assertNoSensitiveValue(result, "report view")
				with self.assertRaises(frappe.PermissionError):
					self.reportview(
						frappe.desk.reportview.export_query, fields=fields, file_format_type="CSV"
					)

	def test_nobody_exports_personal_data(self):
		fields = json.dumps(["name", "snils"])
		for role in INSIDERS:
			with self.subTest(role=role), self.set_user(user_email(role)):
				with self.assertRaises(frappe.PermissionError):
					self.reportview(
						frappe.desk.reportview.export_query, fields=fields, file_format_type="CSV"
					)

	def test_saving_the_graduate_returns_no_personal_data(self):
		writers = sorted(row.role for row in frappe.get_meta("Graduate").permissions if row.write)
		self.assertIn(roles.EMPLOYMENT_SPECIALIST, writers)
		for index, role in enumerate(writers):
			writer = make_user(f"people-access-writer-{frappe.scrub(role)}@example.com", role)
			with self.subTest(role=role), self.set_user(writer):
				graduate = frappe.get_doc("Graduate", self.graduate.name)
				graduate.group_code = f"00.00 – ПП 1000{index}"
				saved = frappe.client.save(frappe.as_json(graduate.as_dict()))
				self.assertEqual(saved["group_code"], graduate.group_code)
				self.assertNoSensitiveValue(saved, "frappe.client.save")

				frappe.local.response = frappe._dict(docs=[])
				graduate = frappe.get_doc("Graduate", self.graduate.name)
				graduate.certificate_number = f"ПР-1000{index}"
				savedocs(frappe.as_json(graduate.as_dict()), "Save")
				self.assertEqual(
					frappe.local.response.docs[0]["certificate_number"], graduate.certificate_number
				)
				self.assertTrue(frappe.local.response.docs[0]["__onload"]["can_read_personal_data"])
				self.assertNoSensitiveValue(frappe.local.response, "savedocs")
				self.assertNoSensitiveValue(frappe.local.message_log, "savedocs messages")

	def test_version_history_shows_no_personal_data(self):
		with self.set_user(user_email(roles.EMPLOYMENT_SPECIALIST)):
			personal_data = frappe.get_doc(DOCTYPE, self.personal_data.name)
			personal_data.passport_number = NEW_PASSPORT_NUMBER
			# Frappe skips versions while tests run unless asked: ask, or the check below proves nothing.
			personal_data.save(ignore_version=False)
			graduate = frappe.get_doc("Graduate", self.graduate.name)
			graduate.certificate_number = "ПР-000123"
			graduate.save(ignore_version=False)
		self.assertFalse(frappe.get_all("Version", filters={"ref_doctype": DOCTYPE}))

		with self.set_user(user_email(roles.INSTITUTION_DIRECTOR)):
			frappe.local.response = frappe._dict(docs=[])
			getdoc("Graduate", self.graduate.name)
			versions = frappe.local.response.docinfo.versions
			self.assertTrue(versions, "the Graduate's own history is shown")
			self.assertNoSensitiveValue(versions, "Graduate versions")
			self.assertNoSensitiveValue(frappe.local.response, "Graduate getdoc")
			self.assertFalse(frappe.local.response.docs[0].get("__onload", {}).get("can_read_personal_data"))
			try:
				rows = frappe.get_list("Version", filters={"ref_doctype": DOCTYPE}, fields=["name", "data"])
			except frappe.PermissionError:
				rows = []
			self.assertEqual(rows, [])
