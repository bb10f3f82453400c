import json
from pathlib import Path

from citi_employment.roles import CENTER_ROLES

app_name = "citi_employment"
app_title = "Citi Employment"
app_publisher = "ГАНПОУ ЛО «МЦ СиТИ»"
app_description = (
	"Employment and Job-Placement Center of a vocational institution for people with disabilities"
)
app_email = "employment@citi.invalid"
app_license = "mit"

export_python_type_annotations = True

# Installation
# ------------

before_install = "citi_employment.install.before_install"
after_install = "citi_employment.install.after_install"
# After install has synced the fixtures: the approval notifications are made from the shipped workflows.
after_sync = "citi_employment.install.after_sync"
# Compiles the Russian catalogue (the desk reads .mo files, not locale/ru.po), lists the app's DocTypes in
# global search and refreshes the approval notifications; install does the same.
after_migrate = ["citi_employment.install.after_migrate"]
before_uninstall = "citi_employment.install.before_uninstall"

# Fixtures
# --------
# Records the app ships as data; `bench migrate` and install sync them.


def _shipped_names(fixture: str) -> list[str]:
	"""The names of the records a fixture file ships: the file is the one list of the app's workflows, their
	states and actions, which these hooks and uninstall both read."""
	path = Path(__file__).parent / "fixtures" / fixture
	return [record["name"] for record in json.loads(path.read_text(encoding="utf-8"))]


WORKFLOWS = _shipped_names("workflow.json")
WORKFLOW_STATES = _shipped_names("workflow_state.json")
WORKFLOW_ACTIONS = _shipped_names("workflow_action_master.json")

fixtures = [
	{"dt": "Role", "filters": [["name", "in", list(CENTER_ROLES)]]},
	{"dt": "Workflow", "filters": [["name", "in", WORKFLOWS]]},
	{"dt": "Workflow State", "filters": [["name", "in", WORKFLOW_STATES]]},
	{"dt": "Workflow Action Master", "filters": [["name", "in", WORKFLOW_ACTIONS]]},
	"Contract Journal",
	"Personal Data Category",
]

# Scheduler
# ---------

scheduler_events = {
	"daily": [
		"citi_employment.contracts.expiry.update_contract_statuses",
		"citi_employment.personal_data.daily.run_daily",
		"citi_employment.monitoring.jobs.run_daily",
		"citi_employment.email_reports.reminders.run_daily",
		"citi_employment.employer_forms.retention.forget_expired_contacts",
	],
}

# Document events
# ---------------
# Server-side write rules for every DocType of the app (read_only, service-owned fields, locked workflow
# states), which Frappe v15 leaves to the form. The handler returns at once for other apps' DocTypes.

doc_events = {
	"*": {
		"before_validate": "citi_employment.write_guards.guard_write",
		"before_update_after_submit": "citi_employment.write_guards.guard_write",
		"before_cancel": "citi_employment.write_guards.guard_write",
		"before_print": [
			# A document of the app prints only for a user with its print right; v15 prints for every reader
			# (deny by default: citi_employment/paper_forms/access.py).
			"citi_employment.paper_forms.access.guard_print",
			# The /printview page fills link titles outside any whitelisted method: drop a graduate's name there
			# for a printer who may not read the graduate, whatever app the printed DocType belongs to.
			"citi_employment.graduates.link_titles.hide_unreadable_link_titles",
		],
	},
	# The public page /employment-outcomes shows published annual reports only (§2.4): a report published,
	# superseded or deleted clears its cache (citi_employment/publication/outcomes.py).
	"Annual Report": {
		"on_update": "citi_employment.publication.outcomes.on_annual_report_change",
		"on_trash": "citi_employment.publication.outcomes.on_annual_report_trash",
	},
	# The minimum cell size and the institution's names are on that page too.
	"Employment Center Settings": {
		"on_update": "citi_employment.publication.outcomes.on_settings_change",
	},
	# Correspondence with an employer counts as a contact (Employer.last_contact_on, §5.3).
	"Communication": {
		"on_update": "citi_employment.employers.last_contact.on_communication_change",
		"after_delete": "citi_employment.employers.last_contact.on_communication_change",
	},
	# A user given or refused the Head role (or disabled) joins or leaves the monthly digest's recipients.
	"User": {
		"on_update": "citi_employment.email_reports.digest.on_user_change",
		"after_delete": "citi_employment.email_reports.digest.on_user_change",
	},
	# A workflow of an app DocType, changed in the desk or by a fixture, gets its approval notifications at once.
	"Workflow": {
		"on_update": "citi_employment.approvals.notifications.on_workflow_update",
		"on_trash": "citi_employment.approvals.notifications.on_workflow_trash",
	},
}

# Global search
# -------------
# The search bar looks only in the DocTypes of Global Search Settings: the setup wizard lists these, and
# install and migrate add them to a site set up before (citi_employment/search/global_search.py).

