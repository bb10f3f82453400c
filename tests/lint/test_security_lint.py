"""The security lint passes on the real app and catches each broken sample, written as a small app tree."""

from pathlib import Path

import pytest

from .security_lint import APP_ROOT, POLICY, RULES, Finding, Policy, lint

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


# --- the rules of issue 15 ---------------------------------------------------------------------------------


def findings_for(
	tmp_path: Path, files: dict[str, str], rule: str, policy: Policy | None = None
) -> list[Finding]:
	return lint(sample_app(tmp_path, files), rules=[rule], policy=policy or Policy())


def places(findings: list[Finding]) -> list[tuple[str, int]]:
	return [(finding.path.removeprefix(f"{PACKAGE}/"), finding.line) for finding in findings]


# sql-built-at-run-time

SQL_RULE = "sql-built-at-run-time"


@pytest.mark.parametrize(
	"statement, said",
	[
		('frappe.db.sql(f"SELECT name FROM `tab{doctype}`")', "an f-string"),
		('frappe.db.sql("SELECT name FROM `tab{0}`".format(doctype))', "str.format()"),
		('frappe.db.sql("SELECT name FROM `tab%s`" % doctype)', "%-formatting"),
		('frappe.db.sql("SELECT name FROM `tab" + doctype + "`")', "concatenation"),
		('frappe.db.sql_list(query=f"SELECT name FROM `tab{doctype}`")', "an f-string"),
		('frappe.db.multisql({"mariadb": f"SELECT {doctype}", "postgres": "SELECT 1"})', "an f-string"),
		('frappe.db.sql_ddl(f"DROP TABLE `tab{doctype}`")', "an f-string"),
		('query = f"SELECT name FROM `tab{doctype}`"\n\tfrappe.db.sql(query)', "the name query"),
		("frappe.db.sql(make_query(doctype))", "computed at run time"),
		('frappe.qb.from_("Graduate").select(PseudoColumn(f"{doctype}.name")).run()', "an f-string"),
	],
)
def test_sql_made_at_run_time_is_flagged(tmp_path: Path, statement: str, said: str) -> None:
	source = f"""import frappe
from pypika.terms import PseudoColumn


def read(doctype):
	{statement}
"""
	findings = findings_for(tmp_path, {"queries.py": source}, SQL_RULE)
	assert len(findings) == 1, "\n".join(map(str, findings))
	assert said in findings[0].message
	assert findings[0].path == f"{PACKAGE}/queries.py"


def test_literal_sql_with_parameters_passes(tmp_path: Path) -> None:
	files = {
		"constants.py": 'SHARED = "SELECT name FROM `tabGraduate` WHERE status = %s"\n',
		"queries.py": """import frappe

from sampleapp.constants import SHARED

QUERY = "SELECT name FROM `tabGraduate` WHERE name = %(name)s"


def read(name, status):
	local = "SELECT count(*) FROM `tabGraduate`"
	frappe.db.sql(QUERY, {"name": name})
	frappe.db.sql(local)
	frappe.db.sql(SHARED, (status,))
	frappe.db.sql("SELECT name " "FROM `tabGraduate` " + "WHERE status = %s", (status,))
	frappe.db.sql_list(query="SELECT name FROM `tabEmployer`")
	frappe.db.multisql({"mariadb": "SELECT 1", "postgres": "SELECT 1"})
	return frappe.qb.from_("Graduate").select("name").where(frappe.qb.Field("status") == status).run()
""",
	}
	assert findings_for(tmp_path, files, SQL_RULE) == []


# permission-check-first

CHECK_RULE = "permission-check-first"


