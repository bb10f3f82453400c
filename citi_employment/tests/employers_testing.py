"""Record builders for the employer, application and resume integration tests."""

import random

import frappe
from stdnum.ru import inn as stdnum_inn

from citi_employment.roles import (
	ADMISSIONS_COMMITTEE,
	EMPLOYMENT_CENTER_HEAD,
	EMPLOYMENT_SPECIALIST,
	INSTITUTION_DIRECTOR,
	PRACTICE_SUPERVISOR,
	TEACHER,
)

HEAD_USER = "employers-head@example.com"
SPECIALIST_USER = "employers-specialist@example.com"
DIRECTOR_USER = "employers-director@example.com"
SUPERVISOR_USER = "employers-supervisor@example.com"
TEACHER_USER = "employers-teacher@example.com"
ADMISSIONS_USER = "employers-admissions@example.com"

USERS = {
	HEAD_USER: EMPLOYMENT_CENTER_HEAD,
	SPECIALIST_USER: EMPLOYMENT_SPECIALIST,
	DIRECTOR_USER: INSTITUTION_DIRECTOR,
	SUPERVISOR_USER: PRACTICE_SUPERVISOR,
	TEACHER_USER: TEACHER,
	ADMISSIONS_USER: ADMISSIONS_COMMITTEE,
}

PASSPORT = {
	"passport_series": "4009",
	"passport_number": "705318",
	"passport_issued_by": "ТП № 12 отдела УФМС России по Ленинградской обл. во Всеволожском р-не",
	"passport_issued_on": "2021-04-15",
	"passport_division_code": "470-012",
}


def make_users() -> None:
	"""One user per Center role, named after it; idempotent."""
	for email, role in USERS.items():
		if frappe.db.exists("User", email):
			continue
		frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": role,
				"send_welcome_email": 0,
				"roles": [{"role": role}],
			}
		).insert(ignore_permissions=True)


def organization_inn() -> str:
	"""A fresh valid 10-digit ИНН (region 47, random body, computed check digit)."""
	body = "47" + "".join(random.choices("0123456789", k=7))
	return body + stdnum_inn.calc_company_check_digit(body)


def make_employer(**values):
	doc = frappe.get_doc(
		{
			"doctype": "Employer",
			"full_name": values.pop("full_name", "Общество с ограниченной ответственностью «Тестовое»"),
			"short_name": values.pop("short_name", "ООО «Тестовое»"),
			**values,
		}
	)
	return doc.insert()


def make_profession(name: str = "Повар") -> str:
	if not frappe.db.exists("Profession", name):
		frappe.get_doc(
			{
				"doctype": "Profession",
				"profession_name": name,
				"program_name": "Адаптированная основная образовательная программа профессионального обучения «Повар»",
			}
		).insert(ignore_permissions=True)
	return name


def make_graduate(**values):
	doc = frappe.get_doc(
		{
			"doctype": "Graduate",
			"last_name": "Иванов",
			"first_name": "Иван",
			"patronymic": "Иванович",
			"gender": "Male",
			"date_of_birth": "2004-05-17",
			"marital_status": "Single",
			"phone": "+79111234567",
			"registration_address": "188640, Ленинградская обл., г. Всеволожск, ул. Ленина, д. 1, кв. 2",
			"actual_address": "188640, Ленинградская обл., г. Всеволожск, ул. Заводская, д. 3, кв. 4",
			"profession": make_profession(),
			"group_code": "00.00 – ПП 00001",
			"study_start": "2022-09-01",
			"study_end": "2025-06-30",
			"certificate_number": "470000012345",
			**values,
		}
	)
	return doc.insert(ignore_permissions=True)


def make_personal_data(graduate: str, **values):
	return frappe.get_doc(
		{"doctype": "Graduate Personal Data", "graduate": graduate, **PASSPORT, **values}
	).insert(ignore_permissions=True)


def message_log_text() -> str:
	"""Everything msgprinted in this request, whatever form v15 keeps it in."""
	parts = []
	for entry in frappe.message_log or []:
		if isinstance(entry, str):
			try:
				entry = frappe.parse_json(entry)
			except Exception:
				parts.append(entry)
				continue
		parts.append(str(entry.get("message", "")) if isinstance(entry, dict) else str(entry))
	return "\n".join(parts)
