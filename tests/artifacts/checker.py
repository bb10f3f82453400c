"""Static checks of every Frappe artifact of the app.

CI cannot install Frappe, so these checks stand in for what `bench migrate`, the desk and the print
view would reject: each returns Problems that name the file to fix. Nothing here imports frappe, nor
any app module that does; Python sources are read with `ast`, templates with the Jinja parser.
"""

import ast
import builtins
import json
import os
import re
import sys
import types
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po
from jinja2 import nodes

# Substrings of fieldnames that hold identity or special-category data (152-ФЗ); such a field must
# never surface where every reader of the DocType sees it.
SENSITIVE_FIELD_PATTERNS = ("passport", "snils", "disability", "ipra", "health", "division_code", "diagnosis")
# Every field of this DocType is sensitive (152-ФЗ ст. 7, 10) but the link to its graduate, which only
# names the record the data belong to and is shown to nobody who cannot read the record.
SENSITIVE_DOCTYPE = "Graduate Personal Data"
SENSITIVE_DOCTYPE_IDENTITY_FIELDS = frozenset(("graduate", "graduate_name"))
# A person's ИНН is sensitive; an employer's is public.
PERSON_INN_DOCTYPES = ("Graduate", SENSITIVE_DOCTYPE)
EXPOSING_FIELD_FLAGS = ("in_list_view", "in_standard_filter", "in_global_search", "in_preview", "bold")

APP = "citi_employment"

# Frappe v15 `frappe/model/__init__.py`: data_fieldtypes, then the no-value (layout and table) types.
DATA_FIELDTYPES = frozenset(
	(
		"Currency",
		"Int",
		"Long Int",
		"Float",
		"Percent",
		"Check",
		"Small Text",
		"Long Text",
		"Code",
		"Text Editor",
		"Markdown Editor",
		"HTML Editor",
		"Date",
		"Datetime",
		"Time",
		"Text",
		"Data",
		"Link",
		"Dynamic Link",
		"Password",
		"Select",
		"Rating",
		"Read Only",
		"Attach",
		"Attach Image",
		"Signature",
		"Color",
		"Barcode",
		"Geolocation",
		"Duration",
		"Icon",
		"Phone",
		"Autocomplete",
		"JSON",
	)
)
TABLE_FIELDTYPES = frozenset(("Table", "Table MultiSelect"))
NO_VALUE_FIELDTYPES = TABLE_FIELDTYPES | {
	"Section Break",
	"Column Break",
	"Tab Break",
	"HTML",
	"Button",
	"Image",
	"Fold",
	"Heading",
}
VALID_FIELDTYPES = DATA_FIELDTYPES | NO_VALUE_FIELDTYPES

# Columns every document has (v15 `default_fields`, `child_table_fields`).
STANDARD_FIELDS = frozenset(
	("doctype", "name", "owner", "creation", "modified", "modified_by", "docstatus", "idx")
)
CHILD_TABLE_FIELDS = frozenset(("parent", "parentfield", "parenttype"))
# A field may not shadow a standard column nor a Document attribute (v15 `BaseDocument._reserved_keywords`).
RESERVED_FIELDNAMES = STANDARD_FIELDS | {
	"meta",
	"flags",
	"parent_doc",
	"permitted_fieldnames",
	"dont_update_if_missing",
}
FIELDNAME = re.compile(r"[a-z][a-z0-9_]{0,63}")

# Frappe v15 core DocTypes the app may link to; each one checked against `frappe/*/doctype/` of v15.
# ERPNext's (Department, Company, Employee, ...) are deliberately absent: the app must run without it.
CORE_DOCTYPES = frozenset(
	(
		"Address",
		"Address Template",
		"Auto Email Report",
		"Comment",
		"Communication",
		"Contact",
		"Country",
		"Currency",
		"Dashboard",
		"Dashboard Chart",
		"Deleted Document",
		"DocType",
		"Email Account",
		"Email Group",
		"Email Template",
		"Event",
		"File",
		"Gender",
		"Language",
		"Letter Head",
		"Module Def",
		"Note",
		"Notification",
		"Number Card",
		"Page",
		"Print Format",
		"Print Heading",
		"Report",
		"Role",
		"Role Profile",
		"Salutation",
		"ToDo",
		"User",
		"User Group",
		"Version",
		"Web Form",
		"Web Page",
		"Workflow",
		"Workflow Action Master",
		"Workflow State",
		"Workspace",
	)
)
# Roles a plain Frappe v15 site has: the automatic ones (`frappe.permissions.AUTOMATIC_ROLES`), those made
# by `install_basic_docs`, and those Frappe's own DocTypes grant.
CORE_ROLES = frozenset(
	(
		"Administrator",
		"System Manager",
		"Guest",
		"All",
		"Desk User",
		"Report Manager",
		"Translator",
		"Script Manager",
		"Website Manager",
		"Workspace Manager",
		"Dashboard Manager",
		"Inbox User",
		"Prepared Report User",
		"Newsletter Manager",
		"Blogger",
		"Knowledge Base Contributor",
		"Knowledge Base Editor",
	)
)
# Workflow States and Actions v15 `install_basic_docs` creates on every site.
DEFAULT_WORKFLOW_STATES = frozenset(("Pending", "Approved", "Rejected"))
DEFAULT_WORKFLOW_ACTIONS = frozenset(("Approve", "Reject", "Review"))
# Document members print templates may use besides fields.
PRINT_DOC_MEMBERS = frozenset(("get", "get_formatted", "get_title", "get_url", "meta", "as_dict"))
PRINT_FIELD_GETTERS = frozenset(("get", "get_formatted"))

