"""Demo data (issue 14): a site full of realistic records at the scale of one institution or of a region.

Run as ``bench --site <site> citi-employment demo --scale institution|region|stress [--reset]``
(``citi_employment/commands.py``).

**The demo marker is the record's owner.** Every demo record is created by one of the demo's own users, whose
e-mail addresses are in the reserved domain ``citi-demo.invalid`` (``domain.demo.DEMO_EMAIL_DOMAIN``): the
bulk path writes it as the owner of each record and child row, and the few records made through a service
(annual reports, destruction acts, their versions, comments and files) are made while a demo user is the
session user. Nobody can sign up with a ``.invalid`` address and the framework never changes a record's
owner, so ``--reset`` deletes exactly the records whose owner is a demo user (and those users), whatever
else the site holds, without a list of names to keep in step.
"""

import time

import frappe
from frappe import _

from citi_employment.demo.build import DemoBuilder
from citi_employment.demo.bulk import BulkWriter
from citi_employment.domain import demo as rules

APP_MODULE = "Citi Employment"
# Framework records a demo user's work leaves behind, found by their owner too.
FRAMEWORK_DOCTYPES = ("Version", "Comment", "ToDo", "DocShare", "Communication", "Notification Log", "File")


class DemoRefusedError(frappe.ValidationError):
	pass


def owner_pattern(domain: str = rules.DEMO_EMAIL_DOMAIN) -> str:
	return f"%@{domain}"


def app_doctypes() -> list[frappe._dict]:
	return frappe.get_all(
		"DocType", filters={"module": APP_MODULE}, fields=["name", "istable", "issingle"], order_by="name"
	)


def count_owned(doctype: str, domain: str, demo: bool) -> int:
	table = frappe.qb.DocType(doctype)
	owned = table.owner.like(owner_pattern(domain))
	return frappe.db.count(doctype, owned if demo else owned.negate())


def has_demo_data(domain: str = rules.DEMO_EMAIL_DOMAIN) -> bool:
	if frappe.db.exists("User", {"name": ("like", owner_pattern(domain))}):
		return True
	return any(
		count_owned(doctype.name, domain, demo=True) for doctype in app_doctypes() if not doctype.issingle
	)


def check_site(domain: str = rules.DEMO_EMAIL_DOMAIN, allow_other_graduates: bool = False) -> None:
	"""Refuse, before anything is written, a site that has demo data already or real graduates."""
	if has_demo_data(domain):
		frappe.throw(
			_("This site already holds demo data. Run the command with --reset first to remove it."),
			DemoRefusedError,
			title=_("Demo Data"),
		)
	if not allow_other_graduates and count_owned("Graduate", domain, demo=False):
		frappe.throw(
			_(
				"This site holds graduates who are not demo records: demo data is loaded only on a site without real graduates. Nothing was written."
			),
			DemoRefusedError,
			title=_("Demo Data"),
		)


