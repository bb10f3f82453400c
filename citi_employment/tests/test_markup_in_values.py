# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Issue 8, hole 4 and its class "Script in values": no text field of the app stores markup.

The field list is generated from the app's DocType metas: every text field of every DocType and of its child
tables gets the issue's payload, as typed and JSON-wrapped (the form Frappe's sanitiser skips), through a
real save of a valid record; the save must be refused and the stored value stay as it was. A DocType added
later without a record builder here fails ``test_every_doctype_of_the_app_is_covered``.
"""

import json
from collections.abc import Callable

import frappe
from frappe.model.document import Document
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate, now_datetime

from citi_employment.tests.records import (
	DIRECTOR_USER,
	SPECIALIST_USER,
	ensure_categories,
	make_annual_report,
	make_application,
	make_center_users,
	make_consent,
	make_contract,
	make_employer,
	make_graduate,
	make_interaction,
	make_job_seeker,
	make_personal_data,
	make_placement,
	make_profession,
	make_request,
	make_resume,
	make_work_plan,
)
from citi_employment.write_guards.markup import (
	MarkupInValueError,
	is_link_field,
	text_fields,
)

APP = "citi_employment"
PAYLOAD = "<img src=x onerror=alert(document.domain)>"
# The issue's request body: "position": "\"<img src=x onerror=alert(document.domain)>\"".
WRAPPED_PAYLOAD = json.dumps(PAYLOAD)
PAYLOADS = (PAYLOAD, WRAPPED_PAYLOAD)
# What a link target (a web address, an attachment) is attacked with besides a tag.
LINK_PAYLOAD = "javascript:alert(document.domain)"
BENIGN_POSITION = "Помощник повара (опыт <5 лет, зарплата > 30000)"
JOURNAL = "Cooperation (Partnership)"
# Reference fields: the framework's link check refuses a value that names no record, before any hook runs.
REFERENCE_FIELDTYPES = frozenset({"Link", "Dynamic Link"})

# DocTypes of the app that no test here can build, with the reason. Empty today: every DocType is built.
NOT_BUILDABLE: dict[str, str] = {}


def app_doctypes() -> list[str]:
	return frappe.get_all(
		"DocType",
		filters={"module": ("in", frappe.get_module_list(APP)), "is_virtual": 0},
		pluck="name",
		order_by="name",
	)


# --- one valid record of each DocType, every child table with a row -------------------------------------


def build_contract_journal() -> Document:
	return frappe.get_doc("Contract Journal", JOURNAL)


def build_employer() -> Document:
	return frappe.get_doc("Employer", make_employer("ООО «Разметка»", website="https://razmetka.invalid"))


def build_employer_contract() -> Document:
	return make_contract(JOURNAL, make_employer("ООО «Договор»"), notes="Черновик")


def build_application() -> Document:
	return make_application(make_graduate().name)


def build_settings() -> Document:
	"""The settings with a monthly digest recipient (a Digest Recipient row)."""
	settings = frappe.get_single("Employment Center Settings")
	settings.set("monthly_digest_recipients", [{"user": SPECIALIST_USER}])
	return settings.save(ignore_permissions=True)


def build_graduate() -> Document:
	return make_graduate(minor=True)


def build_personal_data() -> Document:
	return make_personal_data(
		make_graduate().name,
		representative_documents=[
			{
				"representative_name": "Согласиева Анна Петровна",
				"document_type": "Passport",
				"series": "4009",
				"number": "705318",
				"issued_by": "ТП № 12 отдела УФМС России по Ленинградской обл.",
				"division_code": "470-012",
			}
		],
	)


def build_placement() -> Document:
	return make_placement(make_graduate(consent=True).name, make_employer("ООО «Место»"), position="Повар")


def build_monitoring_record() -> Document:
	"""A check the placement's schedule made (citi_employment/monitoring/schedule.py)."""
	placement = build_placement()
	return frappe.get_doc("Employment Monitoring Record", {"placement": placement.name, "checkpoint": 1})