# Standard documents exported under a module folder: <module>/<kind>/<scrub(name)>/<scrub(name)>.json.
ARTIFACT_DOCTYPES = {
	"doctype": "DocType",
	"report": "Report",
	"print_format": "Print Format",
	"workspace": "Workspace",
	"number_card": "Number Card",
	"dashboard_chart": "Dashboard Chart",
	"notification": "Notification",
}
DESK_KINDS = ("workspace", "number_card", "dashboard_chart", "notification")
# Hooks whose values are paths relative to the app package, not dotted paths or asset URLs.
PACKAGE_PATH_HOOKS = frozenset(
	("doctype_js", "doctype_list_js", "doctype_tree_js", "doctype_calendar_js", "page_js")
)
BUNDLE = re.compile(r"[\w-]+\.bundle\.(?:js|css)")
# Folders whose .html is server-side Jinja; any other .html is a client-side microtemplate using `__()`.
JINJA_FOLDERS = frozenset(("www", "templates", "print_format"))
# Build output and caches, not sources.
SKIPPED_DIRS = frozenset(("__pycache__", "node_modules", "dist"))
LATIN_LETTER = re.compile("[A-Za-z]")
# `__("text")`, and its context where one is given: `__("text", null, "Context")`.
JS_TRANSLATE = re.compile(
	r"""(?<![\w$.])__\(\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`)"""
	r"""(?:\s*,\s*(?:null|undefined|\[\s*\]|\{\s*\})\s*,\s*(?:"([^"\\\n]*)"|'([^'\\\n]*)'))?""",
	re.S,
)
JS_ESCAPE = re.compile(r"\\(.)", re.S)
JINJA = jinja2.Environment(extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"])
# The framework's own Russian terms (msgids only), shipped with the tests because CI cannot install Frappe.
FRAMEWORK_MSGIDS = Path("tests", "artifacts", "framework_ru_msgids.txt")
# A translator comment that lets an entry without context replace the framework's Russian: only to fix a
# plain typo of the very same word (a Latin letter, a lower-case initial), never to give it another meaning.
FRAMEWORK_TYPO_MARK = "framework typo:"
# Frappe v15 desk: a field's label (`__(df.label, null, df.parent)`) and its Select options are translated
# with the DocType as context, so a msgctxt "<DocType>" entry of ru.po serves them; a Tab Break's label and a
# description are translated without context.
LABEL_WITHOUT_CONTEXT_FIELDTYPES = frozenset(("Tab Break",))


@dataclass(frozen=True)
class Problem:
	"""What is wrong, and the file (relative to the repository root) where to fix it."""

	path: str
	message: str

	def __str__(self) -> str:
		return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Artifact:
	"""One exported standard document; `data` is None when its JSON is missing or broken (see `error`)."""

	kind: str
	module_folder: str
	folder: Path
	path: Path
	data: dict[str, Any] | None
	error: Problem | None


def scrub(name: str) -> str:
	"""Frappe's folder and file name for a document name."""
	return name.replace(" ", "_").replace("-", "_").lower()


def comma_list(value: str | None) -> list[str]:
	return [part.strip() for part in (value or "").split(",") if part.strip()]


def rows(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
	"""The objects of a child table in exported JSON, so that a malformed row cannot crash a check."""
	value = data.get(key)
	return [row for row in value if isinstance(row, dict)] if isinstance(value, list) else []


class AppTree:
	"""The app under `root`, each file read and parsed at most once so that all checks together stay fast."""

	def __init__(self, root: Path) -> None:
		self.root = root
		self.package = root / APP
		self.modules_txt = self.package / "modules.txt"
		self.hooks_path = self.package / "hooks.py"
		self.po_path = self.package / "locale" / "ru.po"
		self._json: dict[Path, tuple[Any, Problem | None]] = {}
		self._python: dict[Path, tuple[ast.Module | None, Problem | None]] = {}
		self._jinja: dict[Path, tuple[nodes.Template | None, Problem | None]] = {}
		self._artifacts: dict[str, list[Artifact]] = {}

	def rel(self, path: Path) -> str:
		return path.relative_to(self.root).as_posix()

	def problem(self, path: Path, message: str) -> Problem:
		return Problem(self.rel(path), message)

	@cached_property
	def files(self) -> list[Path]:
		found = []
		for folder, dirs, names in os.walk(self.package):
			dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
			found.extend(Path(folder, name) for name in sorted(names))
		return found

	def files_with_suffix(self, suffix: str) -> list[Path]:
		return [path for path in self.files if path.suffix == suffix]

	def load_json(self, path: Path) -> tuple[Any, Problem | None]:
		if path not in self._json:
			try:
				self._json[path] = (json.loads(path.read_text(encoding="utf-8")), None)
			except FileNotFoundError:
				self._json[path] = (None, self.problem(path, "file is missing"))
			except json.JSONDecodeError as error:
				message = f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
				self._json[path] = (None, self.problem(path, message))
			except UnicodeDecodeError as error:
				self._json[path] = (None, self.problem(path, f"not UTF-8: {error}"))
		return self._json[path]

	def parse_python(self, path: Path) -> tuple[ast.Module | None, Problem | None]:
		if path not in self._python:
			try:
				self._python[path] = (ast.parse(path.read_text(encoding="utf-8"), str(path)), None)
			except SyntaxError as error:
				self._python[path] = (
					None,
					self.problem(path, f"Python syntax error at line {error.lineno}: {error.msg}"),
				)
		return self._python[path]

	def parse_jinja(self, path: Path, source: str) -> tuple[nodes.Template | None, Problem | None]:
		"""Parse a template kept in `path`, either as the file itself or inside a print format's JSON."""
		if path not in self._jinja:
			try:
				self._jinja[path] = (JINJA.parse(source), None)
			except jinja2.TemplateSyntaxError as error:
				self._jinja[path] = (
					None,
					self.problem(path, f"Jinja syntax error at line {error.lineno}: {error.message}"),
				)
		return self._jinja[path]

	def module_file(self, parts: list[str]) -> Path | None:
		"""The source file of the dotted module `parts`, if the repository has it."""
		base = self.root.joinpath(*parts)
		for candidate in (base.with_suffix(".py"), base / "__init__.py"):
			if candidate.is_file():
				return candidate
		return None

	def top_level_names(self, path: Path) -> set[str] | None:
		module, _error = self.parse_python(path)
		if module is None:
			return None
		names = set()
		for node in module.body:
			if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
				names.add(node.name)
			elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
				targets = node.targets if isinstance(node, ast.Assign) else [node.target]
				names.update(n.id for target in targets for n in ast.walk(target) if isinstance(n, ast.Name))
			elif isinstance(node, ast.Import | ast.ImportFrom):
				names.update((alias.asname or alias.name).partition(".")[0] for alias in node.names)
		return names

	@cached_property
	def modules(self) -> list[str]:
		if not self.modules_txt.is_file():
			return []
		return [
			line.strip() for line in self.modules_txt.read_text(encoding="utf-8").splitlines() if line.strip()
		]

	def artifacts(self, kind: str) -> list[Artifact]:
		if kind not in self._artifacts:
			self._artifacts[kind] = self._find_artifacts(kind)
		return self._artifacts[kind]

	def _find_artifacts(self, kind: str) -> list[Artifact]:
		found = []
		for module_dir in sorted(path for path in self.package.glob(f"*/{kind}") if path.is_dir()):
			for folder in sorted(module_dir.iterdir()):
				if not folder.is_dir() or folder.name.startswith(("_", ".")):
					continue
				path = folder / f"{folder.name}.json"
				data, error = self.load_json(path)
				if error is None and not isinstance(data, dict):
					data, error = None, self.problem(path, "must hold one JSON object")
				found.append(Artifact(kind, module_dir.parent.name, folder, path, data, error))
		return found

	@cached_property
	def doctypes(self) -> dict[str, Artifact]:
		return {
			a.data["name"]: a
			for a in self.artifacts("doctype")
			if a.data and isinstance(a.data.get("name"), str)
		}

	@cached_property
	def reports(self) -> set[str]:
		return {a.data.get("name") for a in self.artifacts("report") if a.data}

	def doctype_exists(self, name: Any) -> bool:
		return name in self.doctypes or name in CORE_DOCTYPES

	def fields(self, doctype: str) -> dict[str, dict[str, Any]]:
		"""The app DocType's fields by fieldname; empty for a core or unknown DocType."""
		artifact = self.doctypes.get(doctype)
		if artifact is None:
			return {}
		return {
			f["fieldname"]: f for f in rows(artifact.data, "fields") if isinstance(f.get("fieldname"), str)
		}

	def fixture_path(self, doctype: str) -> Path:
		return self.package / "fixtures" / f"{scrub(doctype)}.json"

	def fixture(self, doctype: str) -> list[dict[str, Any]]:
		"""The fixture's records, or none when its file is missing or broken (check_fixtures reports that)."""
		data, _error = self.load_json(self.fixture_path(doctype))
		return [record for record in data if isinstance(record, dict)] if isinstance(data, list) else []

	def fixture_names(self, doctype: str) -> set[str]:
		return {record["name"] for record in self.fixture(doctype) if isinstance(record.get("name"), str)}

	@cached_property
	def roles(self) -> set[str]:
		return self.fixture_names("Role") | CORE_ROLES

	@cached_property
	def hooks(self) -> tuple[dict[str, Any], Problem | None]:
		"""hooks.py's variables, evaluated the way Frappe reads them but with only the app's plain modules."""
		if not self.hooks_path.is_file():
			return {}, self.problem(self.hooks_path, "file is missing")
		try:
			module = PlainImporter(self).load(f"{APP}.hooks")
		except Exception as error:
			return {}, self.problem(
				self.hooks_path, f"cannot be evaluated without Frappe: {type(error).__name__}: {error}"
			)
		return {k: v for k, v in vars(module).items() if not k.startswith("__")}, None

	@cached_property
	def catalog(self) -> tuple[Catalog | None, list[Problem]]:
		if not self.po_path.is_file():
			return None, [self.problem(self.po_path, "file is missing")]
		try:
			with self.po_path.open("rb") as po:
				return read_po(po, abort_invalid=True), []
		except (PoFileError, ValueError) as error:
			return None, [self.problem(self.po_path, f"cannot be read as gettext: {error}")]

	@cached_property
	def translations(self) -> tuple[set[tuple[str, str | None]], list[Problem]]:
		"""The (msgid, msgctxt) pairs ru.po translates, msgctxt None for an entry without context, and what is
		wrong with the file itself."""
		catalog, problems = self.catalog
		translated: set[tuple[str, str | None]] = set()
		for message in catalog or ():
			msgid = message.id[0] if isinstance(message.id, tuple) else message.id
			if not msgid:
				continue
			strings = message.string if isinstance(message.string, tuple) else (message.string,)
			if message.fuzzy:
				problems.append(
					self.problem(self.po_path, f"line {message.lineno}: msgid {msgid!r} is fuzzy")
				)
			elif not all(strings):
				problems.append(
					self.problem(self.po_path, f"line {message.lineno}: msgid {msgid!r} has an empty msgstr")
				)
			else:
				translated.add((msgid, message.context))
		return translated, problems

	@cached_property
	def framework_msgids(self) -> frozenset[str]:
		"""The msgids the framework translates into Russian itself (see FRAMEWORK_MSGIDS); none if not shipped."""
		path = self.root / FRAMEWORK_MSGIDS
		if not path.is_file():
			return frozenset()
		lines = path.read_text(encoding="utf-8").splitlines()
		return frozenset(line for line in lines if line and not line.startswith("#"))


class PlainImporter:
	"""Runs app modules as plain code; any import from outside the app fails, as it would without Frappe.

	hooks.py may import constants from the app (e.g. role names); Frappe reads it with the app importable,
	this reproduces that without touching `sys.modules`.
	"""

	def __init__(self, tree: AppTree) -> None:
		self.tree = tree
		self.modules: dict[str, types.ModuleType] = {}

	def load(self, name: str) -> types.ModuleType:
		if name not in self.modules:
			path = self.tree.module_file(name.split("."))
			if path is None:
				raise ImportError(f"no module named {name!r} in the app")
			module = types.ModuleType(name)
			package = name if path.name == "__init__.py" else name.rpartition(".")[0]
			vars(module).update(
				__file__=str(path),
				__package__=package,
				__builtins__={**vars(builtins), "__import__": self.import_},
			)
			self.modules[name] = module
			exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), vars(module))
		return self.modules[name]

	def import_(
		self,
		name: str,
		module_globals: dict[str, Any] | None = None,
		module_locals: dict[str, Any] | None = None,
		fromlist: tuple[str, ...] | None = (),
		level: int = 0,
	) -> types.ModuleType:
		"""`__import__` for the executed modules: the standard library, and relative and absolute imports of the
		app; anything else (Frappe, other packages) fails as it would without them."""
		if level:
			base = (module_globals or {})["__package__"].rsplit(".", level - 1)[0]
			name = f"{base}.{name}" if name else base
		elif name.partition(".")[0] in sys.stdlib_module_names:
			return builtins.__import__(name, module_globals, module_locals, fromlist, level)
		if name.partition(".")[0] != APP:
			raise ImportError(f"{name!r} is not one of the app's plain modules")
		parts = name.split(".")
		module = self.load(parts[0])
		for depth in range(2, len(parts) + 1):
			child = self.load(".".join(parts[:depth]))
			setattr(module, parts[depth - 1], child)
			module = child
		for item in fromlist or ():
			if not hasattr(module, item) and self.tree.module_file([*parts, item]):
				setattr(module, item, self.load(f"{name}.{item}"))
		return module if fromlist else self.modules[parts[0]]


