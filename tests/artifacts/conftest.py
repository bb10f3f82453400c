"""A minimal but complete app tree, so each checker test can break exactly one thing in it."""

import json
from pathlib import Path
from typing import Any

import pytest

MODULE = "citi_employment/citi_employment"
GRADUATE = f"{MODULE}/doctype/graduate/graduate.json"
EMPLOYER = f"{MODULE}/doctype/employer/employer.json"
PERSONAL_DATA = f"{MODULE}/doctype/graduate_personal_data/graduate_personal_data.json"
REPORT = f"{MODULE}/report/graduate_register/graduate_register.json"
PRINT_FORMAT = f"{MODULE}/print_format/graduate_card/graduate_card.json"
PRINT_HTML = f"{MODULE}/print_format/graduate_card/graduate_card.html"
WORKSPACE = f"{MODULE}/workspace/placement/placement.json"
HOOKS = "citi_employment/hooks.py"
WORKFLOW = "citi_employment/fixtures/workflow.json"
PO = "citi_employment/locale/ru.po"

ROLE = "Placement Officer"

TRANSLATIONS = {
	"Graduate": "Выпускник",
	"Graduates": "Выпускники",
	"Details": "Сведения",
	"Full Name": "ФИО",
	"Employer": "Работодатель",
	"Employer Name": "Наименование работодателя",
	"Status": "Статус",
	"Seeking": "Ищет работу",
	"Employed": "Трудоустроен",
	"INN": "ИНН",
	"Reference Type": "Тип основания",
	"Reference Name": "Основание",
	"Skills": "Навыки",
	"Skill": "Навык",
	"Graduate Skill": "Навык выпускника",
	"Workflow State": "Состояние",
	"Graduate Personal Data": "Персональные данные выпускника",
	"Passport Number": "Номер паспорта",
	"Special Workplace Needs": "Потребность в специальном рабочем месте",
	"Graduate Register": "Реестр выпускников",
	"Graduate Card": "Карточка выпускника",
	"Placement": "Трудоустройство",
	"Records": "Записи",
	ROLE: "Специалист по трудоустройству",
	"Draft": "Черновик",
	"Placed": "Трудоустроен",
	"Place": "Трудоустроить",
	"Full name is required": "Укажите ФИО",
	"Check the consent first": "Сначала проверьте согласие",
	"Placement desk": "Рабочее место специалиста",
}


def field(fieldname: str, fieldtype: str, label: str | None = None, **extra: Any) -> dict[str, Any]:
	return {"fieldname": fieldname, "fieldtype": fieldtype, **({"label": label} if label else {}), **extra}


