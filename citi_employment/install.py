"""Install and uninstall steps; whatever `after_install` makes, `before_uninstall` removes."""

import frappe

from citi_employment.roles import CENTER_ROLES

SETTINGS_DOCTYPE = "Employment Center Settings"


def after_install() -> None:
	persist_settings_defaults()


def before_uninstall() -> None:
	delete_center_roles()


def persist_settings_defaults() -> None:
	"""Store the settings so that reports and prints read real values, not just JSON defaults.

	Values an administrator already changed (a reinstall with --force) are kept.
	"""
	settings = frappe.get_single(SETTINGS_DOCTYPE)
	settings.flags.ignore_permissions = True
	settings.save()


def delete_center_roles() -> None:
	"""Roles belong to no module, so Frappe's uninstall would leave them and their grants behind."""
	for role in CENTER_ROLES:
		for granting_doctype in ("Has Role", "Custom DocPerm", "DocPerm"):
			frappe.db.delete(granting_doctype, {"role": role})
		if frappe.db.exists("Role", role):
			frappe.delete_doc("Role", role, force=True, ignore_permissions=True)
	frappe.clear_cache()
