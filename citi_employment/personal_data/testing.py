"""Record builders shared by the personal-data integration tests (not used at run time)."""

import json
from pathlib import Path

import frappe
from frappe.utils import add_years, getdate

from citi_employment import roles

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "personal_data_category.json"
HEAD_USER = "pd-head@citi.invalid"
SPECIALIST_USER = "pd-specialist@citi.invalid"
DIRECTOR_USER = "pd-director@citi.invalid"
TEACHER_USER = "pd-teacher@citi.invalid"


def ensure_categories() -> list[str]:
	"""The fixture's categories, loaded the way `bench migrate` syncs fixtures (if the hook is not in yet)."""
	records = json.loads(FIXTURE.read_text(encoding="utf-8"))
	for record in records:
		if not frappe.db.exists("Personal Data Category", record["name"]):
			values = {key: value for key, value in record.items() if key not in ("modified", "docstatus")}
			frappe.get_doc(values).insert(ignore_permissions=True)
	return [record["name"] for record in records]


def make_user(email: str, *role_names: str) -> str:
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
	make_user(HEAD_USER, roles.EMPLOYMENT_CENTER_HEAD)
	make_user(SPECIALIST_USER, roles.EMPLOYMENT_SPECIALIST)
	make_user(DIRECTOR_USER, roles.INSTITUTION_DIRECTOR)
	make_user(TEACHER_USER, roles.TEACHER)


def make_graduate(minor: bool = False, **values):
	"""An adult graduate (25 years old), or a 16-year-old with a parent as legal representative."""
	today = getdate()
	doc = frappe.get_doc(
		{
			"doctype": "Graduate",
			"last_name": "Согласиев",
			"first_name": "Пётр",
			"patronymic": "Олегович",
			"gender": "Male",
			"date_of_birth": add_years(today, -16 if minor else -25),
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
	return doc.insert(ignore_permissions=True)


def make_consent(graduate, submit: bool = True, **values):
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


def make_employer(
	email: str | None = "hr@employer.invalid", short_name: str = "ООО «Тест-Работодатель»"
) -> str:
	existing = frappe.db.get_value("Employer", {"short_name": short_name})
	if existing:
		frappe.db.set_value("Employer", existing, "email", email)
		return existing
	return (
		frappe.get_doc(
			{
				"doctype": "Employer",
				"full_name": f"Общество с ограниченной ответственностью «{short_name}»",
				"short_name": short_name,
				"status": "Active Partner",
				"email": email,
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def make_resume(graduate: str, **values):
	return frappe.get_doc(
		{"doctype": "Student Resume", "graduate": graduate, "desired_position": "Помощник повара", **values}
	).insert(ignore_permissions=True)


def make_personal_data(graduate: str, **values):
	return frappe.get_doc(
		{
			"doctype": "Graduate Personal Data",
			"graduate": graduate,
			"passport_series": "4011",
			"passport_number": "918273",
			"passport_issued_by": "ГУ МВД России по г. Санкт-Петербургу",
			"passport_issued_on": "2020-02-02",
			"snils": "179-306-524 92",
			**values,
		}
	).insert(ignore_permissions=True)


def make_application(graduate: str, submit: bool = True):
	doc = frappe.get_doc(
		{
			"doctype": "Employment Assistance Application",
			"graduate": graduate,
			"kind": "Assistance",
			"application_date": getdate(),
		}
	).insert(ignore_permissions=True)
	if submit:
		doc.submit()
	return doc


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


def register_print_helper() -> None:
	"""Make ``citi_consent_print`` available to print templates even before hooks.py registers it."""
	from citi_employment.personal_data.printing import citi_consent_print

	frappe.get_jenv().globals.setdefault("citi_consent_print", citi_consent_print)
