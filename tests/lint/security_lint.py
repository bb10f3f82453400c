"""Security lint of the app, written over the Python AST: it parses the sources and never imports frappe
or the app, so it runs in the quick suite (CI) with nothing installed.

Layout, so that more rules fit in without new machinery:

- ``App`` indexes every Python module of the app (tests left out): its functions, the methods of its
  classes, and what each imported name stands for (``from frappe import whitelist``,
  ``import citi_employment.x as m``, relative imports).
- ``App.endpoints()`` yields each function or method decorated with ``frappe.whitelist(...)``, whatever the
  import style, with the decorator's keywords (``methods``, ``allow_guest`` ...).
- ``App.reachable(function)`` walks the app's call graph from a function, with a visited set, and says
  through which calls each function is reached.
- A rule is a function ``App -> list[Finding]`` registered in ``RULES`` under its id; ``lint()`` runs them.

Rule ``whitelisted-writer-not-post-only`` (issue 9): a whitelisted function that writes, itself or through
any function of the app it reaches, accepts POST only (``@frappe.whitelist(methods=["POST"])``). A GET is
not checked against the CSRF token, so a link or an image on another site could make a signed-in user's
browser write; and a GET may be repeated by caches and prefetching.

A write is a call that inserts, saves, submits, cancels, deletes or sets values, queues a job or sends
mail: see ``WRITE_METHODS``, ``WRITE_FUNCTIONS``, ``WRITE_QUERY_BUILDERS`` and ``WRITE_SQL``.

Rules of issue 15 (item 4); each function's docstring says exactly what it accepts:

- ``sql-built-at-run-time``: the SQL text given to ``frappe.db.sql`` / ``sql_list`` / ``sql_ddl`` / ``multisql``
  or to a raw query-builder term (``PseudoColumn``, ``LiteralValue``) is a literal, literals joined with
  ``+``, or a name bound once to one (in the function, the module, or imported from an app module); an
  f-string, ``.format()``, ``%`` or any other expression is a finding.
- ``permission-check-first``: a whitelisted function checks a permission or a role before its first read
  or write, following the app's calls (``Flow``); or it is in ``POLICY.unchecked_endpoints`` with a reason.
- ``guest-endpoint-not-listed``: ``allow_guest=True`` (or a bare ``@frappe.whitelist``) only on the endpoints
  of ``POLICY.guest_endpoints``.
- ``commit-in-request``: no ``frappe.db.commit()`` (nor ``frappe.db.sql("commit")``) in a function reached from
  a whitelisted function, a hook other than the scheduler's and the install's, a controller, a report or a
  www page. Scheduler jobs and patches may commit.
- ``ignore-permissions-after-check``: in a whitelisted call path, ``ignore_permissions=True`` and
  ``doc.flags.ignore_permissions = True`` come after a permission check; or the endpoint is in
  ``POLICY.ignore_permissions_endpoints`` with a reason.
- ``guest-input-marked-safe``: no output marked ``|safe`` (or in ``{% autoescape false %}`` / ``{% filter safe
  %}``) in a www page, its included templates, or a template a guest endpoint renders, shows a context
  value made from the request (``frappe.form_dict``, ``frappe.request``) or from a guest endpoint's arguments.
- ``stale-allow-list-entry``: each allow-list entry names an existing endpoint and gives a reason.

The allow-lists (``POLICY``, at the end of the allow-list section) are data with a reason per entry.

Limits of the checks (in addition to those above): the framework's own functions are not followed, so a
framework function that checks a permission counts only when it is named in ``RAISING_CHECKS``, and one that
reads only when it is named in ``READ_FUNCTIONS``; a check inside a loop is taken to run; the taint of guest
input follows assignments, dicts returned by app functions and a page's ``context``, not values stored and
read back, nor a macro's parameters.

Limits (the analysis leans towards calling a function a writer; a reader wrongly flagged only has to
accept POST):

- A method call on an object whose class the lint cannot see (a document from ``frappe.get_doc``, a
  framework object) counts only when its name is one of ``WRITE_METHODS`` (``doc.save()``), whatever the
  object. ``x.insert(i, value)`` with exactly two positional arguments is taken for ``list.insert``.
- Followed: functions and classes of the app named in the body, called or passed on as callbacks
  (``f()``, ``module.f()``, ``f`` given to ``after_commit.add``), calling a class of the app (its
  ``__init__``), ``Class(...).method()``, ``variable.method()`` where the variable was assigned
  ``Class(...)`` in the same function, and ``self.method()`` / ``cls.method()`` in the class or its bases
  of the app. Imports inside a function count for the whole module.
- Not followed: the framework's own functions (a framework function that writes must be named in the
  lists above), calls by name in a string (``frappe.get_attr``, ``run_method``, hooks), ``getattr``.
- SQL is a write when the query is a literal string that starts with a writing statement; a query built
  at run time is not recognised (issue 15's lint refuses building SQL that way anyway).
- ``methods`` must be the literal list (or tuple) ``["POST"]``: a constant defined elsewhere is not read.
"""

import ast
import re
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

APP_ROOT = Path(__file__).resolve().parents[2] / "citi_employment"

WHITELIST = "frappe.whitelist"
POST_ONLY = ("POST",)

# Method names that write whatever object they are called on: Document (insert, save, submit, cancel,
# delete, db_set, db_insert, db_update, add_comment), frappe.db (set_value, set_single_value, delete,
# bulk_insert, truncate) and frappe (delete_doc, rename_doc, enqueue, enqueue_doc, sendmail).
WRITE_METHODS = frozenset(
	(
		"insert",
		"save",
		"submit",
		"cancel",
		"delete",
		"db_set",
		"db_insert",
		"db_update",
		"add_comment",
		"set_value",
		"set_single_value",
		"bulk_insert",
		"truncate",
		"delete_doc",
		"rename_doc",
		"enqueue",
		"enqueue_doc",
		"sendmail",
	)
)
# Framework functions that write under a name that does not say so.
WRITE_FUNCTIONS = frozenset(
	(
		"frappe.model.workflow.apply_workflow",
		"frappe.share.add",
		"frappe.share.add_docshare",
		"frappe.share.remove",
		"frappe.desk.form.assign_to.add",
		"frappe.desk.form.assign_to.remove",
		"frappe.client.insert",
		"frappe.client.insert_many",
		"frappe.client.save",
		"frappe.client.submit",
		"frappe.client.cancel",
		"frappe.client.delete",
		"frappe.client.set_value",
		"frappe.client.rename_doc",
	)
)
# frappe.qb.update(table)... / frappe.qb.into(table)... build an UPDATE / INSERT (a DELETE ends in .delete()).
WRITE_QUERY_BUILDERS = frozenset(("frappe.qb.update", "frappe.qb.into"))
# frappe.db.sql / multisql with a literal query that starts with one of these writes.
SQL_FUNCTIONS = frozenset(("frappe.db.sql", "frappe.db.multisql", "frappe.db.sql_ddl"))
WRITE_SQL = ("INSERT", "UPDATE", "DELETE", "REPLACE", "TRUNCATE", "ALTER", "DROP", "CREATE", "RENAME")


@dataclass(frozen=True, order=True)
class Finding:
	path: str
	line: int
	rule: str
	message: str

	def __str__(self) -> str:
		return f"{self.path}:{self.line}: [{self.rule}] {self.message}"


@dataclass(frozen=True)
class FunctionRef:
	"""A function of the app: ``qualname`` is ``f`` or ``Class.method``."""

	module: str
	qualname: str

	def __str__(self) -> str:
		return f"{self.module}.{self.qualname}"


@dataclass(frozen=True)
class Write:
	"""One writing call: where it is and what it is, e.g. ``frappe.db.set_value()``."""

	path: str
	line: int
	call: str


