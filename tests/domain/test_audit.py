import json
import re
from pathlib import Path

from citi_employment.domain import audit
from citi_employment.domain.paper_forms import APPLICATION_FORM, RESUME_FORM

PRINT_FORMATS = Path(__file__).resolve().parents[2] / "citi_employment" / "citi_employment" / "print_format"
# What a template calls or reads to print a passport or an identity document.
PASSPORT_MARKERS = ("citi_passport_for_print", "representative_document")
SNILS = "179-306-524 92"


def fields_of(doctype, fieldname, value) -> bool:
	"""As the Frappe side decides, for a Graduate with a name, a date of birth and a profession link."""
	types = {
		"full_name": "Data",
		"date_of_birth": "Date",
		"profession": "Link",
		"employment_status": "Select",
	}
	return audit.keeps_field_value(fieldname, types.get(fieldname), doctype in audit.PERSONAL_DATA_DOCTYPES)


def test_every_kind_has_its_methods_and_the_framework_s_own_names_count():
	assert audit.kind_of(audit.FORM_LOAD) == audit.READ
	assert audit.kind_of(audit.REST_V2_READ) == audit.READ
	assert audit.kind_of("Print") == audit.PRINT
	assert audit.kind_of(audit.PDF_DOWNLOAD) == audit.PRINT
	assert audit.kind_of(audit.LIST_EXPORT) == audit.EXPORT
	assert audit.kind_of(None) == audit.OTHER
	assert audit.kind_of("Graduate") == audit.OTHER
	assert set(audit.methods_of(audit.READ)) == set(audit.READ_METHODS)


def test_a_print_shows_passport_data_with_the_passport_forms_and_any_format_of_the_personal_data():
	assert audit.shows_passport("Employment Assistance Application", APPLICATION_FORM)
	assert audit.shows_passport(audit.PERSONAL_DATA_DOCTYPE, "Standard")
	assert not audit.shows_passport("Student Resume", RESUME_FORM)
	assert not audit.shows_passport("Employment Assistance Application", "Standard")


def template_shows_passport(html: str, folders: dict[str, str], seen: frozenset = frozenset()) -> bool:
	if any(marker in html for marker in PASSPORT_MARKERS):
		return True
	for included in re.findall(r"print_format/([^/\"]+)/", html):
		if included in folders and included not in seen:
			if template_shows_passport(folders[included], folders, seen | {included}):
				return True
	return False


def test_the_passport_forms_are_every_print_format_whose_template_prints_a_passport():
	folders = {}
	names = {}
	for folder in PRINT_FORMATS.iterdir():
		html = folder / f"{folder.name}.html"
		if html.exists():
			folders[folder.name] = html.read_text(encoding="utf-8")
			names[folder.name] = json.loads((folder / f"{folder.name}.json").read_text(encoding="utf-8"))[
				"name"
			]
	showing = {names[folder] for folder, html in folders.items() if template_shows_passport(html, folders)}
	assert showing == audit.PASSPORT_FORMS


def test_filter_values_that_may_name_a_person_are_redacted_ids_and_choices_stay():
	filters = [
		["Graduate", "full_name", "like", "%Иванов%"],
		["Graduate", "date_of_birth", "=", "2001-02-03"],
		["Graduate", "profession", "=", "Повар"],
		["Graduate", "employment_status", "=", "Seeking"],
		["Graduate", "name", "in", ["GRAD-2026-00001"]],
		["Graduate", "unknown_field", "=", "x"],
	]
	assert audit.redact_filters(filters, fields_of) == [
		["Graduate", "full_name", "like", audit.REDACTED],
		["Graduate", "date_of_birth", "=", audit.REDACTED],
		["Graduate", "profession", "=", "Повар"],
		["Graduate", "employment_status", "=", "Seeking"],
		["Graduate", "name", "in", ["GRAD-2026-00001"]],
		["Graduate", "unknown_field", "=", audit.REDACTED],
	]


def test_every_field_of_the_personal_data_but_its_ids_is_redacted():
	def personal(doctype, fieldname, value):
		types = {"snils": "Data", "disability_group": "Select", "graduate": "Link"}
		return audit.keeps_field_value(fieldname, types.get(fieldname), True)

	filters = {"snils": SNILS, "disability_group": ["=", "II"], "graduate": "GRAD-2026-00001"}
	assert audit.redact_filters(filters, personal) == {
		"snils": audit.REDACTED,
		"disability_group": ["=", audit.REDACTED],
		"graduate": "GRAD-2026-00001",
	}


def test_filters_as_json_text_and_malformed_ones():
	text = json.dumps([["full_name", "=", "Иванов"], ["profession", "Повар"]], ensure_ascii=False)
	assert json.loads(audit.redact_filters(text, fields_of)) == [
		["full_name", "=", audit.REDACTED],
		["profession", "Повар"],
	]
	assert audit.redact_filters("{not json", fields_of) == audit.REDACTED
	assert audit.redact_filters([[1, 2, 3, 4, 5]], fields_of) == [audit.REDACTED]
	assert audit.redact_filters(42, fields_of) == audit.REDACTED
	assert audit.redact_filters(None, fields_of) is None


def test_a_report_keeps_flags_numbers_and_dates_only():
	assert audit.is_plain_value("2026-01-31")
	assert audit.is_plain_value(["2026-01-01", "2026-01-31"])
	assert audit.is_plain_value(90)
	assert audit.is_plain_value(True)
	assert not audit.is_plain_value("Иванов Иван")
	assert not audit.is_plain_value(SNILS)
	assert not audit.is_plain_value("2026-01-31 Иванов")
