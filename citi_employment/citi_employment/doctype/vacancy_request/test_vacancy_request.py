# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import json

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, add_years, getdate

from citi_employment.citi_employment.doctype.vacancy_request.vacancy_request import (
	ProbationSalaryNotConfirmedError,
)
from citi_employment.domain.paper_forms import VACANCY_REQUEST_FORM
from citi_employment.tests.records import (
	ADMISSIONS_USER,
	AGE,
	DIRECTOR_USER,
	GENDER,
	HEAD_USER,
	INTERNAL_DOCTYPE,
	INTERNAL_FIELDS,
	OTHER_PROFESSION,
	SPECIALIST_USER,
	SUPERVISOR_USER,
	VACANCY_PROFESSION,
	candidates_of,
	make_center_users,
	make_employer,
	make_job_seeker,
	make_profession,
	make_request,
)
from citi_employment.vacancies.candidate_list import add_candidates, suggest_candidates
from citi_employment.vacancies.candidates import CandidateNotAllowedError
from citi_employment.write_guards.field_errors import InvalidFieldValueError

WORKFLOW = "Vacancy Request Workflow"
MODULE = "citi_employment.citi_employment.doctype.vacancy_request.vacancy_request"
# Frappe v15's frappe.client.get_count checks no permission; the app's replacement must be registered.
COUNT_METHOD = "frappe.client.get_count"
COUNT_OVERRIDE = "citi_employment.personal_data.center_only.get_count"


def whitelisted(cmd: str):
	"""The function the server runs for ``/api/method/<cmd>``, after the apps' overrides (as frappe.handler)."""
	overrides = frappe.get_hooks("override_whitelisted_methods", {}).get(cmd, [])
	method = frappe.get_attr(overrides[-1] if overrides else cmd)
	frappe.is_whitelisted(method)
	return method


def refused_or(call):
	"""What ``call`` returns, or None when Frappe refuses it: no permission, a field not in the DocType, or a
	column the table does not have (the requirements left Vacancy Request, columns and all)."""
	try:
		return call()
	except (frappe.PermissionError, frappe.DataError):
		return None
	except Exception as error:
		if error.args and frappe.db.is_missing_column(error):
			return None
		raise


def as_text(value) -> str:
	return json.dumps(value, default=str, ensure_ascii=False)


def report_view(doctype: str, fields: list[str], filters=None):
	"""What the list and report views ask for (``frappe.desk.reportview.get``)."""
	from frappe.desk.reportview import get

	frappe.local.form_dict = frappe._dict(
		doctype=doctype, fields=json.dumps(fields), filters=json.dumps(filters or {})
	)
	try:
		return get()
	finally:
		frappe.local.form_dict = frappe._dict()


def rest_get(doctype: str, name: str) -> dict:
	"""GET /api/resource/<doctype>/<name>."""
	from frappe.api.v1 import read_doc

	return read_doc(doctype, name).as_dict()


def load_form(doctype: str, name: str) -> dict:
	"""What the desk form receives (``frappe.desk.form.load.getdoc``)."""
	from frappe.desk.form.load import getdoc

	frappe.local.response = frappe._dict(docs=[])
	getdoc(doctype, name)
	return frappe.local.response.docs[0].as_dict()


def rest_list(doctype: str, fields: list[str], filters=None):
	"""GET /api/resource/<doctype>?fields=...&filters=..."""
	from frappe.api.v1 import document_list

	frappe.local.form_dict = frappe._dict(fields=json.dumps(fields), filters=json.dumps(filters or {}))
	try:
		return document_list(doctype)
	finally:
		frappe.local.form_dict = frappe._dict()


