"""Write the name list of another Frappe app from a git checkout of it: every DocType, Role, Workflow and Report
it ships, for the co-installation test (``tests/artifacts/test_foreign_names.py``).

    python tests/artifacts/foreign_names/extract.py REPO_DIR REF SOURCE_NAME > tests/artifacts/foreign_names/x.txt

Read from the tree at REF, never from a work tree:

- DocType: every JSON document with ``"doctype": "DocType"`` (its ``name``);
- Report: every JSON document with ``"doctype": "Report"``;
- Workflow: every JSON document (fixtures too) with ``"doctype": "Workflow"``;
- Role: the roles of DocType permissions, of Reports, Pages and Workspaces, Role documents and workflow
  transitions in JSON, and the roles the install and setup code creates or names by string
  (``"role": "X"``, ``"role_name": "X"``, ``role_name="X"``).
"""

import json
import re
import subprocess
import sys

ROLE_IN_CODE = re.compile(
	r"""["']role(?:_name)?["']\s*:\s*["']([^"'{}]+)["']|role_name\s*=\s*["']([^"'{}]+)["']"""
)
SETUP_CODE = re.compile(r"(^|/)(install|setup|setup_wizard|install_fixtures|operations)(/|\.py$|_)")


def git(repo: str, *args: str) -> str:
	return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=True).stdout


def documents(data) -> list[dict]:
	if isinstance(data, dict):
		return [data]
	if isinstance(data, list):
		return [item for item in data if isinstance(item, dict)]
	return []


def collect(repo: str, ref: str) -> dict[str, set[str]]:
	names: dict[str, set[str]] = {"DocType": set(), "Role": set(), "Workflow": set(), "Report": set()}
	paths = git(repo, "ls-tree", "-r", "--name-only", ref).splitlines()
	for path in paths:
		if path.startswith((".github/", "frontend/", "node_modules/")) or "/public/" in path:
			continue
		if path.endswith(".json"):
			try:
				data = json.loads(git(repo, "show", f"{ref}:{path}"))
			except (json.JSONDecodeError, subprocess.CalledProcessError):
				continue
			for doc in documents(data):
				read_document(doc, names)
		elif (
			path.endswith(".py")
			and SETUP_CODE.search(path)
			and "/patches/" not in path
			and "/tests/" not in path
		):
			text = git(repo, "show", f"{ref}:{path}")
			for match in ROLE_IN_CODE.finditer(text):
				names["Role"].add((match.group(1) or match.group(2)).strip())
	return names


def read_document(doc: dict, names: dict[str, set[str]]) -> None:
	kind = doc.get("doctype")
	name = doc.get("name")
	if kind == "DocType" and name:
		names["DocType"].add(name)
		names["Role"].update(perm["role"] for perm in doc.get("permissions", []) if perm.get("role"))
	elif kind == "Report":
		names["Report"].add(doc.get("report_name") or name)
		names["Role"].update(row["role"] for row in doc.get("roles", []) if row.get("role"))
	elif kind == "Workflow":
		names["Workflow"].add(doc.get("workflow_name") or name)
		names["Role"].update(row["allowed"] for row in doc.get("transitions", []) if row.get("allowed"))
		names["Role"].update(row["allow_edit"] for row in doc.get("states", []) if row.get("allow_edit"))
	elif kind == "Role":
		names["Role"].add(doc.get("role_name") or name)
	elif kind in ("Page", "Workspace", "Custom DocPerm", "DocPerm"):
		if doc.get("role"):
			names["Role"].add(doc["role"])
		names["Role"].update(row["role"] for row in doc.get("roles", []) if row.get("role"))


def linked_doctypes(repo: str, ref: str) -> set[str]:
	"""The DocTypes the app's DocType JSON links to (Link and Table options), its own left out."""
	own: set[str] = set()
	linked: set[str] = set()
	for path in git(repo, "ls-tree", "-r", "--name-only", ref).splitlines():
		if "/doctype/" not in path or not path.endswith(".json"):
			continue
		try:
			doc = json.loads(git(repo, "show", f"{ref}:{path}"))
		except json.JSONDecodeError:
			continue
		if isinstance(doc, dict) and doc.get("doctype") == "DocType":
			own.add(doc["name"])
			linked.update(
				field["options"]
				for field in doc.get("fields", [])
				if field.get("fieldtype") in ("Link", "Table", "Table MultiSelect") and field.get("options")
			)
	return linked - own


def print_names(names: dict[str, set[str]]) -> None:
	for kind in ("DocType", "Role", "Workflow", "Report"):
		for name in sorted(names.get(kind, ())):
			print(f"{kind}\t{name}")


def main(repo: str, refs: list[str], source: str) -> None:
	"""One list from the union of ``refs`` (branches) of one repository."""
	names: dict[str, set[str]] = {}
	for ref in refs:
		commit = git(repo, "rev-parse", ref).strip()
		date = git(repo, "show", "-s", "--format=%cs", commit).strip()
		print(f"# source: {source} branch {ref} commit {commit} ({date})")
		for kind, found in collect(repo, ref).items():
			names.setdefault(kind, set()).update(found)
	print("# extracted by tests/artifacts/foreign_names/extract.py; one 'Kind<TAB>Name' a line")
	print_names(names)


if __name__ == "__main__":
	if sys.argv[1] == "--linked":
		# DocTypes of a required app (ERPNext) that ``repo`` links to: python extract.py --linked REPO REF
		for name in sorted(linked_doctypes(sys.argv[2], sys.argv[3])):
			print(name)
	else:
		main(sys.argv[1], sys.argv[2].split(","), sys.argv[3])
