"""The security lint passes on the real app and catches each broken sample, written as a small app tree."""

from pathlib import Path

import pytest

from .security_lint import APP_ROOT, RULES, Finding, lint

RULE = "whitelisted-writer-not-post-only"
PACKAGE = "sampleapp"


def sample_app(tmp_path: Path, files: dict[str, str]) -> Path:
	"""A package ``sampleapp`` with the given modules (paths relative to it); returns its root."""
	root = tmp_path / PACKAGE
	for rel, source in {"__init__.py": "", **files}.items():
		path = root / rel
		path.parent.mkdir(parents=True, exist_ok=True)
		path.write_text(source, encoding="utf-8")
	return root


def findings_of(tmp_path: Path, files: dict[str, str]) -> list[Finding]:
	return lint(sample_app(tmp_path, files), rules=[RULE])


def assert_flagged(findings: list[Finding], path: str, line: int, *fragments: str) -> None:
	"""Exactly one finding, at the decorator ``path:line``, saying every fragment."""
	assert len(findings) == 1, "\n".join(map(str, findings)) or "no finding"
	finding = findings[0]
	assert (finding.path, finding.line, finding.rule) == (f"{PACKAGE}/{path}", line, RULE), str(finding)
	for fragment in fragments:
		assert fragment in finding.message, str(finding)


def test_the_app_has_no_findings() -> None:
	findings = lint(APP_ROOT)
	assert not findings, "\n".join(map(str, findings))


def test_every_rule_runs_on_the_app() -> None:
	assert lint(APP_ROOT, rules=list(RULES)) == lint(APP_ROOT)


DIRECT_WRITER = """import frappe


@frappe.whitelist()
def close(name):
	doc = frappe.get_doc("Vacancy Request", name)
	doc.status = "Closed"
	doc.save()
"""


def test_a_direct_writer_without_methods_is_flagged(tmp_path: Path) -> None:
	findings = findings_of(tmp_path, {"api.py": DIRECT_WRITER})
	assert_flagged(
		findings, "api.py", 4, "close", "doc.save()", "api.py:8", "every method", 'methods=["POST"]'
	)


def test_a_writer_that_also_allows_get_is_flagged(tmp_path: Path) -> None:
	source = DIRECT_WRITER.replace("@frappe.whitelist()", '@frappe.whitelist(methods=["GET", "POST"])')
	assert_flagged(findings_of(tmp_path, {"api.py": source}), "api.py", 4, "allows GET, POST")


@pytest.mark.parametrize(
	"methods, said",
	[
		("[]", "every method"),
		('["post"]', "allows post"),
		("POST_ONLY", "not a literal list"),
	],
)
def test_a_writer_whose_methods_are_not_exactly_post_is_flagged(
	tmp_path: Path, methods: str, said: str
) -> None:
	source = DIRECT_WRITER.replace("@frappe.whitelist()", f"@frappe.whitelist(methods={methods})")
	assert_flagged(findings_of(tmp_path, {"api.py": source}), "api.py", 4, said)


@pytest.mark.parametrize("methods", ['["POST"]', '("POST",)'])
def test_a_post_only_writer_passes(tmp_path: Path, methods: str) -> None:
	source = DIRECT_WRITER.replace("@frappe.whitelist()", f"@frappe.whitelist(methods={methods})")
	assert findings_of(tmp_path, {"api.py": source}) == []


def test_the_decorator_imported_from_frappe_is_recognised(tmp_path: Path) -> None:
	source = """import frappe
from frappe import whitelist


@whitelist()
def remove(name):
	frappe.delete_doc("Vacancy Request", name)
"""
	assert_flagged(findings_of(tmp_path, {"api.py": source}), "api.py", 5, "frappe.delete_doc()")


def test_frappe_imported_under_another_name_is_recognised(tmp_path: Path) -> None:
	source = """import frappe as fr


@fr.whitelist(allow_guest=False)
def rename(name, new_name):
	fr.rename_doc("Employer", name, new_name)
"""
	assert_flagged(findings_of(tmp_path, {"api.py": source}), "api.py", 4, "fr.rename_doc()")


def test_a_writer_through_a_helper_of_the_same_module_is_flagged(tmp_path: Path) -> None:
	source = """import frappe


@frappe.whitelist()
def mark_seen(name):
	check(name)
	return remember(name)


def check(name):
	frappe.has_permission("Graduate", "write", doc=name, throw=True)


def remember(name):
	return store(name)


def store(name):
	frappe.db.set_value("Graduate", name, "seen", 1)
"""
	assert_flagged(
		findings_of(tmp_path, {"api.py": source}),
		"api.py",
		4,
		"frappe.db.set_value() at sampleapp/api.py:19",
		"through sampleapp.api.remember → sampleapp.api.store",
	)