@pytest.mark.parametrize(
	"body",
	[
		'return frappe.get_doc("Graduate", name).as_dict()',
		'doc = frappe.get_doc("Graduate", name)\n\ttitle = doc.full_name\n\tdoc.check_permission("read")\n\treturn title',
		'return frappe.db.get_value("Graduate", name, "full_name")',
		'return frappe.get_all("Graduate", pluck="name")',
		'table = frappe.qb.DocType("Graduate")\n\treturn frappe.qb.from_(table).select(table.name).run()',
		'frappe.db.set_value("Graduate", name, "status", "Working")',
		'frappe.has_permission("Graduate", "read")\n\treturn frappe.db.get_value("Graduate", name, "full_name")',
		'if frappe.session.user == "x":\n\t\tfrappe.only_for("Employment Specialist")\n\treturn frappe.db.count("Graduate")',
		'value = frappe.db.get_value("Graduate", name, "full_name")\n\tfrappe.only_for("Employment Specialist")\n\treturn value',
		'return frappe.get_list("Graduate", pluck="name", ignore_permissions=True)',
	],
	ids=[
		"get_doc used",
		"doc read before its check",
		"get_value",
		"get_all",
		"qb run",
		"write",
		"has_permission answer not acted on",
		"check in one branch only",
		"check after the read",
		"get_list that ignores permissions",
	],
)
def test_an_endpoint_that_reads_or_writes_before_a_check_is_flagged(tmp_path: Path, body: str) -> None:
	source = f"""import frappe


@frappe.whitelist(methods=["POST"])
def act(name):
	{body}
"""
	findings = findings_for(tmp_path, {"api.py": source}, CHECK_RULE)
	assert places(findings) == [("api.py", 4)], "\n".join(map(str, findings))
	assert "before any permission or role check" in findings[0].message


@pytest.mark.parametrize(
	"body",
	[
		'doc = frappe.get_doc("Graduate", name)\n\tdoc.check_permission("read")\n\treturn doc.as_dict()',
		'frappe.get_doc("Graduate", name).check_permission("write")\n\tfrappe.db.set_value("Graduate", name, "x", 1)',
		'frappe.has_permission("Graduate", "read", doc=name, throw=True)\n\treturn frappe.db.get_value("Graduate", name, "x")',
		'if not frappe.has_permission("Graduate", "read"):\n\t\treturn []\n\treturn frappe.get_all("Graduate")',
		'frappe.only_for(("Employment Specialist",))\n\treturn frappe.db.count("Graduate")',
		'return frappe.get_list("Graduate", pluck="name")',
		'if "Employment Specialist" not in frappe.get_roles():\n\t\tfrappe.throw("No", frappe.PermissionError)\n\treturn frappe.db.count("Graduate")',
		'if "Employment Specialist" not in frappe.get_roles():\n\t\traise NotAllowed\n\treturn frappe.db.count("Graduate")',
		'guard()\n\treturn frappe.db.count("Graduate")',
		'doc = frappe.get_doc("Graduate", name)\n\tcheck_doc(doc)\n\treturn doc.full_name',
		'doc = load(name)\n\tdoc.check_permission("read")\n\treturn doc.full_name',
		'return frappe.desk.form.load.getdoc("Graduate", name)',
	],
	ids=[
		"check_permission on the loaded doc",
		"check on the load itself",
		"has_permission throw",
		"has_permission refusing if",
		"only_for",
		"get_list",
		"role test that throws PermissionError",
		"raise of an app PermissionError",
		"app helper that checks",
		"doc handed to a checking helper",
		"app loader then check",
		"framework entry that checks",
	],
)
def test_an_endpoint_that_checks_first_passes(tmp_path: Path, body: str) -> None:
	source = f"""import frappe
import frappe.desk.form.load


class NotAllowed(frappe.PermissionError):
	pass


def guard():
	if not frappe.has_permission("Graduate", "read"):
		frappe.throw("Not permitted", NotAllowed)


def check_doc(doc):
	doc.check_permission("read")


def load(name):
	return frappe.get_doc("Graduate", name)


@frappe.whitelist(methods=["POST"])
def act(name):
	{body}
"""
	findings = findings_for(tmp_path, {"api.py": source}, CHECK_RULE)
	assert findings == [], "\n".join(map(str, findings))


def test_a_read_through_a_helper_is_flagged_with_its_chain(tmp_path: Path) -> None:
	files = {
		"api.py": """import frappe

from sampleapp.services import titles


@frappe.whitelist()
def names(graduates):
	return titles(graduates)
""",
		"services.py": """import frappe


def titles(graduates):
	return [frappe.db.get_value("Graduate", name, "full_name") for name in graduates]
""",
	}
	findings = findings_for(tmp_path, files, CHECK_RULE)
	assert places(findings) == [("api.py", 6)]
	assert (
		"frappe.db.get_value() at sampleapp/services.py:5 through sampleapp.services.titles"
		in findings[0].message
	)


