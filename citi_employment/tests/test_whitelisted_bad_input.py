# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Garbage sent to the app's whitelisted methods is refused with a clear message, and nothing is written.

Each method is called by a user who may call it, with a name that does not exist, nothing, a value of the
wrong type, malformed JSON, an impossible date, an out-of-range number. Frappe answers a ValidationError,
DoesNotExistError or PermissionError with a 4xx and its message; anything else (TypeError, KeyError, a
database error) is a 500 with a traceback. Every refusal must leave the records as they were, say what is
wrong through ``_()`` (so it can be translated) and never quote a graduate's СНИЛС or passport. Users who may
not call a method get a PermissionError for valid arguments too.

A value whose type contradicts the method's type hints (a dict for a name, a list for ``limit``) never reaches
the method: in a request and in tests Frappe v15 checks the hints first and raises FrappeTypeError, a 417
with Frappe's own untranslated message that names the argument and the types, never the value.
"""

from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from citi_employment.personal_data.center_only import get_count
from citi_employment.personal_data.consents import revoke
from citi_employment.personal_data.destruction import destroy
from citi_employment.personal_data.sharing import send_to_employer
from citi_employment.resumes.prefill import get_prefill
from citi_employment.tests.records import (
	ADMISSIONS_USER,
	DIRECTOR_USER,
	HEAD_USER,
	PASSPORT,
	SNILS,
	SPECIALIST_USER,
	candidates_of,
	ensure_categories,
	ensure_outgoing_email_account,
	make_center_users,
	make_employer,
	make_graduate,
	make_job_seeker,
	make_personal_data,
	make_request,
	make_resume,
	messages_shown,
)
from citi_employment.vacancies.candidate_list import add_candidates, suggest_candidates

CONSENT = "Personal Data Consent"
# Every DocType a whitelisted method here could write to, directly or on the side.
WATCHED_DOCTYPES = (
	"Personal Data Transfer",
	"Personal Data Destruction Act",
	"Vacancy Candidate",
	"Email Queue",
	"ToDo",
	"Student Resume",
	"Graduate Personal Data",
	"Employment Assistance Application",
	"Version",
	"Comment",
	"Deleted Document",
)
SENSITIVE_VALUES = (
	SNILS,
	SNILS.replace("-", "").replace(" ", ""),
	PASSPORT["passport_number"],
	f"{PASSPORT['passport_series']} {PASSPORT['passport_number']}",
)
# Text of a Python or database error that reached the user instead of a message.
CRASH_TEXT = ("Traceback", "object has no attribute", "not subscriptable", "Expecting value", "SQL syntax")
REFUSALS = (frappe.ValidationError, frappe.PermissionError)
# Names that do not exist, nothing, and values of the wrong type where a name is expected.
BAD_NAMES = ("does-not-exist", None, "", {"name": "x"}, 42, ["x"])
# Every string that went through _() comes back with this mark while a method runs.
MARK = "⟦tr⟧"


class MarkedTranslations(dict):
	"""Stands in for a language's translations: marks every string it is asked for."""

	def get(self, key, default=None):
		return f"{MARK}{key}"


def marked_translations(lang=None):
	return MarkedTranslations()


def snapshot() -> tuple:
	"""Counts of the watched DocTypes and the state of every consent and graduate."""
	counts = {doctype: frappe.db.count(doctype) for doctype in WATCHED_DOCTYPES}
	consents = frappe.get_all(
		CONSENT,
		fields=[
			"name",
			"status",
			"docstatus",
			"revocation_received_on",
			"destruction_due_on",
			"destroyed_on",
		],
		order_by="name",
	)
	graduates = frappe.get_all("Graduate", fields=["name", "full_name", "consent_status"], order_by="name")
	return counts, consents, graduates


def consent_of(graduate: str) -> str:
	return frappe.db.get_value(CONSENT, {"graduate": graduate, "docstatus": 1}, "name")


