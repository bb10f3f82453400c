"""Record builders and fixtures shared by the integration tests (not used at run time).

Every builder inserts with ``ignore_permissions`` unless a caller asks otherwise, fills only what a record
needs to be valid plus what the tests read back, and takes any field as a keyword to override.
"""

import json
import random
from pathlib import Path

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, add_years, getdate
from stdnum.ru import inn as stdnum_inn

from citi_employment import roles

CATEGORIES_FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "personal_data_category.json"

# --- users ----------------------------------------------------------------------------------------------

HEAD_USER = "test-head@citi.invalid"
SPECIALIST_USER = "test-specialist@citi.invalid"
DIRECTOR_USER = "test-director@citi.invalid"
TEACHER_USER = "test-teacher@citi.invalid"
SUPERVISOR_USER = "test-supervisor@citi.invalid"
ADMISSIONS_USER = "test-admissions@citi.invalid"
PSYCHOLOGIST_USER = "test-psychologist@citi.invalid"
SOCIAL_PEDAGOGUE_USER = "test-social-pedagogue@citi.invalid"
# One user per role of the institution, holding that role only.
CENTER_USERS = {
	HEAD_USER: roles.EMPLOYMENT_CENTER_HEAD,
	SPECIALIST_USER: roles.EMPLOYMENT_SPECIALIST,
	DIRECTOR_USER: roles.INSTITUTION_DIRECTOR,
	TEACHER_USER: roles.TEACHER,
	SUPERVISOR_USER: roles.PRACTICE_SUPERVISOR,
	ADMISSIONS_USER: roles.ADMISSIONS_COMMITTEE,
	PSYCHOLOGIST_USER: roles.PSYCHOLOGIST,
	SOCIAL_PEDAGOGUE_USER: roles.SOCIAL_PEDAGOGUE,
}
USER_OF_ROLE = {role: email for email, role in CENTER_USERS.items()}


def make_user(email: str, *role_names: str) -> str:
	"""A desk user with exactly these roles (made once; later calls reset the roles)."""
	if frappe.db.exists("User", email):
		user = frappe.get_doc("User", email)
		user.set("roles", [])
	else:
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": email.split("@")[0],
				"send_welcome_email": 0,
				"user_type": "System User",
			}
		)
	for role in role_names:
		user.append("roles", {"role": role})
	user.flags.ignore_permissions = True
	user.save() if not user.is_new() else user.insert()
	return user.name


def make_center_users() -> None:
	"""The users of ``CENTER_USERS``, each with its one role."""
	for email, role in CENTER_USERS.items():
		make_user(email, role)


# --- professions and graduates ------------------------------------------------------------------------

COOK = "Повар"
VACANCY_PROFESSION = "Test Vacancy Cook"
OTHER_PROFESSION = "Test Vacancy Gardener"

# A graduate with everything the resume and the application forms print (Иванов Иван Иванович, a cook).
GRADUATE_DETAILS = {
	"last_name": "Иванов",
	"first_name": "Иван",
	"patronymic": "Иванович",
	"gender": "Male",
	"date_of_birth": "2004-05-17",
	"marital_status": "Single",
	"phone": "+79111234567",
	"registration_address": "188640, Ленинградская обл., г. Всеволожск, ул. Ленина, д. 1, кв. 2",
	"actual_address": "188640, Ленинградская обл., г. Всеволожск, ул. Заводская, д. 3, кв. 4",
	"group_code": "00.00 – ПП 00001",
	"study_start": "2022-09-01",
	"study_end": "2025-06-30",
	"certificate_number": "470000012345",
}


def make_profession(name: str = COOK, **values) -> str:
	"""A profession taught here, made once by name."""
	if not frappe.db.exists("Profession", name):
		frappe.get_doc(
			{
				"doctype": "Profession",
				"profession_name": name,
				"taught_here": 1,
				"program_name": f"Адаптированная основная образовательная программа профессионального обучения «{name}»",
				**values,
			}
		).insert(ignore_permissions=True)
	return name


