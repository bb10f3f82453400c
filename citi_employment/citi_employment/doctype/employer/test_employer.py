# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from citi_employment.citi_employment.doctype.employer.employer import DuplicateEmployerINNError
from citi_employment.tests.records import (
	ADMISSIONS_USER,
	DIRECTOR_USER,
	HEAD_USER,
	SPECIALIST_USER,
	SUPERVISOR_USER,
	TEACHER_USER,
	make_center_users,
	make_employer,
	messages_shown,
	organization_inn,
)
from citi_employment.write_guards.field_errors import InvalidFieldValueError

SOLE_PROPRIETOR_INN = "500100732259"
SOLE_PROPRIETOR_OGRNIP = "304500116000157"
ORGANIZATION_OGRN = "1027700132195"


class TestEmployer(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.clear_messages()

	def assert_not_saved(self, short_name):
		self.assertFalse(frappe.db.exists("Employer", {"short_name": short_name}))

	def test_identifiers_are_normalised_and_saved(self):
		inn = organization_inn()
		employer = make_employer(
			short_name="ООО «Норма»",
			inn=f" {inn[:4]} {inn[4:]} ",
			ogrn=ORGANIZATION_OGRN,
			kpp="470301001",
			phone="8 (813) 702-12-34",
		)
		stored = frappe.db.get_value("Employer", employer, ["inn", "ogrn", "kpp", "phone"], as_dict=True)
		self.assertEqual(stored.inn, inn)
		self.assertEqual(stored.ogrn, ORGANIZATION_OGRN)
		self.assertEqual(stored.phone, "+78137021234")
		self.assertRegex(employer, r"^EMP-\d{5}$")

	def test_invalid_inn_is_refused_and_nothing_is_saved(self):
		inn = organization_inn()
		bad_inn = inn[:-1] + str((int(inn[-1]) + 1) % 10)
		with self.assertRaises(InvalidFieldValueError) as raised:
			make_employer(short_name="ООО «Плохой ИНН»", inn=bad_inn)
		self.assertIn("INN", str(raised.exception))
		self.assertNotIn(bad_inn, str(raised.exception))
		self.assert_not_saved("ООО «Плохой ИНН»")

	def test_invalid_ogrn_and_kpp_are_refused_together(self):
		with self.assertRaises(InvalidFieldValueError) as raised:
			make_employer(short_name="ООО «Плохой ОГРН»", ogrn="1027700132196", kpp="47030")
		messages = raised.exception.args[0]
		self.assertEqual(len(messages), 2)
		self.assert_not_saved("ООО «Плохой ОГРН»")

	def test_sole_proprietor_has_no_kpp(self):
		with self.assertRaises(InvalidFieldValueError):
			make_employer(
				short_name="ИП Петров", inn=SOLE_PROPRIETOR_INN, ogrn=SOLE_PROPRIETOR_OGRNIP, kpp="470301001"
			)
		self.assert_not_saved("ИП Петров")
		employer = make_employer(short_name="ИП Петров", inn=SOLE_PROPRIETOR_INN, ogrn=SOLE_PROPRIETOR_OGRNIP)
		self.assertEqual(frappe.db.get_value("Employer", employer, "inn"), SOLE_PROPRIETOR_INN)

	def test_ogrn_must_fit_the_inn(self):
		with self.assertRaises(InvalidFieldValueError):
			make_employer(short_name="ООО «Не тот ОГРН»", inn=organization_inn(), ogrn=SOLE_PROPRIETOR_OGRNIP)

	def test_founding_year_and_counts_are_checked(self):
		with self.assertRaises(InvalidFieldValueError) as raised:
			make_employer(short_name="ООО «Годы»", founding_year=1700, quota_positions=-1)
		self.assertEqual(len(raised.exception.args[0]), 2)

	def test_duplicate_inn_names_the_existing_employer(self):
		inn = organization_inn()
		existing = make_employer(short_name="ООО «Первый»", inn=inn)
		with self.assertRaises(DuplicateEmployerINNError) as raised:
			make_employer(short_name="ООО «Второй»", full_name="ООО «Второй»", inn=inn)
		message = str(raised.exception)
		self.assertIn("ООО «Первый»", message)
		self.assertIn(existing, message)
		self.assert_not_saved("ООО «Второй»")

	def test_resaving_keeps_its_own_inn(self):
		employer = frappe.get_doc("Employer", make_employer(short_name="ООО «Своё»", inn=organization_inn()))
		employer.activity = "Общественное питание"
		employer.save()
		self.assertEqual(frappe.db.get_value("Employer", employer.name, "activity"), "Общественное питание")

	def test_employers_without_inn_are_stored_as_null(self):
		first = make_employer(short_name="ООО «Без ИНН 1»", inn="")
		second = make_employer(short_name="ООО «Без ИНН 2»", inn="  ")
		self.assertIsNone(frappe.db.get_value("Employer", first, "inn"))
		self.assertIsNone(frappe.db.get_value("Employer", second, "inn"))

	def test_inn_has_a_unique_index(self):
		indexes = frappe.db.sql(
			"SHOW INDEX FROM `tabEmployer` WHERE Column_name = %s AND Non_unique = 0", ("inn",), as_dict=True
		)
		self.assertTrue(indexes)
		# The index is the backstop when two people save the same ИНН at the same moment.
		inn = organization_inn()
		make_employer(short_name="ООО «Гонка 1»", inn=inn)
		duplicate = frappe.get_doc(
			{"doctype": "Employer", "full_name": "ООО «Гонка 2»", "short_name": "ООО «Гонка 2»", "inn": inn}
		)
		duplicate.validate_unique_inn = lambda: None
		with self.assertRaises(frappe.UniqueValidationError):
			duplicate.insert()

	def test_similar_names_give_a_warning_not_an_error(self):
		existing = make_employer(
			full_name="Общество с ограниченной ответственностью «Ромашка-Тест»",
			short_name="ООО «Ромашка-Тест»",
		)
		frappe.clear_messages()
		new = make_employer(full_name="Ромашка-тест, ООО", short_name="Ромашка-Тест")
		log = messages_shown()
		self.assertIn(existing, log)
		self.assertTrue(frappe.db.exists("Employer", new))

	def test_unrelated_names_give_no_warning(self):
		make_employer(full_name="ООО «Лютик-Тест»", short_name="ООО «Лютик-Тест»")
		frappe.clear_messages()
		make_employer(full_name="АО «Василёк-Тест»", short_name="АО «Василёк-Тест»")
		self.assertNotIn("Лютик", messages_shown())

	def test_permissions_per_role(self):
		expected = {
			HEAD_USER: {
				"read": 1,
				"create": 1,
				"write": 1,
				"delete": 1,
				"import": 1,
				"export": 1,
				"report": 1,
			},
			SPECIALIST_USER: {"read": 1, "create": 1, "write": 1, "delete": 1, "import": 1, "export": 1},
			DIRECTOR_USER: {"read": 1, "report": 1, "print": 1, "create": 0, "write": 0, "delete": 0},
			SUPERVISOR_USER: {"read": 1, "create": 0, "write": 0, "export": 0},
			# Teachers read graduates for their recommendation section, not the employers' data bank (§2.2).
			TEACHER_USER: {"read": 0, "create": 0, "write": 0, "export": 0},
			ADMISSIONS_USER: {"read": 0, "create": 0, "write": 0},
		}
		for user, rights in expected.items():
			for ptype, allowed in rights.items():
				with self.subTest(user=user, ptype=ptype):
					self.assertEqual(
						bool(frappe.has_permission("Employer", ptype, user=user)),
						bool(allowed),
						(user, ptype),
					)

	def test_read_only_roles_cannot_create(self):
		frappe.set_user(TEACHER_USER)
		with self.assertRaises(frappe.PermissionError):
			make_employer(short_name="ООО «Учитель»", ignore_permissions=False)

	def test_specialist_creates_and_director_reads(self):
		frappe.set_user(SPECIALIST_USER)
		employer = make_employer(
			short_name="ООО «Специалист»", inn=organization_inn(), ignore_permissions=False
		)
		frappe.set_user(DIRECTOR_USER)
		self.assertEqual(frappe.get_doc("Employer", employer).short_name, "ООО «Специалист»")
		frappe.set_user(ADMISSIONS_USER)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc("Employer", employer).check_permission("read")

	def test_contacts_and_addresses_are_linked_and_removed_with_the_employer(self):
		country = "Russian Federation"
		# Install provides the default Address Template; without one an address cannot be displayed.
		self.assertTrue(frappe.db.exists("Address Template", {"is_default": 1}))
		employer = make_employer(short_name="ООО «Контакт»")
		contact = frappe.get_doc(
			{
				"doctype": "Contact",
				"first_name": "Мария",
				"last_name": "Кадрова",
				"links": [{"link_doctype": "Employer", "link_name": employer}],
			}
		).insert()
		address = frappe.get_doc(
			{
				"doctype": "Address",
				"address_title": "ООО «Контакт»",
				"address_type": "Office",
				"address_line1": "ул. Ленина, д. 1",
				"city": "Всеволожск",
				"country": country,
				"links": [{"link_doctype": "Employer", "link_name": employer}],
			}
		).insert()

		loaded = frappe.get_doc("Employer", employer)
		loaded.run_method("onload")
		onload = loaded.get_onload()
		self.assertEqual([row.name for row in onload.contact_list], [contact.name])
		self.assertEqual([row.name for row in onload.addr_list], [address.name])

		frappe.delete_doc("Employer", employer)
		self.assertFalse(frappe.db.exists("Contact", contact.name))
		self.assertFalse(frappe.db.exists("Address", address.name))
