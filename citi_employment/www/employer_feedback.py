"""/employer-feedback: the employer's answer at a monitoring checkpoint (citi_employment.employer_forms.feedback)."""

from citi_employment.employer_forms.feedback import page_context
from citi_employment.employer_forms.guest_input import page_context_of

# Personal, single-use links: never cached, never in the sitemap.
no_cache = 1
sitemap = 0


def get_context(context):
	return page_context_of(context, page_context)
