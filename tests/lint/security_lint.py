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


class App:
	"""Every non-test Python module under ``root`` (a package directory), parsed once."""

	def __init__(self, root: Path | str = APP_ROOT) -> None:
		self.root = Path(root)
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


Rule = Callable[[App], list[Finding]]
RULES: dict[str, Rule] = {
	"whitelisted-writer-not-post-only": whitelisted_writer_not_post_only,
}


def lint(root: Path | str = APP_ROOT, rules: Iterable[str] | None = None) -> list[Finding]:
	"""Every finding of the chosen rules (all by default) over the app at ``root``, sorted by place."""
	app = App(root)
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