@dataclass
class Module:
	name: str
	rel: str
	tree: ast.Module
	is_package: bool
	functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = field(default_factory=dict)
	classes: dict[str, ast.ClassDef] = field(default_factory=dict)
	# What each name imported at module level stands for, as a dotted name ...
	bindings: dict[str, str] = field(default_factory=dict)
	# ... and each name imported inside a function or class, which yields to the module's own names.
	local_bindings: dict[str, str] = field(default_factory=dict)

	def __post_init__(self) -> None:
		for node in self.tree.body:
			if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
				self.functions[node.name] = node
			elif isinstance(node, ast.ClassDef):
				self.classes[node.name] = node
				for item in node.body:
					if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
						self.functions[f"{node.name}.{item.name}"] = item
		top_level = set(module_level_nodes(self.tree))
		for node in ast.walk(self.tree):
			if isinstance(node, ast.Import | ast.ImportFrom):
				bindings = self.bindings if node in top_level else self.local_bindings
				bindings.update(self.imported_names(node))

	def imported_names(self, node: ast.Import | ast.ImportFrom) -> Iterator[tuple[str, str]]:
		if isinstance(node, ast.Import):
			for alias in node.names:
				top = alias.name.split(".")[0]
				yield (alias.asname, alias.name) if alias.asname else (top, top)
			return
		base = self.import_base(node)
		for alias in node.names:
			if alias.name != "*":
				yield alias.asname or alias.name, f"{base}.{alias.name}" if base else alias.name

	def import_base(self, node: ast.ImportFrom) -> str:
		"""The absolute module a ``from ... import`` reads from, relative imports included."""
		if not node.level:
			return node.module or ""
		parts = self.name.split(".")
		if not self.is_package:
			parts = parts[:-1]
		parts = parts[: len(parts) - (node.level - 1)] if node.level > 1 else parts
		return ".".join([*parts, node.module] if node.module else parts)

	def qualify(self, dotted: str) -> str:
		"""``dotted`` as an absolute name: an imported name replaced by what it stands for, a name defined in
		the module prefixed with the module."""
		head, _, rest = dotted.partition(".")
		if head in self.bindings:
			head = self.bindings[head]
		elif head in self.functions or head in self.classes:
			head = f"{self.name}.{head}"
		elif head in self.local_bindings:
			head = self.local_bindings[head]
		return f"{head}.{rest}" if rest else head


@dataclass(frozen=True)
class Endpoint:
	"""A function or method decorated with ``frappe.whitelist``; ``call`` is None when the decorator is used
	without parentheses (Frappe would take the function for ``allow_guest``), so it has no keywords."""

	module: Module
	function: FunctionRef
	node: ast.FunctionDef | ast.AsyncFunctionDef
	decorator: ast.expr
	call: ast.Call | None

	def keyword(self, name: str) -> ast.expr | None:
		for keyword in self.call.keywords if self.call else ():
			if keyword.arg == name:
				return keyword.value
		return None

	@property
	def allowed_methods(self) -> tuple[str, ...] | None:
		"""The HTTP methods the decorator allows; None when it allows every method (``methods`` missing or
		empty, as Frappe reads it), and ``("?",)`` when ``methods`` is not a literal list of strings."""
		value = self.keyword("methods")
		if value is None or (isinstance(value, ast.Constant) and not value.value):
			return None
		if isinstance(value, ast.List | ast.Tuple) and all(
			isinstance(item, ast.Constant) and isinstance(item.value, str) for item in value.elts
		):
			return tuple(item.value for item in value.elts) or None
		return ("?",)

	@property
	def allows_guest(self) -> bool:
		value = self.keyword("allow_guest")
		return value is not None and not (isinstance(value, ast.Constant) and not value.value)


def dotted_name(node: ast.expr) -> str | None:
	"""``a.b.c`` for a chain of names and attributes, else None."""
	parts = []
	while isinstance(node, ast.Attribute):
		parts.append(node.attr)
		node = node.value
	if not isinstance(node, ast.Name):
		return None
	parts.append(node.id)
	return ".".join(reversed(parts))


def module_level_nodes(tree: ast.Module) -> Iterator[ast.stmt]:
	"""The module's statements outside any function or class, ``if`` and ``try`` blocks included."""
	pending = list(tree.body)
	while pending:
		node = pending.pop()
		if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
			continue
		yield node
		for name in ("body", "orelse", "finalbody", "handlers"):
			pending.extend(getattr(node, name, ()))


def is_test_file(rel: Path) -> bool:
	return "tests" in rel.parts[:-1] or rel.name.startswith("test_") or rel.name == "conftest.py"


# --- the app's allow-lists ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Policy:
	"""The named exceptions of the rules, each with the reason it holds: dotted endpoint name → reason.

	- ``guest_endpoints``: the only whitelisted functions that may say ``allow_guest=True``;
	- ``unchecked_endpoints``: whitelisted functions that need no permission check of their own;
	- ``ignore_permissions_endpoints``: whitelisted functions that may pass ``ignore_permissions`` before (or
	  without) a permission check.

	An entry that names no such endpoint is itself a finding (``stale-allow-list-entry``), so a list never
	outlives the code it excuses.
	"""

	guest_endpoints: dict[str, str] = field(default_factory=dict)
	unchecked_endpoints: dict[str, str] = field(default_factory=dict)
	ignore_permissions_endpoints: dict[str, str] = field(default_factory=dict)


VACANCY_FORM = "citi_employment.employer_forms.vacancy_request.submit"
FEEDBACK_FORM = "citi_employment.employer_forms.feedback.submit"
POLICY = Policy(
	guest_endpoints={
		VACANCY_FORM: (
			"The employer's online «Заявка» (/vacancy-request, §5.2): an employer without an account files a "
			"request; POST only, rate-limited per address, honeypot and size limits (guest_input)."
		),
		FEEDBACK_FORM: (
			"The employer's answer at a monitoring checkpoint (/employer-feedback, §6.2): the signed, "
			"single-use link in the mail is the authority; POST only, rate-limited per address."
		),
		"citi_employment.paper_forms.access.download_pdf": (
			"Replaces frappe.utils.print_format.download_pdf, which the framework whitelists for guests so a "
			"document shared by key prints; the framework's validate_print_permission still decides."
		),
	},
	unchecked_endpoints={
		VACANCY_FORM: (
			"A guest has no permissions to check: it reads only the employer its signed link names "
			"(employer_from_link checks the signature and expiry) and creates a Registered request."
		),
		FEEDBACK_FORM: (
			"A guest has no permissions to check: find_link admits only an issued, unexpired, unanswered link "
			"whose token matches, and the answer writes that one monitoring record's employer fields."
		),
	},
	ignore_permissions_endpoints={
		VACANCY_FORM: (
			"A guest holds no rights, so the request, its internal requirements and a new employer are "
			"inserted for it, as the framework's Web Form does for guests."
		),
		FEEDBACK_FORM: (
			"A guest holds no rights, so the monitoring record its valid link names is saved for it, the "
			"employer's answer fields only (the write guard's service fields stay the Center's)."
		),
	},
)


