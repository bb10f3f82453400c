"""Co-installation (issue 15, item 9): no DocType, Role, Workflow or Report name the app ships collides with one
shipped by ERPNext v15, HRMS v15 or Education, kept as name lists with their source in ``foreign_names/``.

Two DocTypes (or Reports) collide when their names are equal as the database compares them (case-insensitive)
or when they make the same module folder (``frappe.scrub``: lower case, spaces and dashes to underscores); two
Roles or Workflows when their names are equal ignoring case. The app's names are read from its files: the
DocType and Report JSON, and the Role and Workflow fixtures.
"""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "citi_employment"
LISTS = Path(__file__).resolve().parent / "foreign_names"
KINDS = ("DocType", "Role", "Workflow", "Report")
SOURCE_HEADER = re.compile(
	r"^# source: https://github\.com/frappe/[\w.-]+ (?:branch [\w.-]+ |file \S+ )commit [0-9a-f]{40}\b"
)


def scrub(name: str) -> str:
	return name.strip().lower().replace(" ", "_").replace("-", "_")


def app_names() -> dict[str, set[str]]:
	names: dict[str, set[str]] = {kind: set() for kind in KINDS}
	for folder, kind in (("doctype", "DocType"), ("report", "Report")):
		for path in APP.glob(f"*/{folder}/*/*.json"):
			if path.stem != path.parent.name:
				continue
			doc = json.loads(path.read_text(encoding="utf-8"))
			if isinstance(doc, dict) and doc.get("doctype") == kind:
				names[kind].add(doc["name"])
	for fixture, kind in (("role.json", "Role"), ("workflow.json", "Workflow")):
		names[kind].update(
			record["name"] for record in json.loads((APP / "fixtures" / fixture).read_text("utf-8"))
		)
	return names


def read_list(path: Path) -> tuple[list[str], dict[str, set[str]]]:
	"""The header lines and the names by kind of one list file."""
	header, names = [], {kind: set() for kind in KINDS}
	for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
		if line.startswith("#"):
			header.append(line)
			continue
		kind, separator, name = line.partition("\t")
		assert (
			separator and kind in KINDS and name.strip() == name and name
		), f"{path.name}:{number}: {line!r}"
		names[kind].add(name)
	return header, names


LIST_FILES = sorted(LISTS.glob("*.txt"))


def test_the_three_lists_are_there() -> None:
	assert [path.name for path in LIST_FILES] == ["education.txt", "erpnext_v15.txt", "hrms_v15.txt"]


@pytest.mark.parametrize("path", LIST_FILES, ids=lambda path: path.name)
def test_each_list_names_its_source(path: Path) -> None:
	header, names = read_list(path)
	assert any(
		SOURCE_HEADER.match(line) for line in header
	), f"{path.name}: no '# source: repo branch commit' line"
	assert names["DocType"] and names["Role"], path.name


def test_the_lists_extracted_from_a_whole_repository_are_whole() -> None:
	"""HRMS v15 and Education were read whole from git (extract.py); ERPNext whole from develop trees of November
	2024, which keep v15's DocTypes but for any removed since (see its header)."""
	_, hrms = read_list(LISTS / "hrms_v15.txt")
	_, education = read_list(LISTS / "education.txt")
	_, erpnext = read_list(LISTS / "erpnext_v15.txt")
	assert len(hrms["DocType"]) >= 140 and len(hrms["Report"]) >= 20
	assert {"Salary Slip", "Leave Application", "Job Applicant"} <= hrms["DocType"]
	assert {"Student", "Program", "Course"} <= education["DocType"] and "Instructor" in education["Role"]
	assert len(erpnext["DocType"]) >= 480 and len(erpnext["Report"]) >= 160
	assert {"Sales Invoice", "Item", "Customer", "Stock Entry", "BOM"} <= erpnext["DocType"]
	assert {"Accounts Manager", "Stock User"} <= erpnext["Role"] and "General Ledger" in erpnext["Report"]


def test_the_app_ships_names_of_every_kind() -> None:
	names = app_names()
	assert len(names["DocType"]) >= 40 and names["Report"] and names["Workflow"]
	assert "Employment Specialist" in names["Role"] and "Graduate" in names["DocType"]


def collisions(ours: dict[str, set[str]], theirs: dict[str, set[str]]) -> list[str]:
	found = []
	for kind in KINDS:
		key = scrub if kind in ("DocType", "Report") else str.casefold
		by_key = {key(name): name for name in theirs[kind]}
		found.extend(
			f"{kind} {name!r} ~ {by_key[key(name)]!r}" for name in sorted(ours[kind]) if key(name) in by_key
		)
	return found


@pytest.mark.parametrize("path", LIST_FILES, ids=lambda path: path.name)
def test_no_app_name_collides_with_a_name_of_the_other_app(path: Path) -> None:
	_, theirs = read_list(path)
	found = collisions(app_names(), theirs)
	assert not found, f"names shipped by {path.stem} too: {found}"


def test_a_collision_would_be_caught(tmp_path: Path) -> None:
	"""A name equal but for case, or for spaces against dashes, of the same kind collides; of another kind not."""
	listed = tmp_path / "other.txt"
	listed.write_text(
		"# source: https://github.com/frappe/other branch version-15 commit " + "0" * 40 + "\n"
		"DocType\tgraduate-placement\nRole\tEMPLOYMENT SPECIALIST\nReport\tGraduate\nWorkflow\tWork Plan Workflow\n",
		encoding="utf-8",
	)
	header, theirs = read_list(listed)
	assert SOURCE_HEADER.match(header[0])
	assert collisions(app_names(), theirs) == [
		"DocType 'Graduate Placement' ~ 'graduate-placement'",
		"Role 'Employment Specialist' ~ 'EMPLOYMENT SPECIALIST'",
		"Workflow 'Work Plan Workflow' ~ 'Work Plan Workflow'",
	]