def test_a_helper_that_checks_on_one_path_only_does_not_count(tmp_path: Path) -> None:
	source = """import frappe


def maybe_check(name):
	if not name:
		return
	frappe.get_doc("Graduate", name).check_permission("read")


@frappe.whitelist()
def read(name):
	maybe_check(name)
	return frappe.db.get_value("Graduate", name, "full_name")
"""
	assert places(findings_for(tmp_path, {"api.py": source}, CHECK_RULE)) == [("api.py", 10)]


def test_a_controller_method_needs_a_check_before_it_writes_only(tmp_path: Path) -> None:
	source = """import frappe
from frappe.model.document import Document


class Plan(Document):
	@frappe.whitelist()
	def summary(self):
		return frappe.db.count("Plan Item", {"parent": self.name})

	@frappe.whitelist(methods=["POST"])
	def close(self):
		self.db_set("status", "Closed")

	@frappe.whitelist(methods=["POST"])
	def reopen(self):
		self.check_permission("write")
		self.db_set("status", "Open")
"""
	findings = findings_for(tmp_path, {"plan.py": source}, CHECK_RULE)
	assert places(findings) == [("plan.py", 10)]
	assert "close writes" in findings[0].message


def test_an_allow_listed_endpoint_passes_and_a_stale_entry_is_flagged(tmp_path: Path) -> None:
	source = """import frappe


@frappe.whitelist()
def public_count():
	return frappe.db.count("Vacancy Request")
"""
	policy = Policy(unchecked_endpoints={"sampleapp.api.public_count": "Figures published anyway."})
	assert findings_for(tmp_path, {"api.py": source}, CHECK_RULE, policy) == []
	stale = Policy(unchecked_endpoints={"sampleapp.api.gone": "Removed."})
	findings = findings_for(tmp_path, {"api.py": source}, "stale-allow-list-entry", stale)
	assert [finding.message for finding in findings] == [
		"unchecked_endpoints: sampleapp.api.gone names no whitelisted function of the app"
	]


# guest-endpoint-not-listed

GUEST_RULE = "guest-endpoint-not-listed"
GUEST_SOURCE = """import frappe


@frappe.whitelist(allow_guest=True, methods=["POST"])
def apply(**form):
	return form


@frappe.whitelist()
def internal():
	return 1
"""


def test_a_guest_endpoint_not_named_is_flagged(tmp_path: Path) -> None:
	findings = findings_for(tmp_path, {"api.py": GUEST_SOURCE}, GUEST_RULE)
	assert places(findings) == [("api.py", 4)]
	assert "apply allows guests" in findings[0].message


def test_a_named_guest_endpoint_passes(tmp_path: Path) -> None:
	policy = Policy(guest_endpoints={"sampleapp.api.apply": "The public application form."})
	assert findings_for(tmp_path, {"api.py": GUEST_SOURCE}, GUEST_RULE, policy) == []


def test_a_bare_whitelist_decorator_is_flagged(tmp_path: Path) -> None:
	source = "import frappe\n\n\n@frappe.whitelist\ndef ping():\n\treturn 1\n"
	findings = findings_for(tmp_path, {"api.py": source}, GUEST_RULE)
	assert places(findings) == [("api.py", 4)]
	assert "bare @frappe.whitelist" in findings[0].message


def test_a_guest_entry_on_an_endpoint_that_allows_no_guest_is_stale(tmp_path: Path) -> None:
	policy = Policy(guest_endpoints={"sampleapp.api.internal": "Not public at all."})
	findings = findings_for(tmp_path, {"api.py": GUEST_SOURCE}, "stale-allow-list-entry", policy)
	assert [finding.message for finding in findings] == [
		"guest_endpoints: sampleapp.api.internal does not allow guests"
	]


# commit-in-request

