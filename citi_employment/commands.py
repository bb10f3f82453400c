"""Bench commands of the app: ``bench --site <site> citi-employment demo --scale institution|region|stress``.

Frappe collects the click commands listed in an app's ``commands`` module.
"""

import click
from frappe.commands import get_site, pass_context

from citi_employment.domain import demo as demo_rules


@click.group("citi-employment")
def citi_employment():
	"""Commands of the citi_employment app."""


@citi_employment.command("demo")
@click.option(
	"--scale",
	type=click.Choice(demo_rules.SCALE_NAMES),
	default=None,
	help="institution: ~500 graduates over 6 years; region: 100,000 graduates; stress: 3× region.",
)
@click.option("--reset", is_flag=True, default=False, help="Remove the demo records (and only them) first.")
@pass_context
def demo(context, scale: str | None, reset: bool):
	"""Load demo data at a scale; with --reset alone, remove the demo data."""
	import frappe

	from citi_employment import demo as demo_data

	if not scale and not reset:
		raise click.UsageError("Give --scale institution|region|stress, or --reset to remove the demo data.")
	site = get_site(context)
	frappe.init(site=site)
	frappe.connect()
	try:
		if reset:
			deleted = demo_data.reset()
			click.echo(f"Removed demo records: {sum(deleted.values())} ({len(deleted)} DocTypes).")
		if scale:
			load(demo_data, scale)
	except demo_data.DemoRefusedError as error:
		frappe.db.rollback()
		raise click.ClickException(str(error)) from None
	finally:
		frappe.destroy()


def load(demo_data, scale: str) -> None:
	sizes = demo_rules.sizes_for(scale)
	demo_data.check_site()
	units = {"employers": sizes.employers, "requests": sizes.vacancy_requests, "graduates": sizes.graduates}
	with click.progressbar(length=sum(units.values()), label=f"Demo data ({scale})", show_pos=True) as bar:

		def progress(label: str, step: int = 1) -> None:
			if label in units:
				bar.label = f"Demo data ({scale}): {label}"
				bar.update(step)

		# Two processes for the large scales: the machine has two cores (see demo.build.make_graduates_in_workers).
		result = demo_data.load(scale, progress=progress, workers=1 if scale == demo_rules.INSTITUTION else 2)
	for doctype, count in result["counts"].items():
		click.echo(f"  {doctype}: {count}")
	click.echo("Steps (s): " + ", ".join(f"{step} {seconds}" for step, seconds in result["timings"].items()))
	click.echo(f"Loaded in {result['seconds']} s (bulk part {result['bulk_seconds']} s).")


commands = [citi_employment]