def build_category() -> Document:
	return frappe.get_doc("Personal Data Category", ensure_categories()[0])


def build_processing_consent() -> Document:
	return make_consent(make_graduate(), submit=False)


def build_dissemination_consent() -> Document:
	return make_consent(make_graduate(), submit=False, kind="Dissemination", transfer_to_employers=0)


def build_destruction_act() -> Document:
	"""As ``personal_data.destruction`` writes one: submitted at once, by the service."""
	act = frappe.get_doc(
		{
			"doctype": "Personal Data Destruction Act",
			"act_date": getdate(),
			"performed_by": "Administrator",
			"performed_at": now_datetime(),
			"subject_full_name": "Субъект-00001",
			"reason": "Отзыв согласия",
			"categories": [{"category": ensure_categories()[0]}],
			"docstatus": 1,
		}
	)
	act.flags.written_by_service = True
	return act.insert(ignore_permissions=True)


def build_transfer() -> Document:
	"""As ``personal_data.sharing.send_to_employer`` logs one, by the service."""
	graduate = make_graduate(consent=True)
	resume = make_resume(graduate.name)
	consent = frappe.get_all("Personal Data Consent", filters={"graduate": graduate.name}, pluck="name")[0]
	transfer = frappe.get_doc(
		{
			"doctype": "Personal Data Transfer",
			"graduate": graduate.name,
			"employer": make_employer("ООО «Получатель»"),
			"recipient_email": "hr@employer.invalid",
			"transferred_at": now_datetime(),
			"transferred_by": "Administrator",
			"consent": consent,
			"reference_doctype": "Student Resume",
			"reference_name": resume.name,
		}
	)
	transfer.flags.written_by_service = True
	return transfer.insert(ignore_permissions=True)


def build_employer_dossier() -> Document:
	"""As ``dossier.sending.send_dossier`` records one, by the service (its print is the cover letter)."""
	graduate = make_graduate(consent=True)
	recommendation = frappe.get_doc({"doctype": "Mentor Recommendation", "graduate": graduate.name}).insert(
		ignore_permissions=True
	)
	dossier = frappe.get_doc(
		{
			"doctype": "Employer Dossier",
			"graduate": graduate.name,
			"employer": make_employer("ООО «Досье»"),
			"recipient_email": "hr@employer.invalid",
			"sent_at": now_datetime(),
			"sent_by": "Administrator",
			"student_resume": make_resume(graduate.name).name,
			"mentor_recommendation": recommendation.name,
			"signatory_name": "А.А. Заместителева",
		}
	)
	dossier.flags.written_by_service = True
	return dossier.insert(ignore_permissions=True)


def build_professiogram() -> Document:
	return frappe.get_doc(
		{"doctype": "Professiogram", "profession": make_profession(), "work_content": "Приготовление блюд"}
	).insert(ignore_permissions=True)


def build_profession() -> Document:
	return frappe.get_doc("Profession", make_profession("Тестовая профессия разметки"))


def build_resume() -> Document:
	return make_resume(
		make_graduate().name,
		work_experience=[{"organization": "ООО «Столовая»", "position": "Стажёр", "duties": "Нарезка"}],
		education=[{"institution": "ГАНПОУ ЛО «МЦ СиТИ»", "specialty": "Повар"}],
	)


def build_candidate() -> Document:
	return frappe.get_doc(
		{
			"doctype": "Vacancy Candidate",
			"vacancy_request": make_request(age_requirement=None, gender_requirement=None).name,
			"graduate": make_job_seeker("Кандидат").name,
		}
	).insert(ignore_permissions=True)


def build_internal_requirements() -> Document:
	return frappe.get_doc("Vacancy Internal Requirements", make_request().name)


def build_recommendation() -> Document:
	"""With one conclusion, so that its child table (Recommendation Action) is tried too."""
	return frappe.get_doc(
		{
			"doctype": "Mentor Recommendation",
			"graduate": make_graduate().name,
			"conclusions": [{"action": "Давать задания по одному."}],
		}
	).insert(ignore_permissions=True)