def make_graduate(minor: bool = False, consent: bool = False, **values):
	"""An adult graduate (25 years old), or a 16-year-old with their mother as legal representative.

	With ``consent`` the graduate also signs a processing consent that allows transfer to employers, and
	the graduate is returned as stored after it (with the consent status).
	"""
	doc = frappe.get_doc(
		{
			"doctype": "Graduate",
			"last_name": "Согласиев",
			"first_name": "Пётр",
			"patronymic": "Олегович",
			"gender": "Male",
			"date_of_birth": add_years(getdate(), -16 if minor else -25),
			"group_code": "00.00 – ПП 00000",
			**values,
		}
	)
	if minor and not doc.legal_representatives:
		doc.append(
			"legal_representatives",
			{
				"last_name": "Согласиева",
				"first_name": "Анна",
				"patronymic": "Петровна",
				"basis": "Parent",
				"address": "г. Санкт-Петербург, ул. Примерная, д. 1",
			},
		)
	doc.insert(ignore_permissions=True)
	if not consent:
		return doc
	make_consent(doc)
	return frappe.get_doc("Graduate", doc.name)


def make_job_seeker(first_name: str, consent: bool = True, **values):
	"""A graduate who finished 60 days ago in ``VACANCY_PROFESSION`` and seeks a job, with a consent."""
	values.setdefault("study_end", add_days(getdate(), -60))
	if "profession" not in values:
		values["profession"] = make_profession(VACANCY_PROFESSION)
	return make_graduate(consent=consent, first_name=first_name, **values)


# --- personal data and consents -------------------------------------------------------------------------

PASSPORT = {
	"passport_series": "4009",
	"passport_number": "705318",
	"passport_issued_by": "ТП № 12 отдела УФМС России по Ленинградской обл. во Всеволожском р-не",
	"passport_issued_on": "2021-04-15",
	"passport_division_code": "470-012",
}
SNILS = "179-306-524 92"


def make_personal_data(graduate: str, **values):
	return frappe.get_doc(
		{"doctype": "Graduate Personal Data", "graduate": graduate, **PASSPORT, "snils": SNILS, **values}
	).insert(ignore_permissions=True)


def ensure_categories() -> list[str]:
	"""The fixture's categories, loaded the way `bench migrate` syncs fixtures (if the hook is not in yet)."""
	records = json.loads(CATEGORIES_FIXTURE.read_text(encoding="utf-8"))
	for record in records:
		if not frappe.db.exists("Personal Data Category", record["name"]):
			values = {key: value for key, value in record.items() if key not in ("modified", "docstatus")}
			frappe.get_doc(values).insert(ignore_permissions=True)
	return [record["name"] for record in records]


def make_consent(graduate, submit: bool = True, **values):
	"""A processing consent signed today that allows transfer to employers (by the representative of a
	minor), submitted unless told otherwise."""
	graduate_doc = frappe.get_doc("Graduate", graduate) if isinstance(graduate, str) else graduate
	doc = frappe.get_doc(
		{
			"doctype": "Personal Data Consent",
			"kind": "Processing",
			"graduate": graduate_doc.name,
			"signer": "Legal Representative" if graduate_doc.is_minor else "Data Subject",
			"signed_on": getdate(),
			"transfer_to_employers": 1,
			**values,
		}
	)
	doc.insert(ignore_permissions=True)
	if submit:
		doc.submit()
	return doc


# --- employers ------------------------------------------------------------------------------------------

# What an employer tells the Center about itself on a vacancy request (the form's header).
EMPLOYER_DETAILS = {
	"region": "Leningrad Oblast",
	"phone": "+7 812 555-01-02",
	"email": "hr@stolovaya.invalid",
	"website": "https://stolovaya.invalid",
	"activity": "Общественное питание",
	"founding_year": 2005,
	"head_name": "Петров Пётр Петрович",
}


def organization_inn() -> str:
	"""A fresh valid 10-digit ИНН (region 47, random body, computed check digit)."""
	body = "47" + "".join(random.choices("0123456789", k=7))
	return body + stdnum_inn.calc_company_check_digit(body)


def make_employer(
	short_name: str = "ООО «Тест-Работодатель»", ignore_permissions: bool = True, **values
) -> str:
	"""An active partner with an email, its full name made from ``short_name``; returns its name."""
	doc = frappe.get_doc(
		{
			"doctype": "Employer",
			"full_name": f"Общество с ограниченной ответственностью «{short_name}»",
			"short_name": short_name,
			"status": "Active Partner",
			"email": "hr@employer.invalid",
			**values,
		}
	)
	return doc.insert(ignore_permissions=ignore_permissions).name


# --- documents about a graduate -------------------------------------------------------------------------


def make_resume(graduate: str, **values):
	return frappe.get_doc(
		{"doctype": "Student Resume", "graduate": graduate, "desired_position": "Помощник повара", **values}
	).insert(ignore_permissions=True)


