"""/vacancy-request: the employer's online «Заявка» (citi_employment.employer_forms.vacancy_request)."""

from citi_employment.employer_forms.guest_input import page_context_of
from citi_employment.employer_forms.vacancy_request import page_context

# Every visit is answered afresh: the page depends on the link and on the visitor's address.
no_cache = 1
sitemap = 1


def get_context(context):
	return page_context_of(context, page_context)
