"""Install and uninstall steps; whatever the app leaves on a site, `before_uninstall` removes."""

import json
import os
import re
import tempfile
from pathlib import Path

import frappe

from citi_employment import email_reports
from citi_employment.approvals import notifications as approval_notifications
from citi_employment.domain.russian_text import LANGUAGE
from citi_employment.personal_data.side_tables import SIDE_TABLES
from citi_employment.roles import CENTER_ROLES
from citi_employment.search import global_search

APP = "citi_employment"
SETTINGS_DOCTYPE = "Employment Center Settings"

# Created by Frappe itself on every site (frappe/patches, workflow setup); other workflows rely on them.
FRAPPE_WORKFLOW_STATES = frozenset(("Pending", "Approved", "Rejected"))
FRAPPE_WORKFLOW_ACTIONS = frozenset(("Approve", "Reject", "Review"))


# Frappe renders every address through the default Address Template, which the setup wizard makes; a site
# that skipped the wizard has none and any form listing an address fails. This one follows the Russian
# postal order: index, region, city, then street and house.
ADDRESS_TEMPLATE_COUNTRY = "Russian Federation"
RUSSIAN_ADDRESS_TEMPLATE = """{% if pincode %}{{ pincode }}, {% endif -%}
{% if state %}{{ state }}, {% endif -%}
{{ city }}<br>
{{ address_line1 }}{% if address_line2 %}, {{ address_line2 }}{% endif %}<br>
{{ _(country) }}<br>
{% if phone %}{{ _("Phone") }}: {{ phone }}<br>{% endif -%}
{% if email_id %}{{ _("Email") }}: {{ email_id }}<br>{% endif -%}
"""


# Roles that existed before the first install (another app's "Teacher", say) are left on uninstall.
PREEXISTING_ROLES_KEY = "citi_employment_preexisting_roles"


def before_install() -> None:
	remember_preexisting_roles()


def after_install() -> None:
	persist_settings_defaults()
	ensure_address_template()
	set_russian_regional_defaults()
	compile_translations()
	global_search.add_app_doctypes()


def after_sync() -> None:
	"""Install, once the fixtures are in: the approval notifications are made from the shipped workflows."""
	approval_notifications.sync_all()
	# The monthly digest's Auto Email Report and the Director's reminders, in the language install set.
	email_reports.sync_all()


def after_migrate() -> None:
	"""`bench migrate` after an update: a changed catalogue, new DocTypes to search, new or changed workflows."""
	compile_translations()
	global_search.add_app_doctypes()
	approval_notifications.sync_all()
	email_reports.sync_all()


def before_uninstall() -> None:
	app_doctypes = frappe.get_all(
		"DocType",
		filters={"module": ("in", frappe.get_module_list(APP))},
		fields=["name", "issingle"],
	)
	doctype_names = [doctype.name for doctype in app_doctypes]
	delete_attached_files(doctype_names)
	delete_referencing_records(doctype_names)
	approval_notifications.delete_all(doctype_names)
	email_reports.delete_all()
	delete_workflows(doctype_names)
	global_search.remove_app_doctypes(doctype_names)
	delete_compiled_translations()
	delete_scheduled_jobs()
	delete_naming_counters(doctype_names)
	# Frappe drops tables on uninstall, but single DocTypes keep their values in tabSingles.
	frappe.db.delete(
		"Singles", {"doctype": ("in", [doctype.name for doctype in app_doctypes if doctype.issingle])}
	)
	delete_address_template()
	# Customised rights on the app's DocTypes go with them, whichever role they grant.
	frappe.db.delete("Custom DocPerm", {"parent": ("in", doctype_names)})
	delete_center_roles()


def persist_settings_defaults() -> None:
	"""Store the settings so that reports and prints read real values, not just JSON defaults.

	Values an administrator already changed (a reinstall with --force) are kept.
	"""
	settings = frappe.get_single(SETTINGS_DOCTYPE)
	settings.flags.ignore_permissions = True
	settings.save()


# What a site of a Russian institution expects before anyone chose otherwise. Frappe's own defaults are English,
# ISO dates ("2026-06-30" in every message) and, with no time zone, Asia/Kolkata. The setup wizard, when run,
# asks for all of these and its answer stands, as does any value an administrator set: the language only
# when none is set, the rest only while the setup wizard has not been completed (nobody has chosen yet).
TIME_ZONE = "Europe/Moscow"
RUSSIAN_REGIONAL_SETTINGS = {
	"date_format": "dd.mm.yyyy",
	"time_zone": TIME_ZONE,
	"first_day_of_the_week": "Monday",
}