def load(
	scale: str | None = None,
	sizes: rules.Sizes | None = None,
	seed: int = rules.DEFAULT_SEED,
	domain: str = rules.DEMO_EMAIL_DOMAIN,
	progress=None,
	commit: bool = True,
	allow_other_graduates: bool = False,
	services: bool = True,
	workers: int = 1,
) -> dict:
	"""Load the demo at ``scale`` (or explicit ``sizes``, for tests); returns counts per DocType and timings.

	``progress(label, step)`` is called as records are made. ``commit`` is off in tests (the test rolls
	back). ``services`` runs the few service-made records (annual reports, destructions). ``workers`` > 1
	makes the graduates in that many processes; they commit their own work, so only with ``commit``."""
	sizes = sizes or rules.sizes_for(scale or rules.INSTITUTION)
	check_site(domain, allow_other_graduates)
	started = time.monotonic()
	previous_user = frappe.session.user
	writer = BulkWriter()
	builder = DemoBuilder(writer, sizes, seed, domain, progress, commit, workers if commit else 1)
	timings: dict[str, float] = {}

	def timed(step) -> None:
		step_started = time.monotonic()
		step()
		writer.flush()
		if commit:
			frappe.db.commit()
		timings[step.__name__] = round(time.monotonic() - step_started, 1)

	# The destruction service runs early, among the bulk steps: see DemoBuilder.destroy_some_revoked.
	steps = [
		builder.make_professions,
		builder.make_employers,
		builder.make_requests,
		builder.plan_graduates,
		builder.make_revoking_graduates,
		*([builder.destroy_some_revoked] if services else []),
		builder.make_graduates,
		builder.write_requests,
		builder.make_contracts,
		builder.make_interactions,
		builder.write_employers,
		builder.make_events,
		builder.make_work_plans,
	]
	try:
		timed(builder.make_users)
		frappe.set_user(builder.head)
		for step in steps:
			timed(step)
		writer.save_series()
		if commit:
			frappe.db.commit()
		if services:
			for step in (builder.add_digest_recipient, builder.make_annual_reports):
				timed(step)
	finally:
		frappe.set_user(previous_user)
	service_seconds = sum(
		timings.get(step, 0)
		for step in ("destroy_some_revoked", "add_digest_recipient", "make_annual_reports")
	)
	frappe.clear_cache()
	return {
		"counts": dict(sorted(writer.counts.items())),
		"timings": timings,
		"bulk_seconds": round(time.monotonic() - started - service_seconds, 1),
		"seconds": round(time.monotonic() - started, 1),
	}


def reset(domain: str = rules.DEMO_EMAIL_DOMAIN, commit: bool = True) -> dict[str, int]:
	"""Delete every demo record (owner in the demo domain) and the demo users; nothing else."""
	pattern = owner_pattern(domain)
	deleted: dict[str, int] = {}
	demo_users = frappe.get_all("User", filters={"name": ("like", pattern)}, pluck="name")
	search = frappe.qb.Table("__global_search")
	for doctype in app_doctypes():
		if doctype.issingle:
			continue
		table = frappe.qb.DocType(doctype.name)
		if not doctype.istable:
			names = frappe.qb.from_(table).select(table.name).where(table.owner.like(pattern)).run(pluck=True)
			for start in range(0, len(names), 1000):
				chunk = names[start : start + 1000]
				frappe.qb.from_(search).delete().where(
					(search.doctype == doctype.name) & search.name.isin(chunk)
				).run()
		count = count_owned(doctype.name, domain, demo=True)
		if count:
			frappe.qb.from_(table).delete().where(table.owner.like(pattern)).run()
			deleted[doctype.name] = count
		if commit:
			frappe.db.commit()
	for doctype in FRAMEWORK_DOCTYPES:
		table = frappe.qb.DocType(doctype)
		if doctype == "File":
			for name in frappe.get_all(
				"File", filters={"owner": ("like", pattern), "is_folder": 0}, pluck="name"
			):
				frappe.delete_doc("File", name, ignore_permissions=True, force=True, delete_permanently=True)
			continue
		count = count_owned(doctype, domain, demo=True)
		if count:
			frappe.qb.from_(table).delete().where(table.owner.like(pattern)).run()
			deleted[doctype] = count
	# The settings' digest list may name a demo user; the list is saved through its controller.
	settings = frappe.get_single("Employment Center Settings")
	kept = [row for row in settings.monthly_digest_recipients if row.user not in demo_users]
	if len(kept) != len(settings.monthly_digest_recipients):
		settings.set("monthly_digest_recipients", kept)
		settings.flags.ignore_permissions = True
		settings.save()
	for user in demo_users:
		frappe.delete_doc("User", user, ignore_permissions=True, force=True, delete_permanently=True)
	if demo_users:
		deleted["User"] = len(demo_users)
	if commit:
		frappe.db.commit()
	frappe.clear_cache()
	return deleted
