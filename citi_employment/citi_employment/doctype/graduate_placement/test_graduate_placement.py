# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate

from citi_employment.citi_employment.doctype.graduate_placement.graduate_placement import (
	PlacementNotAllowedError,
)
from citi_employment.tests.records import (
	ADMISSIONS_USER,
	DIRECTOR_USER,
	HEAD_USER,
	VACANCY_PROFESSION,
	candidates_of,
	make_center_users,
	make_employer,
	make_job_seeker,
	make_placement,
	make_profession,
	make_request,
)
from citi_employment.vacancies.candidate_list import add_candidates
from citi_employment.write_guards.field_errors import InvalidFieldValueError


class TestGraduatePlacement(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		make_profession(VACANCY_PROFESSION)

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_placement_hires_the_candidate_and_fills_the_request(self):
		request = make_request(positions_count=2)
		first, second = make_job_seeker("Первый"), make_job_seeker("Второй")
		add_candidates(request.name, [first.name, second.name])
		frappe.db.set_value("Vacancy Request", request.name, "status", "In Progress")

		placement = make_placement(first.name, vacancy_request=request.name)
		self.assertEqual(placement.employer, request.employer)
		self.assertEqual(placement.position, "Помощник повара")
		self.assertEqual(placement.status, "Employed")
		self.assertTrue(placement.name.startswith(f"PLC-{getdate().year}-"))
		request.reload()
		self.assertEqual(request.filled_count, 1)
		self.assertEqual(request.status, "In Progress")
		statuses = {row.graduate: row.status for row in candidates_of(request.name)}
		self.assertEqual(statuses, {first.name: "Hired", second.name: "Proposed"})
		self.assertEqual(frappe.db.get_value("Graduate", first.name, "employment_status"), "Employed")

		make_placement(second.name, vacancy_request=request.name)
		request.reload()
		self.assertEqual((request.filled_count, request.status), (2, "Filled"))

	def test_deleting_a_placement_reopens_a_filled_request(self):
		request = make_request(positions_count=1)
		graduate = make_job_seeker("Удаляемый")
		placement = make_placement(graduate.name, vacancy_request=request.name)
		self.assertEqual(frappe.db.get_value("Vacancy Request", request.name, "status"), "Filled")

		placement.delete(ignore_permissions=True)
		request.reload()
		self.assertEqual((request.filled_count, request.status), (0, "In Progress"))
		self.assertEqual(
			frappe.db.get_value("Graduate", graduate.name, "employment_status"), "Seeking Employment"
		)

	def test_dismissal_ends_the_placement_and_the_graduate_seeks_again(self):
		graduate = make_job_seeker("Уволенный")
		placement = make_placement(graduate.name, make_employer("Увольняющая"))
		self.assertEqual(frappe.db.get_value("Graduate", graduate.name, "employment_status"), "Employed")

		placement.dismissal_date = add_days(getdate(), -1)
		placement.dismissal_reason = "По собственному желанию"
		placement.save()
		self.assertEqual(placement.status, "Dismissed")
		self.assertEqual(
			frappe.db.get_value("Graduate", graduate.name, "employment_status"), "Seeking Employment"
		)

	def test_dismissal_before_employment_is_refused(self):
		graduate = make_job_seeker("Ранний")
		with self.assertRaises(frappe.exceptions.InvalidDates) as raised:
			make_placement(
				graduate.name,
				make_employer("Ранняя"),
				employment_date=getdate(),
				dismissal_date=add_days(getdate(), -1),
			)
		self.assertIn("Dismissal Date", str(raised.exception))

	def test_request_of_another_employer_is_refused(self):
		request = make_request()
		graduate = make_job_seeker("Чужой")
		with self.assertRaises(InvalidFieldValueError):
			make_placement(graduate.name, make_employer("Чужая"), vacancy_request=request.name)

	def test_no_new_placement_after_consent_revocation(self):
		from citi_employment.personal_data.consents import revoke

		graduate = make_job_seeker("Отозвавший")
		consent = frappe.get_all(
			"Personal Data Consent", filters={"graduate": graduate.name, "docstatus": 1}, pluck="name"
		)[0]
		frappe.set_user(HEAD_USER)
		revoke(consent, str(getdate()))
		frappe.set_user("Administrator")
		with self.assertRaises(PlacementNotAllowedError) as raised:
			make_placement(graduate.name, make_employer("После отзыва"))
		self.assertIn(graduate.full_name, str(raised.exception))
		self.assertFalse(frappe.db.exists("Graduate Placement", {"graduate": graduate.name}))

	def test_roles(self):
		graduate = make_job_seeker("Ролевой")
		placement = make_placement(graduate.name, make_employer("Ролевая"))
		frappe.set_user(DIRECTOR_USER)
		self.assertTrue(frappe.has_permission("Graduate Placement", "read", placement.name))
		self.assertFalse(frappe.has_permission("Graduate Placement", "write", placement.name))
		frappe.set_user(ADMISSIONS_USER)
		self.assertFalse(frappe.has_permission("Graduate Placement", "read", placement.name))
		with self.assertRaises(frappe.PermissionError):
			frappe.get_list("Graduate Placement")
		frappe.set_user(HEAD_USER)
		self.assertTrue(frappe.has_permission("Graduate Placement", "create"))
