"""Every whitelisted method of the app, who may call it and what its arguments are (issue 15, items 2 and 3).

Plain data with no Frappe import: the quick suite (``tests/lint/test_endpoint_table.py``) compares it with the
``@frappe.whitelist`` functions it finds in the sources, so a new endpoint fails CI until it is listed here,
and the IDOR and hostile-input suites (``test_idor.py``, ``test_hostile_input.py``) generate their calls from it.

``callers`` are the roles that may call the method with the suite's own valid record; every other role, a
desk user with no Center role, a website user and a guest must be refused with nothing written. ``ANYONE``
means any signed-in user may call it (the answer then depends on the record, see ``record_rule``); ``GUEST``
means the method is public.

Argument kinds (``args``):

- ``name:<DocType>``: the name of a record of that DocType (the suites also pass another DocType's record,
  a name that does not exist and the name of a record in the wrong state);
- ``doctype``: a DocType name; ``report``: a Report name; ``text``: free text; ``email``; ``int``; ``flag`` (0 or 1); ``date``;
- ``names:<DocType>``: a JSON list of names; ``filters``: frappe filters as JSON; ``doc_json``: a whole
  document as JSON; ``print_format``: a Print Format name; ``form``: the fields of a guest form
  (``**form``); ``ignored``: accepted for the framework's caller and not used.

A kind ending in ``?`` is optional: leaving it out (or null) takes the default, so null is not a bad value there.
"""

from dataclasses import dataclass, field

HEAD = "Employment Center Head"
SPECIALIST = "Employment Specialist"
DIRECTOR = "Institution Director"
PSYCHOLOGIST = "Psychologist"
SOCIAL_PEDAGOGUE = "Social Pedagogue"
TEACHER = "Teacher"
ADMISSIONS = "Admissions Committee"
SUPERVISOR = "Practice Supervisor"
# Who else calls: a System User with no role of the Center, a Website User, nobody signed in.
NO_CENTER_ROLE = "Desk user without a Center role"
WEBSITE_USER = "Website User"
GUEST = "Guest"
ANYONE = "Any signed-in user"

CENTER_ROLES = (HEAD, SPECIALIST, DIRECTOR, PSYCHOLOGIST, SOCIAL_PEDAGOGUE, TEACHER, ADMISSIONS, SUPERVISOR)
# Every caller the suites try, in order.
ALL_CALLERS = (*CENTER_ROLES, NO_CENTER_ROLE, WEBSITE_USER, GUEST)
STAFF = frozenset({HEAD, SPECIALIST})
STAFF_AND_DIRECTOR = frozenset({HEAD, SPECIALIST, DIRECTOR})


@dataclass(frozen=True)
class Endpoint:
	"""One whitelisted function. ``path`` is its dotted path (a document method: module.Class.method)."""

	path: str
	callers: frozenset
	args: dict = field(default_factory=dict)
	http_method: str = "GET"
	# A document method, called through ``run_doc_method`` on a record of this DocType.
	doctype: str | None = None
	# The framework method this one replaces (hooks.py override_whitelisted_methods): called by that name too.
	overrides: str | None = None
	# Whitelisted with allow_guest: a guest reaches the method (which may still refuse the suite's record).
	public: bool = False
	# Whether a successful call writes (the hostile-input suite then accepts no 200 for a bad value).
	writes: bool = False
	# How the answer depends on the record, for methods anyone may call.
	record_rule: str = ""

	@property
	def name(self) -> str:
		return self.path.rsplit(".", 1)[-1]

	@property
	def url_path(self) -> str:
		"""What /api/method/ is given: the framework's name for an override, else the app's."""
		return self.overrides or self.path


APP = "citi_employment"
DOCTYPE_MODULE = f"{APP}.citi_employment.doctype"