def _artifact_identity(tree: AppTree, artifact: Artifact) -> list[Problem]:
	"""The document is of its folder's kind, named after its folder, and in a listed module."""
	if artifact.data is None:
		return [artifact.error]
	data, problems = artifact.data, []
	expected = ARTIFACT_DOCTYPES[artifact.kind]
	if data.get("doctype") != expected:
		problems.append(
			tree.problem(artifact.path, f"'doctype' must be {expected!r}, not {data.get('doctype')!r}")
		)
	name = data.get("name")
	if not isinstance(name, str) or not name:
		problems.append(tree.problem(artifact.path, "has no 'name'"))
	elif scrub(name) != artifact.folder.name:
		problems.append(
			tree.problem(
				artifact.path,
				f"name {name!r} belongs in folder {scrub(name)!r}, not {artifact.folder.name!r}",
			)
		)
	module = data.get("module")
	if module not in tree.modules:
		problems.append(tree.problem(artifact.path, f"module {module!r} is not listed in modules.txt"))
	elif scrub(module) != artifact.module_folder:
		problems.append(
			tree.problem(
				artifact.path,
				f"module {module!r} lives in folder {scrub(module)!r}, not {artifact.module_folder!r}",
			)
		)
	return problems


def _field_problems(tree: AppTree, artifact: Artifact) -> list[Problem]:
	data, problems = artifact.data, []
	fields = data.get("fields", [])
	if not isinstance(fields, list) or not all(isinstance(field, dict) for field in fields):
		return [tree.problem(artifact.path, "'fields' must be a list of objects")]
	names = [field.get("fieldname") for field in fields]
	for field in fields:
		fieldname, fieldtype = field.get("fieldname"), field.get("fieldtype")
		if not isinstance(fieldname, str) or not FIELDNAME.fullmatch(fieldname):
			problems.append(
				tree.problem(artifact.path, f"fieldname {fieldname!r} is not a lower-case identifier")
			)
		elif fieldname in RESERVED_FIELDNAMES:
			problems.append(tree.problem(artifact.path, f"fieldname {fieldname!r} is reserved by Frappe"))
		if fieldtype not in VALID_FIELDTYPES:
			problems.append(
				tree.problem(artifact.path, f"field {fieldname!r} has unknown fieldtype {fieldtype!r}")
			)
	for fieldname, count in Counter(names).items():
		if count > 1:
			problems.append(tree.problem(artifact.path, f"fieldname {fieldname!r} is used {count} times"))
	# Frappe keeps `fields` in the order of the previous export and the form order in `field_order`, so
	# the two may differ in order but must name the same fields.
	order = data.get("field_order", names)
	if sorted(map(str, order)) != sorted(map(str, names)):
		missing, unknown = sorted(set(names) - set(order)), sorted(set(order) - set(names))
		message = f"field_order must list each field once (missing: {missing}, not fields: {unknown})"
		problems.append(tree.problem(artifact.path, message))

	types_by_name = {field.get("fieldname"): field.get("fieldtype") for field in fields}
	for key in ("title_field", "image_field"):
		if data.get(key) and data[key] not in types_by_name:
			problems.append(tree.problem(artifact.path, f"{key} {data[key]!r} is not a field"))
	if data.get("image_field") in types_by_name and types_by_name[data["image_field"]] != "Attach Image":
		problems.append(
			tree.problem(artifact.path, f"image_field {data['image_field']!r} is not an Attach Image field")
		)
	for fieldname in comma_list(data.get("search_fields")):
		if types_by_name.get(fieldname, "Table") in NO_VALUE_FIELDTYPES:
			problems.append(
				tree.problem(artifact.path, f"search_fields names {fieldname!r}, which is no value field")
			)
	sortable = types_by_name.keys() | STANDARD_FIELDS | CHILD_TABLE_FIELDS
	for fieldname in (part.split()[0] for part in comma_list(data.get("sort_field"))):
		if fieldname not in sortable:
			problems.append(tree.problem(artifact.path, f"sort_field {fieldname!r} is not a field"))
	return problems


