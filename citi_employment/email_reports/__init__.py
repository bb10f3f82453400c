"""Scheduled e-mail reports (issue 12), sent by the framework's own machinery, never
by a mailer of the app:

- ``digest``: the Head's monthly digest, the framework's Auto Email Report of the "Center Monthly Digest"
  report, its recipients and format kept in step with Employment Center Settings;
- ``reminders``: a reminder to the Director about a document that has waited for the Director's approval
  for the settings' number of days, through framework Notifications (bell and e-mail) that a daily check
  fires.

``sync_all`` makes the framework's records match the settings: install (after the fixtures), every migrate
and every save of the settings run it. ``delete_all`` removes them on uninstall.
"""

import frappe

from citi_employment.email_reports import digest, reminders

SETTINGS_DOCTYPE = "Employment Center Settings"
# The settings of this package, with the defaults of their DocType fields.
SETTING_FIELDS = ("monthly_digest_enabled", "monthly_digest_format", "approval_reminder_days")


def sync_all() -> None:
	store_missing_setting_defaults()
	digest.sync_digest()
	reminders.sync_reminders()


def store_missing_setting_defaults() -> list[str]:
	"""A site that had its settings before these fields keeps no value for them, and a Single reads a
	missing value as empty or 0, which would turn the digest and the reminders off: store their defaults
	once. A value someone chose, 0 included, stays."""
	singles = frappe.qb.DocType("Singles")  # a plain table, not a DocType: get_all cannot read it
	stored = set(
		frappe.qb.from_(singles)
		.select(singles.field)
		.where((singles.doctype == SETTINGS_DOCTYPE) & singles.field.isin(SETTING_FIELDS))
		.run(pluck=True)
	)
	meta = frappe.get_meta(SETTINGS_DOCTYPE)
	missing = [field for field in SETTING_FIELDS if field not in stored]
	for field in missing:
		frappe.db.set_single_value(SETTINGS_DOCTYPE, field, meta.get_field(field).default)
	if missing:
		frappe.clear_document_cache(SETTINGS_DOCTYPE, SETTINGS_DOCTYPE)
	return missing


def delete_all() -> None:
	"""Uninstall: the app's Auto Email Report and reminder Notifications, before the app's report and
	DocTypes they point at go (Frappe deletes those by force, and would leave the records dangling)."""
	digest.delete_digest()
	reminders.delete_reminders()
	frappe.clear_cache()