SERVICE = """import frappe


def record(name):
	frappe.get_doc({"doctype": "Transfer Log", "graduate": name}).insert()


def read(name):
	return frappe.db.get_value("Graduate", name, "full_name")
"""


@pytest.mark.parametrize(
	"import_line, call",
	[
		("from sampleapp.services.log import record", "record(name)"),
		("from .services.log import record as log_it", "log_it(name)"),
		("import sampleapp.services.log as log", "log.record(name)"),
		("from sampleapp.services import log", "log.record(name)"),
		("import sampleapp.services.log", "sampleapp.services.log.record(name)"),
	],
)
def test_a_writer_through_another_module_is_flagged(tmp_path: Path, import_line: str, call: str) -> None:
	source = f"""import frappe

{import_line}


@frappe.whitelist()
def share(name):
	{call}
"""
	files = {"api.py": source, "services/__init__.py": "", "services/log.py": SERVICE}
	assert_flagged(
		findings_of(tmp_path, files),
		"api.py",
		6,
		".insert() at sampleapp/services/log.py:5",
		"through sampleapp.services.log.record",
	)


def test_a_writer_reached_through_a_re_export_and_a_class_is_flagged(tmp_path: Path) -> None:
	files = {
		"api.py": """import frappe

from sampleapp.services import Destruction


@frappe.whitelist()
def destroy(name):
	job = Destruction(name)
	return job.run()
""",
		"services/__init__.py": "from sampleapp.services.destruction import Destruction\n",
		"services/destruction.py": """import frappe


class Destruction:
	def __init__(self, name):
		self.name = name

	def run(self):
		self.purge()

	def purge(self):
		frappe.db.delete("Version", {"docname": self.name})
""",
	}
	assert_flagged(
		findings_of(tmp_path, files),
		"api.py",
		6,
		"frappe.db.delete()",
		"Destruction.run → sampleapp.services.destruction.Destruction.purge",
	)


def test_a_whitelisted_controller_method_that_saves_is_flagged(tmp_path: Path) -> None:
	source = """import frappe
from frappe.model.document import Document


class VacancyRequest(Document):
	@frappe.whitelist()
	def close(self):
		self.set_closed()

	def set_closed(self):
		self.db_set("status", "Closed")
"""
	assert_flagged(findings_of(tmp_path, {"vacancy_request.py": source}), "vacancy_request.py", 6, "close")


@pytest.mark.parametrize(
	"write",
	[
		'frappe.qb.update(table).set(table.status, "Closed").run()',
		'frappe.qb.into(table).insert("x").run()',
		'frappe.qb.from_(table).delete().where(table.name == "x").run()',
		'frappe.db.sql("UPDATE `tabVacancy Request` SET status = %s", ("Closed",))',
		'frappe.db.sql("""\n\t\tdelete from `tabVacancy Request`""")',
		'frappe.enqueue("sampleapp.jobs.run", queue="long")',
		'frappe.sendmail(recipients=["a@example.com"], subject="x")',
		'frappe.get_doc("Vacancy Request", "x").submit()',
		'frappe.get_doc("Vacancy Request", "x").cancel()',
		'frappe.db.bulk_insert("ToDo", ["name"], [["x"]])',
	],
)
def test_each_kind_of_write_is_recognised(tmp_path: Path, write: str) -> None:
	source = f"""import frappe


@frappe.whitelist()
def act():
	table = frappe.qb.DocType("Vacancy Request")
	{write}
"""
	assert_flagged(findings_of(tmp_path, {"api.py": source}), "api.py", 4, "act writes")


READER = """import frappe


@frappe.whitelist(methods=["GET"])
def titles(names):
	rows = frappe.get_all("Graduate", filters={"name": ("in", names)}, fields=["name", "full_name"])
	labels = [row.full_name for row in rows]
	labels.insert(0, "")
	frappe.db.sql("SELECT name FROM `tabGraduate` WHERE name = %s", (names[0],))
	return shown(labels)


@frappe.whitelist()
def count():
	return frappe.db.count("Graduate")


def shown(labels):
	return [label for label in labels if label]


def unused_writer(name):
	frappe.delete_doc("Graduate", name)
"""


def test_a_pure_reader_may_allow_get(tmp_path: Path) -> None:
	assert findings_of(tmp_path, {"api.py": READER}) == []


def test_test_modules_are_not_linted(tmp_path: Path) -> None:
	files = {"tests/__init__.py": "", "tests/helpers.py": DIRECT_WRITER, "api/test_api.py": DIRECT_WRITER}
	assert findings_of(tmp_path, files) == []


def test_a_module_that_does_not_parse_is_reported(tmp_path: Path) -> None:
	findings = lint(sample_app(tmp_path, {"api.py": "def broken(:\n"}))
	assert [(f.path, f.rule) for f in findings] == [(f"{PACKAGE}/api.py", "syntax-error")]