def set_russian_regional_defaults() -> None:
	settings = frappe.get_single("System Settings")
	changed = False
	if not settings.language:
		settings.language = LANGUAGE
		changed = True
	if not frappe.db.get_single_value("System Settings", "setup_complete"):
		for fieldname, value in RUSSIAN_REGIONAL_SETTINGS.items():
			if settings.get(fieldname) != value:
				settings.set(fieldname, value)
				changed = True
	if changed:
		# Saved through the controller: it writes the site defaults (lang, date_format) the desk reads.
		settings.flags.ignore_permissions = True
		settings.save()
		# Frappe does not clear the cached defaults while an app installs, and the install itself had read them:
		# without this the desk keeps English and ISO dates until someone clears the cache.
		frappe.clear_cache()


def compile_translations() -> list[Path]:
	"""Compile the app's gettext catalogues (locale/<lang>.po) into the .mo files Frappe v15 reads.

	`bench build` compiles them, but `install-app` and `migrate` do not: an app updated or linked in without a
	build kept an old catalogue or none, and the desk came up in English. Written to a temporary file and
	moved into place, so a worker reading the catalogue meanwhile never sees half a file.
	"""
	from babel.messages.mofile import write_mo
	from babel.messages.pofile import read_po
	from frappe.gettext.translate import get_locales, get_mo_path, get_po_path
	from frappe.translate import clear_cache as clear_translation_cache

	compiled = []
	for locale in sorted(get_locales(APP)):
		with open(get_po_path(APP, locale), "rb") as po:
			catalog = read_po(po)
		mo_path = get_mo_path(APP, locale)
		mo_path.parent.mkdir(parents=True, exist_ok=True)
		with tempfile.NamedTemporaryFile(dir=mo_path.parent, suffix=".mo.tmp", delete=False) as mo:
			write_mo(mo, catalog)
		os.chmod(mo.name, 0o644)
		os.replace(mo.name, mo_path)
		compiled.append(mo_path)
	# Merged translations and boot info are cached per site; without this the old words stay until expiry.
	clear_translation_cache()
	return compiled


def delete_compiled_translations() -> list[Path]:
	"""The .mo files compile_translations wrote, unless another site of this bench may still use them.

	They live in the bench's sites/assets, shared by every site (as `bench build` makes them for every app
	of the bench), so they go only when this is the bench's one site.
	"""
	from frappe.gettext.translate import get_locales, get_mo_path
	from frappe.translate import clear_cache as clear_translation_cache
	from frappe.utils import get_sites

	if set(get_sites()) - {frappe.local.site}:
		return []
	deleted = []
	for locale in get_locales(APP):
		mo_path = get_mo_path(APP, locale)
		if mo_path.exists():
			mo_path.unlink()
			deleted.append(mo_path)
	clear_translation_cache()
	return deleted


def ensure_address_template() -> None:
	if frappe.db.exists("Address Template", {"is_default": 1}):
		return
	if frappe.db.exists("Address Template", ADDRESS_TEMPLATE_COUNTRY):
		frappe.db.set_value("Address Template", ADDRESS_TEMPLATE_COUNTRY, "is_default", 1)
		return
	frappe.get_doc(
		{
			"doctype": "Address Template",
			"country": ADDRESS_TEMPLATE_COUNTRY,
			"is_default": 1,
			"template": RUSSIAN_ADDRESS_TEMPLATE,
		}
	).insert(ignore_permissions=True)


def delete_address_template() -> None:
	"""Only the template install made, unchanged: one the institution edited or had before stays."""
	if (
		frappe.db.get_value("Address Template", ADDRESS_TEMPLATE_COUNTRY, "template")
		== RUSSIAN_ADDRESS_TEMPLATE
	):
		# Direct delete: the controller refuses to delete the default template, and here it goes with the app.
		frappe.db.delete("Address Template", ADDRESS_TEMPLATE_COUNTRY)


def delete_attached_files(doctype_names: list[str]) -> None:
	"""Through the File controller, so the files go from the disk too, with no Deleted Document copy."""
	for file_name in frappe.get_all(
		"File", filters={"attached_to_doctype": ("in", doctype_names)}, pluck="name"
	):
		frappe.delete_doc("File", file_name, ignore_permissions=True, force=True, delete_permanently=True)


def delete_referencing_records(doctype_names: list[str]) -> None:
	"""Frappe's uninstall drops the app's tables but keeps the side tables' rows about its documents, and those
	hold copies of graduates' personal data (versions, comments, mails)."""
	for table in SIDE_TABLES:
		frappe.db.delete(table.doctype, {table.type_field: ("in", doctype_names)})


