# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Employer Interaction (§5.3): references of the same employer, the next step's ToDo, and the employer's
last contact, which counts the e-mail sent from the Employer form (a Communication) too."""

import json

import frappe
from frappe.client import save as client_save
from frappe.core.doctype.communication.email import make as make_communication
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate

from citi_employment.employers.interactions import NextStepMissingError, ReferenceOfAnotherEmployerError
from citi_employment.tests.records import (
	ADMISSIONS_USER,
	DIRECTOR_USER,
	HEAD_USER,
	SPECIALIST_USER,
	SUPERVISOR_USER,
	TEACHER_USER,
	ensure_outgoing_email_account,
	make_center_users,
	make_contract,
	make_employer,
	make_interaction,
	make_request,
)
from citi_employment.write_guards import ServiceFieldChangeError

INTERACTION = "Employer Interaction"
TODAY = getdate()


def make_contact(employer: str, email: str) -> str:
	return (
		frappe.get_doc(
			{
				"doctype": "Contact",
				"first_name": "Мария",
				"last_name": "Кадрова",
				"email_ids": [{"email_id": email, "is_primary": 1}],
				"links": [{"link_doctype": "Employer", "link_name": employer}],
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def todos_of(interaction: str) -> list[dict]:
	return frappe.get_all(
		"ToDo",
		filters={"reference_type": INTERACTION, "reference_name": interaction},
		fields=["name", "status", "allocated_to", "date", "description"],
	)


def last_contact_on(employer: str):
	value = frappe.db.get_value("Employer", employer, "last_contact_on")
	return getdate(value) if value else None


class TestEmployerInteraction(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		cls.employer = make_employer("ООО «Собеседник»")
		cls.other_employer = make_employer("ООО «Посторонний»")

	def setUp(self):
		frappe.set_user("Administrator")

	def tearDown(self):
		frappe.set_user("Administrator")

	def interact(self, user: str = SPECIALIST_USER, **values):
		with self.set_user(user):
			return make_interaction(values.pop("employer", self.employer), **values)

	# Input

	def test_the_form_tells_in_person_from_remote(self):
		for form, mode in (
			("Interview", "In Person"),
			("Consultation", "In Person"),
			("E-mail", "Distance"),
			("Phone", "Distance"),
		):
			with self.subTest(form=form):
				self.assertEqual(self.interact(form=form).mode, mode)

	def test_a_next_step_dated_before_the_interaction_is_refused(self):
		with self.assertRaises(frappe.exceptions.InvalidDates) as raised:
			self.interact(
				topic="Раньше срока", next_step="Прислать договор", next_step_date=add_days(TODAY, -1)
			)
		self.assertIn(frappe.utils.formatdate(add_days(TODAY, -1)), str(raised.exception))
		self.assertFalse(frappe.db.exists(INTERACTION, {"topic": "Раньше срока"}))
		self.assertFalse(
			frappe.db.exists("ToDo", {"reference_type": INTERACTION, "description": "Прислать договор"})
		)

	def test_a_next_step_date_needs_the_step(self):
		with self.assertRaises(NextStepMissingError):
			self.interact(topic="Без шага", next_step_date=add_days(TODAY, 3))
		self.assertFalse(frappe.db.exists(INTERACTION, {"topic": "Без шага"}))

	def test_references_must_be_the_same_employer_s(self):
		own_request = make_request(self.employer).name
		other_request = make_request(self.other_employer).name
		own_contract = make_contract("Cooperation (Partnership)", self.employer, valid_from="2075-01-01").name
		other_contract = make_contract(
			"Cooperation (Partnership)", self.other_employer, valid_from="2075-01-01"
		).name
		own_contact = make_contact(self.employer, "hr@sobesednik.invalid")
		other_contact = make_contact(self.other_employer, "hr@postoronniy.invalid")
		for values in (
			{"vacancy_request": other_request},
			{"employer_contract": other_contract},
			{"contact_person": other_contact},
		):
			with self.subTest(values=values), self.assertRaises(ReferenceOfAnotherEmployerError):
				self.interact(topic="Чужая ссылка", **values)
		self.assertFalse(frappe.db.exists(INTERACTION, {"topic": "Чужая ссылка"}))
		interaction = self.interact(
			vacancy_request=own_request, employer_contract=own_contract, contact_person=own_contact
		)
		self.assertEqual(interaction.contact_person, own_contact)

	def test_the_head_and_specialists_write_interactions_the_director_reads_them_others_see_nothing(self):
		interaction = self.interact()
		for user in (HEAD_USER, SPECIALIST_USER):
			self.assertTrue(frappe.has_permission(INTERACTION, "write", doc=interaction.name, user=user))
		self.assertTrue(frappe.has_permission(INTERACTION, "read", doc=interaction.name, user=DIRECTOR_USER))
		self.assertFalse(
			frappe.has_permission(INTERACTION, "write", doc=interaction.name, user=DIRECTOR_USER)
		)
		for user in (TEACHER_USER, SUPERVISOR_USER, ADMISSIONS_USER):
			self.assertFalse(
				frappe.has_permission(INTERACTION, "read", doc=interaction.name, user=user), user
			)

	# The next step's ToDo

	def test_the_next_step_gives_the_responsible_one_todo_moved_with_its_date(self):
		interaction = self.interact(
			next_step="Прислать проект договора", next_step_date=add_days(TODAY, 5), responsible=HEAD_USER
		)
		todos = todos_of(interaction.name)
		self.assertEqual(len(todos), 1)
		self.assertEqual(
			(todos[0].status, todos[0].allocated_to, getdate(todos[0].date)),
			("Open", HEAD_USER, add_days(TODAY, 5)),
		)
		self.assertIn("Прислать проект договора", todos[0].description)

		doc = frappe.get_doc(INTERACTION, interaction.name)
		doc.outcome = "Договорились о встрече"
		with self.set_user(SPECIALIST_USER):
			doc.save()
		self.assertEqual(len(todos_of(interaction.name)), 1, "saved again: still one ToDo")

		doc = frappe.get_doc(INTERACTION, interaction.name)
		doc.next_step_date = add_days(TODAY, 9)
		with self.set_user(SPECIALIST_USER):
			doc.save()
		moved = todos_of(interaction.name)
		self.assertEqual(
			[(row.name, getdate(row.date)) for row in moved], [(todos[0].name, add_days(TODAY, 9))]
		)

		doc = frappe.get_doc(INTERACTION, interaction.name)
		doc.responsible = SPECIALIST_USER
		with self.set_user(SPECIALIST_USER):
			doc.save()
		self.assertEqual([row.allocated_to for row in todos_of(interaction.name)], [SPECIALIST_USER])

	def test_a_closed_todo_stays_closed_and_a_withdrawn_step_cancels_an_open_one(self):
		# Quotes and a second line: the ToDo keeps them as HTML, and an unchanged step still compares equal.
		interaction = self.interact(
			next_step='Позвонить в отдел кадров «Столовой» & "Кухни"\nи уточнить график',
			next_step_date=add_days(TODAY, 2),
		)
		todo = todos_of(interaction.name)[0].name
		frappe.db.set_value("ToDo", todo, "status", "Closed")
		doc = frappe.get_doc(INTERACTION, interaction.name)
		doc.outcome = "Позвонили"
		doc.save()
		self.assertEqual(frappe.db.get_value("ToDo", todo, "status"), "Closed")
		self.assertEqual(len(todos_of(interaction.name)), 1)
		self.assertIn("<br>и уточнить график", frappe.db.get_value("ToDo", todo, "description"))

		other = self.interact(next_step="Отправить резюме", next_step_date=add_days(TODAY, 2))
		doc = frappe.get_doc(INTERACTION, other.name)
		doc.next_step = None
		doc.next_step_date = None
		doc.save()
		self.assertEqual([row.status for row in todos_of(other.name)], ["Cancelled"])

	def test_no_next_step_no_todo(self):
		self.assertEqual(todos_of(self.interact().name), [])

	def test_the_todo_reference_cannot_be_forged(self):
		interaction = self.interact(next_step="Позвонить", next_step_date=TODAY)
		payload = frappe.get_doc(INTERACTION, interaction.name).as_dict()
		payload["next_step_todo"] = "forged"
		with self.set_user(SPECIALIST_USER), self.assertRaises(ServiceFieldChangeError):
			client_save(json.dumps(payload, default=str))

	# The employer's last contact

	def test_the_last_contact_is_the_latest_interaction(self):
		employer = make_employer("ООО «Давний контакт»")
		self.assertIsNone(last_contact_on(employer))
		latest = self.interact(employer=employer, interaction_date=add_days(TODAY, -3))
		self.interact(employer=employer, interaction_date=add_days(TODAY, -10))
		self.assertEqual(last_contact_on(employer), add_days(TODAY, -3))
		frappe.delete_doc(INTERACTION, latest.name)
		self.assertEqual(last_contact_on(employer), add_days(TODAY, -10))

	def test_an_email_sent_from_the_employer_form_is_a_contact_filed_under_the_employer(self):
		"""The desk's e-mail dialog on the Employer form calls ``communication.email.make`` for the employer."""
		ensure_outgoing_email_account()
		employer = make_employer("ООО «Переписка»", email="hr@perepiska.invalid")
		self.interact(employer=employer, interaction_date=add_days(TODAY, -20))
		with self.set_user(SPECIALIST_USER):
			sent = make_communication(
				doctype="Employer",
				name=employer,
				recipients="hr@perepiska.invalid",
				subject="Приглашение на день открытых дверей",
				content="Приглашаем вас 15 апреля.",
				send_email=True,
			)
		communication = frappe.get_doc("Communication", sent["name"])
		self.assertEqual(
			(communication.reference_doctype, communication.reference_name), ("Employer", employer)
		)
		self.assertEqual(last_contact_on(employer), TODAY)
		self.assertFalse(frappe.db.exists(INTERACTION, {"employer": employer, "form": "E-mail"}))

	def test_mail_to_one_of_the_employer_s_contacts_counts_too(self):
		employer = make_employer("ООО «Контактное лицо»")
		make_contact(employer, "boss@kontakt.invalid")
		frappe.get_doc(
			{
				"doctype": "Communication",
				"communication_type": "Communication",
				"communication_medium": "Email",
				"sent_or_received": "Received",
				"sender": "boss@kontakt.invalid",
				"subject": "Ответ по вакансии",
				"communication_date": add_days(TODAY, -4),
			}
		).insert(ignore_permissions=True)
		self.assertEqual(last_contact_on(employer), add_days(TODAY, -4))

	def test_the_last_contact_cannot_be_typed_in(self):
		employer = frappe.get_doc("Employer", make_employer("ООО «Подделка»"))
		payload = employer.as_dict()
		payload["last_contact_on"] = "2001-02-03"
		with self.set_user(SPECIALIST_USER), self.assertRaises(ServiceFieldChangeError):
			client_save(json.dumps(payload, default=str))
		self.assertIsNone(last_contact_on(employer.name))

	def test_the_employer_lists_its_interactions(self):
		interaction = self.interact()
		dashboard = frappe.get_meta("Employer").get_dashboard_data()
		self.assertIn(
			INTERACTION, [doctype for group in dashboard.transactions for doctype in group["items"]]
		)
		self.assertEqual(dashboard.fieldname, "employer")
		with self.set_user(HEAD_USER):
			linked = frappe.get_list(INTERACTION, filters={"employer": self.employer}, pluck="name")
		self.assertIn(interaction.name, linked)