def build_work_plan() -> Document:
	"""A draft plan with its items (Work Plan Item)."""
	return make_work_plan(2095)


def build_center_event() -> Document:
	"""Held for an item of a plan, with a participating employer (Center Event Employer)."""
	plan = make_work_plan(2096)
	return frappe.get_doc(
		{
			"doctype": "Center Event",
			"subject": "Ярмарка вакансий",
			"event_type": "Job Fair",
			"starts_on": "2096-03-01 10:00:00",
			"venue": "Актовый зал",
			"employers": [{"employer": make_employer("ООО «Участник»"), "representative": "Петров П. П."}],
			"work_plan": plan.name,
			"work_plan_item": plan.items[0].name,
		}
	).insert(ignore_permissions=True)


def build_interaction() -> Document:
	return make_interaction(
		make_employer("ООО «Собеседник»"), next_step="Позвонить", next_step_date=getdate()
	)


def build_request() -> Document:
	return make_request(age_requirement=None, gender_requirement=None, department="Кухня")


def build_annual_report() -> Document:
	"""A draft report with a row in each snapshot table (Annual Report * Row) and the Head's narrative."""
	return make_annual_report(2094, summary_text="Итоги года", conclusions_text="Задачи")


def build_feedback_request() -> Document:
	"""As ``employer_forms.feedback.send_feedback_request`` logs a link sent to the employer, by the service."""
	check = build_monitoring_record()
	link = frappe.get_doc(
		{
			"doctype": "Employer Feedback Request",
			"monitoring_record": check.name,
			"graduate": check.graduate,
			"employer": check.employer,
			"recipient_email": "hr@employer.invalid",
			"status": "Sent",
			"sent_at": now_datetime(),
			"sent_by": "Administrator",
			"expires_at": now_datetime(),
			"token_hash": "0" * 64,
		}
	)
	link.flags.written_by_service = True
	return link.insert(ignore_permissions=True)


BUILDERS: dict[str, Callable[[], Document]] = {
	"Annual Report": build_annual_report,
	"Center Event": build_center_event,
	"Contract Journal": build_contract_journal,
	"Employer": build_employer,
	"Employer Contract": build_employer_contract,
	"Employer Dossier": build_employer_dossier,
	"Employer Feedback Request": build_feedback_request,
	"Employer Interaction": build_interaction,
	"Employment Assistance Application": build_application,
	"Employment Center Settings": build_settings,
	"Employment Monitoring Record": build_monitoring_record,
	"Graduate": build_graduate,
	"Graduate Personal Data": build_personal_data,
	"Graduate Placement": build_placement,
	"Mentor Recommendation": build_recommendation,
	"Personal Data Category": build_category,
	"Personal Data Consent (Processing)": build_processing_consent,
	"Personal Data Consent (Dissemination)": build_dissemination_consent,
	"Personal Data Destruction Act": build_destruction_act,
	"Personal Data Transfer": build_transfer,
	"Professiogram": build_professiogram,
	"Profession": build_profession,
	"Student Resume": build_resume,
	"Vacancy Candidate": build_candidate,
	"Vacancy Internal Requirements": build_internal_requirements,
	"Vacancy Request": build_request,
	"Work Plan": build_work_plan,
}


def stored_value(doctype: str, name: str, fieldname: str):
	if frappe.get_meta(doctype).issingle:
		return frappe.db.get_single_value(doctype, fieldname)
	return frappe.db.get_value(doctype, name, fieldname)


def payloads_for(df) -> tuple[str, ...]:
	return (*PAYLOADS, LINK_PAYLOAD) if is_link_field(df) else PAYLOADS


