"""«/employment-outcomes»: graduates' employment as the published annual reports give it (§2.4).

Guests read it. Its HTML is kept in the framework's page cache (no ``no_cache`` here) and a guest's request
is answered from there by ``citi_employment.publication.page``; publishing clears it. The page shows nothing
of the user who asks, so the copy rendered for one user is the page for all: see
``citi_employment.publication.outcomes`` for the caching.
"""

import frappe

from citi_employment.publication import outcomes

sitemap = 1


def get_context(context):
	settings = frappe.db.get_value(
		outcomes.SETTINGS_DOCTYPE,
		outcomes.SETTINGS_DOCTYPE,
		["institution_full_name", "institution_short_name", "institution_website"],
		as_dict=True,
	)
	context.institution = settings
	context.update(outcomes.page_data())
	return context
