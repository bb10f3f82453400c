import json
from pathlib import Path

from citi_employment.domain import write_rules

DOCTYPE_DIR = Path(__file__).parents[2] / "citi_employment" / "citi_employment" / "doctype"
# Read-only in the form but owned by the framework, which checks it itself (amendment links).
FRAMEWORK_FIELDS = frozenset({"amended_from"})
NO_VALUE = {"Section Break", "Column Break", "Tab Break", "HTML", "Button", "Heading", "Image", "Fold"}


def doctype_jsons() -> dict[str, dict]:
	found = {}
	for path in DOCTYPE_DIR.glob("*/*.json"):
		data = json.loads(path.read_text(encoding="utf-8"))
		if data.get("doctype") == "DocType":
			found[data["name"]] = data
	return found


def test_every_read_only_field_of_the_app_is_owned_by_a_service():
	"""A field the form shows read-only is one the server must guard: it has to be in SERVICE_FIELDS."""
	missing = []
	for name, data in doctype_jsons().items():
		for field in data["fields"]:
			if (
				field.get("read_only")
				and not field.get("fetch_from")
				and field["fieldtype"] not in NO_VALUE
				and field["fieldname"] not in FRAMEWORK_FIELDS
				and field["fieldname"] not in write_rules.service_fields(name)
			):
				missing.append(f"{name}.{field['fieldname']}")
	assert missing == []


def test_every_service_field_exists():
	doctypes = doctype_jsons()
	for name, fields in write_rules.SERVICE_FIELDS.items():
		assert name in doctypes, name
		fieldnames = {field["fieldname"] for field in doctypes[name]["fields"]}
		assert fields <= fieldnames, (name, fields - fieldnames)


def test_service_fields_are_refused_but_the_workflow_state_is_left_to_the_workflow():
	changed = {"status", "subject", "registration_number"}
	assert write_rules.refused_service_changes("Employer Contract", changed, "status") == [
		"registration_number"
	]
	assert write_rules.refused_service_changes("Employer Contract", changed, None) == [
		"registration_number",
		"status",
	]
	assert write_rules.refused_service_changes("Profession", changed, None) == []


def test_a_locked_state_takes_only_the_transition():
	changed = {"status", "subject"}
	assert write_rules.refused_locked_changes(
		changed, may_edit_state=False, workflow_state_field="status"
	) == ["subject"]
	assert (
		write_rules.refused_locked_changes(changed, may_edit_state=True, workflow_state_field="status") == []
	)


def test_a_registered_contract_takes_only_its_termination_and_scan():
	allowed = {"terminated_on", "termination_reason", "signed_scan", "status"}
	assert write_rules.refused_registered_contract_changes(allowed, "status") == []
	assert write_rules.refused_registered_contract_changes(
		{"journal", "employer", "valid_to", "termination_reason"}, "status"
	) == ["employer", "journal", "valid_to"]
