"""Wrong user, wrong record (issue 15, item 2), over HTTP against the served site.

Every whitelisted method of the app (``endpoint_table.ENDPOINTS``) is called:

- by every caller the table does not list for it (each Center role, a desk user with no Center role, a
  website user, a guest), with the suite's valid records: a 4xx with a message, and nothing written;
- by a caller it lists, with a record of the wrong kind: a name that does not exist, the name of a record of
  another DocType, a record in the wrong state (a draft or cancelled consent where a submitted one is needed,
  an approved report where a draft is, a draft where an approved one is), and a record the caller's own record
  rules do not reach (the Admissions Committee and a request that is not Targeted Training; a guest's feedback
  link aimed at another check): a 4xx with a message, and nothing written.

A caller the table lists gets an answer for the valid records of a method that writes nothing, so the
refusals above are not the refusal of everyone.
"""

import json

from citi_employment.tests import endpoint_table as table
from citi_employment.tests.endpoint_calls import (
	FEEDBACK_ANSWERS,
	OTHER_TOKEN,
	SURNAME,
	TALLY,
	TOKEN,
	EndpointCallCase,
	print_tally,
	snapshot,
)

MISSING = "idor-does-not-exist"
# The framework's own lookups, which answer a missing name with the name itself (a link's title) or with an
# empty list (a form's document): nothing of a record, so nothing to refuse.
ANSWERS_ANY_NAME = ("get_link_title", "getdoc")


def may_call(endpoint: table.Endpoint, caller: str) -> bool:
	if caller in endpoint.callers:
		return True
	return table.ANYONE in endpoint.callers and caller != table.GUEST


