"""The app's records in the framework's global search, and only for those who may open them.

The framework's search (``frappe.utils.global_search.search``) looks only in the DocTypes listed in Global
Search Settings. The setup wizard fills that list from the ``global_search_doctypes`` hook of the apps
installed then; a site set up before this app came, or never set up, lists none of its DocTypes, and a
contract's journal number was never found although the field is indexed. So install and migrate add the
app's DocTypes to the list, and uninstall takes them out.

The framework checks only that the user may read the DocType, and shows each hit's indexed text. The app
has record-level rules too (a Practice Supervisor opens practice contracts only), so the search bar's
method is replaced by ``search`` below: the framework's own search, less the app's records the user may
not open.
"""

import frappe

APP = "citi_employment"
SETTINGS = "Global Search Settings"
SETTINGS_TABLE = "allowed_in_global_search"


def app_search_doctypes() -> list[str]:
	"""The DocTypes of the hook ``global_search_doctypes`` (hooks.py), in their order."""
	hook = frappe.get_hooks("global_search_doctypes", app_name=APP) or {}
	doctypes = []
	for rows in hook.values():
		doctypes.extend(row["doctype"] for row in rows if row.get("doctype") not in doctypes)
	return doctypes


def add_app_doctypes() -> None:
	"""Install and migrate: the app's searchable DocTypes at the end of the list, once each."""
	settings = frappe.get_single(SETTINGS)
	listed = {row.document_type for row in settings.get(SETTINGS_TABLE)}
	missing = [doctype for doctype in app_search_doctypes() if doctype not in listed]
	if not missing:
		return
	for doctype in missing:
		settings.append(SETTINGS_TABLE, {"document_type": doctype})
	settings.flags.ignore_permissions = True
	settings.save()


def remove_app_doctypes(doctypes: list[str]) -> None:
	"""Uninstall: the rows of the app's DocTypes (the framework keeps them, pointing at nothing)."""
	settings = frappe.get_single(SETTINGS)
	kept = [row for row in settings.get(SETTINGS_TABLE) if row.document_type not in doctypes]
	if len(kept) == len(settings.get(SETTINGS_TABLE)):
		return
	settings.set(SETTINGS_TABLE, kept)
	settings.flags.ignore_permissions = True
	settings.save()


@frappe.whitelist()
def search(text: str, start: int = 0, limit: int = 20, doctype: str = "") -> list[dict]:
	"""``frappe.utils.global_search.search`` (hooks: override_whitelisted_methods), less the app's records the
	user may not open. One permission-checked query per app DocType among the hits, not one per hit."""
	from frappe.utils.global_search import search as framework_search

	results = framework_search(text, start=start, limit=limit, doctype=doctype)
	app_doctypes = set(
		frappe.get_all("DocType", filters={"module": ("in", frappe.get_module_list(APP))}, pluck="name")
	)
	hits: dict[str, list[str]] = {}
	for result in results:
		if result.doctype in app_doctypes:
			hits.setdefault(result.doctype, []).append(result.name)
	permitted = {
		(hit_doctype, name)
		for hit_doctype, names in hits.items()
		for name in frappe.get_list(
			hit_doctype, filters={"name": ("in", names)}, pluck="name", limit_page_length=len(names)
		)
	}
	return [
		result
		for result in results
		if result.doctype not in app_doctypes or (result.doctype, result.name) in permitted
	]