class TestMarkupInValues(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_categories()
		make_center_users()
		cls.records = {case: build() for case, build in BUILDERS.items()}

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_every_doctype_of_the_app_is_covered(self):
		"""Each DocType is built here, or reached as a child table with a row, or listed with a reason."""
		covered = set()
		for doc in self.records.values():
			covered.add(doc.doctype)
			for table_df in doc.meta.get_table_fields():
				if doc.get(table_df.fieldname):
					covered.add(table_df.options)
		missing = set(app_doctypes()) - covered - set(NOT_BUILDABLE)
		self.assertFalse(missing, "add a builder to BUILDERS, or a reason to NOT_BUILDABLE")

	def test_no_field_of_the_app_is_meant_to_hold_markup(self):
		"""The guard refuses all markup because no field wants any; a rich field needs its own decision."""
		rich_fieldtypes = {"Text Editor", "HTML Editor", "Markdown Editor", "Code", "JSON"}
		rich = [
			f"{doctype}.{df.fieldname}"
			for doctype in app_doctypes()
			for df in frappe.get_meta(doctype).get("fields")
			if df.fieldtype in rich_fieldtypes
		]
		self.assertEqual(rich, [])

	def test_a_freshly_built_record_saves(self):
		"""The refusals below come from the payloads, not from a record that would not save anyway."""
		for case, doc in self.records.items():
			with self.subTest(case=case):
				frappe.get_doc(doc.doctype, doc.name).save()

	def test_markup_is_refused_in_every_text_field_and_nothing_is_stored(self):
		checked = 0
		for case, doc in self.records.items():
			for df in text_fields(doc.meta):
				for payload in payloads_for(df):
					with self.subTest(case=case, field=df.fieldname, payload=payload):
						self.assert_refused(doc, df, payload)
						checked += 1
		self.assertGreater(checked, 100)

	def test_markup_is_refused_in_every_text_field_of_every_child_row(self):
		checked = 0
		for case, doc in self.records.items():
			for table_df in doc.meta.get_table_fields():
				rows = doc.get(table_df.fieldname)
				if not rows:
					continue
				for df in text_fields(frappe.get_meta(table_df.options)):
					for payload in payloads_for(df):
						with self.subTest(
							case=case, table=table_df.fieldname, field=df.fieldname, payload=payload
						):
							self.assert_row_refused(doc, table_df.fieldname, rows[0].name, df, payload)
							checked += 1
		self.assertGreater(checked, 20)

	def assert_refused(self, doc, df, payload: str) -> None:
		before = stored_value(doc.doctype, doc.name, df.fieldname)
		fresh = frappe.get_doc(doc.doctype, doc.name)
		fresh.set(df.fieldname, payload)
		self.assert_payload_not_saved(fresh, df)
		self.assertEqual(stored_value(doc.doctype, doc.name, df.fieldname), before)

	def assert_row_refused(self, doc, tablefield: str, row_name: str, df, payload: str) -> None:
		child_doctype = doc.meta.get_field(tablefield).options
		before = frappe.db.get_value(child_doctype, row_name, df.fieldname)
		fresh = frappe.get_doc(doc.doctype, doc.name)
		row = next(row for row in fresh.get(tablefield) if row.name == row_name)
		row.set(df.fieldname, payload)
		self.assert_payload_not_saved(fresh, df)
		self.assertEqual(frappe.db.get_value(child_doctype, row_name, df.fieldname), before)

	def assert_payload_not_saved(self, doc, df) -> None:
		"""The save is refused; the markup guard refuses it wherever it is the first to look.

		Two kinds of field are dealt with before any hook runs, and that is fine, since nothing is stored
		(the callers compare the stored value): the framework's link check refuses a Link or Dynamic Link
		that names no record, and it refills a fetched field (``fetch_from``) from its link, dropping the
		payload, so that save goes through unchanged. A field only a service sets may be refused by the
		service-field guard first.
		"""
		try:
			doc.save()
		except frappe.ValidationError as error:
			frappe.local.message_log = []
			if df.fieldtype in REFERENCE_FIELDTYPES:
				return  # the framework's own message, shown to the user who typed the value
			self.assertNotIn("onerror", str(error), "a refusal names the field, never the value")
			if not df.read_only and not df.fetch_from:
				self.assertIsInstance(error, MarkupInValueError)
			return
		self.assertTrue(df.fetch_from and not df.fetch_if_empty, "a value with markup was saved")

	# --- the requests of the issue ---------------------------------------------------------------------

	def put(self, doctype: str, name: str, data: dict) -> None:
		"""What ``PUT /api/resource/<doctype>/<name>`` does in Frappe v15 (frappe.api.v1.update_doc)."""
		doc = frappe.get_doc(doctype, name, for_update=True)
		data.pop("flags", None)
		doc.update(data)
		doc.save()

	def test_the_issue_put_on_a_vacancy_request_is_refused_naming_the_field_not_the_value(self):
		request = make_request(age_requirement=None, gender_requirement=None)
		frappe.set_user(SPECIALIST_USER)
		with self.assertRaises(MarkupInValueError) as refused:
			self.put("Vacancy Request", request.name, {"position": WRAPPED_PAYLOAD})
		frappe.set_user("Administrator")
		message = str(refused.exception)
		self.assertNotIn("onerror", message)
		self.assertNotIn("<img", message)
		self.assertEqual(frappe.db.get_value("Vacancy Request", request.name, "position"), request.position)

	def test_a_new_vacancy_request_with_markup_is_not_inserted(self):
		frappe.set_user(SPECIALIST_USER)
		for payload in PAYLOADS:
			with self.subTest(payload=payload), self.assertRaises(MarkupInValueError):
				make_request(age_requirement=None, gender_requirement=None, position=payload)
		frappe.set_user("Administrator")
		self.assertFalse(frappe.db.exists("Vacancy Request", {"position": ("like", "%onerror%")}))

	def test_a_contract_subject_with_markup_never_reaches_the_director(self):
		contract = make_contract(JOURNAL, make_employer("ООО «Подпись»"))
		frappe.set_user(SPECIALIST_USER)
		for payload in PAYLOADS:
			with self.subTest(payload=payload), self.assertRaises(MarkupInValueError):
				self.put("Employer Contract", contract.name, {"subject": payload})
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("Employer Contract", contract.name, "subject"), contract.subject)

	def test_every_offending_field_is_named_in_one_refusal(self):
		request = make_request(age_requirement=None, gender_requirement=None)
		doc = frappe.get_doc("Vacancy Request", request.name)
		doc.position = PAYLOAD
		doc.department = WRAPPED_PAYLOAD
		with self.assertRaises(MarkupInValueError):
			doc.save()
		shown = " ".join(str(entry) for entry in frappe.local.message_log)
		for fieldname in ("position", "department"):
			self.assertIn(frappe._(doc.meta.get_label(fieldname)), shown)
		self.assertNotIn("onerror", shown)

	def test_ordinary_text_with_angle_brackets_is_accepted(self):
		request = make_request(age_requirement=None, gender_requirement=None, position=BENIGN_POSITION)
		self.assertEqual(frappe.db.get_value("Vacancy Request", request.name, "position"), BENIGN_POSITION)

	def test_the_directors_standard_print_shows_the_text_and_no_payload(self):
		request = make_request(age_requirement=None, gender_requirement=None, position=BENIGN_POSITION)
		for df in text_fields(request.meta):
			for payload in payloads_for(df):
				with self.subTest(field=df.fieldname, payload=payload):
					self.assert_refused(request, df, payload)
		frappe.set_user(DIRECTOR_USER)
		html = frappe.get_print("Vacancy Request", request.name, "Standard")
		frappe.set_user("Administrator")
		# The Standard print puts a Data value into the page unescaped: "<5" stays text to a browser.
		self.assertIn(BENIGN_POSITION, html)
		self.assertNotIn("<img", html.lower())
		self.assertNotIn("onerror", html.lower())