COMMIT_RULE = "commit-in-request"
COMMIT_FILES = {
	"hooks.py": """scheduler_events = {"daily": ["sampleapp.jobs.nightly"]}
doc_events = {"Graduate": {"on_update": "sampleapp.events.on_update"}}
after_install = "sampleapp.jobs.install"
""",
	"jobs.py": """import frappe


def nightly():
	for name in frappe.get_all("Graduate", pluck="name"):
		frappe.db.set_value("Graduate", name, "checked", 1)
		frappe.db.commit()


def install():
	frappe.db.commit()
""",
	"patches/__init__.py": "",
	"patches/fix.py": "import frappe\n\n\ndef execute():\n\tfrappe.db.commit()\n",
	"events.py": """import frappe


def on_update(doc, method=None):
	remember(doc)


def remember(doc):
	frappe.db.sql("commit")
""",
	"api.py": """import frappe

from sampleapp import jobs


@frappe.whitelist(methods=["POST"])
def run_now():
	jobs.nightly()
""",
	"sampleapp/__init__.py": "",
	"sampleapp/doctype/__init__.py": "",
	"sampleapp/doctype/graduate/__init__.py": "",
	"sampleapp/doctype/graduate/graduate.py": """import frappe
from frappe.model.document import Document


class Graduate(Document):
	def on_submit(self):
		frappe.db.commit()
""",
}


def test_commits_reached_from_a_request_are_flagged_and_jobs_and_patches_pass(tmp_path: Path) -> None:
	findings = findings_for(tmp_path, COMMIT_FILES, COMMIT_RULE)
	assert places(findings) == [
		("events.py", 9),
		("jobs.py", 7),
		("sampleapp/doctype/graduate/graduate.py", 7),
	], "\n".join(map(str, findings))
	by_place = {place: finding.message for place, finding in zip(places(findings), findings, strict=True)}
	assert "hook doc_events" in by_place[("events.py", 9)]
	assert "run_now (whitelisted) through sampleapp.jobs.nightly" in by_place[("jobs.py", 7)]
	assert "doctype module" in by_place[("sampleapp/doctype/graduate/graduate.py", 7)]


def test_a_commit_only_the_scheduler_reaches_passes(tmp_path: Path) -> None:
	files = {
		key: value for key, value in COMMIT_FILES.items() if key in ("hooks.py", "jobs.py", "patches/fix.py")
	}
	files["patches/__init__.py"] = ""
	files["hooks.py"] = (
		'scheduler_events = {"daily": ["sampleapp.jobs.nightly"]}\nafter_install = "sampleapp.jobs.install"\n'
	)
	assert findings_for(tmp_path, files, COMMIT_RULE) == []


# ignore-permissions-after-check

IGNORE_RULE = "ignore-permissions-after-check"


@pytest.mark.parametrize(
	"body",
	[
		'frappe.get_doc({"doctype": "ToDo", "description": name}).insert(ignore_permissions=True)',
		'doc = frappe.new_doc("ToDo")\n\tdoc.flags.ignore_permissions = True\n\tdoc.insert()',
		'log(name)\n\tfrappe.get_doc("Graduate", name).check_permission("write")',
		'frappe.delete_doc("ToDo", name, ignore_permissions=True)',
	],
)
def test_ignore_permissions_before_a_check_is_flagged(tmp_path: Path, body: str) -> None:
	source = f"""import frappe


def log(name):
	frappe.get_doc({{"doctype": "Comment", "content": name}}).insert(ignore_permissions=True)


@frappe.whitelist(methods=["POST"])
def act(name):
	{body}
"""
	findings = findings_for(tmp_path, {"api.py": source}, IGNORE_RULE)
	assert places(findings) == [("api.py", 8)], "\n".join(map(str, findings))


@pytest.mark.parametrize(
	"body",
	[
		'frappe.get_doc("Graduate", name).check_permission("write")\n\tlog(name)',
		'frappe.has_permission("Graduate", "write", doc=name, throw=True)\n\tdoc = frappe.new_doc("ToDo")\n\tdoc.flags.ignore_permissions = True\n\tdoc.insert()',
		'frappe.get_doc("Graduate", name).check_permission("write")\n\tfrappe.delete_doc("ToDo", name, ignore_permissions=False)',
	],
)
def test_ignore_permissions_after_a_check_passes(tmp_path: Path, body: str) -> None:
	source = f"""import frappe


def log(name):
	frappe.get_doc({{"doctype": "Comment", "content": name}}).insert(ignore_permissions=True)


@frappe.whitelist(methods=["POST"])
def act(name):
	{body}
"""
	assert findings_for(tmp_path, {"api.py": source}, IGNORE_RULE) == []


