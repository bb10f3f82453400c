# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Candidates on the vacancy request's form: the list, the confirmation after adding, the status change."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate

from citi_employment.tests.records import (
	ADMISSIONS_USER,
	DIRECTOR_USER,
	SPECIALIST_USER,
	VACANCY_PROFESSION,
	candidates_of,
	make_center_users,
	make_job_seeker,
	make_profession,
	make_request,
)
from citi_employment.vacancies.candidate_list import (
	CandidateStatusError,
	add_candidates,
	get_candidates,
	set_candidate_status,
)

CANDIDATE = "Vacancy Candidate"


class TestCandidateList(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		make_profession(VACANCY_PROFESSION)

	def tearDown(self):
		frappe.set_user("Administrator")

	def request_with_candidate(self, **request_values):
		request = make_request(**request_values)
		graduate = make_job_seeker("Списочный")
		add_candidates(request.name, [graduate.name])
		(candidate,) = candidates_of(request.name)
		return request, graduate, candidate

	# --- the confirmation after «Добавить выбранных» ----------------------------------------------------

	def test_adding_says_who_was_added_who_was_refused_and_who_already_was_a_candidate(self):
		request = make_request()
		agreed = make_job_seeker("Согласившийся")
		refused = make_job_seeker("Несогласившийся", consent=False)
		frappe.set_user(SPECIALIST_USER)

		result = add_candidates(request.name, [agreed.name, refused.name])
		self.assertEqual(result["added"], [agreed.name])
		self.assertEqual(result["refused"], [refused.name])
		self.assertEqual(result["already_proposed"], [])
		self.assertEqual(result["names"], {agreed.name: agreed.full_name, refused.name: refused.full_name})
		self.assertEqual([row.graduate for row in candidates_of(request.name)], [agreed.name])

		again = add_candidates(request.name, [agreed.name, refused.name])
		self.assertEqual(
			(again["added"], again["refused"], again["already_proposed"]),
			([], [refused.name], [agreed.name]),
		)

	def test_an_unknown_graduate_refuses_the_whole_call(self):
		request = make_request()
		agreed = make_job_seeker("Единственный")
		with self.assertRaises(frappe.DoesNotExistError):
			add_candidates(request.name, [agreed.name, "GRAD-0000-00000"])
		self.assertEqual(candidates_of(request.name), [])

	# --- the list on the request's form --------------------------------------------------------------

	def test_the_form_lists_candidates_with_status_and_score(self):
		request, graduate, candidate = self.request_with_candidate()
		frappe.set_user(SPECIALIST_USER)
		data = get_candidates(request.name)
		(row,) = data["candidates"]
		self.assertEqual(
			(row.name, row.graduate, row.graduate_name), (candidate.name, graduate.name, graduate.full_name)
		)
		self.assertEqual((row.status, row.score), ("Proposed", candidate.score))
		self.assertGreater(row.score, 0)
		self.assertTrue(data["can_change_status"])
		self.assertIn("Interview", data["statuses"])

	def test_the_director_reads_the_list_but_may_not_change_it(self):
		request, _graduate, _candidate = self.request_with_candidate()
		frappe.set_user(DIRECTOR_USER)
		data = get_candidates(request.name)
		self.assertEqual(len(data["candidates"]), 1)
		self.assertFalse(data["can_change_status"])

	def test_the_admissions_committee_gets_no_graduate_from_a_targeted_training_request(self):
		request, _graduate, _candidate = self.request_with_candidate(kind="Targeted Training")
		other, _graduate, _candidate = self.request_with_candidate()
		frappe.set_user(ADMISSIONS_USER)
		self.assertEqual(get_candidates(request.name)["candidates"], [])
		with self.assertRaises(frappe.PermissionError):
			get_candidates(other.name)  # an Employment request the committee may not read at all

	# --- the status changed from the list -------------------------------------------------------------

	def test_the_status_changes_through_the_candidate_controller(self):
		"""The controller dates the change, as when the candidate's own form is saved."""
		request, _graduate, candidate = self.request_with_candidate()
		frappe.db.set_value(CANDIDATE, candidate.name, "status_date", add_days(getdate(), -7))
		frappe.set_user(SPECIALIST_USER)

		result = set_candidate_status(candidate.name, "Interview")
		self.assertEqual(result["status"], "Interview")
		stored = frappe.db.get_value(CANDIDATE, candidate.name, ["status", "status_date"], as_dict=True)
		self.assertEqual((stored.status, getdate(stored.status_date)), ("Interview", getdate()))

	def test_a_user_without_write_permission_cannot_change_the_status(self):
		request, _graduate, candidate = self.request_with_candidate()
		for user in (DIRECTOR_USER, ADMISSIONS_USER):
			frappe.set_user(user)
			with self.assertRaises(frappe.PermissionError):
				set_candidate_status(candidate.name, "Declined")
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value(CANDIDATE, candidate.name, "status"), "Proposed")

	def test_an_unknown_status_is_refused_before_anything_is_written(self):
		request, _graduate, candidate = self.request_with_candidate()
		frappe.set_user(SPECIALIST_USER)
		for status in ("Promoted", "", "<b>Hired</b>"):
			with self.assertRaises(CandidateStatusError):
				set_candidate_status(candidate.name, status)
		self.assertEqual(frappe.db.get_value(CANDIDATE, candidate.name, "status"), "Proposed")