def make_application(graduate: str, submit: bool = False, **values):
	"""An application for employment assistance (made today, by the DocType's defaults), a draft unless
	``submit``."""
	doc = frappe.get_doc(
		{"doctype": "Employment Assistance Application", "graduate": graduate, **values}
	).insert(ignore_permissions=True)
	if submit:
		doc.submit()
	return doc


# --- vacancies and placements ---------------------------------------------------------------------------

INTERNAL_DOCTYPE = "Vacancy Internal Requirements"
INTERNAL_FIELDS = ("age_requirement", "gender_requirement")
AGE = "от 18 лет"
GENDER = "Female"


def make_request(employer: str | None = None, **values):
	"""A request with the employer's age and gender wishes (pass ``age_requirement=None`` for none)."""
	internal = {
		"age_requirement": values.pop("age_requirement", AGE),
		"gender_requirement": values.pop("gender_requirement", GENDER),
	}
	doc = frappe.get_doc(
		{
			"doctype": "Vacancy Request",
			"employer": employer or make_employer("Тестовая столовая", **EMPLOYER_DETAILS),
			"kind": "Employment",
			"position": "Помощник повара",
			"profession": make_profession(VACANCY_PROFESSION),
			"positions_count": 2,
			"expected_start_date": add_days(getdate(), 30),
			"work_address": "Ленинградская обл., г. Всеволожск, ул. Заводская, д. 5",
			"pc_skills": "базовый",
			"salary": 45000,
			"probation_salary": 40000,
			**values,
		}
	).insert(ignore_permissions=True)
	if internal["age_requirement"] or internal["gender_requirement"]:
		make_internal_requirements(doc.name, **internal)
	return doc


def make_internal_requirements(request: str, **values):
	return frappe.get_doc({"doctype": INTERNAL_DOCTYPE, "vacancy_request": request, **values}).insert(
		ignore_permissions=True
	)


def candidates_of(request: str) -> list[dict]:
	return frappe.get_all(
		"Vacancy Candidate",
		filters={"vacancy_request": request},
		fields=["name", "graduate", "status", "status_date", "score", "score_explanation"],
		order_by="creation",
	)


def make_placement(graduate: str, employer: str | None = None, **values):
	return frappe.get_doc(
		{
			"doctype": "Graduate Placement",
			"graduate": graduate,
			"employer": employer,
			"employment_date": add_days(getdate(), -5),
			**values,
		}
	).insert(ignore_permissions=True)


# --- contracts ------------------------------------------------------------------------------------------


def make_contract(journal: str, employer: str, valid_from="2026-01-01", valid_to="year end", **values):
	"""A draft contract; by default valid to the end of its first year, ``valid_to=None`` is open-ended."""
	if valid_to == "year end":
		valid_to = f"{valid_from[:4]}-12-31"
	contract = frappe.get_doc(
		{
			"doctype": "Employer Contract",
			"journal": journal,
			"employer": employer,
			"subject": "Совместная работа по трудоустройству выпускников",
			"signed_on": valid_from,
			"valid_from": valid_from,
			"valid_to": valid_to,
			**values,
		}
	)
	return contract.insert()


def act(contract, action: str, user: str):
	"""Apply a workflow action to the contract as ``user``."""
	frappe.set_user(user)
	try:
		return apply_workflow(contract.as_dict(), action)
	finally:
		frappe.set_user("Administrator")


def approve(contract):
	"""Submit for approval as the Head, approve as the Director."""
	act(contract, "Submit for Approval", HEAD_USER)
	return act(frappe.get_doc(contract.doctype, contract.name), "Approve", DIRECTOR_USER)


# --- outside the app's records --------------------------------------------------------------------------


def ensure_outgoing_email_account() -> None:
	"""A default outgoing account, so that frappe.sendmail queues mail (Frappe skips the SMTP check in tests)."""
	if frappe.db.exists("Email Account", {"default_outgoing": 1, "enable_outgoing": 1}):
		return
	frappe.get_doc(
		{
			"doctype": "Email Account",
			"email_account_name": "_Test Consents Outgoing",
			"email_id": "employment@citi.invalid",
			"enable_outgoing": 1,
			"default_outgoing": 1,
			"smtp_server": "smtp.citi.invalid",
			"no_smtp_authentication": 1,
		}
	).insert(ignore_permissions=True)


def messages_shown() -> str:
	"""Titles and messages of everything msgprinted in this request, whatever form v15 keeps them in."""
	parts = []
	for entry in frappe.local.message_log or []:
		if isinstance(entry, str):
			try:
				entry = frappe.parse_json(entry)
			except Exception:
				parts.append(entry)
				continue
		if isinstance(entry, dict):
			parts.append(f"{entry.get('title', '')} {entry.get('message', '')}")
		else:
			parts.append(str(entry))
	return "\n".join(parts)