def _controller_problems(tree: AppTree, artifact: Artifact) -> list[Problem]:
	name = artifact.data.get("name")
	if artifact.data.get("custom") or not isinstance(name, str):
		return []
	path = artifact.folder / f"{artifact.folder.name}.py"
	class_name = name.replace(" ", "").replace("-", "")
	if not path.is_file():
		return [tree.problem(artifact.path, f"controller {tree.rel(path)} is missing")]
	module, error = tree.parse_python(path)
	if module is None:
		return [error]
	if not any(isinstance(node, ast.ClassDef) and node.name == class_name for node in module.body):
		return [tree.problem(path, f"defines no class {class_name} for DocType {name!r}")]
	return []


def check_doctypes(tree: AppTree) -> list[Problem]:
	"""DocType JSON is well formed, consistent with its folder, and has its controller class."""
	if not tree.modules_txt.is_file():
		return [tree.problem(tree.modules_txt, "file is missing")]
	problems = []
	for module in tree.modules:
		if not (tree.package / scrub(module) / "__init__.py").is_file():
			problems.append(
				tree.problem(
					tree.modules_txt, f"module {module!r} has no package {APP}/{scrub(module)}/__init__.py"
				)
			)
	for artifact in tree.artifacts("doctype"):
		problems += _artifact_identity(tree, artifact)
		if artifact.data is not None:
			problems += _field_problems(tree, artifact) + _controller_problems(tree, artifact)
	return problems


def check_links(tree: AppTree) -> list[Problem]:
	"""Link and table fields point at DocTypes a site with only Frappe and this app has."""
	problems = []
	for doctype, artifact in tree.doctypes.items():
		fields = tree.fields(doctype)
		for fieldname, field in fields.items():
			fieldtype, target = field.get("fieldtype"), field.get("options")
			if fieldtype == "Link" and not tree.doctype_exists(target):
				message = f"Link field {fieldname!r} points to {target!r}, neither an app DocType nor a Frappe core one"
				problems.append(tree.problem(artifact.path, message))
			elif fieldtype in TABLE_FIELDTYPES and target not in tree.doctypes:
				message = (
					f"{fieldtype} field {fieldname!r} points to {target!r}, which is no DocType of the app"
				)
				problems.append(tree.problem(artifact.path, message))
			elif fieldtype in TABLE_FIELDTYPES and not tree.doctypes[target].data.get("istable"):
				message = f"{fieldtype} field {fieldname!r} points to {target!r}, which is not a child table (istable)"
				problems.append(tree.problem(artifact.path, message))
			elif fieldtype == "Dynamic Link":
				pointer = fields.get(target, {})
				is_doctype_link = pointer.get("fieldtype") == "Link" and pointer.get("options") == "DocType"
				if not is_doctype_link and pointer.get("fieldtype") != "Select":
					message = f"Dynamic Link field {fieldname!r}: options {target!r} must name a Link to DocType field"
					problems.append(tree.problem(artifact.path, message))
	return problems


