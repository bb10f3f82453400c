"""Every whitelisted function of the app is in the endpoint table the IDOR and hostile-input suites are generated
from (``citi_employment/tests/endpoint_table.py``), so a new endpoint cannot escape them.

The sources are read as an AST (no Frappe, no import of the app): a function or a method of a class whose
decorator is ``frappe.whitelist``, ``whitelist`` imported from frappe, called or not. The table is loaded from its
file, as it imports nothing of Frappe either.
"""

import ast
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_ROOT = ROOT / "citi_employment"
TABLE_FILE = APP_ROOT / "tests" / "endpoint_table.py"


def load_table():
	spec = importlib.util.spec_from_file_location("citi_endpoint_table", TABLE_FILE)
	module = importlib.util.module_from_spec(spec)
	spec.loader.exec_module(module)
	return module


def is_whitelist(decorator: ast.expr, whitelist_names: set[str]) -> bool:
	target = decorator.func if isinstance(decorator, ast.Call) else decorator
	if isinstance(target, ast.Attribute):
		return (
			target.attr == "whitelist" and isinstance(target.value, ast.Name) and target.value.id == "frappe"
		)
	return isinstance(target, ast.Name) and target.id in whitelist_names


def whitelist_keywords(decorator: ast.expr) -> dict:
	if not isinstance(decorator, ast.Call):
		return {}
	values = {}
	for keyword in decorator.keywords:
		try:
			values[keyword.arg] = ast.literal_eval(keyword.value)
		except ValueError:
			values[keyword.arg] = None
	return values


def whitelisted_in(source: str, module: str) -> dict[str, dict]:
	"""Dotted path → the decorator's keywords, for each whitelisted function of a module's source."""
	tree = ast.parse(source)
	names = {
		alias.asname or alias.name
		for node in ast.walk(tree)
		if isinstance(node, ast.ImportFrom) and node.module == "frappe"
		for alias in node.names
		if alias.name == "whitelist"
	}
	found = {}

	def visit(body, prefix):
		for node in body:
			if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
				for decorator in node.decorator_list:
					if is_whitelist(decorator, names):
						found[f"{prefix}.{node.name}"] = whitelist_keywords(decorator)
			elif isinstance(node, ast.ClassDef):
				visit(node.body, f"{prefix}.{node.name}")

	visit(tree.body, module)
	return found


def app_endpoints() -> dict[str, dict]:
	found = {}
	for path in sorted(APP_ROOT.rglob("*.py")):
		relative = path.relative_to(ROOT)
		if "tests" in relative.parts or path.name.startswith("test_"):
			continue
		module = ".".join(relative.with_suffix("").parts)
		found.update(whitelisted_in(path.read_text(encoding="utf-8"), module))
	return found


def test_the_scan_finds_every_decorator_style():
	source = (
		"import frappe\nfrom frappe import whitelist as wl\n"
		"@frappe.whitelist()\ndef a(): pass\n"
		"@frappe.whitelist\ndef b(): pass\n"
		"@wl(allow_guest=True)\ndef c(): pass\n"
		"class D:\n\t@frappe.whitelist(methods=['POST'])\n\tdef e(self): pass\n\tdef f(self): pass\n"
		"def g(): pass\n"
	)
	found = whitelisted_in(source, "m")
	assert set(found) == {"m.a", "m.b", "m.c", "m.D.e"}
	assert found["m.c"] == {"allow_guest": True}
	assert found["m.D.e"] == {"methods": ["POST"]}


def test_the_scan_finds_the_app_s_endpoints():
	# Sanity: the app has dozens; an empty scan would make the table test pass for nothing.
	assert len(app_endpoints()) >= 25


def test_every_whitelisted_function_is_in_the_endpoint_table():
	table = load_table()
	missing = sorted(set(app_endpoints()) - set(table.BY_PATH))
	assert not missing, (
		"Whitelisted functions missing from citi_employment/tests/endpoint_table.py (add who may call them "
		f"and their argument kinds, so the IDOR and hostile-input suites try them): {missing}"
	)


def test_the_table_lists_no_function_that_is_gone():
	table = load_table()
	stale = sorted(set(table.BY_PATH) - set(app_endpoints()))
	assert not stale, f"Endpoint table rows with no whitelisted function behind them: {stale}"
	assert len(table.BY_PATH) == len(table.ENDPOINTS), "a path is listed twice"


@pytest.mark.parametrize("path", sorted(app_endpoints()))
def test_the_table_agrees_with_the_decorator(path):
	table = load_table()
	endpoint = table.BY_PATH.get(path)
	if endpoint is None:
		pytest.skip("reported by test_every_whitelisted_function_is_in_the_endpoint_table")
	keywords = app_endpoints()[path]
	# Only the named public endpoints are public, in the code and in the table alike.
	assert bool(keywords.get("allow_guest")) == endpoint.public, path
	assert table.GUEST not in endpoint.callers or endpoint.public, path
	post_only = keywords.get("methods") in (["POST"], ("POST",))
	assert post_only == (endpoint.http_method == "POST"), path
	assert endpoint.callers, path
	assert set(endpoint.callers) <= {*table.ALL_CALLERS, table.ANYONE}, path
	for kind in endpoint.args.values():
		prefix = kind.rstrip("?").partition(":")[0]
		assert prefix in {
			"name",
			"names",
			"doctype",
			"report",
			"text",
			"email",
			"int",
			"flag",
			"date",
			"filters",
			"doc_json",
			"print_format",
			"form",
			"ignored",
		}, (path, kind)
	# A document method is called through run_doc_method on its DocType.
	assert (endpoint.doctype is not None) == (path.count(".") > 0 and path.split(".")[-2][:1].isupper()), path
