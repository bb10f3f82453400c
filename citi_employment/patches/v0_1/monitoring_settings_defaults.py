"""Store the defaults of the monitoring job's two new settings (§6.2) on sites installed before them.

A Single keeps each value in its own row, so an existing site has no row for a new field: the form would
show it empty and refuse to save until someone typed the default.
"""

import frappe

SETTINGS_DOCTYPE = "Employment Center Settings"
DEFAULTS = {"monitoring_due_lead_days": 7, "monitoring_overdue_grace_days": 14}


def execute():
	stored = frappe.db.get_singles_dict(SETTINGS_DOCTYPE)
	for fieldname, default in DEFAULTS.items():
		if stored.get(fieldname) in (None, ""):
			frappe.db.set_single_value(SETTINGS_DOCTYPE, fieldname, default)
	frappe.clear_document_cache(SETTINGS_DOCTYPE, SETTINGS_DOCTYPE)