def check_permissions(tree: AppTree) -> list[Problem]:
	"""Every role granted by a DocType, Report, Workspace or chart exists on the site."""
	problems = []
	for kind in ("doctype", "report", "workspace", "dashboard_chart"):
		for artifact in tree.artifacts(kind):
			data = artifact.data or {}
			for row in rows(data, "permissions") + rows(data, "roles"):
				if row.get("role") not in tree.roles:
					message = (
						f"role {row.get('role')!r} is neither in fixtures/role.json nor a Frappe core role"
					)
					problems.append(tree.problem(artifact.path, message))
	return problems


def is_sensitive(doctype: str, fieldname: str) -> bool:
	return (
		(doctype == SENSITIVE_DOCTYPE and fieldname not in SENSITIVE_DOCTYPE_IDENTITY_FIELDS)
		or any(pattern in fieldname for pattern in SENSITIVE_FIELD_PATTERNS)
		or (fieldname == "inn" and doctype in PERSON_INN_DOCTYPES)
	)


def naming_fields(autoname: str, fieldnames: set[str]) -> set[str]:
	"""Fields a document name is made of: `field:x`, `format:…{x}…` or a `PREFIX-.x.-.####` series."""
	return set(re.findall(r"\{(\w+)\}", autoname)) | (set(re.split(r"[.:]", autoname)) & fieldnames)


def check_sensitive_data(tree: AppTree) -> list[Problem]:
	"""Sensitive fields never reach titles, list views, filters, search, previews or document names."""
	problems = []
	for doctype, artifact in tree.doctypes.items():
		fields = tree.fields(doctype)
		sensitive = {fieldname for fieldname in fields if is_sensitive(doctype, fieldname)}
		for fieldname in sorted(sensitive):
			for flag in EXPOSING_FIELD_FLAGS:
				if fields[fieldname].get(flag):
					problems.append(
						tree.problem(artifact.path, f"sensitive field {fieldname!r} has {flag} set")
					)
		data = artifact.data
		exposed = [
			("title_field", {data.get("title_field")} & sensitive),
			("search_fields", set(comma_list(data.get("search_fields"))) & sensitive),
			("autoname", naming_fields(data.get("autoname") or "", set(fields)) & sensitive),
		]
		for key, fieldnames in exposed:
			for fieldname in sorted(fieldnames):
				problems.append(
					tree.problem(artifact.path, f"sensitive field {fieldname!r} is used in {key}")
				)
	return problems


def _hook_fixture_names(tree: AppTree) -> list[Any]:
	"""The DocTypes hooks.py `fixtures` exports: plain names or `{"dt": name, "filters": ...}`."""
	entries = tree.hooks[0].get("fixtures", [])
	return [
		entry.get("dt") or entry.get("doctype") if isinstance(entry, dict) else entry for entry in entries
	]


def check_fixtures(tree: AppTree) -> list[Problem]:
	"""Each fixture file is a list of documents of its DocType, and hooks.py and the files agree."""
	hooks_error = tree.hooks[1]
	problems = [hooks_error] if hooks_error else []
	named = _hook_fixture_names(tree)
	named_files = {scrub(doctype) for doctype in named if isinstance(doctype, str)}
	for doctype in named:
		if not isinstance(doctype, str):
			problems.append(tree.problem(tree.hooks_path, f"fixtures entry names no DocType: {doctype!r}"))
		elif not tree.fixture_path(doctype).is_file():
			problems.append(
				tree.problem(
					tree.hooks_path, f"fixture {doctype!r} has no file {tree.rel(tree.fixture_path(doctype))}"
				)
			)
	for path in sorted((tree.package / "fixtures").glob("*.json")):
		data, error = tree.load_json(path)
		if error:
			problems.append(error)
			continue
		if not isinstance(data, list):
			problems.append(tree.problem(path, "must hold a JSON list of documents"))
			continue
		for index, record in enumerate(data):
			doctype = record.get("doctype") if isinstance(record, dict) else None
			if not isinstance(doctype, str):
				problems.append(tree.problem(path, f"item {index} is no document with a 'doctype'"))
			elif scrub(doctype) != path.stem:
				problems.append(
					tree.problem(path, f"item {index} is a {doctype!r}; this file holds {path.stem!r} only")
				)
			elif not record.get("name"):
				problems.append(tree.problem(path, f"item {index} has no 'name'"))
		if not hooks_error and path.stem not in named_files:
			problems.append(
				tree.problem(path, "is not named in hooks.py `fixtures`, so Frappe never imports it")
			)
	return problems


def resolve_dotted(tree: AppTree, dotted: str) -> str | None:
	"""Why `dotted` names no module or top-level object of the app, or None when it does."""
	parts = dotted.split(".")
	if not all(part.isidentifier() for part in parts):
		return f"{dotted!r} is not a dotted Python path"
	if tree.module_file(parts):
		return None
	module_path = tree.module_file(parts[:-1])
	module = ".".join(parts[:-1])
	if module_path is None:
		return f"{dotted!r}: module {module} does not exist"
	names = tree.top_level_names(module_path)
	if names is None:
		return f"{dotted!r}: {tree.rel(module_path)} has a syntax error"
	if parts[-1] not in names:
		return f"{dotted!r}: {tree.rel(module_path)} defines no top-level {parts[-1]!r}"
	return None


def _hook_strings(value: Any) -> Iterator[str]:
	if isinstance(value, str):
		yield value
	elif isinstance(value, dict):
		for item in value.values():
			yield from _hook_strings(item)
	elif isinstance(value, list | tuple | set):
		for item in value:
			yield from _hook_strings(item)


def _hook_reference_problem(tree: AppTree, key: str, value: str) -> str | None:
	public = tree.package / "public"
	if key in PACKAGE_PATH_HOOKS:
		return (
			None if (tree.package / value).is_file() else f"{tree.rel(tree.package / value)} does not exist"
		)
	if BUNDLE.fullmatch(value):
		return (
			None if any(public.rglob(f"{value.rsplit('.', 1)[0]}.*")) else f"no bundle {value} under public/"
		)
	if value.startswith(f"/assets/{APP}/"):
		path = public / value.removeprefix(f"/assets/{APP}/")
		return None if path.is_file() else f"{tree.rel(path)} does not exist"
	if value.startswith(f"{APP}."):
		return resolve_dotted(tree, value)
	return None