class TestWhitelistedBadInput(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_categories()
		make_center_users()
		ensure_outgoing_email_account()
		cls.employer = make_employer()
		cls.request = make_request()
		# A job seeker whose consent allows transfer, with passport and СНИЛС on file and a resume.
		cls.graduate = make_job_seeker("Проверкин").name
		make_personal_data(cls.graduate)
		cls.consent = consent_of(cls.graduate)
		cls.resume = make_resume(cls.graduate).name
		cls.other_resume = make_resume(make_graduate(first_name="Чужой").name).name
		# A revoked consent whose destruction is not due yet.
		revoked = make_job_seeker("Отозвавший").name
		cls.revoked_consent = consent_of(revoked)
		revoke(cls.revoked_consent, str(getdate()))

	def tearDown(self):
		frappe.set_user("Administrator")

	# --- the check ------------------------------------------------------------------------------------

	def assert_refused(self, user: str, method, *args, expected=REFUSALS, type_hints_apply=True, **kwargs):
		"""``method`` called as ``user`` raises a refusal with a translatable, clean message; nothing changes."""
		call = f"{method.__name__}{args!r} {kwargs!r} as {user}"
		before = snapshot()
		frappe.clear_messages()
		frappe.set_user(user)
		error = None
		try:
			with patch("frappe.translate.get_all_translations", marked_translations):
				method(*args, **kwargs)
		except REFUSALS as refusal:
			error = refusal
		except frappe.FrappeTypeError as refusal:
			# Refused by Frappe's check of the type hints before the method runs: a 417 naming the argument
			# and the types only. Its message is Frappe's own and untranslated, so only the rest is checked.
			error = refusal
		except Exception as crash:
			self.fail(f"{call} crashed with {type(crash).__name__}: {crash}")
		finally:
			frappe.set_user("Administrator")
		self.assertIsNotNone(error, f"{call} was accepted")
		self.assertIsInstance(
			error, (*expected, frappe.FrappeTypeError) if type_hints_apply else expected, call
		)
		self.assertEqual(snapshot(), before, f"{call} wrote something")
		text = f"{error}\n{messages_shown()}"
		if not isinstance(error, frappe.FrappeTypeError):
			self.assertIn(MARK, text, f"{call}: no translatable message in {text!r}")
		for value in (*SENSITIVE_VALUES, *CRASH_TEXT):
			self.assertNotIn(value, text, call)
		return error

	def assert_refused_for_staff(self, method, *args, **kwargs):
		for user in (HEAD_USER, SPECIALIST_USER):
			with self.subTest(user=user, args=args, kwargs=kwargs):
				self.assert_refused(user, method, *args, **kwargs)

	# --- bad input from users who may call the method -------------------------------------------------

	def test_suggest_candidates(self):
		for name in BAD_NAMES:
			self.assert_refused_for_staff(suggest_candidates, name)
		for limit in ("abc", -5, "-5", 0, 10**9, "1e999", 2.5, {"a": 1}, [5]):
			self.assert_refused_for_staff(suggest_candidates, self.request.name, limit=limit)

	def test_add_candidates(self):
		for name in BAD_NAMES:
			self.assert_refused_for_staff(add_candidates, name, [self.graduate])
		for graduates in (
			"{not json",
			"[1,",
			"does-not-exist",
			'"does-not-exist"',
			'{"a": 1}',
			"42",
			"[]",
			None,
			"",
			42,
			{"a": 1},
			[],
			[None],
			[1, 2],
			[["x"]],
			[{"name": "x"}],
			["does-not-exist"],
			# All or none: the valid graduate is not proposed either.
			[self.graduate, "does-not-exist"],
		):
			self.assert_refused_for_staff(add_candidates, self.request.name, graduates)
		self.assertEqual(candidates_of(self.request.name), [])

	def test_get_prefill(self):
		for name in BAD_NAMES:
			self.assert_refused_for_staff(get_prefill, name)

	def test_get_count(self):
		for doctype in (*BAD_NAMES, "Not A DocType"):
			self.assert_refused_for_staff(get_count, doctype)
		for filters in (
			"{not json",
			'[["name", "=",',
			"42",
			42,
			'"abc"',
			"[1, 2]",
			'{"no_such_field": 1}',
			'[["no_such_field", "=", 1]]',
			'[["Graduate", "no_such_field", "=", 1]]',
			'[["Graduate Personal Data", "snils", "=", "17930652492"]]',
			{"name": {"a": 1}},
			{"name": ["like"]},
			{"name": ["between", "x"]},
			[["name", "=", ["x"]]],
			[["name", "in", {"a": 1}]],
			[["name", "no such operator", "x"]],
			[[None, "=", "x"]],
		):
			self.assert_refused_for_staff(get_count, "Graduate", filters=filters)

	def test_revoke(self):
		for name in BAD_NAMES:
			self.assert_refused_for_staff(revoke, name)
		for received_on in (
			"31.02.2026",
			"2026-02-31",
			"2026-13-01",
			"not a date",
			"0000-00-00",
			20260101,
			{"date": "2026-01-01"},
			["2026-01-01"],
			"2999-01-01",
		):
			self.assert_refused_for_staff(revoke, self.consent, received_on=received_on)
		self.assertEqual(frappe.db.get_value(CONSENT, self.consent, "status"), "Active")

	def test_send_to_employer(self):
		valid = {
			"graduate": self.graduate,
			"employer": self.employer,
			"document_type": "Student Resume",
			"document_name": self.resume,
		}
		for field in ("graduate", "employer", "document_name"):
			for name in BAD_NAMES:
				self.assert_refused_for_staff(send_to_employer, **{**valid, field: name})
		for document_type in (
			"Graduate Personal Data",
			"Graduate",
			"Not A DocType",
			None,
			"",
			42,
			{"doctype": "Student Resume"},
			["Student Resume"],
		):
			self.assert_refused_for_staff(send_to_employer, **{**valid, "document_type": document_type})
		# Another graduate's resume under this graduate's consent.
		self.assert_refused_for_staff(send_to_employer, **{**valid, "document_name": self.other_resume})

	def test_destroy(self):
		for name in BAD_NAMES:
			self.assert_refused(HEAD_USER, destroy, name)
		# Not due yet: only an explicit 1 may destroy early, so garbage must not count as a confirmation.
		for confirm_early in ("abc", "yes", -5, 2, "1.5", 0.5, {"a": 1}, [1]):
			with self.subTest(confirm_early=confirm_early):
				self.assert_refused(HEAD_USER, destroy, self.revoked_consent, confirm_early=confirm_early)
		# An active consent is not destroyed, confirmed or not.
		self.assert_refused(HEAD_USER, destroy, self.consent, confirm_early=1)
		self.assertFalse(frappe.db.get_value(CONSENT, self.revoked_consent, "destroyed_on"))

	# --- valid arguments from users who may not call the method ---------------------------------------

	def test_users_without_the_right_are_refused(self):
		calls = (
			(suggest_candidates, (self.request.name,), {}),
			(add_candidates, (self.request.name, [self.graduate]), {}),
			(get_prefill, (self.graduate,), {}),
			(get_count, ("Graduate Personal Data",), {"filters": {"graduate": self.graduate}}),
			(revoke, (self.consent,), {"received_on": str(getdate())}),
			(send_to_employer, (self.graduate, self.employer, "Student Resume", self.resume), {}),
			(destroy, (self.revoked_consent,), {"confirm_early": 1}),
		)
		for user in (DIRECTOR_USER, ADMISSIONS_USER):
			for method, args, kwargs in calls:
				with self.subTest(user=user, method=method.__name__):
					self.assert_refused(
						user,
						method,
						*args,
						expected=(frappe.PermissionError,),
						type_hints_apply=False,
						**kwargs,
					)
		# Destruction is the Head's alone.
		self.assert_refused(
			SPECIALIST_USER,
			destroy,
			self.revoked_consent,
			expected=(frappe.PermissionError,),
			type_hints_apply=False,
			confirm_early=1,
		)

	# --- the same methods still accept what the desk sends --------------------------------------------

	def test_valid_arguments_still_work(self):
		frappe.set_user(SPECIALIST_USER)
		self.assertIsInstance(suggest_candidates(self.request.name), list)
		for limit in (1, "5", 500):
			self.assertIsInstance(suggest_candidates(self.request.name, limit), list)
		self.assertIn("education", get_prefill(self.graduate))
		self.assertEqual(get_count("Graduate", filters={"name": self.graduate}), 1)
		self.assertEqual(
			get_count("Graduate", filters=f'[["Graduate", "name", "=", "{self.graduate}", false]]'), 1
		)
		self.assertEqual(get_count("Graduate", filters=[["name", "in", [self.graduate]]]), 1)
		request = make_request(self.employer)
		self.assertEqual(add_candidates(request.name, f'["{self.graduate}"]')["added"], [self.graduate])

		graduate = make_job_seeker("Уходящий").name
		consent = consent_of(graduate)
		self.assertTrue(revoke(consent, str(getdate()))["changed"])
		frappe.set_user(HEAD_USER)
		self.assertTrue(destroy(consent, confirm_early="1"))
		frappe.set_user("Administrator")
		self.assertTrue(frappe.db.get_value(CONSENT, consent, "destroyed_on"))