ENDPOINTS = (
	# --- documents to employers (152-ФЗ ст. 9) ------------------------------------------------------------
	Endpoint(
		f"{APP}.dossier.sending.send_dossier",
		STAFF,
		{"student_resume": "name:Student Resume", "employer": "name:Employer"},
		"POST",
		writes=True,
	),
	Endpoint(
		f"{APP}.personal_data.sharing.send_to_employer",
		STAFF,
		{
			"graduate": "name:Graduate",
			"employer": "name:Employer",
			"document_type": "doctype",
			"document_name": "name:Student Resume",
		},
		"POST",
		writes=True,
	),
	# --- consents ------------------------------------------------------------------------------------------
	Endpoint(
		f"{APP}.personal_data.consents.revoke",
		STAFF,
		{"consent": "name:Personal Data Consent", "received_on": "date?"},
		"POST",
		writes=True,
	),
	Endpoint(
		f"{APP}.personal_data.destruction.destroy",
		frozenset({HEAD}),
		{"consent": "name:Personal Data Consent", "confirm_early": "flag?"},
		"POST",
		writes=True,
	),
	Endpoint(
		f"{APP}.personal_data.center_only.get_count",
		STAFF,
		{"doctype": "doctype", "filters": "filters?", "debug": "ignored", "cache": "ignored"},
		overrides="frappe.client.get_count",
		record_rule="counts through get_list: the suites count Graduate Personal Data, read by staff only",
	),
	Endpoint(
		f"{APP}.personal_data.center_only.get_group_by_count",
		STAFF,
		{"doctype": "doctype", "current_filters": "filters", "field": "text"},
		overrides="frappe.desk.listview.get_group_by_count",
		record_rule="groups through get_list: the suites count Graduate Personal Data, read by staff only",
	),
	# --- employer forms ------------------------------------------------------------------------------------
	Endpoint(
		f"{APP}.employer_forms.vacancy_request.submit",
		frozenset({GUEST}),
		{"form": "form"},
		"POST",
		writes=True,
		public=True,
		record_rule="public form; a Center link names one employer, signed",
	),
	Endpoint(
		f"{APP}.employer_forms.vacancy_request.send_vacancy_request_link",
		STAFF,
		{"employer": "name:Employer", "recipient": "email?"},
		"POST",
		writes=True,
	),
	Endpoint(
		f"{APP}.employer_forms.feedback.send_feedback_request",
		STAFF,
		{"record": "name:Employment Monitoring Record", "recipient": "email?"},
		"POST",
		writes=True,
	),
	Endpoint(
		f"{APP}.employer_forms.feedback.submit",
		frozenset({GUEST}),
		{"form": "form"},
		"POST",
		writes=True,
		public=True,
		record_rule="public form; the token answers one check of one record, once",
	),
	# --- vacancies -----------------------------------------------------------------------------------------
	Endpoint(
		f"{APP}.vacancies.candidate_list.suggest_candidates",
		STAFF,
		{"vacancy_request": "name:Vacancy Request", "limit": "int?"},
	),
	Endpoint(
		f"{APP}.vacancies.candidate_list.add_candidates",
		STAFF,
		{"vacancy_request": "name:Vacancy Request", "graduates": "names:Graduate"},
		"POST",
		writes=True,
	),
	Endpoint(
		f"{APP}.vacancies.candidate_list.get_candidates",
		STAFF_AND_DIRECTOR,
		{"vacancy_request": "name:Vacancy Request"},
		record_rule="the Admissions Committee reads Targeted Training requests only",
	),
	Endpoint(
		f"{APP}.vacancies.candidate_list.set_candidate_status",
		STAFF,
		{"candidate": "name:Vacancy Candidate", "status": "text"},
		"POST",
		writes=True,
	),
	Endpoint(
		f"{APP}.dashboard.cards.open_positions",
		frozenset({HEAD, SPECIALIST, DIRECTOR, ADMISSIONS}),
		{"filters": "ignored"},
		record_rule="counted through get_list: the Admissions Committee counts Targeted Training only",
	),
	# --- resumes, plans, reports, monitoring -------------------------------------------------------------
	Endpoint(
		f"{APP}.resumes.prefill.get_prefill",
		STAFF,
		{"graduate": "name:Graduate"},
	),
	Endpoint(
		f"{DOCTYPE_MODULE}.annual_report.annual_report.AnnualReport.compute",
		STAFF,
		{},
		"POST",
		doctype="Annual Report",
		writes=True,
		record_rule="Draft reports only",
	),
	Endpoint(
		f"{DOCTYPE_MODULE}.annual_report.annual_report.AnnualReport.create_correction",
		STAFF,
		{"reason": "text?"},
		"POST",
		doctype="Annual Report",
		writes=True,
		record_rule="Approved or Published reports only",
	),
	Endpoint(
		f"{APP}.work_plan.progress.plan_items",
		STAFF_AND_DIRECTOR,
		{"work_plan": "name:Work Plan"},
	),
	Endpoint(
		f"{APP}.dashboard.cards.consents_to_renew",
		STAFF_AND_DIRECTOR,
		{"filters": "ignored"},
	),
	Endpoint(
		f"{APP}.dashboard.charts.retention_by_checkpoint",
		STAFF_AND_DIRECTOR,
		{},
	),
	# --- the audit of sensitive reads (the framework's entries, logged) ------------------------------------
	Endpoint(
		f"{APP}.audit.sensitive_access.export_report",
		STAFF_AND_DIRECTOR,
		{
			"report_name": "report",
			"file_format_type": "text",
			"filters": "filters?",
			"custom_columns": "text?",
			"visible_idx": "text",
		},
		overrides="frappe.desk.query_report.export_query",
		record_rule="the suites export the Vacancy Registry: export rights on Vacancy Request (not the Committee's)",
	),
	Endpoint(
		f"{APP}.reporting.desk.run_report",
		frozenset({HEAD, SPECIALIST, DIRECTOR, ADMISSIONS}),
		{
			"report_name": "report",
			"filters": "filters?",
			"user": "ignored",
			"ignore_prepared_report": "flag?",
			"custom_columns": "text?",
			"is_tree": "flag?",
			"parent_field": "text?",
			"are_default_filters": "flag?",
		},
		overrides="frappe.desk.query_report.run",
		record_rule="the suites run the Vacancy Registry: report rights on Vacancy Request, the Committee's too",
	),
	Endpoint(
		f"{APP}.audit.sensitive_access.make_access_log",
		frozenset({ANYONE}),
		{
			"doctype": "doctype?",
			"document": "text?",
			"method": "text?",
			"file_type": "text?",
			"report_name": "text?",
			"filters": "ignored",
			"page": "ignored",
			"columns": "ignored",
		},
		overrides="frappe.core.doctype.access_log.access_log.make_access_log",
		writes=True,
		record_rule="the browser's own log rows: any signed-in user writes an Access Log row about itself",
	),
	# --- the framework's entries the app replaces (any signed-in user; the record decides) ---------------
	Endpoint(
		f"{APP}.search.global_search.search",
		frozenset({ANYONE}),
		{"text": "text", "start": "int?", "limit": "int?", "doctype": "doctype?"},
		overrides="frappe.utils.global_search.search",
		record_rule="hits the user may not open are left out",
	),
	Endpoint(
		f"{APP}.graduates.link_titles.get_link_title",
		frozenset({ANYONE}),
		{"doctype": "doctype", "docname": "name:Graduate"},
		overrides="frappe.desk.search.get_link_title",
		record_rule="a graduate's name only for readers of the graduate",
	),
	Endpoint(
		f"{APP}.graduates.link_titles.getdoc",
		STAFF,
		{"doctype": "doctype", "name": "name:Graduate Personal Data", "user": "ignored"},
		overrides="frappe.desk.form.load.getdoc",
		record_rule="the suites open Graduate Personal Data, read by staff only",
	),
	Endpoint(
		f"{APP}.paper_forms.access.get_html_and_style",
		STAFF_AND_DIRECTOR,
		{
			"doc": "doctype",
			"name": "name:Student Resume",
			"print_format": "print_format?",
			"settings": "ignored",
		},
		overrides="frappe.www.printview.get_html_and_style",
		record_rule="the suites print a Student Resume, read by staff and the Director",
	),
	Endpoint(
		f"{APP}.paper_forms.access.get_rendered_raw_commands",
		STAFF_AND_DIRECTOR,
		{"doc": "doctype", "name": "name:Student Resume", "print_format": "print_format?"},
		overrides="frappe.www.printview.get_rendered_raw_commands",
		record_rule="raw printing needs a raw print format: a stored record is still checked first",
	),
	Endpoint(
		f"{APP}.paper_forms.access.download_pdf",
		STAFF_AND_DIRECTOR,
		{"doctype": "doctype", "name": "name:Student Resume", "format": "print_format?"},
		overrides="frappe.utils.print_format.download_pdf",
		public=True,
		record_rule="guests print only through a share key",
	),
	Endpoint(
		f"{APP}.paper_forms.access.print_by_server",
		STAFF_AND_DIRECTOR,
		{"doctype": "doctype", "name": "name:Student Resume", "printer_setting": "text"},
		overrides="frappe.utils.print_format.print_by_server",
		record_rule="needs a Network Printer Settings record: none exists, so readers get a refusal too",
	),
	Endpoint(
		f"{APP}.paper_forms.access.download_weasyprint_pdf",
		STAFF_AND_DIRECTOR,
		{"doctype": "doctype", "name": "name:Student Resume", "print_format": "print_format?"},
		overrides="frappe.utils.weasyprint.download_pdf",
	),
)

BY_PATH = {endpoint.path: endpoint for endpoint in ENDPOINTS}


def names_in(kind: str) -> str | None:
	"""The DocType a ``name:`` or ``names:`` argument kind names."""
	prefix, _, doctype = kind.rstrip("?").partition(":")
	return doctype if prefix in ("name", "names") and doctype else None