def delete_workflows(doctype_names: list[str]) -> None:
	"""Workflows of app DocTypes, then the states and actions the app shipped that nothing else uses."""
	for workflow in frappe.get_all(
		"Workflow", filters={"document_type": ("in", doctype_names)}, pluck="name"
	):
		frappe.delete_doc("Workflow", workflow, force=True, ignore_permissions=True, delete_permanently=True)
	used_states = set(frappe.get_all("Workflow Document State", pluck="state"))
	used_states.update(frappe.get_all("Workflow Transition", pluck="state"))
	used_states.update(frappe.get_all("Workflow Transition", pluck="next_state"))
	used_actions = set(frappe.get_all("Workflow Transition", pluck="action"))
	for doctype, fixture, kept in (
		("Workflow State", "workflow_state.json", used_states | FRAPPE_WORKFLOW_STATES),
		("Workflow Action Master", "workflow_action_master.json", used_actions | FRAPPE_WORKFLOW_ACTIONS),
	):
		for name in set(fixture_record_names(fixture)) - kept:
			frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, delete_permanently=True)


def delete_scheduled_jobs() -> None:
	"""Frappe registers the app's scheduler hooks as Scheduled Job Types and keeps them after uninstall."""
	jobs = frappe.get_all("Scheduled Job Type", filters={"method": ("like", f"{APP}.%")}, pluck="name")
	if jobs:
		frappe.db.delete("Scheduled Job Log", {"scheduled_job_type": ("in", jobs)})
		frappe.db.delete("Scheduled Job Type", {"name": ("in", jobs)})


def delete_naming_counters(doctype_names: list[str]) -> None:
	"""Counters in tabSeries behind the app's `format:` names and contract registration numbers.

	Matched by their exact shape, so another app's series with a similar prefix is never touched, and a
	shape another DocType on the site also counts in is left alone.
	"""
	autonames = frappe.get_all(
		"DocType", filters={"autoname": ("like", "format:%")}, fields=["name", "autoname"]
	)
	shared = {
		pattern.pattern
		for pattern in (naming_counter_pattern(d.autoname) for d in autonames if d.name not in doctype_names)
		if pattern
	}
	patterns = [
		pattern
		for pattern in (naming_counter_pattern(d.autoname) for d in autonames if d.name in doctype_names)
		if pattern and pattern.pattern not in shared
	]
	series = frappe.qb.DocType("Series")  # a plain table, not a DocType: get_all cannot read it
	counters = [
		name
		for (name,) in frappe.qb.from_(series).select(series.name).run()
		if any(pattern.fullmatch(name) for pattern in patterns)
	]
	if counters:
		frappe.db.delete("Series", {"name": ("in", counters)})
	# Employer Contract keeps one registration counter per journal and year under this key prefix.
	frappe.db.delete("Series", {"name": ("like", "Employer Contract::%")})


def naming_counter_pattern(autoname: str | None) -> re.Pattern | None:
	"""The tabSeries key a `format:` name counts in: `format:GRAD-{YYYY}-{#####}` counts in `GRAD-2026-`."""
	if not autoname or not autoname.startswith("format:"):
		return None
	key = autoname.removeprefix("format:").split("{#")[0]
	date_parts = {"{YYYY}": r"\d{4}", "{YY}": r"\d{2}", "{MM}": r"\d{2}", "{DD}": r"\d{2}"}
	pattern = re.escape(key)
	for part, digits in date_parts.items():
		pattern = pattern.replace(re.escape(part), digits)
	return re.compile(pattern)


def fixture_record_names(fixture_file: str) -> list[str]:
	with open(frappe.get_app_path(APP, "fixtures", fixture_file)) as records:
		return [record["name"] for record in json.load(records)]


def remember_preexisting_roles() -> None:
	"""Kept from the first install on, so a reinstall does not take the app's own roles for someone else's."""
	if frappe.db.get_default(PREEXISTING_ROLES_KEY) is None:
		existing = frappe.get_all("Role", filters={"name": ("in", CENTER_ROLES)}, pluck="name")
		frappe.db.set_default(PREEXISTING_ROLES_KEY, json.dumps(sorted(existing)))


def app_created_roles() -> list[str]:
	preexisting = set(json.loads(frappe.db.get_default(PREEXISTING_ROLES_KEY) or "[]"))
	return [role for role in CENTER_ROLES if role not in preexisting]


def delete_center_roles() -> None:
	"""Roles belong to no module, so Frappe's uninstall would leave them and their grants behind.

	Only the roles the app created go; a role the site had before keeps its users and rights elsewhere.
	"""
	for role in app_created_roles():
		for granting_doctype in ("Has Role", "Custom DocPerm", "DocPerm"):
			frappe.db.delete(granting_doctype, {"role": role})
		if frappe.db.exists("Role", role):
			frappe.delete_doc("Role", role, force=True, ignore_permissions=True, delete_permanently=True)
	frappe.defaults.clear_default(key=PREEXISTING_ROLES_KEY)
	frappe.clear_cache()
