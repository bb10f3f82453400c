"""/employer-feedback: the employer's answer at a monitoring checkpoint (citi_employment.employer_forms.feedback)."""

import frappe

from citi_employment.employer_forms.feedback import page_context
from citi_employment.employer_forms.guest_input import set_page_language

# Personal, single-use links: never cached, never in the sitemap.
no_cache = 1
sitemap = 0


def get_context(context):
	set_page_language(context)
	context.update(page_context(frappe.form_dict))
	context.no_breadcrumbs = 1
	return context