def doctype(name: str, fields: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
	permissions = [] if extra.get("istable") else [{"role": ROLE, "read": 1, "write": 1, "create": 1}]
	return {
		"doctype": "DocType",
		"name": name,
		"module": "Citi Employment",
		"field_order": [f["fieldname"] for f in fields],
		"fields": fields,
		"permissions": permissions,
		**extra,
	}


def controller(name: str) -> str:
	return (
		f"from frappe.model.document import Document\n\n\nclass {name.replace(' ', '')}(Document):\n\tpass\n"
	)


def po_file(translations: dict[str, str]) -> str:
	header = 'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n'
	return header + "".join(
		f'\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n' for msgid, msgstr in translations.items()
	)


DOCTYPES = {
	"Graduate": doctype(
		"Graduate",
		[
			field("details_section", "Section Break", "Details"),
			field("full_name", "Data", "Full Name", reqd=1, in_list_view=1, bold=1),
			field("employer", "Link", "Employer", options="Employer", in_standard_filter=1),
			field("status", "Select", "Status", options="\nSeeking\nEmployed"),
			field("inn", "Data", "INN"),
			field("details_column", "Column Break"),
			field("reference_type", "Link", "Reference Type", options="DocType"),
			field("reference_name", "Dynamic Link", "Reference Name", options="reference_type"),
			field("skills", "Table", "Skills", options="Graduate Skill"),
			field("workflow_state", "Link", "Workflow State", options="Workflow State", hidden=1),
		],
		autoname="format:GRAD-{#####}",
		title_field="full_name",
		search_fields="full_name,status",
		sort_field="modified",
	),
	"Graduate Skill": doctype("Graduate Skill", [field("skill", "Data", "Skill", in_list_view=1)], istable=1),
	"Employer": doctype(
		"Employer", [field("employer_name", "Data", "Employer Name", reqd=1)], title_field="employer_name"
	),
	"Graduate Personal Data": doctype(
		"Graduate Personal Data",
		[
			field("graduate", "Link", "Graduate", options="Graduate", reqd=1),
			field("passport_number", "Data", "Passport Number"),
			field("special_workplace_needs", "Text", "Special Workplace Needs"),
		],
		autoname="hash",
	),
}
GRADUATE_CONTROLLER = """import frappe
from frappe import _
from frappe.model.document import Document


class Graduate(Document):
	def validate(self) -> None:
		if not self.full_name:
			frappe.throw(_("Full name is required"))
"""
PRINT_TEMPLATE = """<h1>{{ _("Graduate Card") }}</h1>
<p>{{ doc.full_name }} ({{ doc.name }}), {{ doc.get_formatted("employer") }}</p>
{% for row in doc.skills %}<span>{{ row.skill }}</span>{% endfor %}
<p>Подпись выпускника: ____</p>
"""
HOOKS_SOURCE = """from citi_employment.roles import CENTER_ROLES

from . import __version__ as app_version

app_name = "citi_employment"
after_install = "citi_employment.install.after_install"
app_include_js = "/assets/citi_employment/js/desk.js"
doc_events = {"Graduate": {"validate": ["citi_employment.events.check_graduate"]}}
fixtures = [
	{"dt": "Role", "filters": [["name", "in", list(CENTER_ROLES)]]},
	"Workflow State",
	"Workflow Action Master",
	"Workflow",
]
"""
FIXTURES = {
	"role": [{"doctype": "Role", "name": ROLE, "role_name": ROLE}],
	"workflow_state": [
		{"doctype": "Workflow State", "name": state, "workflow_state_name": state}
		for state in ("Draft", "Placed")
	],
	"workflow_action_master": [
		{"doctype": "Workflow Action Master", "name": "Place", "workflow_action_name": "Place"}
	],
	"workflow": [
		{
			"doctype": "Workflow",
			"name": "Graduate Placement",
			"workflow_name": "Graduate Placement",
			"document_type": "Graduate",
			"workflow_state_field": "workflow_state",
			"is_active": 1,
			"states": [
				{"state": "Draft", "doc_status": "0", "allow_edit": ROLE},
				{"state": "Placed", "doc_status": "0", "allow_edit": ROLE},
			],
			"transitions": [{"state": "Draft", "action": "Place", "next_state": "Placed", "allowed": ROLE}],
		}
	],
}


class MiniApp:
	"""The app tree in a temporary folder, with helpers to change one file of it."""

	def __init__(self, root: Path) -> None:
		self.root = root

	def write(self, rel: str, text: str) -> None:
		path = self.root / rel
		path.parent.mkdir(parents=True, exist_ok=True)
		path.write_text(text, encoding="utf-8")

	def read_json(self, rel: str) -> Any:
		return json.loads((self.root / rel).read_text(encoding="utf-8"))

	def write_json(self, rel: str, data: Any) -> None:
		self.write(rel, json.dumps(data, ensure_ascii=False, indent=1))

	def build(self) -> None:
		self.write("citi_employment/__init__.py", '__version__ = "0.0.1"\n')
		self.write("citi_employment/modules.txt", "Citi Employment\n")
		self.write(HOOKS, HOOKS_SOURCE)
		self.write("citi_employment/roles.py", f"CENTER_ROLES = ({ROLE!r},)\n")
		self.write(
			"citi_employment/install.py",
			"import frappe\n\n\ndef after_install() -> None:\n\tfrappe.clear_cache()\n",
		)
		self.write("citi_employment/events.py", "def check_graduate(doc, method=None) -> None:\n\tpass\n")
		self.write("citi_employment/public/js/desk.js", 'frappe.show_alert(__("Placement desk"));\n')
		for package in (MODULE, f"{MODULE}/doctype", f"{MODULE}/report", f"{MODULE}/print_format"):
			self.write(f"{package}/__init__.py", "")
		for name, data in DOCTYPES.items():
			stem = name.lower().replace(" ", "_")
			self.write_json(f"{MODULE}/doctype/{stem}/{stem}.json", data)
			self.write(
				f"{MODULE}/doctype/{stem}/{stem}.py",
				GRADUATE_CONTROLLER if name == "Graduate" else controller(name),
			)
		self.write(
			f"{MODULE}/doctype/graduate/graduate.js",
			'frappe.ui.form.on("Graduate", {\n\trefresh(frm) {\n\t\tfrm.set_intro(__("Check the consent first"));\n\t},\n});\n',
		)
		self.write_json(
			REPORT,
			{
				"doctype": "Report",
				"name": "Graduate Register",
				"report_name": "Graduate Register",
				"report_type": "Script Report",
				"ref_doctype": "Graduate",
				"module": "Citi Employment",
				"is_standard": "Yes",
				"roles": [{"role": ROLE}],
			},
		)
		self.write(
			REPORT.replace(".json", ".py"),
			'from frappe import _\n\n\ndef execute(filters=None):\n\treturn [{"label": _("Full Name")}], []\n',
		)
		self.write_json(
			PRINT_FORMAT,
			{
				"doctype": "Print Format",
				"name": "Graduate Card",
				"doc_type": "Graduate",
				"module": "Citi Employment",
				"standard": "Yes",
				"print_format_type": "Jinja",
			},
		)
		self.write(PRINT_HTML, PRINT_TEMPLATE)
		self.write_json(
			WORKSPACE,
			{
				"doctype": "Workspace",
				"name": "Placement",
				"label": "Placement",
				"title": "Placement",
				"module": "Citi Employment",
				"links": [
					{"type": "Card Break", "label": "Records"},
					{"type": "Link", "label": "Graduates", "link_type": "DocType", "link_to": "Graduate"},
				],
				"shortcuts": [
					{"type": "Report", "label": "Graduate Register", "link_to": "Graduate Register"}
				],
				"roles": [{"role": ROLE}],
			},
		)
		for name, records in FIXTURES.items():
			self.write_json(f"citi_employment/fixtures/{name}.json", records)
		self.write(PO, po_file(TRANSLATIONS))


@pytest.fixture
def mini_app(tmp_path: Path) -> MiniApp:
	app = MiniApp(tmp_path)
	app.build()
	return app
