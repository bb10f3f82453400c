"""Each check fails on a sample app broken in exactly one way, naming the broken file and the fault."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from . import checker
from .checker import AppTree, Check, Problem, check_app
from .conftest import (
	EMPLOYER,
	GRADUATE,
	HOOKS,
	HOOKS_SOURCE,
	PERSONAL_DATA,
	PO,
	PRINT_FORMAT,
	PRINT_HTML,
	PRINT_TEMPLATE,
	REPORT,
	TRANSLATIONS,
	WORKFLOW,
	WORKSPACE,
	MiniApp,
	po_file,
)


def assert_reported(problems: list[Problem], path: str, *fragments: str) -> None:
	"""Some problem names `path` and says every fragment, e.g. the field and what is wrong with it."""
	matching = [p for p in problems if p.path == path and all(f in p.message for f in fragments)]
	assert matching, f"no problem in {path} saying {fragments}; got:\n" + "\n".join(map(str, problems))


def run(app: MiniApp, check: Check) -> list[Problem]:
	return check(AppTree(app.root))


def edit_json(app: MiniApp, rel: str, change: Callable[[Any], None]) -> None:
	data = app.read_json(rel)
	change(data)
	app.write_json(rel, data)


def edit_field(app: MiniApp, rel: str, fieldname: str, **values: Any) -> None:
	def change(data: dict[str, Any]) -> None:
		next(f for f in data["fields"] if f["fieldname"] == fieldname).update(values)

	edit_json(app, rel, change)


def add_field(app: MiniApp, rel: str, new_field: dict[str, Any]) -> None:
	def change(data: dict[str, Any]) -> None:
		data["fields"].append(new_field)
		data["field_order"].append(new_field["fieldname"])

	edit_json(app, rel, change)


def test_the_valid_sample_app_has_no_problems(mini_app: MiniApp) -> None:
	problems = check_app(mini_app.root)
	assert problems == [], "\n".join(map(str, problems))


def test_every_check_runs_in_check_app() -> None:
	public_checks = {name for name in dir(checker) if name.startswith("check_") and name != "check_app"}
	assert {check.__name__ for check in checker.CHECKS} == public_checks


def test_invalid_json_names_file_and_line(mini_app: MiniApp) -> None:
	mini_app.write(
		EMPLOYER, '{\n "doctype": "DocType",\n "name": "Employer"\n "module": "Citi Employment"\n}'
	)
	assert_reported(run(mini_app, checker.check_json), EMPLOYER, "invalid JSON", "line 4")


def test_broken_doctype_json_is_reported_by_the_doctype_check_too(mini_app: MiniApp) -> None:
	mini_app.write(EMPLOYER, "{")
	assert_reported(run(mini_app, checker.check_doctypes), EMPLOYER, "invalid JSON")


def test_unknown_fieldtype(mini_app: MiniApp) -> None:
	edit_field(mini_app, GRADUATE, "status", fieldtype="Dropdown")
	assert_reported(
		run(mini_app, checker.check_doctypes), GRADUATE, "'status'", "unknown fieldtype 'Dropdown'"
	)


def test_duplicate_fieldname(mini_app: MiniApp) -> None:
	add_field(mini_app, GRADUATE, {"fieldname": "status", "fieldtype": "Data", "label": "Status"})
	assert_reported(run(mini_app, checker.check_doctypes), GRADUATE, "'status'", "used 2 times")


def test_field_order_may_reorder_but_not_drop_fields(mini_app: MiniApp) -> None:
	edit_json(mini_app, GRADUATE, lambda data: data["field_order"].reverse())
	assert run(mini_app, checker.check_doctypes) == []
	edit_json(mini_app, GRADUATE, lambda data: data["field_order"].remove("status"))
	assert_reported(run(mini_app, checker.check_doctypes), GRADUATE, "field_order", "missing: ['status']")


def test_title_field_must_exist(mini_app: MiniApp) -> None:
	edit_json(mini_app, EMPLOYER, lambda data: data.update(title_field="company_name"))
	assert_reported(run(mini_app, checker.check_doctypes), EMPLOYER, "title_field 'company_name'")


def test_module_must_be_listed(mini_app: MiniApp) -> None:
	edit_json(mini_app, EMPLOYER, lambda data: data.update(module="Employers"))
	assert_reported(run(mini_app, checker.check_doctypes), EMPLOYER, "'Employers'", "modules.txt")


def test_controller_class_must_match_doctype(mini_app: MiniApp) -> None:
	controller = EMPLOYER.replace(".json", ".py")
	mini_app.write(controller, "class Company:\n\tpass\n")
	assert_reported(run(mini_app, checker.check_doctypes), controller, "no class Employer")


def test_link_to_missing_doctype(mini_app: MiniApp) -> None:
	edit_field(mini_app, GRADUATE, "employer", options="Company")
	assert_reported(run(mini_app, checker.check_links), GRADUATE, "'employer'", "'Company'")


def test_table_must_point_to_a_child_doctype(mini_app: MiniApp) -> None:
	edit_field(mini_app, GRADUATE, "skills", options="Employer")
	assert_reported(run(mini_app, checker.check_links), GRADUATE, "'skills'", "not a child table")


def test_dynamic_link_needs_a_doctype_pointer(mini_app: MiniApp) -> None:
	edit_field(mini_app, GRADUATE, "reference_name", options="full_name")
	assert_reported(run(mini_app, checker.check_links), GRADUATE, "'reference_name'", "Link to DocType")


def test_unknown_role_in_doctype_permissions(mini_app: MiniApp) -> None:
	edit_json(
		mini_app, EMPLOYER, lambda data: data["permissions"].append({"role": "Employment Guru", "read": 1})
	)
	assert_reported(run(mini_app, checker.check_permissions), EMPLOYER, "'Employment Guru'")


def test_unknown_role_in_report(mini_app: MiniApp) -> None:
	edit_json(mini_app, REPORT, lambda data: data["roles"].append({"role": "Department Head"}))
	assert_reported(run(mini_app, checker.check_permissions), REPORT, "'Department Head'")


@pytest.mark.parametrize(
	("rel", "fieldname", "change", "fragments"),
	[
		(PERSONAL_DATA, "passport_number", {"in_list_view": 1}, ("'passport_number'", "in_list_view")),
		(
			PERSONAL_DATA,
			"special_workplace_needs",
			{"in_standard_filter": 1},
			("'special_workplace_needs'", "in_standard_filter"),
		),
		(GRADUATE, "inn", {"in_global_search": 1}, ("'inn'", "in_global_search")),
		(GRADUATE, "inn", {"bold": 1}, ("'inn'", "bold")),
	],
	ids=["passport-in-list", "personal-data-in-filter", "inn-in-search", "inn-bold"],
)
def test_sensitive_field_flags(
	mini_app: MiniApp, rel: str, fieldname: str, change: dict[str, int], fragments: tuple[str, ...]
) -> None:
	edit_field(mini_app, rel, fieldname, **change)
	assert_reported(run(mini_app, checker.check_sensitive_data), rel, "sensitive", *fragments)


@pytest.mark.parametrize(
	("change", "used_in"),
	[
		({"title_field": "disability_group"}, "title_field"),
		({"search_fields": "employer_name,disability_group"}, "search_fields"),
		({"autoname": "format:EMP-{disability_group}-{###}"}, "autoname"),
	],
)
def test_sensitive_field_in_titles_search_and_names(
	mini_app: MiniApp, change: dict[str, str], used_in: str
) -> None:
	add_field(
		mini_app, EMPLOYER, {"fieldname": "disability_group", "fieldtype": "Data", "label": "Employer Name"}
	)
	edit_json(mini_app, EMPLOYER, lambda data: data.update(change))
	assert_reported(run(mini_app, checker.check_sensitive_data), EMPLOYER, "'disability_group'", used_in)


def test_employer_inn_is_not_sensitive(mini_app: MiniApp) -> None:
	add_field(
		mini_app, EMPLOYER, {"fieldname": "inn", "fieldtype": "Data", "label": "INN", "in_list_view": 1}
	)
	assert run(mini_app, checker.check_sensitive_data) == []


def test_fixture_that_is_not_valid_json(mini_app: MiniApp) -> None:
	mini_app.write(WORKFLOW, "[{]")
	assert_reported(run(mini_app, checker.check_fixtures), WORKFLOW, "invalid JSON")


def test_fixture_record_without_doctype(mini_app: MiniApp) -> None:
	rel = "citi_employment/fixtures/role.json"
	edit_json(mini_app, rel, lambda data: data.append({"name": "Mentor"}))
	assert_reported(run(mini_app, checker.check_fixtures), rel, "item 1", "'doctype'")


def test_fixture_file_not_named_in_hooks(mini_app: MiniApp) -> None:
	rel = "citi_employment/fixtures/email_template.json"
	mini_app.write_json(rel, [{"doctype": "Email Template", "name": "Consent Reminder"}])
	assert_reported(run(mini_app, checker.check_fixtures), rel, "not named in hooks.py")


def test_hooks_fixture_without_file(mini_app: MiniApp) -> None:
	mini_app.write(HOOKS, HOOKS_SOURCE + 'fixtures.append("Custom Field")\n')
	assert_reported(run(mini_app, checker.check_fixtures), HOOKS, "'Custom Field'", "custom_field.json")


def test_hook_to_missing_function(mini_app: MiniApp) -> None:
	mini_app.write(HOOKS, HOOKS_SOURCE.replace("install.after_install", "install.after_setup"))
	assert_reported(run(mini_app, checker.check_hooks), HOOKS, "after_install", "no top-level 'after_setup'")


def test_nested_hook_to_missing_module(mini_app: MiniApp) -> None:
	mini_app.write(HOOKS, HOOKS_SOURCE.replace("citi_employment.events.", "citi_employment.graduate_events."))
	assert_reported(
		run(mini_app, checker.check_hooks), HOOKS, "doc_events", "citi_employment.graduate_events"
	)


def test_hook_to_missing_asset(mini_app: MiniApp) -> None:
	mini_app.write(HOOKS, HOOKS_SOURCE.replace("js/desk.js", "js/desk_tools.js"))
	assert_reported(run(mini_app, checker.check_hooks), HOOKS, "citi_employment/public/js/desk_tools.js")


def test_hooks_that_need_frappe(mini_app: MiniApp) -> None:
	mini_app.write(HOOKS, "import frappe\n" + HOOKS_SOURCE)
	assert_reported(run(mini_app, checker.check_hooks), HOOKS, "cannot be evaluated without Frappe", "frappe")


def test_patch_without_execute(mini_app: MiniApp) -> None:
	mini_app.write("citi_employment/patches.txt", "[post_model_sync]\nciti_employment.events\n")
	assert_reported(run(mini_app, checker.check_hooks), "citi_employment/patches.txt", "line 2", "execute")


def test_print_template_syntax_error(mini_app: MiniApp) -> None:
	mini_app.write(PRINT_HTML, PRINT_TEMPLATE.replace("{% endfor %}", ""))
	assert_reported(run(mini_app, checker.check_print_formats), PRINT_HTML, "Jinja syntax error")


def test_print_template_in_json_is_parsed_too(mini_app: MiniApp) -> None:
	(mini_app.root / PRINT_HTML).unlink()
	edit_json(mini_app, PRINT_FORMAT, lambda data: data.update(html="{{ doc.full_name }"))
	assert_reported(run(mini_app, checker.check_print_formats), PRINT_FORMAT, "Jinja syntax error")


@pytest.mark.parametrize("reference", ["doc.passport_series", 'doc.get_formatted("passport_series")'])
def test_print_reads_a_missing_field(mini_app: MiniApp, reference: str) -> None:
	mini_app.write(PRINT_HTML, PRINT_TEMPLATE + f"{{{{ {reference} }}}}\n")
	problems = run(mini_app, checker.check_print_formats)
	assert_reported(problems, PRINT_HTML, "doc.passport_series", "'Graduate' has no such field")


SHARED = "citi_employment/templates/print/shared.html"
SHARED_MACROS = '{% macro line(value) %}<span class="ce-line">{{ value | e }}</span>{% endmacro %}\n'


@pytest.mark.parametrize(
	"statement",
	[
		'{% import "citi_employment/templates/print/missing.html" as forms %}',
		'{% from "citi_employment/templates/print/missing.html" import line %}',
		'{% include "templates/print/missing.html" %}',
	],
)
def test_print_includes_a_missing_template(mini_app: MiniApp, statement: str) -> None:
	mini_app.write(PRINT_HTML, statement + "\n" + PRINT_TEMPLATE)
	problems = run(mini_app, checker.check_print_formats)
	assert_reported(problems, PRINT_HTML, "missing.html", "does not exist")


def test_print_includes_an_existing_template(mini_app: MiniApp) -> None:
	mini_app.write(SHARED, SHARED_MACROS)
	statement = (
		'{% import "citi_employment/templates/print/shared.html" as forms %}{{ forms.line(doc.full_name) }}'
	)
	mini_app.write(PRINT_HTML, statement + "\n" + PRINT_TEMPLATE)
	assert run(mini_app, checker.check_print_formats) == []


def test_print_include_of_another_app_is_not_looked_up(mini_app: MiniApp) -> None:
	statement = '{% from "frappe/templates/print_formats/standard_macros.html" import render_field %}'
	mini_app.write(PRINT_HTML, statement + "\n" + PRINT_TEMPLATE)
	assert run(mini_app, checker.check_print_formats) == []


def test_print_included_template_is_checked_too(mini_app: MiniApp) -> None:
	mini_app.write(SHARED, SHARED_MACROS + "{{ doc.passport_series }}{% if %}\n")
	mini_app.write(
		PRINT_HTML, '{% include "citi_employment/templates/print/shared.html" %}\n' + PRINT_TEMPLATE
	)
	assert_reported(run(mini_app, checker.check_print_formats), SHARED, "Jinja syntax error")
	mini_app.write(SHARED, SHARED_MACROS + "{{ doc.passport_series }}\n")
	problems = run(mini_app, checker.check_print_formats)
	assert_reported(problems, SHARED, "doc.passport_series", "'Graduate' has no such field")


def test_print_for_missing_doctype(mini_app: MiniApp) -> None:
	edit_json(mini_app, PRINT_FORMAT, lambda data: data.update(doc_type="Student"))
	assert_reported(run(mini_app, checker.check_print_formats), PRINT_FORMAT, "doc_type 'Student'")


def test_report_without_python(mini_app: MiniApp) -> None:
	(mini_app.root / REPORT.replace(".json", ".py")).unlink()
	assert_reported(run(mini_app, checker.check_reports), REPORT, "graduate_register.py")


def test_report_without_execute(mini_app: MiniApp) -> None:
	script = REPORT.replace(".json", ".py")
	mini_app.write(script, "def run(filters=None):\n\treturn [], []\n")
	assert_reported(run(mini_app, checker.check_reports), script, "execute")


def test_report_folder_without_json(mini_app: MiniApp) -> None:
	(mini_app.root / REPORT).unlink()
	assert_reported(run(mini_app, checker.check_reports), REPORT, "missing")


def test_workflow_with_unknown_state(mini_app: MiniApp) -> None:
	edit_json(
		mini_app, WORKFLOW, lambda data: data[0]["states"].append({"state": "Hired", "allow_edit": "All"})
	)
	assert_reported(run(mini_app, checker.check_workflows), WORKFLOW, "'Graduate Placement'", "state 'Hired'")


def test_workflow_transition_to_a_state_it_lacks(mini_app: MiniApp) -> None:
	edit_json(mini_app, WORKFLOW, lambda data: data[0]["transitions"][0].update(next_state="Approved"))
	assert_reported(
		run(mini_app, checker.check_workflows), WORKFLOW, "'Approved' is not one of the workflow's states"
	)


def test_workflow_with_unknown_action_and_role(mini_app: MiniApp) -> None:
	edit_json(
		mini_app, WORKFLOW, lambda data: data[0]["transitions"][0].update(action="Hire", allowed="Recruiter")
	)
	problems = run(mini_app, checker.check_workflows)
	assert_reported(problems, WORKFLOW, "action 'Hire'")
	assert_reported(problems, WORKFLOW, "role 'Recruiter'")


def test_workflow_state_field_must_exist(mini_app: MiniApp) -> None:
	edit_json(mini_app, WORKFLOW, lambda data: data[0].update(workflow_state_field="placement_state"))
	assert_reported(run(mini_app, checker.check_workflows), WORKFLOW, "'placement_state'")


def test_workflow_cannot_return_a_submitted_document_to_draft(mini_app: MiniApp) -> None:
	edit_json(mini_app, WORKFLOW, lambda data: data[0]["states"][0].update(doc_status="1"))
	assert_reported(run(mini_app, checker.check_workflows), WORKFLOW, "back to draft")


def test_workspace_link_to_missing_doctype(mini_app: MiniApp) -> None:
	edit_json(mini_app, WORKSPACE, lambda data: data["links"][1].update(link_to="Alumnus"))
	assert_reported(run(mini_app, checker.check_desk_artifacts), WORKSPACE, "DocType 'Alumnus'")


def test_untranslated_label(mini_app: MiniApp) -> None:
	edit_field(mini_app, EMPLOYER, "employer_name", label="Company Name")
	assert_reported(run(mini_app, checker.check_translations), EMPLOYER, "'Company Name'", "ru.po")


def test_untranslated_select_option(mini_app: MiniApp) -> None:
	edit_field(mini_app, GRADUATE, "status", options="\nSeeking\nEmployed\nStudying")
	assert_reported(run(mini_app, checker.check_translations), GRADUATE, "'Studying'")


def test_untranslated_python_string(mini_app: MiniApp) -> None:
	script = REPORT.replace(".json", ".py")
	mini_app.write(
		script,
		'from frappe import _\n\n\ndef execute(filters=None):\n\treturn [{"label": _("Employer")}, _("Hired On")], []\n',
	)
	assert_reported(run(mini_app, checker.check_translations), script, "'Hired On'")


def test_f_string_inside_translation(mini_app: MiniApp) -> None:
	script = REPORT.replace(".json", ".py")
	mini_app.write(
		script, 'from frappe import _\n\n\ndef execute(filters=None):\n\treturn [_(f"{filters} rows")], []\n'
	)
	assert_reported(run(mini_app, checker.check_translations), script, "line 5", "f-string")


def test_untranslated_javascript_string(mini_app: MiniApp) -> None:
	script = REPORT.replace(".json", ".js")
	mini_app.write(
		script, "frappe.query_reports['Graduate Register'] = {filters: [{label: __('Hired Since')}]};\n"
	)
	assert_reported(run(mini_app, checker.check_translations), script, "'Hired Since'")


def test_untranslated_template_string(mini_app: MiniApp) -> None:
	mini_app.write(PRINT_HTML, PRINT_TEMPLATE + '{{ _("Signature") }}\n')
	assert_reported(run(mini_app, checker.check_translations), PRINT_HTML, "'Signature'")


def test_untranslated_client_template_string(mini_app: MiniApp) -> None:
	template = GRADUATE.replace(".json", "_dashboard.html")
	mini_app.write(
		template, '<div>{%= __("Consent expires") %}</div>{% for (var i = 0; i < 2; i++) { %}{% } %}\n'
	)
	problems = run(mini_app, checker.check_translations)
	assert_reported(problems, template, "'Consent expires'")
	assert not [p for p in problems if "Jinja" in p.message], "\n".join(map(str, problems))


def test_untranslated_role(mini_app: MiniApp) -> None:
	rel = "citi_employment/fixtures/role.json"
	edit_json(mini_app, rel, lambda data: data.append({"doctype": "Role", "name": "Mentor"}))
	assert_reported(run(mini_app, checker.check_translations), rel, "'Mentor'")


def test_russian_and_letterless_strings_need_no_translation(mini_app: MiniApp) -> None:
	edit_field(mini_app, GRADUATE, "status", options=f"\n{TRANSLATIONS['Seeking']}\n1\n3")
	assert run(mini_app, checker.check_translations) == []


def test_english_text_quoting_russian_still_needs_translation(mini_app: MiniApp) -> None:
	edit_field(mini_app, GRADUATE, "status", description="Prefix, for example ЦП")
	assert_reported(
		run(mini_app, checker.check_translations),
		GRADUATE,
		"'Prefix, for example ЦП'",
		"no Russian translation",
	)


def test_html_field_content_needs_translation(mini_app: MiniApp) -> None:
	edit_field(mini_app, GRADUATE, "status", fieldtype="HTML", options="<p>Kept elsewhere</p>")
	assert_reported(
		run(mini_app, checker.check_translations),
		GRADUATE,
		"'<p>Kept elsewhere</p>'",
		"no Russian translation",
	)


@pytest.mark.parametrize(
	("entry", "fault"),
	[
		('#, fuzzy\nmsgid "Skills"\nmsgstr "Навыки"\n', "fuzzy"),
		('msgid "Skills"\nmsgstr ""\n', "empty msgstr"),
	],
)
def test_po_entries_must_be_real_translations(mini_app: MiniApp, entry: str, fault: str) -> None:
	mini_app.write(PO, po_file({k: v for k, v in TRANSLATIONS.items() if k != "Skills"}) + "\n" + entry)
	problems = run(mini_app, checker.check_translations)
	assert_reported(problems, PO, "'Skills'", fault)
	assert_reported(problems, GRADUATE, "'Skills'", "no Russian translation")


def test_check_app_reports_a_problem_once(mini_app: MiniApp) -> None:
	mini_app.write(EMPLOYER, "{")
	problems = check_app(mini_app.root)
	assert len([p for p in problems if p.path == EMPLOYER]) == 1, "\n".join(map(str, problems))
	assert str(problems[0]).startswith(f"{EMPLOYER}: invalid JSON")


def context_entry(context: str, msgid: str, msgstr: str) -> str:
	return f'\nmsgctxt "{context}"\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n'


def test_a_label_is_translated_by_an_entry_with_its_doctype_as_context(mini_app: MiniApp) -> None:
	edit_field(mini_app, EMPLOYER, "employer_name", label="Company Name")
	mini_app.write(PO, po_file(TRANSLATIONS) + context_entry("Employer", "Company Name", "Наименование"))
	assert run(mini_app, checker.check_translations) == []


def test_an_entry_with_another_doctype_as_context_does_not_translate_a_label(mini_app: MiniApp) -> None:
	edit_field(mini_app, EMPLOYER, "employer_name", label="Company Name")
	mini_app.write(PO, po_file(TRANSLATIONS) + context_entry("Graduate", "Company Name", "Наименование"))
	problems = run(mini_app, checker.check_translations)
	assert_reported(problems, EMPLOYER, "'Company Name'", "no Russian translation", "'Employer'")
	assert_reported(problems, PO, "'Company Name'", "msgctxt 'Graduate'", "no label, option or call uses it")


def test_a_select_option_is_translated_by_an_entry_with_its_doctype_as_context(mini_app: MiniApp) -> None:
	edit_field(mini_app, GRADUATE, "status", options="\nSeeking\nEmployed\nStudying")
	mini_app.write(PO, po_file(TRANSLATIONS) + context_entry("Graduate", "Studying", "Учится"))
	assert run(mini_app, checker.check_translations) == []


def test_a_tab_label_needs_an_entry_without_context(mini_app: MiniApp) -> None:
	"""The desk translates a tab's label without context (frappe/public/js/frappe/form/tab.js)."""
	add_field(
		mini_app, GRADUATE, {"fieldname": "personal_tab", "fieldtype": "Tab Break", "label": "Personal"}
	)
	mini_app.write(PO, po_file(TRANSLATIONS) + context_entry("Graduate", "Personal", "Личные сведения"))
	assert_reported(
		run(mini_app, checker.check_translations), GRADUATE, "'Personal'", "no Russian translation"
	)