class App:
	"""Every non-test Python module under ``root`` (a package directory), parsed once."""

	def __init__(self, root: Path | str = APP_ROOT, policy: "Policy | None" = None) -> None:
		self.root = Path(root)
		self.policy = policy if policy is not None else Policy()
		self._flows: dict[tuple[FunctionRef, frozenset[str]], FlowSummary | None] = {}
		self.package = self.root.name
		self.modules: dict[str, Module] = {}
		self.errors: list[Finding] = []
		self._writes: dict[FunctionRef, list[Write]] = {}
		for path in sorted(self.root.rglob("*.py")):
			rel = path.relative_to(self.root)
			if is_test_file(rel) or "node_modules" in rel.parts:
				continue
			parts = [self.package, *rel.with_suffix("").parts]
			is_package = parts[-1] == "__init__"
			if is_package:
				parts.pop()
			rel_path = path.relative_to(self.root.parent).as_posix()
			try:
				tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel_path)
			except SyntaxError as error:
				self.errors.append(Finding(rel_path, error.lineno or 1, "syntax-error", str(error.msg)))
				continue
			name = ".".join(parts)
			self.modules[name] = Module(name, rel_path, tree, is_package)

	# --- names ------------------------------------------------------------------------------------

	def resolve(self, qualified: str, depth: int = 0) -> FunctionRef | None:
		"""The app function or class (``FunctionRef`` with the class name as qualname) an absolute dotted
		name stands for, following re-exports; None for anything outside the app."""
		if depth > 10 or not (qualified == self.package or qualified.startswith(self.package + ".")):
			return None
		module_name, _, attr = qualified.rpartition(".")
		module = self.modules.get(module_name)
		if module is None:
			# ``pkg.mod.Class.method``: a method named through its class.
			owner, _, class_name = module_name.rpartition(".")
			holder = self.modules.get(owner)
			if holder and f"{class_name}.{attr}" in holder.functions:
				return FunctionRef(owner, f"{class_name}.{attr}")
			return None
		if attr in module.functions or attr in module.classes:
			return FunctionRef(module_name, attr)
		if attr in module.bindings:
			return self.resolve(module.bindings[attr], depth + 1)
		return None

	def is_class(self, ref: FunctionRef) -> bool:
		return ref.qualname in self.modules[ref.module].classes

	def method(self, ref: FunctionRef, name: str, depth: int = 0) -> FunctionRef | None:
		"""``name`` looked up in the app class ``ref`` and then in its bases that belong to the app."""
		module = self.modules[ref.module]
		if f"{ref.qualname}.{name}" in module.functions:
			return FunctionRef(ref.module, f"{ref.qualname}.{name}")
		if depth > 10:
			return None
		for base in module.classes[ref.qualname].bases:
			dotted = dotted_name(base)
			base_ref = self.resolve(module.qualify(dotted)) if dotted else None
			if base_ref and self.is_class(base_ref):
				found = self.method(base_ref, name, depth + 1)
				if found:
					return found
		return None

	def node(self, ref: FunctionRef) -> ast.FunctionDef | ast.AsyncFunctionDef:
		return self.modules[ref.module].functions[ref.qualname]

	# --- endpoints --------------------------------------------------------------------------------

	def endpoints(self) -> Iterator[Endpoint]:
		for module in self.modules.values():
			for qualname, node in module.functions.items():
				for decorator in node.decorator_list:
					call = decorator if isinstance(decorator, ast.Call) else None
					dotted = dotted_name(call.func if call else decorator)
					if dotted and module.qualify(dotted) == WHITELIST:
						yield Endpoint(module, FunctionRef(module.name, qualname), node, decorator, call)

	# --- the call graph ---------------------------------------------------------------------------

	def callees(self, ref: FunctionRef) -> list[FunctionRef]:
		"""The app functions ``ref``'s body calls or names, in the order they appear."""
		module = self.modules[ref.module]
		node = self.node(ref)
		owner = ref.qualname.rpartition(".")[0]
		owner_ref = FunctionRef(ref.module, owner) if owner else None
		instances: dict[str, FunctionRef] = {}
		for sub in ast.walk(node):
			if (
				isinstance(sub, ast.Assign)
				and len(sub.targets) == 1
				and isinstance(sub.targets[0], ast.Name)
				and isinstance(sub.value, ast.Call)
			):
				made = self.expression_ref(module, sub.value.func)
				if made and self.is_class(made):
					instances[sub.targets[0].id] = made
		found: list[FunctionRef] = []
		for sub in ast.walk(node):
			target = None
			if isinstance(sub, ast.Attribute) and isinstance(sub.ctx, ast.Load):
				base = sub.value
				if isinstance(base, ast.Name) and base.id in ("self", "cls") and owner_ref:
					target = self.method(owner_ref, sub.attr)
				elif isinstance(base, ast.Name) and base.id in instances:
					target = self.method(instances[base.id], sub.attr)
				elif isinstance(base, ast.Call):
					made = self.expression_ref(module, base.func)
					if made and self.is_class(made):
						target = self.method(made, sub.attr)
				if target is None:
					target = self.expression_ref(module, sub)
			elif isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Load):
				target = self.expression_ref(module, sub)
			if target is None:
				continue
			if self.is_class(target):
				found.extend(
					init
					for init in (self.method(target, "__init__"), self.method(target, "__post_init__"))
					if init
				)
			else:
				found.append(target)
		return list(dict.fromkeys(found))

	def expression_ref(self, module: Module, node: ast.expr) -> FunctionRef | None:
		dotted = dotted_name(node)
		return self.resolve(module.qualify(dotted)) if dotted else None

	def reachable(self, start: FunctionRef) -> Iterator[tuple[FunctionRef, tuple[FunctionRef, ...]]]:
		"""Each app function reachable from ``start`` (``start`` first), with the chain of calls that leads
		to it; breadth first, so the chain is a shortest one."""
		seen = {start}
		queue = deque([(start, ())])
		while queue:
			ref, chain = queue.popleft()
			yield ref, chain
			for callee in self.callees(ref):
				if callee not in seen:
					seen.add(callee)
					queue.append((callee, (*chain, callee)))

	# --- permission checks ------------------------------------------------------------------------

	def flow(self, ref: FunctionRef, pending: frozenset[str] = frozenset()) -> "FlowSummary":
		"""``Flow`` of ``ref`` (its parameters ``pending`` given unchecked documents), once; a function met again
		while it is being walked (recursion) counts as neither accessing nor checking."""
		key = (ref, pending)
		if key not in self._flows:
			self._flows[key] = None
			self._flows[key] = Flow(self, ref, pending).run()
		return self._flows[key] or FlowSummary((), False)

	def asks(self, start: FunctionRef) -> bool:
		"""Whether ``start`` or an app function it reaches asks a permission (``frappe.has_permission`` ...)."""
		for ref, _chain in self.reachable(start):
			module = self.modules[ref.module]
			if any(
				isinstance(call, ast.Call) and asks_directly(module, call)
				for call in ast.walk(self.node(ref))
			):
				return True
		return False

	# --- writes -----------------------------------------------------------------------------------

	def direct_writes(self, ref: FunctionRef) -> list[Write]:
		"""The writing calls in ``ref``'s own body (nested functions and lambdas included)."""
		if ref not in self._writes:
			module = self.modules[ref.module]
			self._writes[ref] = [
				Write(module.rel, call.lineno, description)
				for call in ast.walk(self.node(ref))
				if isinstance(call, ast.Call) and (description := write_description(module, call))
			]
		return self._writes[ref]


def write_description(module: Module, call: ast.Call) -> str | None:
	"""What the call writes, as it reads in the source (``frappe.db.set_value()``), or None for a call that
	does not write."""
	dotted = dotted_name(call.func)
	qualified = module.qualify(dotted) if dotted else None
	shown = f"{dotted or '...'}()"
	if qualified in WRITE_FUNCTIONS or qualified in WRITE_QUERY_BUILDERS:
		return shown
	if qualified in SQL_FUNCTIONS:
		return shown if is_write_sql(call) else None
	if isinstance(call.func, ast.Attribute):
		name = call.func.attr
		if name == "insert" and len(call.args) == 2 and not call.keywords:
			return None  # list.insert(index, value)
		if name in WRITE_METHODS:
			return shown if dotted else f".{name}()"
	elif qualified and qualified.startswith("frappe.") and qualified.rpartition(".")[2] in WRITE_METHODS:
		return shown  # from frappe import delete_doc
	return None


def is_write_sql(call: ast.Call) -> bool:
	query = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "query"), None)
	if isinstance(query, ast.JoinedStr):
		query = query.values[0] if query.values else None
	if not (isinstance(query, ast.Constant) and isinstance(query.value, str)):
		return False
	return query.value.lstrip().lstrip("(").upper().startswith(WRITE_SQL)


# --- rules --------------------------------------------------------------------------------------------


def whitelisted_writer_not_post_only(app: App) -> list[Finding]:
	"""A whitelisted function that writes, directly or through the app functions it reaches, accepts
	POST only."""
	findings = []
	for endpoint in app.endpoints():
		methods = endpoint.allowed_methods
		if methods == POST_ONLY:
			continue
		write, chain = first_write(app, endpoint.function)
		if write is None:
			continue
		via = f" through {' → '.join(str(ref) for ref in chain)}" if chain else ""
		if methods is None:
			allowed = "every method"
		elif methods == ("?",):
			allowed = "methods the lint cannot read (not a literal list)"
		else:
			allowed = ", ".join(methods)
		findings.append(
			Finding(
				endpoint.module.rel,
				endpoint.decorator.lineno,
				"whitelisted-writer-not-post-only",
				f"{endpoint.function.qualname} writes ({write.call} at {write.path}:{write.line}{via}) "
				f'but allows {allowed}: decorate it with @frappe.whitelist(methods=["POST"])',
			)
		)
	return findings


def first_write(app: App, start: FunctionRef) -> tuple[Write | None, tuple[FunctionRef, ...]]:
	for ref, chain in app.reachable(start):
		writes = app.direct_writes(ref)
		if writes:
			return writes[0], chain
	return None, ()


# --- rule sql-built-at-run-time -----------------------------------------------------------------------

# Functions that take SQL text, and which argument (position, keyword) holds it.
SQL_TEXT_CALLS = {
	"frappe.db.sql": (0, "query"),
	"frappe.db.sql_list": (0, "query"),
	"frappe.db.sql_ddl": (0, "query"),
	"frappe.db.multisql": (0, "sql_dict"),
}
# Query-builder terms whose text goes into the query as it is, unquoted.
RAW_SQL_TERMS = ("PseudoColumn", "LiteralValue")
RAW_SQL_MODULES = ("pypika", "frappe.query_builder", "frappe.qb")


def sql_text_argument(module: Module, call: ast.Call) -> tuple[str, ast.expr | None] | None:
	"""``(shown name, the SQL text argument)`` when ``call`` takes SQL text, else None."""
	dotted = dotted_name(call.func)
	if not dotted:
		return None
	qualified = module.qualify(dotted)
	if qualified in SQL_TEXT_CALLS:
		position, keyword = SQL_TEXT_CALLS[qualified]
	elif qualified.rpartition(".")[2] in RAW_SQL_TERMS and qualified.startswith(RAW_SQL_MODULES):
		position, keyword = 0, "name"
	else:
		return None
	if len(call.args) > position:
		return f"{dotted}()", call.args[position]
	return f"{dotted}()", next((k.value for k in call.keywords if k.arg == keyword), None)