class TestVacancyRequest(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		make_profession(VACANCY_PROFESSION)
		make_profession(OTHER_PROFESSION)

	def tearDown(self):
		frappe.set_user("Administrator")

	# --- validation -----------------------------------------------------------------------------------

	def test_zero_positions_is_a_clear_error(self):
		with self.assertRaises(InvalidFieldValueError) as raised:
			make_request(positions_count=0)
		self.assertIn("Number of Positions", str(raised.exception))

	def test_probation_salary_above_salary_needs_confirmation(self):
		with self.assertRaises(ProbationSalaryNotConfirmedError) as raised:
			make_request(salary=40000, probation_salary=50000)
		self.assertIn("Probation Salary", str(raised.exception))

		doc = make_request(salary=40000, probation_salary=50000, probation_salary_above_confirmed=1)
		self.assertEqual(doc.probation_salary, 50000)

	def test_employer_header_is_copied_from_the_employer(self):
		doc = make_request()
		self.assertIn("Тестовая столовая", doc.employer_full_name)
		phone = frappe.db.get_value("Employer", doc.employer, "phone")
		self.assertEqual(doc.employer_contacts, f"{phone}, hr@stolovaya.invalid")
		self.assertEqual(doc.website, "https://stolovaya.invalid")
		self.assertEqual(doc.founding_year, 2005)
		self.assertEqual(doc.head_name, "Петров Пётр Петрович")
		self.assertEqual(doc.title if hasattr(doc, "title") else doc.get_title(), "Помощник повара")

	def test_sent_to_admissions_committee_sets_the_date(self):
		doc = make_request(kind="Targeted Training", sent_to_admissions_committee=1)
		self.assertEqual(getdate(doc.sent_on), getdate())

	def test_new_request_starts_as_draft_with_nothing_filled(self):
		doc = make_request()
		self.assertEqual((doc.status, doc.filled_count), ("Draft", 0))
		self.assertTrue(doc.name.startswith(f"VR-{getdate().year}-"))

	# --- candidates -----------------------------------------------------------------------------------

	def test_add_candidates_scores_them_and_refuses_without_transfer_consent(self):
		request = make_request()
		with_consent = make_job_seeker("Согласный")
		without_consent = make_job_seeker("Несогласный", consent=False)

		frappe.set_user(SPECIALIST_USER)
		added = add_candidates(request.name, json.dumps([with_consent.name]))
		self.assertEqual(added["added"], [with_consent.name])
		(row,) = candidates_of(request.name)
		self.assertEqual((row.graduate, row.status), (with_consent.name, "Proposed"))
		self.assertGreater(row.score, 0)
		self.assertIn("Profession matches", row.score_explanation)
		self.assertEqual(getdate(row.status_date), getdate())

		# The graduate without a consent is refused and named; the other one is still proposed.
		another = make_job_seeker("Другой согласный")
		result = add_candidates(request.name, [another.name, without_consent.name])
		self.assertEqual((result["added"], result["refused"]), ([another.name], [without_consent.name]))
		self.assertEqual(result["names"][without_consent.name], without_consent.full_name)
		self.assertEqual(
			[row.graduate for row in candidates_of(request.name)], [with_consent.name, another.name]
		)

	def test_candidate_made_in_its_own_form_is_checked_and_scored(self):
		request = make_request()
		refused = make_job_seeker("Формовой", consent=False)
		candidate = {"doctype": "Vacancy Candidate", "vacancy_request": request.name}
		with self.assertRaises(CandidateNotAllowedError):
			frappe.get_doc({**candidate, "graduate": refused.name}).insert()

		allowed = make_job_seeker("Формовой согласный")
		doc = frappe.get_doc({**candidate, "graduate": allowed.name}).insert()
		self.assertEqual((doc.position, doc.employer), (request.position, request.employer))
		self.assertGreater(doc.score, 0)
		self.assertTrue(doc.name.startswith(f"VC-{getdate().year}-"))

	def test_a_graduate_is_proposed_only_once(self):
		request = make_request()
		graduate = make_job_seeker("Двойной")
		self.assertEqual(
			add_candidates(request.name, [graduate.name, graduate.name])["added"], [graduate.name]
		)
		again = add_candidates(request.name, [graduate.name])
		self.assertEqual((again["added"], again["already_proposed"]), ([], [graduate.name]))
		with self.assertRaises(InvalidFieldValueError):
			frappe.get_doc(
				{"doctype": "Vacancy Candidate", "vacancy_request": request.name, "graduate": graduate.name}
			).insert()

	def test_status_change_of_a_candidate_updates_its_date(self):
		request = make_request()
		graduate = make_job_seeker("Датный")
		add_candidates(request.name, [graduate.name])
		name = candidates_of(request.name)[0].name
		frappe.db.set_value("Vacancy Candidate", name, "status_date", add_days(getdate(), -10))
		doc = frappe.get_doc("Vacancy Candidate", name)
		doc.score_explanation = doc.score_explanation  # a save without a status change keeps the date
		doc.save()
		self.assertEqual(getdate(doc.status_date), add_days(getdate(), -10))
		doc.status = "Interview"
		doc.save()
		self.assertEqual(getdate(doc.status_date), getdate())

	def test_deleting_a_request_deletes_its_proposals(self):
		request = make_request()
		add_candidates(request.name, [make_job_seeker("Удалённый").name])
		request.delete()
		self.assertEqual(candidates_of(request.name), [])

	def test_suggest_ranks_graduates_and_explains(self):
		employer = make_employer("Доступная кухня", special_workplaces=1)
		request = make_request(employer)
		best = make_job_seeker("Лучший", actual_address="Ленинградская обл., г. Всеволожск, ул. Ленина, д. 1")
		middle = make_job_seeker("Средний", actual_address="г. Санкт-Петербург, ул. Садовая, д. 2")
		other = make_job_seeker("Другой", profession=make_profession(OTHER_PROFESSION))
		employed_or_far = make_job_seeker("Учащийся", study_end=add_years(getdate(), 2))
		frappe.get_doc(
			{"doctype": "Graduate Personal Data", "graduate": best.name, "special_workplace_needs": "Пандус"}
		).insert(ignore_permissions=True)

		frappe.set_user(SPECIALIST_USER)
		suggestions = suggest_candidates(request.name, limit=500)
		order = [row["graduate"] for row in suggestions]
		self.assertLess(order.index(best.name), order.index(middle.name))
		self.assertLess(order.index(middle.name), order.index(other.name))
		self.assertNotIn(employed_or_far.name, order)
		best_row = suggestions[order.index(best.name)]
		text = " ".join(best_row["explanation"])
		self.assertIn("Special workplace compatibility", text)
		self.assertNotIn("Пандус", text)
		self.assertEqual(best_row["graduate_name"], best.full_name)

	def test_stored_score_does_not_reveal_a_special_workplace_need(self):
		"""The Director reads Vacancy Candidate (and its versions): the stored score leaves the need out."""
		request = make_request(make_employer("Без спецмест", special_workplaces=0))
		address = "Ленинградская обл., г. Всеволожск, ул. Ленина, д. 1"
		needs = make_job_seeker("Нуждающийся", actual_address=address)
		plain = make_job_seeker("Обычный", actual_address=address)
		frappe.get_doc(
			{"doctype": "Graduate Personal Data", "graduate": needs.name, "special_workplace_needs": "Пандус"}
		).insert(ignore_permissions=True)

		frappe.set_user(SPECIALIST_USER)
		live = {row["graduate"]: row for row in suggest_candidates(request.name, limit=500)}
		self.assertIn("Special workplace compatibility", " ".join(live[needs.name]["explanation"]))
		self.assertEqual(live[needs.name]["score"], live[plain.name]["score"] - 20)
		self.assertEqual(
			add_candidates(request.name, [needs.name, plain.name])["added"], [needs.name, plain.name]
		)
		own_form = make_request(make_employer("Без спецмест", special_workplaces=0))
		frappe.get_doc(
			{"doctype": "Vacancy Candidate", "vacancy_request": own_form.name, "graduate": needs.name}
		).insert()

		frappe.set_user("Administrator")
		stored = {row.graduate: row for row in candidates_of(request.name)}
		self.assertEqual(stored[needs.name].score, stored[plain.name].score)
		self.assertEqual(stored[needs.name].score_explanation, stored[plain.name].score_explanation)
		self.assertEqual(stored[needs.name].score, live[plain.name]["score"])
		(from_form,) = candidates_of(own_form.name)
		self.assertEqual(
			(from_form.score, from_form.score_explanation),
			(stored[plain.name].score, stored[plain.name].score_explanation),
		)

		names = [stored[needs.name].name, from_form.name]
		frappe.set_user(DIRECTOR_USER)
		for name in names:
			for fetched in (
				frappe.client.get("Vacancy Candidate", name),
				rest_get("Vacancy Candidate", name),
			):
				self.assertEqual(fetched["graduate"], needs.name)
				self.assertNotIn("Special workplace", as_text(fetched))
				self.assertNotIn("Пандус", as_text(fetched))
		rows = frappe.get_list(
			"Vacancy Candidate",
			filters={"name": ("in", names)},
			fields=["name", "score", "score_explanation"],
		)
		self.assertEqual(len(rows), 2)
		self.assertNotIn("Special workplace", as_text(rows))

	def test_suggest_offers_only_graduates_whose_consent_allows_transfer(self):
		request = make_request()
		allowed = make_job_seeker("Согласный")
		without_consent = make_job_seeker("Несогласный", consent=False)
		frappe.set_user(SPECIALIST_USER)
		offered = [row["graduate"] for row in suggest_candidates(request.name, limit=500)]
		self.assertIn(allowed.name, offered)
		self.assertNotIn(without_consent.name, offered)

	def test_a_score_sent_by_a_user_is_replaced_by_the_servers(self):
		request = make_request()
		graduate = make_job_seeker("Подделкин")
		frappe.set_user(SPECIALIST_USER)
		forged = frappe.get_doc(
			{
				"doctype": "Vacancy Candidate",
				"vacancy_request": request.name,
				"graduate": graduate.name,
				"score": 999,
				"score_explanation": "Лучший кандидат",
			}
		).insert()
		self.assertNotEqual(forged.score, 999)
		self.assertNotIn("Лучший кандидат", forged.score_explanation or "")

	def test_suggest_leaves_out_present_candidates(self):
		request = make_request()
		graduate = make_job_seeker("Присутствующий")
		add_candidates(request.name, [graduate.name])
		self.assertNotIn(graduate.name, [row["graduate"] for row in suggest_candidates(request.name, 500)])

	def test_suggest_and_add_need_write_permission(self):
		request = make_request(kind="Targeted Training")
		for user in (DIRECTOR_USER, ADMISSIONS_USER):
			frappe.set_user(user)
			with self.assertRaises(frappe.PermissionError):
				suggest_candidates(request.name)
			with self.assertRaises(frappe.PermissionError):
				add_candidates(request.name, [])

	# --- permissions ----------------------------------------------------------------------------------

	def test_permission_hooks_are_registered(self):
		self.assertIn(f"{MODULE}.has_permission", frappe.get_hooks("has_permission")["Vacancy Request"])
		self.assertIn(
			f"{MODULE}.get_permission_query_conditions",
			frappe.get_hooks("permission_query_conditions")["Vacancy Request"],
		)

	def test_count_override_is_registered(self):
		overrides = frappe.get_hooks("override_whitelisted_methods")[COUNT_METHOD]
		self.assertTrue(overrides[-1].endswith(COUNT_OVERRIDE), overrides)

	def test_admissions_committee_sees_only_targeted_training(self):
		targeted = make_request(kind="Targeted Training")
		employment = make_request(kind="Employment")
		frappe.set_user(ADMISSIONS_USER)

		names = frappe.get_list("Vacancy Request", pluck="name", limit_page_length=0)
		self.assertIn(targeted.name, names)
		self.assertNotIn(employment.name, names)
		self.assertTrue(frappe.has_permission("Vacancy Request", "read", targeted.name))
		self.assertFalse(frappe.has_permission("Vacancy Request", "read", employment.name))
		with self.assertRaises(frappe.PermissionError):
			frappe.client.get("Vacancy Request", employment.name)
		self.assertFalse(frappe.has_permission("Vacancy Request", "write", targeted.name))

	def test_admissions_committee_never_gets_age_gender_or_candidates(self):
		request = make_request(kind="Targeted Training")
		graduate = make_job_seeker("Скрытый")
		add_candidates(request.name, [graduate.name])
		frappe.set_user(ADMISSIONS_USER)

		for fetched in (
			frappe.client.get("Vacancy Request", request.name),
			rest_get("Vacancy Request", request.name),
		):
			self.assertEqual(fetched["position"], "Помощник повара")
			for fieldname in INTERNAL_FIELDS:
				self.assertNotIn(fieldname, fetched)
			self.assertNotIn(AGE, as_text(fetched))
			self.assertNotIn(graduate.name, as_text(fetched))

		for fieldname in INTERNAL_FIELDS:
			rows = refused_or(
				lambda fieldname=fieldname: frappe.get_list(
					"Vacancy Request", filters={"name": request.name}, fields=["name", "position", fieldname]
				)
			)
			self.assertNotIn(AGE, as_text(rows))
			for row in rows or []:
				self.assertNotIn(fieldname, row)
		for doctype in ("Graduate", "Graduate Placement", "Vacancy Candidate", INTERNAL_DOCTYPE):
			self.assertFalse(frappe.has_permission(doctype, "read"), doctype)

	def test_the_request_no_longer_holds_age_or_gender(self):
		"""Field levels leak in Frappe v15's get_list; the wishes moved out of the request, columns and all."""
		meta = frappe.get_meta("Vacancy Request")
		for fieldname in INTERNAL_FIELDS:
			self.assertIsNone(meta.get_field(fieldname), fieldname)
			self.assertFalse(frappe.db.has_column("Vacancy Request", fieldname), fieldname)
		self.assertFalse([field.fieldname for field in meta.fields if field.permlevel])
		self.assertFalse([row.role for row in meta.permissions if row.permlevel])
		self.assertEqual(meta.title_field, "position")
		self.assertNotIn("requirement", meta.search_fields or "")

	def test_get_list_with_a_removed_column_before_a_restricted_one(self):
		"""Frappe v15 pops a forbidden column from the list it enumerates, so the next one escapes the check.
		Neither the request nor a join reaches the wishes for anyone outside the Center."""
		request = make_request(kind="Targeted Training")
		joined = f"`tab{INTERNAL_DOCTYPE}`"
		field_lists = (
			["name", "age_requirement", "gender_requirement"],
			["name", "position", "age_requirement", "gender_requirement", "age_requirement"],
			["name", f"{joined}.age_requirement", f"{joined}.gender_requirement"],
			["name", "position", f"{joined}.gender_requirement", f"{joined}.age_requirement"],
			["*"],
		)
		for user in (ADMISSIONS_USER, DIRECTOR_USER, SUPERVISOR_USER):
			frappe.set_user(user)
			for fields in field_lists:
				for call in (
					lambda: frappe.get_list("Vacancy Request", filters={"name": request.name}, fields=fields),
					lambda: report_view("Vacancy Request", fields, {"name": request.name}),
					lambda: rest_list("Vacancy Request", fields, {"name": request.name}),
				):
					result = refused_or(call)
					self.assertNotIn(AGE, as_text(result), (user, fields))
					self.assertNotIn(GENDER, as_text(result), (user, fields))
				with self.assertRaises(frappe.PermissionError, msg=(user, fields)):
					frappe.get_list(INTERNAL_DOCTYPE, fields=fields)
		frappe.set_user(SUPERVISOR_USER)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_list("Vacancy Request")

	def test_get_list_cannot_reach_candidates(self):
		"""Candidates are not a child table: joining or filtering them needs read rights on Vacancy Candidate."""
		request = make_request(kind="Targeted Training")
		graduate = make_job_seeker("Дочерний")
		add_candidates(request.name, [graduate.name])
		frappe.set_user(ADMISSIONS_USER)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_list(
				"Vacancy Request",
				filters={"name": request.name},
				fields=["name", "`tabVacancy Candidate`.graduate_name"],
			)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_list(
				"Vacancy Request", filters=[["Vacancy Candidate", "graduate", "=", graduate.name]]
			)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_list("Vacancy Candidate", filters={"vacancy_request": request.name})

	def test_get_list_filters_cannot_probe_the_age_requirement(self):
		"""A filter on a field one may not read would answer yes or no; none reaches the wishes."""
		request = make_request(kind="Targeted Training")
		for user in (ADMISSIONS_USER, DIRECTOR_USER):
			frappe.set_user(user)
			answers = []
			for age in (AGE, "до 30 лет"):
				for call in (
					lambda age=age: frappe.get_list(
						"Vacancy Request", filters={"name": request.name, "age_requirement": age}
					),
					lambda age=age: report_view(
						"Vacancy Request", ["name"], {"name": request.name, "age_requirement": age}
					),
				):
					answers.append(refused_or(call))
				with self.assertRaises(frappe.PermissionError, msg=user):
					frappe.get_list(
						"Vacancy Request",
						filters=[
							["name", "=", request.name],
							[INTERNAL_DOCTYPE, "age_requirement", "=", age],
						],
					)
				with self.assertRaises(frappe.PermissionError, msg=user):
					frappe.get_list(INTERNAL_DOCTYPE, filters={"age_requirement": age})
				with self.assertRaises(frappe.PermissionError, msg=user):
					frappe.call(
						whitelisted(COUNT_METHOD),
						doctype=INTERNAL_DOCTYPE,
						filters=json.dumps({"age_requirement": age}),
					)
			# The same answer for the right age and a wrong one: nothing to learn.
			self.assertEqual(as_text(answers[:2]), as_text(answers[2:]), user)

	def test_others_cannot_open_the_internal_requirements(self):
		request = make_request(kind="Targeted Training")
		routes = {
			"frappe.client.get": lambda: frappe.client.get(INTERNAL_DOCTYPE, request.name),
			"frappe.client.get_value": lambda: frappe.client.get_value(
				INTERNAL_DOCTYPE, INTERNAL_FIELDS, {"vacancy_request": request.name}
			),
			"REST": lambda: rest_get(INTERNAL_DOCTYPE, request.name),
			"REST list": lambda: rest_list(INTERNAL_DOCTYPE, ["name", *INTERNAL_FIELDS]),
			"report view": lambda: report_view(INTERNAL_DOCTYPE, ["name", *INTERNAL_FIELDS]),
			"form": lambda: load_form(INTERNAL_DOCTYPE, request.name),
		}
		for user in (ADMISSIONS_USER, DIRECTOR_USER, SUPERVISOR_USER):
			frappe.set_user(user)
			self.assertFalse(frappe.has_permission(INTERNAL_DOCTYPE, "read", doc=request.name, user=user))
			for route, call in routes.items():
				with self.assertRaises(frappe.PermissionError, msg=(user, route)):
					call()
				frappe.clear_messages()
		frappe.set_user(ADMISSIONS_USER)
		loaded = load_form("Vacancy Request", request.name)
		self.assertFalse(loaded["__onload"]["can_read_internal_requirements"])
		self.assertNotIn(AGE, as_text(loaded))

	def test_head_and_specialist_read_the_internal_requirements(self):
		"""The positive control: the same routes give the Center its own data."""
		request = make_request(kind="Targeted Training")
		for user in (HEAD_USER, SPECIALIST_USER):
			frappe.set_user(user)
			self.assertEqual(frappe.client.get(INTERNAL_DOCTYPE, request.name)["age_requirement"], AGE)
			self.assertEqual(rest_get(INTERNAL_DOCTYPE, request.name)["gender_requirement"], GENDER)
			rows = frappe.get_list(
				INTERNAL_DOCTYPE, filters={"age_requirement": AGE}, fields=["name", *INTERNAL_FIELDS]
			)
			self.assertIn({"name": request.name, "age_requirement": AGE, "gender_requirement": GENDER}, rows)
			self.assertIn(AGE, as_text(report_view(INTERNAL_DOCTYPE, ["name", "age_requirement"])))
			self.assertIn(GENDER, as_text(rest_list(INTERNAL_DOCTYPE, ["name", "gender_requirement"])))
			count = whitelisted(COUNT_METHOD)
			self.assertEqual(frappe.call(count, doctype=INTERNAL_DOCTYPE, filters={"name": request.name}), 1)
			self.assertEqual(
				frappe.call(
					count,
					doctype=INTERNAL_DOCTYPE,
					filters=json.dumps([["name", "=", request.name], ["age_requirement", "=", "до 30 лет"]]),
				),
				0,
			)
			loaded = load_form("Vacancy Request", request.name)
			self.assertTrue(loaded["__onload"]["can_read_internal_requirements"])
			self.assertNotIn(AGE, as_text(loaded))  # the flag only, never the values

	def test_director_reads_candidates_but_not_age_or_gender(self):
		request = make_request()
		graduate = make_job_seeker("Директорский")
		add_candidates(request.name, [graduate.name])
		frappe.set_user(DIRECTOR_USER)
		fetched = frappe.client.get("Vacancy Request", request.name)
		self.assertNotIn(AGE, as_text(fetched))
		self.assertFalse(frappe.has_permission("Vacancy Request", "write", request.name))
		rows = frappe.get_list(
			"Vacancy Candidate", filters={"vacancy_request": request.name}, pluck="graduate"
		)
		self.assertEqual(rows, [graduate.name])
		self.assertFalse(frappe.has_permission("Vacancy Candidate", "write"))
		self.assertFalse(frappe.has_permission(INTERNAL_DOCTYPE, "read"))

	def test_specialist_records_age_and_gender(self):
		frappe.set_user(SPECIALIST_USER)
		request = frappe.get_doc(
			{
				"doctype": "Vacancy Request",
				"employer": make_employer("Специалистная"),
				"position": "Кухонный работник",
				"positions_count": 1,
			}
		).insert()
		frappe.get_doc(
			{
				"doctype": INTERNAL_DOCTYPE,
				"vacancy_request": request.name,
				"age_requirement": "до 45 лет",
				"gender_requirement": "Male",
			}
		).insert()
		fetched = frappe.client.get(INTERNAL_DOCTYPE, request.name)
		self.assertEqual((fetched["age_requirement"], fetched["gender_requirement"]), ("до 45 лет", "Male"))

	def test_deleting_a_request_deletes_its_internal_requirements_without_a_copy(self):
		request = make_request()
		frappe.set_user(SPECIALIST_USER)
		frappe.delete_doc("Vacancy Request", request.name)
		self.assertFalse(frappe.db.exists(INTERNAL_DOCTYPE, request.name))
		frappe.set_user("Administrator")
		frappe.db.before_commit.run()  # what a commit runs first, without committing the test data
		self.assertFalse(
			frappe.db.exists(
				"Deleted Document", {"deleted_doctype": INTERNAL_DOCTYPE, "deleted_name": request.name}
			)
		)
		self.assertNotIn(
			AGE,
			as_text(
				frappe.get_all(
					"Deleted Document", fields=["data"], filters={"deleted_doctype": INTERNAL_DOCTYPE}
				)
			),
		)

	# --- workflow -------------------------------------------------------------------------------------

	def test_workflow_moves_through_the_states(self):
		from frappe.model.workflow import apply_workflow

		self.assertTrue(frappe.db.exists("Workflow", WORKFLOW), "installed from the app's fixtures")
		self.assertEqual(frappe.db.get_value("Workflow", WORKFLOW, "document_type"), "Vacancy Request")
		request = make_request()
		frappe.set_user(HEAD_USER)
		request = frappe.get_doc("Vacancy Request", request.name)
		self.assertEqual(request.status, "Draft")
		request = apply_workflow(request, "Register")
		self.assertEqual(request.status, "Registered")
		request = apply_workflow(request, "Start Work")
		self.assertEqual(request.status, "In Progress")
		request = apply_workflow(request, "Close")
		self.assertEqual(request.status, "Closed")

		frappe.set_user(DIRECTOR_USER)
		other = frappe.get_doc("Vacancy Request", make_request().name)
		with self.assertRaises(frappe.ValidationError):
			apply_workflow(other, "Register")

	# --- print format ---------------------------------------------------------------------------------

	def test_print_format_follows_the_form_and_hides_age_gender_from_others(self):
		request = make_request(
			kind="Targeted Training",
			compiled_on="2026-03-05",
			expected_start_date="2026-04-01",
			department="Кухня",
			reports_to="Шеф-повар",
			schedule="5/2, с 9:00 до 18:00",
			probation_period="3 месяца",
			education_requirement="Профессиональное обучение",
		)
		frappe.set_user(SPECIALIST_USER)
		html = frappe.get_print("Vacancy Request", request.name, print_format=VACANCY_REQUEST_FORM)
		for text in (
			"ЗАЯВКА ОТ ПОТЕНЦИАЛЬНОГО РАБОТОДАТЕЛЯ",
			"Полное наименование предприятия",
			"Описание вакантной должности",
			"Условия найма работника",
			"Требования к кандидату",
			"« 05 » марта 2026 г.",
			"« 01 » апреля 2026 г.",
			"45\u00a0000 руб.",
			"от 18 лет",
			"женский",
		):
			self.assertIn(text, html)

		for user in (DIRECTOR_USER, ADMISSIONS_USER):
			frappe.set_user(user)
			html = frappe.get_print("Vacancy Request", request.name, print_format=VACANCY_REQUEST_FORM)
			self.assertIn("Требования к кандидату", html)
			self.assertNotIn("от 18 лет", html)
			self.assertNotIn("женский", html)

	def test_print_helper_gives_blanks_to_others_and_without_a_record(self):
		from citi_employment.vacancies.printing import citi_vacancy_requirements_for_print

		with_wishes = make_request(kind="Targeted Training")
		without = make_request(kind="Targeted Training", age_requirement=None, gender_requirement=None)
		frappe.set_user(HEAD_USER)
		self.assertEqual(
			citi_vacancy_requirements_for_print(with_wishes.name),
			{"age_requirement": AGE, "gender_requirement": GENDER},
		)
		blank = {"age_requirement": "", "gender_requirement": ""}
		self.assertEqual(citi_vacancy_requirements_for_print(without.name), blank)
		self.assertEqual(citi_vacancy_requirements_for_print(None), blank)
		for user in (DIRECTOR_USER, ADMISSIONS_USER, SUPERVISOR_USER):
			frappe.set_user(user)
			self.assertEqual(citi_vacancy_requirements_for_print(with_wishes.name), blank, user)
