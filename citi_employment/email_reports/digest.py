"""The Head's monthly digest: the framework's Auto Email Report of the "Center Monthly Digest" report.

Employment Center Settings say whether it is sent, to whom and in which format (HTML in the mail, or an
XLSX attachment); this module keeps the one Auto Email Report the app owns in step with them. The
recipients are the users listed in the settings or, when none is listed, every enabled user with the
Employment Center Head role — so a Head appointed later gets it too: a change of any user refreshes the
record (hooks.py, doc_events "User"). The framework's own monthly job sends it, as Administrator.

The record's name is the e-mail's subject, so it is the report's name in the site's language, fixed when the
record is made; a site default remembers which record is the app's, whatever its name.
"""

import frappe
from frappe import _
from frappe.model.naming import append_number_if_name_exists
from frappe.utils import cint
from frappe.utils.user import get_users_with_role

from citi_employment import roles
from citi_employment.domain import email_reports as rules
from citi_employment.email_reports.language import site_language

SETTINGS_DOCTYPE = "Employment Center Settings"
AUTO_EMAIL_REPORT = "Auto Email Report"
DIGEST_REPORT = "Center Monthly Digest"
RECORD_KEY = "citi_employment_digest_auto_email_report"
# Who may get the digest: the roles of its report.
DIGEST_ROLES = (roles.EMPLOYMENT_CENTER_HEAD, roles.EMPLOYMENT_SPECIALIST)
# The user whose permissions filter the report (the framework runs it in the scheduler as Administrator
# anyway); the report itself names no graduate and shows no sensitive field.
RUN_AS = "Administrator"
MONTHLY = "Monthly"
DEFAULT_FORMAT = "HTML"


class DigestRecipientError(frappe.ValidationError):
	"""A user who may not read the digest was chosen to get it."""


def validate_recipients(settings) -> None:
	"""Only enabled users with a role of the digest's report get it (the Head or the Specialist)."""
	users = [row.user for row in settings.get("monthly_digest_recipients") or [] if row.user]
	if not users:
		return
	allowed = set(
		frappe.get_all(
			"Has Role",
			filters={"parenttype": "User", "parent": ("in", users), "role": ("in", DIGEST_ROLES)},
			pluck="parent",
		)
	)
	enabled = set(frappe.get_all("User", filters={"name": ("in", users), "enabled": 1}, pluck="name"))
	refused = [user for user in users if user not in allowed or user not in enabled]
	if refused:
		frappe.throw(
			_("The monthly digest goes only to enabled users with the {0} or {1} role. Remove: {2}.").format(
				_(roles.EMPLOYMENT_CENTER_HEAD),
				_(roles.EMPLOYMENT_SPECIALIST),
				", ".join(frappe.bold(user) for user in refused),
			),
			DigestRecipientError,
			title=_("Monthly Digest Recipients"),
		)


def recipient_emails(settings) -> list[str]:
	"""The e-mail addresses of the enabled users listed in the settings, else of every Head."""
	listed = [row.user for row in settings.get("monthly_digest_recipients") or [] if row.user]
	configured = (
		frappe.get_all("User", filters={"name": ("in", listed), "enabled": 1}, pluck="email")
		if listed
		else []
	)
	heads = []
	if not any(configured):
		heads = get_users_with_role(roles.EMPLOYMENT_CENTER_HEAD)
		heads = frappe.get_all("User", filters={"name": ("in", heads)}, pluck="email") if heads else []
	return rules.digest_recipients(configured, heads)


def digest_record_name() -> str | None:
	# From the table, not the cached site defaults: Frappe does not clear that cache while an app installs, so
	# after install the cached copy would miss the record and the next sync would make a second one.
	name = frappe.db.get_value("DefaultValue", {"parent": "__default", "defkey": RECORD_KEY}, "defvalue")
	return name if name and frappe.db.exists(AUTO_EMAIL_REPORT, name) else None


def sync_digest(settings=None) -> str | None:
	"""Make or refresh the app's Auto Email Report; return its name (None while the report is not synced).

	With nobody to send it to (a new site has no Head yet) the record is kept, disabled, with no address:
	the framework's "Email To" is mandatory only for a record someone fills in by hand.
	"""
	if not frappe.db.exists("Report", DIGEST_REPORT):
		return None
	settings = settings or frappe.get_single(SETTINGS_DOCTYPE)
	emails = recipient_emails(settings)
	values = {
		"report": DIGEST_REPORT,
		"user": RUN_AS,
		"frequency": MONTHLY,
		"format": settings.monthly_digest_format or DEFAULT_FORMAT,
		"email_to": "\n".join(emails),
		"enabled": int(bool(cint(settings.monthly_digest_enabled) and emails)),
		# The digest's heading rows always carry the three counts: a month with nothing to do is news too.
		"send_if_data": 0,
	}
	name = digest_record_name()
	if name:
		doc = frappe.get_doc(AUTO_EMAIL_REPORT, name)
		if all(doc.get(key) == value for key, value in values.items()):
			return name
	else:
		doc = frappe.new_doc(AUTO_EMAIL_REPORT)
		doc.description = _(
			"Monitoring checks due and overdue, contracts ending soon and consents to renew. Each document "
			"opens from its link; the numbers are the Center Monthly Digest report on the day of sending.",
			lang=site_language(),
		)
	doc.update(values)
	doc.flags.ignore_permissions = True
	doc.flags.ignore_mandatory = not emails
	if doc.is_new():
		subject = _(DIGEST_REPORT, lang=site_language())
		doc.insert(set_name=append_number_if_name_exists(AUTO_EMAIL_REPORT, subject))
		frappe.db.set_default(RECORD_KEY, doc.name)
	else:
		doc.save()
	return doc.name


def on_user_change(doc, method=None) -> None:
	"""doc_events "User": a user added, given or refused a role, disabled or deleted may change the
	recipients (every Head by default; only enabled users get mail). Saves only when they changed, and never
	stops the change of the user: a failure is logged, and the next save of the settings or migrate syncs."""
	if frappe.flags.in_install or frappe.flags.in_migrate:
		return
	savepoint = "citi_digest_recipients"
	frappe.db.savepoint(savepoint)
	try:
		sync_digest()
	except Exception:
		frappe.db.rollback(save_point=savepoint)
		frappe.log_error(
			title=_("Monthly digest recipients not updated"), reference_doctype=AUTO_EMAIL_REPORT
		)


def delete_digest() -> None:
	name = digest_record_name()
	if name:
		frappe.delete_doc(AUTO_EMAIL_REPORT, name, ignore_permissions=True, force=True)
	frappe.defaults.clear_default(key=RECORD_KEY)