def _patch_problems(tree: AppTree) -> list[Problem]:
	path = tree.package / "patches.txt"
	if not path.is_file():
		return []
	problems = []
	for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
		patch = line.split("#", 1)[0].strip()
		if not patch or patch.startswith(("[", "execute:")):
			continue
		module = tree.module_file(patch.split("."))
		if module is None:
			problems.append(tree.problem(path, f"line {number}: patch module {patch} does not exist"))
		elif "execute" not in (tree.top_level_names(module) or set()):
			problems.append(tree.problem(path, f"line {number}: {tree.rel(module)} defines no execute()"))
	return problems


def check_hooks(tree: AppTree) -> list[Problem]:
	"""hooks.py evaluates without Frappe, and every function, module, asset and patch it names exists."""
	hooks, error = tree.hooks
	if error:
		return [error]
	problems = []
	for key, value in hooks.items():
		for string in _hook_strings(value):
			message = _hook_reference_problem(tree, key, string)
			if message:
				problems.append(tree.problem(tree.hooks_path, f"{key}: {message}"))
	return problems + _patch_problems(tree)


def print_template(artifact: Artifact) -> tuple[Path, str] | None:
	"""Where a standard print format's Jinja lives: the sibling .html wins, as in v15 printview."""
	html = artifact.folder / f"{artifact.folder.name}.html"
	if html.is_file():
		return html, html.read_text(encoding="utf-8")
	if artifact.data and artifact.data.get("html"):
		return artifact.path, artifact.data["html"]
	return None


def _doc_references(template: nodes.Template) -> Iterator[str]:
	"""Names a template reads from `doc`: `doc.x`, and the field named in `doc.get("x")`."""
	for node in template.find_all((nodes.Getattr, nodes.Call)):
		if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name) and node.node.name == "doc":
			yield node.attr
		elif (
			isinstance(node, nodes.Call)
			and isinstance(node.node, nodes.Getattr)
			and isinstance(node.node.node, nodes.Name)
			and node.node.node.name == "doc"
			and node.node.attr in PRINT_FIELD_GETTERS
			and node.args
			and isinstance(node.args[0], nodes.Const)
			and isinstance(node.args[0].value, str)
		):
			yield node.args[0].value


def _template_names(template: nodes.Template) -> Iterator[str]:
	"""Templates named by `{% include %}`, `{% import %}`, `{% from … import %}` and `{% extends %}`."""
	for node in template.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
		if isinstance(node.template, nodes.Const) and isinstance(node.template.value, str):
			yield node.template.value


def template_file(tree: AppTree, name: str) -> Path | None:
	"""The file Frappe's loader (v15 `get_jloader`) opens for `name` in this app, None for another app's.

	`citi_employment/templates/x.html` is `templates/x.html` in the app package (PrefixLoader). An unprefixed
	name (`templates/…`, `www/…`, or any folder of the package) is taken as this app's, since the loader tries
	this app before Frappe; another app's template must carry its app prefix (`frappe/templates/…`)."""
	first, _, rest = name.partition("/")
	if first == APP:
		return tree.package / rest
	if rest and first not in JINJA_FOLDERS and not (tree.package / first).is_dir():
		return None
	return tree.package / name


def _included_templates(
	tree: AppTree, path: Path, template: nodes.Template, seen: set[Path]
) -> Iterator[Problem | tuple[Path, nodes.Template]]:
	"""Each template `template` pulls in, recursively: a Problem for a missing or broken one."""
	for name in _template_names(template):
		target = template_file(tree, name)
		if target is None or target in seen:
			continue
		seen.add(target)
		if not target.is_file():
			yield tree.problem(path, f"includes {name!r}, which does not exist ({tree.rel(target)})")
			continue
		included, error = tree.parse_jinja(target, target.read_text(encoding="utf-8"))
		if included is None:
			yield error
			continue
		yield target, included
		yield from _included_templates(tree, target, included, seen)


def check_print_formats(tree: AppTree) -> list[Problem]:
	"""Standard print formats have a template that compiles, whose included templates exist and compile, and
	that (with what it includes) reads only real fields of their DocType."""
	problems = []
	for artifact in tree.artifacts("print_format"):
		problems += _artifact_identity(tree, artifact)
		if artifact.data is None:
			continue
		doc_type = artifact.data.get("doc_type")
		if not tree.doctype_exists(doc_type):
			problems.append(tree.problem(artifact.path, f"doc_type {doc_type!r} does not exist"))
		if artifact.data.get("standard") != "Yes":
			problems.append(
				tree.problem(artifact.path, "'standard' must be 'Yes' for a format shipped with the app")
			)
		found = print_template(artifact)
		if found is None:
			message = f"has no template: neither {artifact.folder.name}.html nor 'html' in the JSON"
			problems.append(tree.problem(artifact.path, message))
			continue
		path, source = found
		template, error = tree.parse_jinja(path, source)
		if template is None:
			problems.append(error)
			continue
		templates = [(path, template)]
		for found_template in _included_templates(tree, path, template, {path}):
			if isinstance(found_template, Problem):
				problems.append(found_template)
			else:
				templates.append(found_template)
		fields = tree.fields(doc_type)
		if not fields:
			continue
		allowed = fields.keys() | STANDARD_FIELDS | PRINT_DOC_MEMBERS
		for template_path, parsed in templates:
			for name in sorted(set(_doc_references(parsed)) - allowed):
				problems.append(tree.problem(template_path, f"doc.{name}: {doc_type!r} has no such field"))
	return list(dict.fromkeys(problems))


def check_reports(tree: AppTree) -> list[Problem]:
	"""Each report has its JSON, a Script Report its `execute`, and its ref_doctype exists."""
	problems = []
	for artifact in tree.artifacts("report"):
		problems += _artifact_identity(tree, artifact)
		if artifact.data is None:
			continue
		if not tree.doctype_exists(artifact.data.get("ref_doctype")):
			problems.append(
				tree.problem(
					artifact.path, f"ref_doctype {artifact.data.get('ref_doctype')!r} does not exist"
				)
			)
		if artifact.data.get("report_type") != "Script Report":
			continue
		path = artifact.folder / f"{artifact.folder.name}.py"
		if not path.is_file():
			problems.append(tree.problem(artifact.path, f"Script Report has no {tree.rel(path)}"))
			continue
		names = tree.top_level_names(path)
		if names is None:
			problems.append(tree.parse_python(path)[1])
		elif "execute" not in names:
			problems.append(tree.problem(path, "defines no execute(filters)"))
	return problems