def test_calls_with_a_context_are_translated_by_their_context_entry(mini_app: MiniApp) -> None:
	script = REPORT.replace(".json", ".py")
	mini_app.write(
		script,
		"from frappe import _\n\n\ndef execute(filters=None):\n"
		'\treturn [{"label": _("Due", context="Graduate Skill")}], []\n',
	)
	mini_app.write(
		REPORT.replace(".json", ".js"),
		"frappe.query_reports['Graduate Register'] = {filters: [{label: __('Region', null, 'Employer')}]};\n",
	)
	entries = context_entry("Graduate Skill", "Due", "Срок") + context_entry("Employer", "Region", "Регион")
	mini_app.write(PO, po_file(TRANSLATIONS) + entries)
	assert run(mini_app, checker.check_translations) == []
	mini_app.write(PO, po_file(TRANSLATIONS) + context_entry("Graduate", "Due", "Срок"))
	problems = run(mini_app, checker.check_translations)
	assert_reported(problems, script, "'Due'", "no Russian translation", "'Graduate Skill'")
	assert_reported(problems, REPORT.replace(".json", ".js"), "'Region'", "'Employer'")


FRAMEWORK_LIST = "tests/artifacts/framework_ru_msgids.txt"


def test_an_entry_without_context_must_not_redefine_a_framework_term(mini_app: MiniApp) -> None:
	mini_app.write(FRAMEWORK_LIST, "# Frappe 15.55.1\nStatus\nSubject\n")
	assert_reported(run(mini_app, checker.check_framework_terms), PO, "'Status'", "framework", "msgctxt")
	without = {k: v for k, v in TRANSLATIONS.items() if k != "Status"}
	mini_app.write(PO, po_file(without) + context_entry("Graduate", "Status", "Положение"))
	assert run(mini_app, checker.check_framework_terms) == []
	# The framework's own Russian serves the label: no entry needed.
	assert run(mini_app, checker.check_translations) == []