def literal_problem(
	app: "App", module: Module, scope: ast.AST, node: ast.expr | None, depth: int = 0
) -> str | None:
	"""None when ``node`` is SQL text fixed in the source: a string literal, literals joined with ``+``, a dict
	of those (``multisql``), or a name bound once to such a literal in the function or the module (imported
	from another module of the app too). Otherwise how the text is made, for the message."""
	if node is None:
		return None
	if isinstance(node, ast.Constant):
		return None if isinstance(node.value, str) else "not a string"
	if isinstance(node, ast.JoinedStr):
		return "an f-string"
	if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
		return "str.format()"
	if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
		return "%-formatting"
	if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
		problems = [literal_problem(app, module, scope, side, depth) for side in (node.left, node.right)]
		return None if not any(problems) else "concatenation with text made at run time"
	if isinstance(node, ast.Dict):
		problems = [literal_problem(app, module, scope, value, depth) for value in node.values]
		return next((problem for problem in problems if problem), None)
	if isinstance(node, ast.Name) and depth < 5:
		bound = single_binding(scope, node.id) or single_binding(module.tree, node.id, top_level=True)
		if bound is not None:
			return (
				literal_problem(app, module, scope, bound, depth + 1)
				and f"the name {node.id} bound to text made at run time"
			)
		target = module.bindings.get(node.id)
		holder_name, _, constant = (target or "").rpartition(".")
		holder = app.modules.get(holder_name)
		if holder is not None:
			bound = single_binding(holder.tree, constant, top_level=True)
			if bound is not None and not literal_problem(app, holder, holder.tree, bound, depth + 1):
				return None
		return f"the name {node.id}, not bound to a literal the lint can see"
	return "an expression computed at run time"