class TestIDOR(EndpointCallCase):
	@classmethod
	def tearDownClass(cls):
		print_tally("IDOR suite")
		super().tearDownClass()

	def first_caller(self, endpoint: table.Endpoint) -> str:
		for caller in table.ALL_CALLERS:
			if may_call(endpoint, caller):
				return caller
		raise AssertionError(endpoint.path)

	# --- callers who may not call --------------------------------------------------------------------------

	def test_every_method_refuses_every_caller_it_does_not_list(self):
		for endpoint in table.ENDPOINTS:
			args = self.valid_args(endpoint)
			for caller in table.ALL_CALLERS:
				if may_call(endpoint, caller):
					continue
				with self.subTest(endpoint=endpoint.name, caller=caller):
					self.refused_without_writing(caller, endpoint, args, f"{endpoint.name} as {caller}")
					TALLY["wrong caller"] += 1

	def test_the_overridden_framework_names_and_the_app_s_own_path_refuse_alike(self):
		for endpoint in table.ENDPOINTS:
			if not endpoint.overrides:
				continue
			direct = table.Endpoint(endpoint.path, endpoint.callers, endpoint.args, endpoint.http_method)
			args = self.valid_args(endpoint)
			for caller in (table.GUEST, table.WEBSITE_USER, table.TEACHER):
				if may_call(endpoint, caller):
					continue
				with self.subTest(endpoint=endpoint.path, caller=caller):
					self.refused_without_writing(caller, direct, args, f"{endpoint.path} as {caller}")
					TALLY["wrong caller"] += 1

	def test_methods_anyone_signed_in_may_call_show_nothing_of_records_the_caller_may_not_read(self):
		search = table.BY_PATH["citi_employment.search.global_search.search"]
		title = table.BY_PATH["citi_employment.graduates.link_titles.get_link_title"]
		for caller in (table.SUPERVISOR, table.ADMISSIONS, table.NO_CENTER_ROLE, table.WEBSITE_USER):
			with self.subTest(caller=caller):
				for endpoint in (search, title):
					before = snapshot(self.watched)
					response = self.call(caller, endpoint, self.valid_args(endpoint))
					self.assertIn(response.status_code, (200, 403), response.text[:300])
					self.assertNotIn(SURNAME, response.text)
					self.assertNotIn(json.dumps(SURNAME)[1:-1], response.text)
					self.assert_nothing_written(before, f"{endpoint.name} as {caller}")
					TALLY["wrong caller"] += 1

	# --- callers who may call, with the wrong record -------------------------------------------------------

	def wrong_records(self, endpoint: table.Endpoint):
		"""(label, arguments) for each record argument: missing, of another DocType, then named cases."""
		valid = self.valid_args(endpoint)
		for argument, kind in endpoint.args.items():
			doctype = table.names_in(kind)
			if not doctype:
				continue
			many = kind.startswith("names:")
			for label, value in (
				("missing", MISSING),
				("other DocType", self.other_kind_of(doctype)),
			):
				yield f"{argument} {label}", {**valid, argument: json.dumps([value]) if many else value}
		yield from self.named_wrong_records(endpoint, valid)

	def named_wrong_records(self, endpoint: table.Endpoint, valid: dict):
		name = endpoint.name
		if name == "revoke":
			yield "a draft consent", {**valid, "consent": self.draft_consent}
			yield "a cancelled consent", {**valid, "consent": self.cancelled_consent}
		if name == "destroy":
			yield "an active consent", {**valid, "consent": self.consent}
			yield "a draft consent", {**valid, "consent": self.draft_consent}
			yield "a cancelled consent", {**valid, "consent": self.cancelled_consent}
		if name == "send_to_employer":
			yield "another graduate's resume", {**valid, "document_name": self.other_resume}
			yield (
				"a document that may not leave",
				{
					**valid,
					"document_type": "Graduate Personal Data",
					"document_name": self.personal_data,
				},
			)
		if name == "send_dossier":
			# No approved mentor recommendation exists for the graduate.
			yield "no approved recommendation", valid
		if name == "compute":
			yield "an approved report", {"__dn": self.approved_report}
			yield "a missing report", {"__dn": MISSING}
			yield "a record of another DocType", {"__dn": self.employer}
		if name == "create_correction":
			yield "a draft report", {**valid, "__dn": self.annual_report}
			yield "a missing report", {**valid, "__dn": MISSING}
		if name == "get_count":
			yield "a DocType that does not exist", {**valid, "doctype": "Idor No Such DocType"}
		if name in ("get_html_and_style", "get_rendered_raw_commands"):
			yield "another DocType's print format", {**valid, "doc": "Employer", "name": self.employer}
		if name in ("download_pdf", "download_weasyprint_pdf"):
			yield "another DocType's print format", {**valid, "doctype": "Employer", "name": self.employer}
		if name == "getdoc":
			yield "a graduate's data as another DocType", {**valid, "doctype": "Graduate"}

	def test_callers_who_may_call_are_refused_the_wrong_record(self):
		for endpoint in table.ENDPOINTS:
			if table.GUEST in endpoint.callers:
				continue  # the guest forms: see below
			caller = self.first_caller(endpoint)
			for label, args in self.wrong_records(endpoint):
				if endpoint.name == "getdoc" and label == "a graduate's data as another DocType":
					continue  # the Graduate is readable by staff: the name exists only as personal data
				with self.subTest(endpoint=endpoint.name, case=label, caller=caller):
					what = f"{endpoint.name}: {label} as {caller}"
					if endpoint.name in ANSWERS_ANY_NAME:
						self.answered_with_nothing(caller, endpoint, args, what)
					else:
						self.refused_without_writing(caller, endpoint, args, what)
					TALLY["wrong record"] += 1

	def answered_with_nothing(self, caller: str, endpoint: table.Endpoint, args: dict, what: str):
		"""The framework's lookups answer a name that is not there with the name itself, or with nothing."""
		before = snapshot(self.watched)
		response = self.call(caller, endpoint, dict(args))
		self.assert_no_crash(response, what)
		if response.status_code == 200:
			self.assertIn(response.json().get("message"), ([], MISSING, self.other_kind_of("Graduate")), what)
		else:
			self.assert_refused(response, what)
		self.assert_nothing_written(before, what)

	def test_record_rules_hold_for_the_restricted_roles(self):
		candidates = table.BY_PATH["citi_employment.vacancies.candidate_list.get_candidates"]
		# The Admissions Committee reads Targeted Training requests only, and no candidate of any.
		self.refused_without_writing(
			table.ADMISSIONS, candidates, {"vacancy_request": self.request}, "candidates of another kind"
		)
		response = self.call(table.ADMISSIONS, candidates, {"vacancy_request": self.targeted_request})
		self.assertEqual(response.status_code, 200, response.text[:300])
		self.assertEqual(response.json()["message"]["candidates"], [])
		# The Director reads candidates but may not change them.
		status = table.BY_PATH["citi_employment.vacancies.candidate_list.set_candidate_status"]
		self.refused_without_writing(
			table.DIRECTOR, status, {"candidate": self.candidate, "status": "Interview"}, "Director's change"
		)
		TALLY["wrong record"] += 3

	def test_a_feedback_link_answers_only_its_own_check_once(self):
		endpoint = table.BY_PATH["citi_employment.employer_forms.feedback.submit"]
		for label, record, token in (
			("this link aimed at another check", self.other_record, TOKEN),
			("a link never issued", self.record, OTHER_TOKEN),
			("another DocType's record", self.employer, TOKEN),
			("a missing record", MISSING, TOKEN),
			("no token", self.record, ""),
		):
			with self.subTest(case=label):
				self.refused_without_writing(
					table.GUEST,
					endpoint,
					{**FEEDBACK_ANSWERS, "record": record, "token": token},
					f"feedback: {label}",
				)
				TALLY["wrong record"] += 1

	def test_a_forged_employer_link_is_refused(self):
		endpoint = table.BY_PATH["citi_employment.employer_forms.vacancy_request.submit"]
		for token in ("forged.token", f"{self.employer}.2099-01-01.deadbeef", "x" * 500):
			with self.subTest(token=token[:40]):
				self.refused_without_writing(
					table.GUEST,
					endpoint,
					{"employer": token, "position": "Повар", "consent": "1"},
					"vacancy form with a forged link",
				)
				TALLY["wrong record"] += 1

	# --- the refusals are not everyone's -------------------------------------------------------------------

	def test_a_listed_caller_is_answered_for_the_valid_records(self):
		for endpoint in table.ENDPOINTS:
			if endpoint.writes or table.GUEST in endpoint.callers or endpoint.name == "print_by_server":
				continue
			if endpoint.name in ("get_rendered_raw_commands", "download_weasyprint_pdf"):
				# The resume's print format is neither a raw one nor one of the new builder: readers are refused.
				continue
			caller = self.first_caller(endpoint)
			with self.subTest(endpoint=endpoint.name, caller=caller):
				before = snapshot(self.watched)
				response = self.call(caller, endpoint, self.valid_args(endpoint))
				self.assertEqual(response.status_code, 200, f"{endpoint.name}: {response.text[:400]}")
				self.assert_nothing_written(before, endpoint.name)
				TALLY["allowed"] += 1
