# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate, nowdate

from citi_employment.contracts.register import citi_contract_register, get_register_rows, register_year
from citi_employment.domain.paper_forms import CONTRACT_REGISTER_FORM
from citi_employment.tests.records import (
	HEAD_USER,
	SUPERVISOR_USER,
	act,
	approve,
	make_center_users,
	make_contract,
	make_employer,
	make_graduate,
)

# The four journals of §3.6 shipped in fixtures/contract_journal.json: (prefix, requires graduate, practice).
SHIPPED = {
	"Targeted Vocational Training": ("ЦП", 1, 0),
	"Free Candidate Training": ("БО", 1, 0),
	"Cooperation (Partnership)": ("СП", 0, 0),
	"Practice": ("ПР", 0, 1),
}


def make_journal(name: str, prefix: str):
	return frappe.get_doc(
		{
			"doctype": "Contract Journal",
			"journal_name": name,
			"register_title": "Журнал регистрации договоров для проверки",
			"number_prefix": prefix,
		}
	)


class TestContractJournal(FrappeTestCase):
	def test_the_four_journals_of_the_regulation_are_installed(self):
		for name, (prefix, requires_graduate, practice) in SHIPPED.items():
			journal = frappe.get_doc("Contract Journal", name)
			self.assertEqual(journal.number_prefix, prefix)
			self.assertEqual(journal.requires_graduate, requires_graduate)
			self.assertEqual(journal.is_practice_journal, practice)
			self.assertTrue(journal.register_title.startswith("Журнал регистрации договоров"))

	def test_prefix_is_trimmed(self):
		journal = make_journal("Test Journal Trim", "  ТЖ- ").insert()
		self.assertEqual(journal.number_prefix, "ТЖ")

	def test_prefix_with_spaces_or_hyphens_is_refused(self):
		for prefix in ("Т Ж", "Т-Ж", "   "):
			with self.assertRaises(frappe.ValidationError):
				make_journal(f"Test Journal {len(prefix)}{prefix.strip()}", prefix).insert()

	def test_journal_name_is_the_id(self):
		journal = make_journal("Test Journal Name", "ТН").insert()
		self.assertEqual(journal.name, "Test Journal Name")


class TestContractRegister(FrappeTestCase):
	"""The register book printed from a journal (§3.6 журнал регистрации, §5.4 реестр)."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		cls.year = getdate(nowdate()).year
		cls.employers = [make_employer("Реестр-1"), make_employer("Реестр-2"), make_employer("Реестр-3")]
		graduate = make_graduate(first_name="Реестров").name
		cls.first = approve(
			make_contract(
				"Targeted Vocational Training", cls.employers[0], valid_from="2060-01-01", graduate=graduate
			)
		)
		cls.second = approve(
			make_contract(
				"Targeted Vocational Training", cls.employers[1], valid_from="2060-01-01", graduate=graduate
			)
		)
		cls.second = act(frappe.get_doc(cls.second.doctype, cls.second.name), "Terminate", HEAD_USER)
		cls.draft = make_contract(
			"Targeted Vocational Training", cls.employers[2], valid_from="2060-01-01", graduate=graduate
		)
		cls.practice = approve(make_contract("Practice", cls.employers[2], valid_from="2060-01-01"))

	def numbers(self, rows) -> list[str]:
		return [row.registration_number for row in rows]

	def test_register_lists_registered_contracts_in_number_order(self):
		rows = [row for row in get_register_rows("Targeted Vocational Training") if row.name in self.names()]
		self.assertEqual(
			self.numbers(rows), [self.first.registration_number, self.second.registration_number]
		)
		self.assertEqual([row.line for row in get_register_rows("Targeted Vocational Training")][:1], [1])
		terminated = rows[1]
		self.assertEqual(terminated.status, "Terminated")
		self.assertEqual(getdate(terminated.terminated_on), getdate(nowdate()))
		self.assertEqual(terminated.graduate_name, self.first.graduate_name)

	def names(self) -> set[str]:
		return {self.first.name, self.second.name, self.draft.name, self.practice.name}

	def test_year_filter(self):
		self.assertEqual(register_year(), self.year)
		self.assertEqual(register_year("2031"), 2031)
		self.assertEqual(register_year("junk"), self.year)
		self.assertEqual(get_register_rows("Targeted Vocational Training", self.year - 1), [])
		frappe.form_dict.year = str(self.year - 1)
		self.addCleanup(frappe.form_dict.pop, "year", None)
		self.assertEqual(citi_contract_register("Practice")["year"], self.year - 1)

	def test_register_shows_only_what_the_user_may_read(self):
		with self.set_user(SUPERVISOR_USER):
			self.assertEqual(get_register_rows("Targeted Vocational Training"), [])
			self.assertIn(self.practice.registration_number, self.numbers(get_register_rows("Practice")))
		with self.set_user("Guest"):
			self.assertEqual(get_register_rows("Practice"), [])

	def test_print_format_renders_the_register(self):
		html = frappe.get_print("Contract Journal", "Targeted Vocational Training", CONTRACT_REGISTER_FORM)
		self.assertIn("Журнал регистрации договоров целевой профессиональной подготовки", html)
		self.assertIn(self.first.registration_number, html)
		self.assertIn("расторгнут", html)
		self.assertIn("orientation: Landscape", html)
		self.assertNotIn(self.draft.name, html)