def _transition_docstatus_problem(source: str | None, target: str | None) -> str | None:
	"""The docstatus moves v15 `Workflow.validate_docstatus` refuses."""
	if source == "2":
		return "a cancelled document cannot change state"
	if source == "1" and target == "0":
		return "a submitted document cannot go back to draft"
	if source == "0" and target == "2":
		return "a document cannot be cancelled before it is submitted"
	return None


def _workflow_problems(
	tree: AppTree, workflow: dict[str, Any], states: set[str], actions: set[str]
) -> list[str]:
	messages = []
	doctype = workflow.get("document_type")
	if not tree.doctype_exists(doctype):
		messages.append(f"document_type {doctype!r} does not exist")
	elif doctype in tree.doctypes and workflow.get("workflow_state_field") not in tree.fields(doctype):
		messages.append(
			f"workflow_state_field {workflow.get('workflow_state_field')!r} is not a field of {doctype!r}"
		)
	docstatus = {}
	for row in rows(workflow, "states"):
		docstatus[row.get("state")] = str(row.get("doc_status", "0"))
		if row.get("state") not in states:
			messages.append(
				f"state {row.get('state')!r} is neither a Workflow State fixture nor a Frappe default"
			)
		if row.get("allow_edit") not in tree.roles:
			messages.append(f"state {row.get('state')!r}: role {row.get('allow_edit')!r} does not exist")
	for row in rows(workflow, "transitions"):
		move = f"transition {row.get('state')!r} -> {row.get('next_state')!r}"
		for end in ("state", "next_state"):
			if row.get(end) not in docstatus:
				messages.append(f"{move}: {row.get(end)!r} is not one of the workflow's states")
		if row.get("action") not in actions:
			messages.append(
				f"{move}: action {row.get('action')!r} is neither a Workflow Action Master fixture nor a default"
			)
		if row.get("allowed") not in tree.roles:
			messages.append(f"{move}: role {row.get('allowed')!r} does not exist")
		refusal = _transition_docstatus_problem(
			docstatus.get(row.get("state")), docstatus.get(row.get("next_state"))
		)
		if refusal:
			messages.append(f"{move}: {refusal}")
	return messages


def check_workflows(tree: AppTree) -> list[Problem]:
	"""Workflow fixtures use existing DocTypes, fields, states, actions and roles, and legal docstatus moves."""
	path = tree.fixture_path("Workflow")
	states = tree.fixture_names("Workflow State") | DEFAULT_WORKFLOW_STATES
	actions = tree.fixture_names("Workflow Action Master") | DEFAULT_WORKFLOW_ACTIONS
	problems = []
	for workflow in tree.fixture("Workflow"):
		for message in _workflow_problems(tree, workflow, states, actions):
			problems.append(tree.problem(path, f"workflow {workflow.get('name')!r}: {message}"))
	return problems


def check_desk_artifacts(tree: AppTree) -> list[Problem]:
	"""Workspaces, number cards, charts and notifications are consistent and point at existing documents."""
	problems = []
	known = {
		"DocType": tree.doctypes.keys() | CORE_DOCTYPES,
		"Report": tree.reports,
		"Dashboard Chart": {a.data.get("name") for a in tree.artifacts("dashboard_chart") if a.data},
		"Number Card": {a.data.get("name") for a in tree.artifacts("number_card") if a.data},
	}
	for kind in DESK_KINDS:
		for artifact in tree.artifacts(kind):
			problems += _artifact_identity(tree, artifact)
			data = artifact.data or {}
			references = [("DocType", data.get("document_type")), ("Report", data.get("report_name"))]
			references += [
				(row.get("link_type"), row.get("link_to"))
				for row in rows(data, "links")
				if row.get("type") == "Link"
			]
			references += [(row.get("type"), row.get("link_to")) for row in rows(data, "shortcuts")]
			references += [("Dashboard Chart", row.get("chart_name")) for row in rows(data, "charts")]
			references += [("Number Card", row.get("number_card_name")) for row in rows(data, "number_cards")]
			for target_kind, target in references:
				if target and target_kind in known and target not in known[target_kind]:
					problems.append(tree.problem(artifact.path, f"{target_kind} {target!r} does not exist"))
	return problems


# A string the app shows a user, and the context it is translated with (None: without context).
Text = tuple[Any, str | None]


def _constant_str(node: ast.expr | None) -> str | None:
	return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _python_strings(tree: AppTree, path: Path) -> Iterator[Problem | Text]:
	"""First arguments of `_()` / `frappe._()` with their `context`; an f-string there can never match a
	translation."""
	module, error = tree.parse_python(path)
	if module is None:
		yield error
		return
	for node in ast.walk(module):
		if not (isinstance(node, ast.Call) and node.args):
			continue
		func = node.func
		if not (
			(isinstance(func, ast.Name) and func.id == "_")
			or (
				isinstance(func, ast.Attribute)
				and func.attr == "_"
				and getattr(func.value, "id", None) == "frappe"
			)
		):
			continue
		argument = node.args[0]
		if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
			# frappe._(msg, lang=None, context=None)
			context = next((_constant_str(k.value) for k in node.keywords if k.arg == "context"), None)
			yield argument.value, context or (_constant_str(node.args[2]) if len(node.args) > 2 else None)
		elif isinstance(argument, ast.JoinedStr):
			yield tree.problem(
				path, f"line {node.lineno}: _() gets an f-string; use _('… {{0}}').format(value)"
			)


def _js_strings(path: Path) -> Iterator[Text]:
	for match in JS_TRANSLATE.finditer(path.read_text(encoding="utf-8")):
		literal = next(group for group in match.groups()[:3] if group is not None)
		context = next((group for group in match.groups()[3:] if group is not None), None)
		if "${" not in literal:
			text = JS_ESCAPE.sub(lambda escape: {"n": "\n", "t": "\t"}.get(escape[1], escape[1]), literal)
			yield text, context