# --- Center-only records ------------------------------------------------------------------------------


class CenterOnlyRecordChecks:
	"""What every Center-only DocType (citi_employment/personal_data/center_only.py) must hold to.

	Mixed into a FrappeTestCase that sets ``DOCTYPE`` and implements ``make_record()``.
	"""

	DOCTYPE: str

	def make_record(self):
		raise NotImplementedError

	def test_a_deleted_record_leaves_no_copy_in_deleted_documents(self):
		doc = self.make_record()
		frappe.delete_doc(self.DOCTYPE, doc.name)
		copy = {"deleted_doctype": self.DOCTYPE, "deleted_name": doc.name}
		self.assertTrue(frappe.db.exists("Deleted Document", copy), "Frappe writes its copy first")

		frappe.db.before_commit.run()  # what a commit runs first, without committing the test data

		self.assertFalse(frappe.db.exists("Deleted Document", copy))

	def test_permission_rows_grant_only_the_center_and_never_export_report_import_or_share(self):
		meta = frappe.get_meta(self.DOCTYPE)
		self.assertEqual(
			{row.role for row in meta.permissions}, {"Employment Center Head", "Employment Specialist"}
		)
		for row in meta.permissions:
			self.assertEqual((row.read, row.write, row.create, row.delete, row.print), (1, 1, 1, 1, 1))
			self.assertEqual((row.export, row.report, row.share, row.email), (0, 0, 0, 0))
			self.assertEqual(getattr(row, "import"), 0)


# --- work plan, events and employer interactions ------------------------------------------------------

# Items of a half-year plan as Appendix №8 lists them: a recurring activity and a one-off one.
PLAN_ITEMS = (
	{
		"activity": "Консультирование работодателей по вопросам трудоустройства лиц с инвалидностью",
		"due": "в течение года",
		"responsible": "Зам. директора по трудоустройству и занятости",
	},
	{
		"activity": "День открытых дверей для работодателей",
		"due": "15.04.2026",
		"responsible": "Специалисты Центра",
		"done_when_event_held": 1,
	},
)


def make_work_plan(year: int, period: str = "1st Half", items=PLAN_ITEMS, **values):
	"""A draft plan with the given items (Appendix №8), inserted as Administrator."""
	return frappe.get_doc(
		{
			"doctype": "Work Plan",
			"year": year,
			"period": period,
			"items": [dict(item) for item in items],
			**values,
		}
	).insert(ignore_permissions=True)


def approve_work_plan(plan):
	"""Submit for approval as the Head, approve as the Director."""
	act(plan, "Submit for Approval", HEAD_USER)
	return act(frappe.get_doc(plan.doctype, plan.name), "Approve", DIRECTOR_USER)


def make_interaction(employer: str, **values):
	return frappe.get_doc(
		{
			"doctype": "Employer Interaction",
			"employer": employer,
			"interaction_date": getdate(),
			"form": "Phone",
			"topic": "Потребность в работниках",
			"responsible": SPECIALIST_USER,
			**values,
		}
	).insert(ignore_permissions=True)


# --- annual reports -----------------------------------------------------------------------------------


def make_annual_report(year: int, with_rows: bool = True, **values):
	"""A draft annual report for ``year``; ``with_rows`` gives each snapshot table one row, written as the
	compute service writes them (``flags.written_by_service``), so the guards' tests reach every child table."""
	doc = frappe.get_doc({"doctype": "Annual Report", "year": year, **values})
	if with_rows:
		doc.update(
			{
				"plan_rows": [{"period": "1st Half", "plan_status": "Draft", "items": 2, "done": 1}],
				"placement_rows": [{"placements": 1, "graduates": 1}],
				"retention_rows": [{"checkpoint": 6, "employed_from": f"{year - 1}-07-01", "reached": 1}],
				"outcome_rows": [{"graduates": 1, "working_at_this_employer": 1, "working": 1}],
				"employer_rows": [{"region": "Leningrad Oblast", "employers": 1}],
				"contract_rows": [{"journal": "Practice", "registered": 1}],
				"request_rows": [{"requests": 1, "positions": 2}],
				"event_rows": [{"event_type": "Job Fair", "events": 1, "participants": 3}],
				"satisfaction_rows": [{"checks": 1, "answers": 1, "average": 5}],
				"computed_at": frappe.utils.now_datetime(),
			}
		)
		doc.flags.written_by_service = True
	return doc.insert(ignore_permissions=True)
