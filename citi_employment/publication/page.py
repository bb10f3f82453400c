"""A guest's request for «/employment-outcomes» answered from the framework's page cache, before the route is
resolved.

The framework answers a cached page only after resolving its route: redirects, route rules, web forms and
document routes, a dozen Redis and database round trips that take most of a cached answer's time (about 20 ms
of 23 on a quiet 2-core machine under ``bench serve``; the page itself is one Redis read). This
``before_request`` hook reads the copy the framework's ``cache_html`` keeps for the route and the request's
language and answers with it; on a miss the request goes on as usual, and the framework renders and caches it.

Only guests' plain GETs: a signed-in user or a request with credentials goes the framework's way (the HTML is
the same, but the session, cookies and ``validate_auth`` of such a request stay the framework's business).
Not covered: a Website Route Redirect added for the route is not seen while a copy is cached (clear the cache).
"""

import frappe
from frappe.website.utils import can_cache
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from citi_employment.publication.outcomes import ROUTE

# The hash ``frappe.website.utils.cache_html`` keeps rendered pages in: route → {language: html}.
PAGE_CACHE = "website_page"


class CachedPage(HTTPException):
	"""The cached page as the request's answer.

	``frappe.app.application`` returns an HTTPException raised while the request is initialised as its response
	(``except HTTPException as e: return e``), and Werkzeug answers one that carries a response with that
	response. The request's ``after_request`` hooks then see no response, as for the framework's own 404s
	raised there; its after-response work (rate limiter, recorder, ``frappe.destroy``) runs as usual.
	"""

	def __init__(self, html: str):
		response = Response(html, content_type="text/html; charset=utf-8")
		# The framework's own headers for a page served from its cache (frappe.website.utils.build_response).
		response.headers["X-Page-Name"] = ROUTE
		response.headers["X-From-Cache"] = "True"
		super().__init__(response=response)


def serve_from_cache() -> None:
	"""``before_request``: answer a guest's GET of the page with its cached HTML, if there is a copy."""
	request = getattr(frappe.local, "request", None)
	if request is None or request.method != "GET" or request.path.strip("/") != ROUTE:
		return
	if frappe.session.user != "Guest" or request.headers.get("Authorization"):
		return
	html = cached_html()
	if html:
		raise CachedPage(html)


def cached_html() -> str | None:
	"""The framework's cached copy of the page in the request's language, where the framework would use one."""
	if not can_cache():
		return None
	copies = frappe.cache.hget(PAGE_CACHE, ROUTE) or {}
	return copies.get(frappe.local.lang)