def test_only_a_marked_typo_fix_may_replace_a_framework_term(mini_app: MiniApp) -> None:
	mini_app.write(FRAMEWORK_LIST, "Month\n")
	typo_fix = '\n# framework typo: a Latin M in «Mесяц»\nmsgid "Month"\nmsgstr "Месяц"\n'
	mini_app.write(PO, po_file(TRANSLATIONS) + typo_fix)
	assert run(mini_app, checker.check_framework_terms) == []
	mini_app.write(PO, po_file(TRANSLATIONS) + typo_fix.replace("framework typo:", "note:"))
	assert_reported(run(mini_app, checker.check_framework_terms), PO, "'Month'", "framework")


def test_a_framework_term_is_translated_only_if_the_framework_has_it(mini_app: MiniApp) -> None:
	edit_field(mini_app, EMPLOYER, "employer_name", label="Subject")
	assert_reported(
		run(mini_app, checker.check_translations), EMPLOYER, "'Subject'", "no Russian translation"
	)
	mini_app.write(FRAMEWORK_LIST, "Subject\n")
	assert run(mini_app, checker.check_translations) == []


def test_the_repository_ships_the_framework_terms_with_their_source() -> None:
	path = Path(__file__).parents[2] / FRAMEWORK_LIST
	lines = path.read_text(encoding="utf-8").splitlines()
	assert "Frappe 15." in lines[0], "the first line names the framework version the list comes from"
	terms = set(AppTree(path.parents[2]).framework_msgids)
	assert {"Subject", "Status", "Event", "Visit", "Position", "Activity"} <= terms
	assert not [line for line in lines if line != line.strip()], "msgids are trimmed as frappe._() trims them"