def _jinja_strings(tree: AppTree, path: Path, source: str) -> Iterator[Problem | Text]:
	template, error = tree.parse_jinja(path, source)
	if template is None:
		yield error
		return
	for call in template.find_all(nodes.Call):
		if (
			isinstance(call.node, nodes.Name)
			and call.node.name == "_"
			and call.args
			and isinstance(call.args[0], nodes.Const)
			and isinstance(call.args[0].value, str)
		):
			context = next(
				(
					keyword.value.value
					for keyword in call.kwargs
					if keyword.key == "context"
					and isinstance(keyword.value, nodes.Const)
					and isinstance(keyword.value.value, str)
				),
				None,
			)
			yield call.args[0].value, context


def _values(*keys: str) -> Callable[[dict[str, Any]], Iterator[Text]]:
	return lambda data: ((data.get(key), None) for key in keys)


def _doctype_strings(data: dict[str, Any]) -> Iterator[Text]:
	doctype = data.get("name")
	yield doctype, None
	yield data.get("description"), None
	for field in rows(data, "fields"):
		fieldtype = field.get("fieldtype")
		yield field.get("label"), None if fieldtype in LABEL_WITHOUT_CONTEXT_FIELDTYPES else doctype
		yield field.get("description"), None
		if fieldtype == "Select":
			yield from ((option, doctype) for option in (field.get("options") or "").splitlines())
		elif fieldtype == "HTML":
			yield field.get("options"), None
	# Frappe's own extractor takes permission roles as messages too (the role manager shows them).
	for permission in rows(data, "permissions"):
		yield permission.get("role"), None


def _workspace_strings(data: dict[str, Any]) -> Iterator[Text]:
	yield from _values("label", "title")(data)
	for table in ("links", "shortcuts", "charts", "number_cards"):
		yield from ((row.get("label"), None) for row in rows(data, table))


# What each kind of exported document shows a user.
ARTIFACT_STRINGS: dict[str, Callable[[dict[str, Any]], Iterator[Text]]] = {
	"doctype": _doctype_strings,
	"report": _values("name"),
	"print_format": _values("name"),
	"workspace": _workspace_strings,
	"number_card": _values("label"),
	"dashboard_chart": _values("chart_name"),
}


def user_strings(tree: AppTree) -> Iterator[tuple[Path, Problem | Text]]:
	"""Every string the app shows a user with the context it is translated with, and the file it comes from
	(or a Problem reading that file)."""
	for kind, strings in ARTIFACT_STRINGS.items():
		for artifact in tree.artifacts(kind):
			if artifact.data:
				yield from ((artifact.path, text) for text in strings(artifact.data))
	# The desk shows workflow states and actions through `__(name)`, without context.
	for doctype in ("Role", "Workflow State", "Workflow Action Master"):
		yield from (
			(tree.fixture_path(doctype), (record.get("name"), None)) for record in tree.fixture(doctype)
		)
	for artifact in tree.artifacts("print_format"):
		found = print_template(artifact)
		if found and found[0] == artifact.path:
			yield from ((artifact.path, text) for text in _jinja_strings(tree, *found))
	for path in tree.files_with_suffix(".html"):
		if JINJA_FOLDERS.intersection(path.relative_to(tree.package).parts[:-1]):
			yield from ((path, text) for text in _jinja_strings(tree, path, path.read_text(encoding="utf-8")))
		else:
			yield from ((path, text) for text in _js_strings(path))
	for path in tree.files_with_suffix(".py"):
		yield from ((path, text) for text in _python_strings(tree, path))
	for path in tree.files_with_suffix(".js"):
		yield from ((path, text) for text in _js_strings(path))


def needs_translation(string: Any) -> bool:
	"""Strings with Latin letters: English source text, even where it quotes Russian («… for example ЦП»).

	Strings written wholly in Russian are not looked up: print formats are Russian documents.
	"""
	return isinstance(string, str) and bool(LATIN_LETTER.search(string))


def check_translations(tree: AppTree) -> list[Problem]:
	"""Everything a user sees has real Russian: a msgstr in locale/ru.po without context or with the context the
	desk asks for (a label or option: its DocType), or the framework's own; each msgctxt entry serves a string."""
	translated, po_problems = tree.translations
	problems, po = list(po_problems), tree.rel(tree.po_path)
	used = set()
	for path, item in user_strings(tree):
		if isinstance(item, Problem):
			problems.append(item)
			continue
		string, context = item
		if isinstance(string, str):
			used.add((string, context))
		if not needs_translation(string) or string in tree.framework_msgids or (string, None) in translated:
			continue
		if context is None or (string, context) not in translated:
			where = f" (an entry without context, or with msgctxt {context!r})" if context else ""
			problems.append(tree.problem(path, f"{string!r} has no Russian translation in {po}{where}"))
	problems += [
		tree.problem(
			tree.po_path, f"msgid {msgid!r} with msgctxt {context!r}: no label, option or call uses it"
		)
		for msgid, context in sorted(entry for entry in translated - used if entry[1] is not None)
	]
	return list(dict.fromkeys(problems))


def check_framework_terms(tree: AppTree) -> list[Problem]:
	"""No entry of locale/ru.po without context redefines a framework msgid: the app's Russian would replace the
	framework's on every screen, its own included (FRAMEWORK_MSGIDS lists them)."""
	catalog, _problems = tree.catalog
	problems = []
	for message in catalog or ():
		msgid = message.id[0] if isinstance(message.id, tuple) else message.id
		if message.context is not None or msgid not in tree.framework_msgids:
			continue
		if any(comment.startswith(FRAMEWORK_TYPO_MARK) for comment in message.user_comments):
			continue
		problems.append(
			tree.problem(
				tree.po_path,
				f"line {message.lineno}: msgid {msgid!r} is the framework's own term and this entry has no "
				"msgctxt, so it replaces the framework's Russian on every screen: delete it where the "
				"framework's word fits, or keep the app's wording as msgctxt \"<DocType>\" entries (labels, "
				"options) or under a distinct msgid",
			)
		)
	return problems


def check_json(tree: AppTree) -> list[Problem]:
	"""Every JSON file of the app parses."""
	return [error for path in tree.files_with_suffix(".json") if (error := tree.load_json(path)[1])]


Check = Callable[[AppTree], list[Problem]]

CHECKS: tuple[Check, ...] = (
	check_json,
	check_doctypes,
	check_links,
	check_permissions,
	check_sensitive_data,
	check_fixtures,
	check_hooks,
	check_print_formats,
	check_reports,
	check_workflows,
	check_desk_artifacts,
	check_translations,
	check_framework_terms,
)


def check_app(root: Path) -> list[Problem]:
	"""All checks over the app at `root`, each problem once even when several checks meet it."""
	tree = AppTree(root)
	return list(dict.fromkeys(problem for check in CHECKS for problem in check(tree)))