def test_an_endpoint_allowed_to_ignore_permissions_passes(tmp_path: Path) -> None:
	source = """import frappe


@frappe.whitelist(allow_guest=True, methods=["POST"])
def apply(text):
	frappe.get_doc({"doctype": "ToDo", "description": text}).insert(ignore_permissions=True)
"""
	policy = Policy(ignore_permissions_endpoints={"sampleapp.api.apply": "A guest's form."})
	assert findings_for(tmp_path, {"api.py": source}, IGNORE_RULE, policy) == []
	assert places(findings_for(tmp_path, {"api.py": source}, IGNORE_RULE)) == [("api.py", 4)]


# guest-input-marked-safe

SAFE_RULE = "guest-input-marked-safe"
PAGE_PY = """import frappe

from sampleapp.forms import page_context


def get_context(context):
	context.title = "Form"
	context.intro = "<b>Welcome</b>"
	context.update(page_context(frappe.form_dict))
	context["echo"] = frappe.form_dict.get("q")
	return context
"""
FORMS_PY = """import frappe


def page_context(form_dict):
	context = {"lang": "ru", "token": form_dict.get("token")}
	employer = frappe.db.get_value("Employer", {"token": context["token"]}, "name")
	context["employer"] = employer
	return context
"""


@pytest.mark.parametrize(
	"template, line",
	[
		("<p>{{ echo | safe }}</p>", 1),
		('<h1>{{ title }}</h1>\n<input value="{{ token|safe }}">', 2),
		("{% autoescape false %}\n<p>{{ employer }}</p>\n{% endautoescape %}", 2),
		("<p>{{ frappe.form_dict.q | safe }}</p>", 1),
	],
	ids=["set in get_context", "through an app function", "autoescape false", "form_dict in the template"],
)
def test_guest_input_marked_safe_in_a_www_page_is_flagged(tmp_path: Path, template: str, line: int) -> None:
	files = {
		"www/__init__.py": "",
		"www/apply_form.py": PAGE_PY,
		"www/apply-form.html": template,
		"forms.py": FORMS_PY,
	}
	findings = findings_for(tmp_path, files, SAFE_RULE)
	assert places(findings) == [("www/apply-form.html", line)], "\n".join(map(str, findings))


def test_guest_input_marked_safe_in_an_included_template_is_flagged(tmp_path: Path) -> None:
	files = {
		"www/__init__.py": "",
		"www/apply_form.py": PAGE_PY,
		"www/apply-form.html": '{% include "sampleapp/templates/parts.html" %}',
		"templates/parts.html": "<p>{{ title }}</p>\n<p>{{ echo|safe }}</p>",
		"forms.py": FORMS_PY,
	}
	assert places(findings_for(tmp_path, files, SAFE_RULE)) == [("templates/parts.html", 2)]


def test_escaped_guest_input_and_safe_constants_pass(tmp_path: Path) -> None:
	template = "<h1>{{ title|safe }}</h1>{{ intro | safe }}<p>{{ echo }}</p><p>{{ lang|safe }}</p>"
	files = {
		"www/__init__.py": "",
		"www/apply_form.py": PAGE_PY,
		"www/apply-form.html": template,
		"forms.py": FORMS_PY,
	}
	assert findings_for(tmp_path, files, SAFE_RULE) == []


def test_a_guest_endpoint_rendering_its_arguments_marked_safe_is_flagged(tmp_path: Path) -> None:
	files = {
		"api.py": """import frappe


@frappe.whitelist(allow_guest=True, methods=["POST"])
def preview(text):
	return frappe.render_template("sampleapp/templates/preview.html", {"text": text, "title": "Preview"})
""",
		"templates/preview.html": "<h1>{{ title|safe }}</h1><p>{{ text|safe }}</p>",
	}
	findings = findings_for(tmp_path, files, SAFE_RULE)
	assert places(findings) == [("templates/preview.html", 1)]
	assert "text may hold a guest's input" in findings[0].message


def test_the_app_allow_lists_give_reasons() -> None:
	for entries in (POLICY.guest_endpoints, POLICY.unchecked_endpoints, POLICY.ignore_permissions_endpoints):
		for name, reason in entries.items():
			assert name.startswith("citi_employment.") and len(reason.split()) >= 8, name
