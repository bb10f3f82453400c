"""/vacancy-request: the employer's online «Заявка» (citi_employment.employer_forms.vacancy_request)."""

import frappe

from citi_employment.employer_forms.guest_input import set_page_language
from citi_employment.employer_forms.vacancy_request import page_context

# Every visit is answered afresh: the page depends on the link and on the visitor's address.
no_cache = 1
sitemap = 1


def get_context(context):
	set_page_language(context)
	context.update(page_context(frappe.form_dict))
	context.no_breadcrumbs = 1
	return context