global_search_doctypes = {
	"Default": [
		{"doctype": "Employer Contract"},
		{"doctype": "Employer"},
	],
}

# Whitelisted method overrides
# ----------------------------
# Frappe v15's frappe.client.get_count checks no permission, so a filter could probe a graduate's СНИЛС.

override_whitelisted_methods = {
	"frappe.client.get_count": "citi_employment.personal_data.center_only.get_count",
	# So does v15's sidebar count by assignee, which selected the records with no permission check at all.
	"frappe.desk.listview.get_group_by_count": "citi_employment.personal_data.center_only.get_group_by_count",
	# The search bar shows no app record the user may not open (a Practice Supervisor: practice contracts only).
	"frappe.utils.global_search.search": "citi_employment.search.global_search.search",
	# Printing prints the stored record of an app DocType, with a print format of its own DocType, and shows no
	# graduate's name to a user who may not read the graduate (citi_employment/paper_forms/access.py).
	"frappe.www.printview.get_html_and_style": "citi_employment.paper_forms.access.get_html_and_style",
	"frappe.www.printview.get_rendered_raw_commands": "citi_employment.paper_forms.access.get_rendered_raw_commands",
	"frappe.utils.print_format.download_pdf": "citi_employment.paper_forms.access.download_pdf",
	"frappe.utils.print_format.print_by_server": "citi_employment.paper_forms.access.print_by_server",
	"frappe.utils.weasyprint.download_pdf": "citi_employment.paper_forms.access.download_weasyprint_pdf",
	# A link's title names a graduate only for readers of the record (citi_employment/graduates/link_titles.py).
	"frappe.desk.search.get_link_title": "citi_employment.graduates.link_titles.get_link_title",
	"frappe.desk.form.load.getdoc": "citi_employment.graduates.link_titles.getdoc",
	# A query report's export is logged on the server, where an API call cannot skip it; the browser's own row
	# for it is dropped (citi_employment/audit/sensitive_access.py).
	"frappe.desk.query_report.export_query": "citi_employment.audit.sensitive_access.export_report",
	# A report runs only with a report named by text and filters that are a set of named values: v15 answered
	# anything else with a 500 before the report's code ran (citi_employment/reporting/desk.py).
	"frappe.desk.query_report.run": "citi_employment.reporting.desk.run_report",
	"frappe.core.doctype.access_log.access_log.make_access_log": "citi_employment.audit.sensitive_access.make_access_log",
}

# Audit of sensitive reads
# ------------------------
# A Graduate Personal Data record sent by the desk's form, frappe.client.get or REST v1/v2 is logged in the
# Access Log once the answer is made; the Access Log keeps no sensitive value, whoever writes the row (the
# framework stores filters as sent and a report PDF's whole page). See citi_employment/audit/sensitive_access.py.

after_request = ["citi_employment.audit.sensitive_access.log_sent_record"]
override_doctype_class = {"Access Log": "citi_employment.audit.sensitive_access.RedactedAccessLog"}

# Before a request is routed
# --------------------------

before_request = [
	# A guest's GET of /employment-outcomes is answered from the framework's page cache before the route is
	# resolved (citi_employment/publication/page.py).
	"citi_employment.publication.page.serve_from_cache",
	# A print the user may not make is refused before the print page writes it into the access audit
	# (citi_employment/paper_forms/access.py).
	"citi_employment.paper_forms.access.guard_print_page",
]

# Permissions
# -----------
# Record-level rules that DocType permission rows cannot express.

permission_query_conditions = {
	"Employer Contract": "citi_employment.citi_employment.doctype.employer_contract.employer_contract.get_permission_query_conditions",
	"Vacancy Request": "citi_employment.citi_employment.doctype.vacancy_request.vacancy_request.get_permission_query_conditions",
}
has_permission = {
	"Employer Contract": "citi_employment.citi_employment.doctype.employer_contract.employer_contract.has_permission",
	"Vacancy Request": "citi_employment.citi_employment.doctype.vacancy_request.vacancy_request.has_permission",
}

# Jinja
# -----
# Helpers the Center's print formats call; each lives with its capability (paper_forms, graduates, …).

jinja = {
	"methods": [
		"citi_employment.paper_forms.jinja.citi_center_settings",
		"citi_employment.paper_forms.jinja.citi_document_date",
		"citi_employment.paper_forms.jinja.citi_short_date",
		"citi_employment.graduates.printing.citi_declined_name",
		"citi_employment.graduates.printing.citi_graduate_gender",
		"citi_employment.graduates.printing.citi_signature_name",
		"citi_employment.personal_data.printing.citi_passport_for_print",
		"citi_employment.vacancies.printing.citi_vacancy_requirements_for_print",
		"citi_employment.contracts.register.citi_contract_register",
		"citi_employment.annual_report.tables.citi_annual_report_print",
		"citi_employment.personal_data.printing.citi_consent_print",
		"citi_employment.paper_forms.access.citi_check_print",
	],
}
