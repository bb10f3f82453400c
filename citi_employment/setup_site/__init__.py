"""A new site set up like a Russian institution's, with one login per Center role (scripts/quickstart).

Run as `bench --site <site> execute citi_employment.setup_site.setup_russian_institution
--kwargs '{"password": "..."}'`. Safe to run again: the setup wizard is completed only once, the regional
settings are put back, and the demo users are reused (their role and password made right again).
"""

import frappe
from frappe import _
from frappe.desk.page.setup_wizard.setup_wizard import setup_complete
from frappe.utils.password import update_password

from citi_employment import roles
from citi_employment.domain.russian_text import LANGUAGE
from citi_employment.install import RUSSIAN_REGIONAL_SETTINGS, TIME_ZONE

COUNTRY = "Russian Federation"  # the framework's name of Russia (frappe/geo/country_info.json)
CURRENCY = "RUB"

# What a Russian institution's staff expect: the install's defaults (the wizard derives the date format from
# the Country record, dd-mm-yyyy, while the Center's forms and messages write dates as dd.mm.yyyy) and what
# the wizard asks besides.
REGIONAL_SETTINGS = {
	**RUSSIAN_REGIONAL_SETTINGS,
	"language": LANGUAGE,
	"country": COUNTRY,
	"currency": CURRENCY,
	"time_format": "HH:mm",
	"number_format": "# ###,##",
}

# One demo user per Center role (roles.py), under the reserved example.org domain (RFC 2606), so that a
# demo site configured to send mail never writes to a real person.
DEMO_USERS = (
	(roles.EMPLOYMENT_CENTER_HEAD, "demo.head@example.org", "Елена", "Соколова"),
	(roles.EMPLOYMENT_SPECIALIST, "demo.specialist@example.org", "Ирина", "Кузнецова"),
	(roles.INSTITUTION_DIRECTOR, "demo.director@example.org", "Сергей", "Морозов"),
	(roles.PSYCHOLOGIST, "demo.psychologist@example.org", "Ольга", "Лебедева"),
	(roles.SOCIAL_PEDAGOGUE, "demo.social.pedagogue@example.org", "Наталья", "Волкова"),
	(roles.TEACHER, "demo.teacher@example.org", "Андрей", "Павлов"),
	(roles.ADMISSIONS_COMMITTEE, "demo.admissions@example.org", "Татьяна", "Новикова"),
	(roles.PRACTICE_SUPERVISOR, "demo.practice@example.org", "Дмитрий", "Орлов"),
)

MINIMUM_PASSWORD_LENGTH = 8
WORKSPACE = "Трудоустройство"


def setup_russian_institution(password: str) -> list[dict]:
	"""Complete the setup wizard as a Russian institution, set the regional settings, make the demo users.

	Returns each demo user's role and login (not the password, which the caller chose).
	"""
	if not password or len(password) < MINIMUM_PASSWORD_LENGTH:
		frappe.throw(
			_("The demo users' password must have at least {0} characters.").format(MINIMUM_PASSWORD_LENGTH)
		)
	complete_setup_wizard()
	set_regional_settings()
	return [ensure_demo_user(role, email, first, last, password) for role, email, first, last in DEMO_USERS]


def complete_setup_wizard() -> None:
	"""The framework's own wizard, with the answers a Russian institution gives; it creates no extra user.

	Until it has run, the desk sends every System Manager to /app/setup-wizard; it also makes the records the
	wizard makes (genders, salutations...) and the desk's home page.
	"""
	if frappe.db.get_single_value("System Settings", "setup_complete"):
		return
	language_name = frappe.db.get_value("Language", LANGUAGE, "language_name")
	setup_complete(
		{
			# The wizard reads both: "lang" for the site's default language, "language" for System Settings.
			"language": language_name,
			"lang": language_name,
			"country": COUNTRY,
			"timezone": TIME_ZONE,
			"currency": CURRENCY,
			"enable_telemetry": 0,
		}
	)
	if not frappe.db.get_single_value("System Settings", "setup_complete"):
		frappe.throw(_("The setup wizard did not complete; see the Error Log."))


def set_regional_settings() -> None:
	"""Saved through System Settings, whose controller writes the site defaults the desk and formatters read."""
	settings = frappe.get_single("System Settings")
	changed = {
		fieldname: value for fieldname, value in REGIONAL_SETTINGS.items() if settings.get(fieldname) != value
	}
	if changed:
		settings.update(changed)
		settings.flags.ignore_permissions = True
		settings.save()
	if not frappe.db.get_value("Currency", CURRENCY, "enabled"):
		frappe.db.set_value("Currency", CURRENCY, "enabled", 1)
	if frappe.db.get_default("lang") != LANGUAGE:
		frappe.db.set_default("lang", LANGUAGE)
		changed["lang"] = LANGUAGE
	if changed:
		# The desk's boot info and translations are cached per user; a second run that changed nothing keeps them.
		frappe.clear_cache()


def ensure_demo_user(role: str, email: str, first_name: str, last_name: str, password: str) -> dict:
	if not frappe.db.exists("Role", role):
		frappe.throw(_("Role {0} is missing: install the app first.").format(role))
	if frappe.db.exists("User", email):
		user = frappe.get_doc("User", email)
	else:
		user = frappe.new_doc("User")
		user.email = email
		user.send_welcome_email = 0
		user.flags.no_welcome_mail = True
	user.update(
		{
			"first_name": first_name,
			"last_name": last_name,
			"enabled": 1,
			"language": LANGUAGE,
			"time_zone": TIME_ZONE,
		}
	)
	if frappe.db.exists("Workspace", WORKSPACE):
		user.default_workspace = WORKSPACE
	if role not in {row.role for row in user.roles}:
		user.append_roles(role)
	user.flags.ignore_permissions = True
	user.save()
	update_password(email, password)
	return {"role": role, "user": email}
