"""«/employment-outcomes»: graduates' employment as the published annual reports give it (§2.4).

Guests read it. The data is cached by ``citi_employment.publication.outcomes``; the framework's page cache
is off (``no_cache``), see that module for why.
"""

import frappe

from citi_employment.publication import outcomes

no_cache = 1
sitemap = 1


def get_context(context):
	settings = frappe.db.get_value(
		outcomes.SETTINGS_DOCTYPE,
		outcomes.SETTINGS_DOCTYPE,
		["institution_full_name", "institution_short_name", "institution_website"],
		as_dict=True,
	)
	context.no_cache = 1
	context.institution = settings
	context.update(outcomes.page_data())
	return context