def single_binding(scope: ast.AST, name: str, top_level: bool = False) -> ast.expr | None:
	"""The value ``name`` is assigned in ``scope`` when it is assigned exactly once there (at module level
	only, for a module), else None."""
	nodes = module_level_nodes(scope) if top_level and isinstance(scope, ast.Module) else ast.walk(scope)
	values = []
	for node in nodes:
		if isinstance(node, ast.Assign):
			values.extend(
				node.value for target in node.targets if isinstance(target, ast.Name) and target.id == name
			)
		elif isinstance(node, ast.AnnAssign | ast.AugAssign) and isinstance(node.target, ast.Name):
			if node.target.id == name:
				values.append(node.value if isinstance(node, ast.AnnAssign) else None)
		elif (
			isinstance(node, ast.For | ast.comprehension | ast.NamedExpr | ast.With)
			and name
			in {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
			and not isinstance(node, ast.Assign)
		):
			values.append(None)
	return values[0] if len(values) == 1 else None


def sql_built_at_run_time(app: "App") -> list[Finding]:
	"""SQL text given to ``frappe.db.sql`` (``sql_list``, ``sql_ddl``, ``multisql``) or to a raw query-builder
	term is fixed in the source; values go in as parameters (``%s`` / ``%(name)s`` with the values argument)
	or through ``frappe.qb``."""
	findings = []
	for module in app.modules.values():
		scopes = [
			node for node in ast.walk(module.tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
		]
		seen: set[int] = set()
		for scope in [*scopes, module.tree]:
			for call in ast.walk(scope):
				if not isinstance(call, ast.Call) or id(call) in seen:
					continue
				seen.add(id(call))
				found = sql_text_argument(module, call)
				if found is None:
					continue
				shown, text = found
				problem = literal_problem(app, module, scope, text)
				if problem:
					findings.append(
						Finding(
							module.rel,
							call.lineno,
							"sql-built-at-run-time",
							f"{shown} is given SQL made with {problem}: write the query as one literal and pass the "
							"values as parameters (or build it with frappe.qb)",
						)
					)
	return findings


# --- the order of checks, reads and writes (rules permission-check and ignore-permissions) --------------

# Calls that raise when the user lacks the permission or role they name: the framework's checks, and the
# framework's entries that check the document's permission themselves before they read it.
RAISING_CHECKS = frozenset(
	(
		"frappe.only_for",
		"frappe.throw_permission_error",
		"frappe.desk.form.load.getdoc",
		"frappe.utils.print_format.download_pdf",
		"frappe.utils.print_format.print_by_server",
		"frappe.utils.weasyprint.download_pdf",
		"frappe.www.printview.get_rendered_raw_commands",
		"frappe.desk.query_report.export_query",
		"frappe.desk.query_report.run",
	)
)
# Methods of a document that raise when the user lacks the permission.
RAISING_CHECK_METHODS = frozenset(("check_permission",))
# Calls that answer whether the user has a permission: a check where the answer is acted on (the test of an
# ``if`` that refuses) or with ``throw=True``.
ASKING_CHECKS = frozenset(
	("frappe.has_permission", "frappe.permissions.has_permission", "frappe.has_website_permission")
)
ASKING_CHECK_METHODS = frozenset(("has_permission",))
# Reads through the framework's permission query: it refuses a user without read permission on the DocType
# and leaves out the rows the user may not read, so it is a check as well as a read.
PERMISSION_CHECKED_READS = frozenset(("frappe.get_list", "frappe.db.get_list", "frappe.client.get_list"))
# Exceptions that say "not permitted".
PERMISSION_ERRORS = frozenset(
	(
		"frappe.PermissionError",
		"frappe.exceptions.PermissionError",
		"frappe.model.workflow.WorkflowPermissionError",
	)
)
# Reads that ignore the user's permissions.
READ_FUNCTIONS = frozenset(
	(
		"frappe.get_all",
		"frappe.db.get_all",
		"frappe.get_value",
		"frappe.db.get_value",
		"frappe.db.get_values",
		"frappe.db.get_single_value",
		"frappe.db.get_singles_dict",
		"frappe.get_cached_value",
		"frappe.db.exists",
		"frappe.db.count",
		"frappe.db.sql",
		"frappe.db.sql_list",
		"frappe.db.multisql",
		"frappe.get_single",
	)
)
# Loads of a document: a read when the document is used before a check on it.
LOAD_FUNCTIONS = frozenset(
	("frappe.get_doc", "frappe.get_cached_doc", "frappe.get_last_doc", "frappe.get_lazy_doc")
)
# DocTypes whose records every desk user reads as metadata (``frappe.db.exists("DocType", name)``).
METADATA_DOCTYPES = frozenset(("DocType", "Report", "Print Format"))


@dataclass(frozen=True)
class Access:
	"""A read, a write or an ``ignore_permissions`` met before any permission check, and the calls that led
	to it from the function analysed."""

	kind: str  # "read", "write" or "ignore_permissions"
	path: str
	line: int
	call: str
	chain: tuple[FunctionRef, ...] = ()

	def via(self, ref: FunctionRef) -> "Access":
		return Access(self.kind, self.path, self.line, self.call, (ref, *self.chain))

	def __str__(self) -> str:
		via = f" through {' → '.join(str(ref) for ref in self.chain)}" if self.chain else ""
		return f"{self.call} at {self.path}:{self.line}{via}"


@dataclass(frozen=True)
class FlowSummary:
	"""What a function does when it starts unchecked: its first unchecked access of each kind, in the order
	met, and whether every way it returns has passed a permission check (so its caller is checked after it)."""

	accesses: tuple[Access, ...]
	checks: bool
	returns_document: bool = False

	def first(self, *kinds: str) -> Access | None:
		return next((access for access in self.accesses if access.kind in kinds), None)


def terminates(body: list[ast.stmt]) -> bool:
	"""The block never falls through: it ends in ``return``, ``raise``, ``frappe.throw(...)``, ``continue`` or
	``break``."""
	if not body:
		return False
	last = body[-1]
	if isinstance(last, ast.Return | ast.Raise | ast.Continue | ast.Break):
		return True
	if isinstance(last, ast.Expr) and isinstance(last.value, ast.Call):
		name = dotted_name(last.value.func) or ""
		return name.rpartition(".")[2] in ("throw", "throw_permission_error")
	if isinstance(last, ast.If):
		return terminates(last.body) and terminates(last.orelse)
	return False


def truthy_keyword(call: ast.Call, name: str) -> bool:
	for keyword in call.keywords:
		if keyword.arg == name:
			return not (isinstance(keyword.value, ast.Constant) and not keyword.value.value)
	return False


class Flow:
	"""Walks one function in the order Python evaluates it, tracking whether a permission check has run.

	A check is: a raising check (``frappe.only_for``, ``doc.check_permission()``, ``frappe.has_permission(...,
	throw=True)``), a permission-checked read (``frappe.get_list``), raising a permission error, an ``if``
	that refuses (its body ends in ``return``/``raise``/``frappe.throw``) when its test asks a permission
	(``frappe.has_permission``, ``doc.has_permission``) or its body raises a permission error, or a call of an
	app function that checks on every way it returns. A check inside one branch of an ``if`` holds in that
	branch only; a loop body is taken to run.
	"""

	def __init__(self, app: "App", ref: FunctionRef, pending: frozenset[str] = frozenset()) -> None:
		self.app = app
		self.ref = ref
		self.module = app.modules[ref.module]
		self.node = app.node(ref)
		owner = ref.qualname.rpartition(".")[0]
		self.owner = FunctionRef(ref.module, owner) if owner else None
		self.instances: dict[str, FunctionRef] = {}
		self.checked = False
		self.unchecked_exit = False
		self.quiet_reads = 0
		# A loaded document not used yet, by variable: the parameters given one by the caller too.
		self.pending: dict[str, int] = dict.fromkeys(pending, self.node.lineno)
		self.accesses: list[Access] = []
		self.returns_document = False

	def run(self) -> FlowSummary:
		self.block(self.node.body)
		if not terminates(self.node.body) and not self.checked:
			self.unchecked_exit = True
		return FlowSummary(tuple(self.accesses), not self.unchecked_exit, self.returns_document)

	# --- events ---

	def access(self, kind: str, line: int, call: str) -> None:
		if self.checked or (kind == "read" and self.quiet_reads):
			return
		if not any(found.kind == kind for found in self.accesses):
			self.accesses.append(Access(kind, self.module.rel, line, call))

	def callee(self, target: FunctionRef, pending: frozenset[str] = frozenset()) -> None:
		if self.checked:
			return
		summary = self.app.flow(target, pending)
		for access in summary.accesses:
			if access.kind == "read" and self.quiet_reads:
				continue
			if not any(found.kind == access.kind for found in self.accesses):
				self.accesses.append(access.via(target))
		if summary.checks:
			self.checked = True

	# --- statements ---

	def block(self, body: list[ast.stmt]) -> None:
		for stmt in body:
			self.statement(stmt)

	def branch(self, body: list[ast.stmt]) -> bool:
		"""Walk a block that may not run; the check state after it, the state before it restored."""
		before = self.checked
		self.block(body)
		after = self.checked
		self.checked = before
		return after

	def statement(self, stmt: ast.stmt) -> None:
		if isinstance(stmt, ast.If):
			self.if_statement(stmt)
		elif isinstance(stmt, ast.For | ast.AsyncFor):
			self.expression(stmt.iter)
			self.block(stmt.body)
			self.block(stmt.orelse)
		elif isinstance(stmt, ast.While):
			self.expression(stmt.test)
			self.block(stmt.body)
			self.block(stmt.orelse)
		elif isinstance(stmt, ast.Try):
			before = self.checked
			self.block(stmt.body)
			after = self.checked
			for handler in stmt.handlers:
				self.checked = before
				self.block(handler.body)
			self.checked = after
			self.block(stmt.orelse)
			self.block(stmt.finalbody)
		elif isinstance(stmt, ast.With | ast.AsyncWith):
			for item in stmt.items:
				self.expression(item.context_expr)
			self.block(stmt.body)
		elif isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
			self.branch(stmt.body)
		elif isinstance(stmt, ast.Return):
			value = stmt.value
			if isinstance(value, ast.Call) and self.is_load(value):
				# A loader (``return frappe.get_doc(...)``): its caller decides whether it checks before use.
				self.arguments(value)
				self.returns_document = True
			elif isinstance(value, ast.Name) and value.id in self.pending:
				self.pending.pop(value.id)
				self.returns_document = True
			elif value is not None:
				self.expression(value)
			if not self.checked:
				self.unchecked_exit = True
		elif isinstance(stmt, ast.Raise):
			if stmt.exc is not None:
				self.expression(stmt.exc)
			if self.raises_permission_error(stmt):
				self.checked = True
		elif isinstance(stmt, ast.Assign):
			self.assignment(stmt)
		elif isinstance(stmt, ast.Expr) and self.is_permission_throw(stmt.value):
			self.expression(stmt.value)
			self.checked = True
		else:
			for child in ast.iter_child_nodes(stmt):
				if isinstance(child, ast.expr):
					self.expression(child)

	def if_statement(self, stmt: ast.If) -> None:
		refuses = terminates(stmt.body)
		asks = any(self.asks_permission(node) for node in ast.walk(stmt.test))
		raises = any(self.raises_permission_error(node) for node in stmt.body)
		if refuses and (asks or raises):
			# A guard: its test is part of the check, so what the test reads does not count as a read.
			self.quiet_reads += 1
			self.expression(stmt.test)
			self.quiet_reads -= 1
			if not raises and not self.checked:
				self.unchecked_exit = True  # refused by returning: the caller is not checked
			self.checked = True
			self.block(stmt.orelse)
			return
		self.expression(stmt.test)
		body_checked = self.branch(stmt.body)
		else_checked = self.branch(stmt.orelse)
		if refuses and terminates(stmt.orelse):
			self.checked = True
		elif refuses:
			self.checked = else_checked
		elif stmt.orelse and terminates(stmt.orelse):
			self.checked = body_checked
		else:
			self.checked = body_checked and else_checked

	def assignment(self, stmt: ast.Assign) -> None:
		value = stmt.value
		target = stmt.targets[0] if len(stmt.targets) == 1 else None
		if isinstance(target, ast.Name) and isinstance(value, ast.Call) and self.is_load(value):
			self.arguments(value)
			self.pending[target.id] = value.lineno
		else:
			self.expression(value)
			if isinstance(target, ast.Name) and isinstance(value, ast.Call):
				made = self.app.expression_ref(self.module, value.func)
				if made and self.app.is_class(made):
					self.instances[target.id] = made
		for target in stmt.targets:
			if (
				isinstance(target, ast.Attribute)
				and target.attr == "ignore_permissions"
				and not (isinstance(value, ast.Constant) and not value.value)
			):
				self.access("ignore_permissions", stmt.lineno, f"{dotted_name(target) or '...'} = ...")
			if isinstance(target, ast.Attribute | ast.Subscript):
				self.expression(target.value)

	# --- expressions, in evaluation order ---

	def expression(self, node: ast.expr) -> None:
		if isinstance(node, ast.Call):
			self.call(node)
		elif isinstance(node, ast.Name):
			if isinstance(node.ctx, ast.Load) and node.id in self.pending:
				line = self.pending.pop(node.id)
				self.access("read", line, f"frappe.get_doc() into {node.id}, used before a check on it")
		elif isinstance(node, ast.BoolOp):
			self.expression(node.values[0])
			before = self.checked
			for value in node.values[1:]:
				self.expression(value)
			self.checked = before
		elif isinstance(node, ast.IfExp):
			self.expression(node.test)
			before = self.checked
			self.expression(node.body)
			self.checked = before
			self.expression(node.orelse)
			self.checked = before
		elif isinstance(node, ast.Lambda):
			return
		elif isinstance(node, ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp):
			self.expression(node.generators[0].iter)
			before = self.checked
			for generator in node.generators:
				if generator is not node.generators[0]:
					self.expression(generator.iter)
				for condition in generator.ifs:
					self.expression(condition)
			for child in (node.key, node.value) if isinstance(node, ast.DictComp) else (node.elt,):
				self.expression(child)
			self.checked = before
		else:
			self.walk_children(node)

	def walk_children(self, node: ast.AST) -> None:
		for child in ast.iter_child_nodes(node):
			if isinstance(child, ast.expr):
				self.expression(child)
			elif isinstance(child, ast.keyword | ast.comprehension):
				self.walk_children(child)

	def arguments(self, call: ast.Call) -> None:
		for argument in call.args:
			self.expression(argument)
		for keyword in call.keywords:
			self.expression(keyword.value)

	def call(self, call: ast.Call) -> None:
		func = call.func
		dotted = dotted_name(func)
		qualified = self.module.qualify(dotted) if dotted else None
		method = func.attr if isinstance(func, ast.Attribute) else None
		is_check_on_receiver = method in RAISING_CHECK_METHODS or method in ASKING_CHECK_METHODS
		# The receiver first: a document checked right where it is loaded is not a read.
		if isinstance(func, ast.Attribute) and not (dotted and qualified and qualified.startswith("frappe.")):
			receiver = func.value
			if is_check_on_receiver and isinstance(receiver, ast.Call) and self.is_load(receiver):
				self.arguments(receiver)
			elif is_check_on_receiver and isinstance(receiver, ast.Name) and receiver.id in self.pending:
				self.pending.pop(receiver.id)
			else:
				self.expression(receiver)
		for keyword in call.keywords:
			if keyword.arg == "doc" and isinstance(keyword.value, ast.Name) and qualified in ASKING_CHECKS:
				self.pending.pop(keyword.value.id, None)
		target = self.target(call)
		handed = self.hand_over(call, target) if target is not None else frozenset()
		self.arguments(call)
		shown = f"{dotted or '...'}()" if dotted else f".{method}()"
		write = write_description(self.module, call)
		if write:
			self.access("write", call.lineno, write)
		if truthy_keyword(call, "ignore_permissions"):
			self.access("ignore_permissions", call.lineno, f"{shown} with ignore_permissions")
		if self.is_check(call, qualified, method):
			self.checked = True
			return
		if self.is_read(call, qualified, method):
			self.access("read", call.lineno, shown)
			return
		if self.is_load(call):
			self.access("read", call.lineno, shown)
			return
		if target is not None:
			if self.app.is_class(target):
				for init in (self.app.method(target, "__init__"), self.app.method(target, "__post_init__")):
					if init:
						self.callee(init)
			else:
				self.callee(target, handed)

	def hand_over(self, call: ast.Call, target: FunctionRef) -> frozenset[str]:
		"""The parameters of the app function ``target`` that ``call`` gives a loaded, unchecked document: the
		document is then the callee's to check before it uses it."""
		if self.app.is_class(target):
			return frozenset()
		params = [a.arg for a in self.app.node(target).args.args]
		if "." in target.qualname and params and params[0] in ("self", "cls"):
			params = params[1:]
		handed = set()
		for index, argument in enumerate(call.args):
			if isinstance(argument, ast.Name) and argument.id in self.pending and index < len(params):
				self.pending.pop(argument.id)
				handed.add(params[index])
		for keyword in call.keywords:
			if (
				isinstance(keyword.value, ast.Name)
				and keyword.value.id in self.pending
				and keyword.arg in params
			):
				self.pending.pop(keyword.value.id)
				handed.add(keyword.arg)
		return frozenset(handed)

	# --- what a call is ---

	def target(self, call: ast.Call) -> FunctionRef | None:
		func = call.func
		if isinstance(func, ast.Attribute):
			base = func.value
			if isinstance(base, ast.Name) and base.id in ("self", "cls") and self.owner:
				return self.app.method(self.owner, func.attr)
			if isinstance(base, ast.Name) and base.id in self.instances:
				return self.app.method(self.instances[base.id], func.attr)
			if isinstance(base, ast.Call):
				made = self.app.expression_ref(self.module, base.func)
				if made and self.app.is_class(made):
					return self.app.method(made, func.attr)
		return self.app.expression_ref(self.module, func)

	def is_check(self, call: ast.Call, qualified: str | None, method: str | None) -> bool:
		if qualified in PERMISSION_CHECKED_READS:
			return not truthy_keyword(call, "ignore_permissions")
		if qualified in RAISING_CHECKS:
			return True
		if method in RAISING_CHECK_METHODS and not (qualified or "").startswith("frappe."):
			return True
		asking = qualified in ASKING_CHECKS or (
			method in ASKING_CHECK_METHODS and not (qualified or "").startswith("frappe.")
		)
		return asking and truthy_keyword(call, "throw")

	def asks_permission(self, node: ast.AST) -> bool:
		"""A call that asks a permission, itself or through the app functions it reaches."""
		if not isinstance(node, ast.Call):
			return False
		if asks_directly(self.module, node):
			return True
		target = self.target(node)
		return target is not None and not self.app.is_class(target) and self.app.asks(target)

	def is_read(self, call: ast.Call, qualified: str | None, method: str | None) -> bool:
		if qualified in READ_FUNCTIONS or qualified in PERMISSION_CHECKED_READS:
			first = call.args[0] if call.args else None
			return not (isinstance(first, ast.Constant) and first.value in METADATA_DOCTYPES)
		if method == "run":
			node = call.func
			while isinstance(node, ast.Attribute | ast.Call):
				node = node.value if isinstance(node, ast.Attribute) else node.func
				dotted = dotted_name(node) if isinstance(node, ast.Attribute) else None
				if dotted and self.module.qualify(dotted).startswith("frappe.qb."):
					return True
		return False

	def is_load(self, call: ast.Call) -> bool:
		dotted = dotted_name(call.func)
		if not dotted:
			return False
		if self.module.qualify(dotted) not in LOAD_FUNCTIONS:
			# An app function that returns a loaded document is a load too, once it has read nothing else.
			target = self.target(call)
			if target is None or self.app.is_class(target):
				return False
			summary = self.app.flow(target)
			return summary.returns_document and not summary.first("read", "write", "ignore_permissions")
		first = call.args[0] if call.args else None
		return not isinstance(first, ast.Dict)  # frappe.get_doc({...}) makes a new document

	def is_permission_throw(self, node: ast.expr) -> bool:
		if not isinstance(node, ast.Call):
			return False
		dotted = dotted_name(node.func)
		qualified = self.module.qualify(dotted) if dotted else ""
		if qualified == "frappe.throw_permission_error":
			return True
		if qualified != "frappe.throw":
			return False
		exc = (
			node.args[1]
			if len(node.args) > 1
			else next((k.value for k in node.keywords if k.arg == "exc"), None)
		)
		return exc is not None and self.is_permission_error(exc)

	def raises_permission_error(self, node: ast.AST) -> bool:
		if isinstance(node, ast.Expr):
			return self.is_permission_throw(node.value)
		if isinstance(node, ast.Raise) and node.exc is not None:
			exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
			return self.is_permission_error(exc)
		return False

	def is_permission_error(self, node: ast.expr, depth: int = 0) -> bool:
		dotted = dotted_name(node)
		if not dotted or depth > 10:
			return False
		qualified = self.module.qualify(dotted)
		if qualified in PERMISSION_ERRORS:
			return True
		ref = self.app.resolve(qualified)
		if ref is None or not self.app.is_class(ref):
			return False
		holder = self.app.modules[ref.module]
		return any(
			Flow.is_permission_error_in(self.app, holder, base, depth + 1)
			for base in holder.classes[ref.qualname].bases
		)

	@staticmethod
	def is_permission_error_in(app: "App", module: Module, node: ast.expr, depth: int) -> bool:
		dotted = dotted_name(node)
		if not dotted or depth > 10:
			return False
		qualified = module.qualify(dotted)
		if qualified in PERMISSION_ERRORS:
			return True
		ref = app.resolve(qualified)
		if ref is None or not app.is_class(ref):
			return False
		holder = app.modules[ref.module]
		return any(
			Flow.is_permission_error_in(app, holder, base, depth + 1)
			for base in holder.classes[ref.qualname].bases
		)


def asks_directly(module: Module, call: ast.Call) -> bool:
	dotted = dotted_name(call.func)
	qualified = module.qualify(dotted) if dotted else None
	method = call.func.attr if isinstance(call.func, ast.Attribute) else None
	return (
		qualified in ASKING_CHECKS
		or qualified in RAISING_CHECKS
		or qualified in PERMISSION_CHECKED_READS
		or method in ASKING_CHECK_METHODS
		or method in RAISING_CHECK_METHODS
	)


def endpoint_name(endpoint: Endpoint) -> str:
	return str(endpoint.function)


def is_method(endpoint: Endpoint) -> bool:
	return "." in endpoint.function.qualname


def permission_check_first(app: "App") -> list[Finding]:
	"""A whitelisted function checks a permission or a role before it reads or writes (see ``Flow`` for what
	counts), or is in ``Policy.unchecked_endpoints`` with its reason. A whitelisted method of a DocType
	controller is called by the framework only after it checked the user may read that document
	(``frappe.handler.run_doc_method``), so only its writes need a check of its own."""
	findings = []
	for endpoint in app.endpoints():
		if endpoint_name(endpoint) in app.policy.unchecked_endpoints:
			continue
		kinds = ("write",) if is_method(endpoint) else ("read", "write")
		access = app.flow(endpoint.function).first(*kinds)
		if access is None:
			continue
		findings.append(
			Finding(
				endpoint.module.rel,
				endpoint.decorator.lineno,
				"permission-check-first",
				f"{endpoint.function.qualname} {'reads' if access.kind == 'read' else 'writes'} ({access}) before "
				"any permission or role check: check first (doc.check_permission, frappe.has_permission(..., "
				"throw=True), frappe.only_for), or list it in unchecked_endpoints with the reason it need not",
			)
		)
	return findings


def ignore_permissions_after_check(app: "App") -> list[Finding]:
	"""In a whitelisted call path, ``ignore_permissions`` (the keyword or the flag) comes only after an explicit
	permission check, or the endpoint is in ``Policy.ignore_permissions_endpoints`` with its reason."""
	findings = []
	for endpoint in app.endpoints():
		if endpoint_name(endpoint) in app.policy.ignore_permissions_endpoints:
			continue
		access = app.flow(endpoint.function).first("ignore_permissions")
		if access is None:
			continue
		findings.append(
			Finding(
				endpoint.module.rel,
				endpoint.decorator.lineno,
				"ignore-permissions-after-check",
				f"{endpoint.function.qualname} ignores permissions ({access}) before any permission check: check "
				"first, or list it in ignore_permissions_endpoints with the reason",
			)
		)
	return findings


# --- rule guest-endpoint-not-listed ---------------------------------------------------------------------


def guest_endpoint_not_listed(app: "App") -> list[Finding]:
	"""``allow_guest=True`` only on the endpoints named in ``Policy.guest_endpoints``. A bare
	``@frappe.whitelist`` counts as allowing guests: Frappe would take the function for ``allow_guest``."""
	findings = []
	for endpoint in app.endpoints():
		if endpoint.call is None:
			findings.append(
				Finding(
					endpoint.module.rel,
					endpoint.decorator.lineno,
					"guest-endpoint-not-listed",
					f"{endpoint.function.qualname}: a bare @frappe.whitelist passes the function as allow_guest; "
					"write @frappe.whitelist()",
				)
			)
		elif endpoint.allows_guest and endpoint_name(endpoint) not in app.policy.guest_endpoints:
			findings.append(
				Finding(
					endpoint.module.rel,
					endpoint.decorator.lineno,
					"guest-endpoint-not-listed",
					f"{endpoint.function.qualname} allows guests but is not a named public endpoint: drop "
					"allow_guest, or add it to guest_endpoints with the reason",
				)
			)
	return findings


def stale_allow_list_entry(app: "App") -> list[Finding]:
	"""Every allow-list entry names a whitelisted function of the app (a guest entry: one that allows guests)."""
	endpoints = {endpoint_name(endpoint): endpoint for endpoint in app.endpoints()}
	findings = []
	lists = (
		("guest_endpoints", app.policy.guest_endpoints),
		("unchecked_endpoints", app.policy.unchecked_endpoints),
		("ignore_permissions_endpoints", app.policy.ignore_permissions_endpoints),
	)
	for list_name, entries in lists:
		for name, reason in entries.items():
			endpoint = endpoints.get(name)
			problem = None
			if endpoint is None:
				problem = "names no whitelisted function of the app"
			elif list_name == "guest_endpoints" and not endpoint.allows_guest:
				problem = "does not allow guests"
			elif not reason.strip():
				problem = "gives no reason"
			if problem:
				findings.append(
					Finding(
						"tests/lint/security_lint.py",
						1,
						"stale-allow-list-entry",
						f"{list_name}: {name} {problem}",
					)
				)
	return findings


# --- rule commit-in-request ------------------------------------------------------------------------------

# Hooks run outside a web request (bench commands, the scheduler): what they reach may commit.
NON_REQUEST_HOOKS = frozenset(
	(
		"scheduler_events",
		"before_install",
		"after_install",
		"after_sync",
		"before_migrate",
		"after_migrate",
		"before_uninstall",
		"after_uninstall",
		"before_app_install",
		"after_app_install",
		"before_app_uninstall",
		"after_app_uninstall",
		"before_tests",
		"setup_wizard_complete",
		"fixtures",
	)
)
# Folders whose modules the framework runs in a request: controllers, reports, pages, web forms, www.
REQUEST_FOLDERS = frozenset(("doctype", "report", "page", "web_form", "www"))


def is_commit(module: Module, call: ast.Call) -> bool:
	dotted = dotted_name(call.func)
	qualified = module.qualify(dotted) if dotted else None
	if qualified == "frappe.db.commit":
		return True
	if qualified in SQL_FUNCTIONS and call.args and isinstance(call.args[0], ast.Constant):
		return str(call.args[0].value).strip().rstrip(";").upper() == "COMMIT"
	return False


def request_entries(app: "App") -> list[tuple[FunctionRef, str]]:
	"""Functions the framework calls while serving a request, with what makes them one."""
	entries = [(endpoint.function, "whitelisted") for endpoint in app.endpoints()]
	hooks = app.modules.get(f"{app.package}.hooks")
	if hooks is not None:
		for node in module_level_nodes(hooks.tree):
			if not isinstance(node, ast.Assign | ast.AnnAssign) or node.value is None:
				continue
			targets = node.targets if isinstance(node, ast.Assign) else [node.target]
			names = [target.id for target in targets if isinstance(target, ast.Name)]
			if not names or names[0] in NON_REQUEST_HOOKS:
				continue
			for constant in ast.walk(node.value):
				if isinstance(constant, ast.Constant) and isinstance(constant.value, str):
					ref = app.resolve(constant.value)
					if ref is None:
						continue
					refs = [ref]
					if app.is_class(ref):
						refs = [
							FunctionRef(ref.module, q)
							for q in app.modules[ref.module].functions
							if q.startswith(ref.qualname + ".")
						]
					entries.extend((found, f"hook {names[0]}") for found in refs)
	for module in app.modules.values():
		folders = Path(module.rel).parts[1:-1]
		if REQUEST_FOLDERS.intersection(folders):
			kind = next(folder for folder in folders if folder in REQUEST_FOLDERS)
			entries.extend(
				(FunctionRef(module.name, qualname), f"{kind} module") for qualname in module.functions
			)
	return entries


def commit_in_request(app: "App") -> list[Finding]:
	"""No ``frappe.db.commit()`` in code a request runs: whitelisted functions, hooks other than the scheduler's
	and the install's (doc_events, permission hooks, Jinja methods ...), controllers, reports and www pages,
	and every app function they reach. The framework commits once when the request succeeds; a commit in the
	middle makes a failed request leave half its writes. Scheduler jobs and patches may commit."""
	seen: dict[FunctionRef, tuple[tuple[FunctionRef, str], tuple[FunctionRef, ...]]] = {}
	queue: deque[tuple[FunctionRef, tuple[FunctionRef, str], tuple[FunctionRef, ...]]] = deque()
	for ref, why in request_entries(app):
		if ref not in seen:
			seen[ref] = ((ref, why), ())
			queue.append((ref, (ref, why), ()))
	while queue:
		ref, entry, chain = queue.popleft()
		for callee in app.callees(ref):
			if callee not in seen:
				seen[callee] = (entry, (*chain, callee))
				queue.append((callee, entry, (*chain, callee)))
	findings = []
	for ref, ((entry, why), chain) in seen.items():
		module = app.modules[ref.module]
		for call in ast.walk(app.node(ref)):
			if isinstance(call, ast.Call) and is_commit(module, call):
				via = f" through {' → '.join(str(r) for r in chain)}" if chain else ""
				findings.append(
					Finding(
						module.rel,
						call.lineno,
						"commit-in-request",
						f"commit in request code: {ref.qualname} is reached from {entry} ({why}){via}; let the "
						"framework commit at the end of the request",
					)
				)
	return sorted(set(findings))


# --- rule guest-input-marked-safe -------------------------------------------------------------------------

# Where a guest's input comes from: the request's arguments, form, body, cookies and headers.
GUEST_INPUT = ("frappe.form_dict", "frappe.local.form_dict", "frappe.request", "frappe.local.request")
SAFE_OUTPUT = re.compile(r"\{\{(?P<expression>(?:(?!\}\}).)*?)\|\s*safe\b(?:(?!\}\}).)*\}\}", re.S)
UNESCAPED_BLOCK = re.compile(
	r"\{%-?\s*(?:autoescape\s+false|filter\s+safe)\s*-?%\}(?P<body>.*?)\{%-?\s*end(?:autoescape|filter)\s*-?%\}",
	re.S,
)
OUTPUT = re.compile(r"\{\{(?P<expression>(?:(?!\}\}).)*?)\}\}", re.S)
TEMPLATE_REFERENCE = re.compile(r"\{%-?\s*(?:include|import|from|extends)\s+[\"'](?P<path>[^\"']+)[\"']")
ROOT_NAME = re.compile(r"^[\s(]*(?P<name>[A-Za-z_][A-Za-z0-9_]*)")
ALL_KEYS = "*"


class Taint:
	"""Which names of a function hold something of a guest's input: the parameters given such values and
	every name assigned from an expression that mentions one, the request's data, or a call given one."""

	def __init__(
		self, app: "App", module: Module, node: ast.FunctionDef | ast.AsyncFunctionDef, tainted: set[str]
	) -> None:
		self.app = app
		self.module = module
		self.node = node
		self.names = set(tainted)
		for _ in range(3):
			for sub in ast.walk(node):
				if (
					isinstance(sub, ast.Assign | ast.AugAssign | ast.AnnAssign)
					and sub.value is not None
					and self.tainted(sub.value)
				):
					targets = sub.targets if isinstance(sub, ast.Assign) else [sub.target]
					for target in targets:
						self.names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
				elif isinstance(sub, ast.For) and self.tainted(sub.iter):
					self.names.update(n.id for n in ast.walk(sub.target) if isinstance(n, ast.Name))

	def tainted(self, node: ast.AST) -> bool:
		for sub in ast.walk(node):
			if isinstance(sub, ast.Name) and sub.id in self.names:
				return True
			if isinstance(sub, ast.Attribute | ast.Name):
				dotted = dotted_name(sub)
				if dotted and self.module.qualify(dotted).startswith(GUEST_INPUT):
					return True
		return False

	def dict_keys(self, node: ast.expr, depth: int = 0) -> set[str]:
		"""The keys of a dict expression whose values carry guest input (``ALL_KEYS`` when the lint cannot tell
		the keys)."""
		if isinstance(node, ast.Dict):
			keys = set()
			for key, value in zip(node.keys, node.values, strict=True):
				if key is None:
					keys |= self.dict_keys(value, depth)
				elif self.tainted(value):
					keys.add(key.value if isinstance(key, ast.Constant) else ALL_KEYS)
			return keys
		if isinstance(node, ast.Call) and dotted_name(node.func) == "dict":
			return {k.arg or ALL_KEYS for k in node.keywords if self.tainted(k.value)}
		if isinstance(node, ast.Name):
			return self.built_keys(node.id)
		if isinstance(node, ast.Call) and depth < 5:
			ref = self.app.expression_ref(self.module, node.func)
			if ref is not None and not self.app.is_class(ref):
				callee = self.app.node(ref)
				params = [a.arg for a in callee.args.args]
				tainted = {
					params[i] for i, arg in enumerate(node.args) if i < len(params) and self.tainted(arg)
				}
				tainted |= {k.arg for k in node.keywords if k.arg and self.tainted(k.value)}
				inner = Taint(self.app, self.app.modules[ref.module], callee, tainted)
				keys: set[str] = set()
				for sub in ast.walk(callee):
					if isinstance(sub, ast.Return) and sub.value is not None:
						keys |= inner.dict_keys(sub.value, depth + 1)
				return keys
		return {ALL_KEYS} if self.tainted(node) else set()

	def built_keys(self, name: str) -> set[str]:
		"""Keys carrying guest input of the dict ``name`` (``context`` of get_context): assigned as a dict,
		set by key or attribute, or updated."""
		keys: set[str] = set()
		for sub in ast.walk(self.node):
			if isinstance(sub, ast.Assign):
				for target in sub.targets:
					if isinstance(target, ast.Name) and target.id == name:
						keys |= self.dict_keys(sub.value)
					elif (
						isinstance(target, ast.Subscript)
						and dotted_name(target.value) == name
						and self.tainted(sub.value)
					):
						key = target.slice
						keys.add(key.value if isinstance(key, ast.Constant) else ALL_KEYS)
					elif (
						isinstance(target, ast.Attribute)
						and dotted_name(target.value) == name
						and self.tainted(sub.value)
					):
						keys.add(target.attr)
			elif (
				isinstance(sub, ast.Call)
				and isinstance(sub.func, ast.Attribute)
				and sub.func.attr == "update"
				and dotted_name(sub.func.value) == name
			):
				for arg in sub.args:
					keys |= self.dict_keys(arg)
				keys |= {k.arg or ALL_KEYS for k in sub.keywords if self.tainted(k.value)}
		return keys


def template_outputs(
	path: Path, root: Path, seen: set[Path] | None = None
) -> Iterator[tuple[Path, int, str]]:
	"""``(template, line, root name)`` of each output a template marks safe, its included and imported app
	templates too; the root name is the first name of the expression."""
	seen = seen if seen is not None else set()
	if path in seen or not path.is_file():
		return
	seen.add(path)
	text = path.read_text(encoding="utf-8")
	for match in SAFE_OUTPUT.finditer(text):
		name = ROOT_NAME.match(match.group("expression"))
		yield path, text.count("\n", 0, match.start()) + 1, name.group("name") if name else ALL_KEYS
	for block in UNESCAPED_BLOCK.finditer(text):
		for match in OUTPUT.finditer(block.group("body")):
			name = ROOT_NAME.match(match.group("expression"))
			start = block.start("body") + match.start()
			yield path, text.count("\n", 0, start) + 1, name.group("name") if name else ALL_KEYS
	for reference in TEMPLATE_REFERENCE.finditer(text):
		ref = reference.group("path")
		for candidate in (root.parent / ref, root / ref):
			if candidate.is_file():
				yield from template_outputs(candidate, root, seen)
				break


def guest_input_marked_safe(app: "App") -> list[Finding]:
	"""Nothing of a guest's input reaches a template output marked ``|safe`` (or inside ``{% autoescape false
	%}`` / ``{% filter safe %}``): in a www page, the context keys its ``get_context`` fills from the request
	(``frappe.form_dict``, ``frappe.request``), directly or through app functions that return a dict; in a
	template a guest endpoint renders, the context it passes when made from its arguments. A key the lint
	cannot name makes every safe output of the page suspect."""
	findings = []
	for module in app.modules.values():
		parts = Path(module.rel).parts
		if "www" in parts[1:-1] and "get_context" in module.functions:
			node = module.functions["get_context"]
			taint = Taint(app, module, node, set())
			context = node.args.args[0].arg if node.args.args else "context"
			keys = taint.built_keys(context)
			for sub in ast.walk(node):
				if (
					isinstance(sub, ast.Return)
					and sub.value is not None
					and not (isinstance(sub.value, ast.Name) and sub.value.id == context)
				):
					keys |= taint.dict_keys(sub.value)
			source = app.root.parent / module.rel
			stem = source.stem
			for template in sorted(source.parent.glob("*.html")):
				if template.stem.replace("-", "_") == stem:
					findings.extend(safe_findings(app, template, keys, f"www/{template.name}"))
	for endpoint in app.endpoints():
		if not endpoint.allows_guest:
			continue
		params = {a.arg for a in [*endpoint.node.args.args, *endpoint.node.args.kwonlyargs]}
		if endpoint.node.args.kwarg:
			params.add(endpoint.node.args.kwarg.arg)
		taint = Taint(app, endpoint.module, endpoint.node, params)
		for call in ast.walk(endpoint.node):
			if not isinstance(call, ast.Call):
				continue
			dotted = dotted_name(call.func)
			if not dotted or endpoint.module.qualify(dotted) not in (
				"frappe.render_template",
				"frappe.get_template",
			):
				continue
			if not call.args or not isinstance(call.args[0], ast.Constant):
				continue
			keys = taint.dict_keys(call.args[1]) if len(call.args) > 1 else set()
			for candidate in (app.root.parent / call.args[0].value, app.root / call.args[0].value):
				if candidate.is_file():
					findings.extend(safe_findings(app, candidate, keys, endpoint.function.qualname))
	return findings


def safe_findings(app: "App", template: Path, keys: set[str], page: str) -> list[Finding]:
	findings = []
	for path, line, name in template_outputs(template, app.root):
		if ALL_KEYS in keys or name in keys or name == ALL_KEYS or name in ("frappe", "request", "form_dict"):
			findings.append(
				Finding(
					path.relative_to(app.root.parent).as_posix(),
					line,
					"guest-input-marked-safe",
					f"{name} may hold a guest's input ({page} fills it from the request) and is output unescaped: "
					"drop |safe (Jinja escapes it), or sanitise it first and mark only the sanitised value safe",
				)
			)
	return findings


Rule = Callable[["App"], list[Finding]]
RULES: dict[str, Rule] = {
	"whitelisted-writer-not-post-only": whitelisted_writer_not_post_only,
	"sql-built-at-run-time": sql_built_at_run_time,
	"permission-check-first": permission_check_first,
	"guest-endpoint-not-listed": guest_endpoint_not_listed,
	"commit-in-request": commit_in_request,
	"ignore-permissions-after-check": ignore_permissions_after_check,
	"guest-input-marked-safe": guest_input_marked_safe,
	"stale-allow-list-entry": stale_allow_list_entry,
}


def lint(
	root: Path | str = APP_ROOT, rules: Iterable[str] | None = None, policy: Policy | None = None
) -> list[Finding]:
	"""Every finding of the chosen rules (all by default) over the app at ``root``, sorted by place; the
	allow-lists are the app's (``POLICY``) for the app and empty for another tree, unless ``policy`` is given."""
	if policy is None:
		policy = POLICY if Path(root).resolve() == APP_ROOT.resolve() else Policy()
	app = App(root, policy)
	findings = list(app.errors)
	for rule in rules or RULES:
		findings.extend(RULES[rule](app))
	return sorted(findings)


def main(argv: list[str]) -> int:
	findings = lint(argv[0] if argv else APP_ROOT)
	for finding in findings:
		print(finding)
	return 1 if findings else 0


if __name__ == "__main__":
	sys.exit(main(sys.argv[1:]))
