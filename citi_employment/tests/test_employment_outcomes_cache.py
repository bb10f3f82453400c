# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""The public page /employment-outcomes answered from the cache (issue 14, benchmarks): the HTML of the
first render is kept in the framework's page cache, a guest's next request gets it without rendering, and
publishing new figures (or saving the Settings) clears it so that the next request shows them."""

from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase
from werkzeug.test import EnvironBuilder

from citi_employment.publication import outcomes, page
from citi_employment.tests.browser_data import make_report, publish_sample_outcomes, remove_sample_outcomes
from citi_employment.tests.records import HEAD_USER
from citi_employment.tests.test_employment_outcomes_page import prepare_site, render_as_guest

ROUTE = outcomes.ROUTE
SETTINGS = "Employment Center Settings"


def cached_copies() -> dict:
	return frappe.cache.hget(page.PAGE_CACHE, ROUTE) or {}


class TestEmploymentOutcomesCache(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		prepare_site()

	def setUp(self):
		# A site in developer mode does not cache pages; the cache is what is tested here.
		self.force_cache = patch.dict(frappe.local.flags, {"force_website_cache": True})
		self.force_cache.start()
		publish_sample_outcomes()

	def tearDown(self):
		frappe.set_user("Administrator")
		if getattr(frappe.local, "request", None) is not None:
			del frappe.local.request
		remove_sample_outcomes(range(2095, 2100))
		self.force_cache.stop()

	def request(self, method="GET", path="/" + ROUTE, headers=None):
		"""The request a before_request hook sees, as the served site would make it."""
		frappe.local.request = EnvironBuilder(path=path, method=method, headers=headers).get_request()

	def serve_as_guest(self):
		"""What the before_request hook answers a guest: the response, or None to go the framework's way."""
		frappe.set_user("Guest")
		try:
			page.serve_from_cache()
		except page.CachedPage as answer:
			return answer.response
		finally:
			frappe.set_user("Administrator")
		return None

	def test_the_second_request_is_not_rendered_again(self):
		self.assertEqual(cached_copies(), {})
		first = render_as_guest()
		self.assertIn("Выпуск 2098 года", first)
		self.assertEqual(cached_copies().get(frappe.local.lang), first)
		with patch.object(outcomes, "page_data", side_effect=AssertionError("rendered again")) as data:
			second = render_as_guest()
		data.assert_not_called()
		self.assertEqual(second, first)

	def test_a_guests_request_is_answered_from_the_cache_before_the_route_is_resolved(self):
		self.request()
		# Nothing cached yet: the framework renders the page (and caches it).
		self.assertIsNone(self.serve_as_guest())
		html = render_as_guest()
		with patch.object(outcomes, "page_data", side_effect=AssertionError("rendered again")):
			response = self.serve_as_guest()
		self.assertIsNotNone(response)
		self.assertEqual(response.status_code, 200)
		self.assertEqual(response.get_data(as_text=True), html)
		self.assertEqual(response.mimetype, "text/html")
		self.assertEqual(response.headers["X-From-Cache"], "True")
		# The copy holds nothing of a user: no session, no CSRF token, no cookie.
		self.assertNotIn("csrf_token", html)
		self.assertNotIn("Set-Cookie", response.headers)

	def test_only_a_guests_plain_get_of_the_page_takes_the_short_way(self):
		render_as_guest()
		self.request(method="POST")
		self.assertIsNone(self.serve_as_guest())
		self.request(path="/employment-outcomes-other")
		self.assertIsNone(self.serve_as_guest())
		self.request(headers={"Authorization": "token a:b"})
		self.assertIsNone(self.serve_as_guest())
		self.request()
		frappe.set_user(HEAD_USER)
		page.serve_from_cache()  # a signed-in user: no answer here, the framework's way
		frappe.set_user("Administrator")
		self.assertIsNotNone(self.serve_as_guest())

	def test_publishing_new_figures_shows_them(self):
		self.request()
		before = render_as_guest()
		self.assertNotIn("Выпуск 2095 года", before)
		report = make_report(2095, "Approved", {"Повар": (20, 5, 5, 5, 5)})
		# An approved report is not public: the page is the same.
		self.assertEqual(render_as_guest(), before)
		self.assertEqual(self.serve_as_guest().get_data(as_text=True), before)
		frappe.set_user(HEAD_USER)
		doc = frappe.get_doc("Annual Report", report.name)
		doc.status = "Published"
		doc.save()
		frappe.set_user("Administrator")
		self.assertEqual(cached_copies(), {})
		self.assertIsNone(self.serve_as_guest())
		after = render_as_guest()
		self.assertIn("Выпуск 2095 года", after)
		self.assertEqual(self.serve_as_guest().get_data(as_text=True), after)

	def test_a_save_of_the_settings_clears_the_page(self):
		render_as_guest()
		self.assertTrue(cached_copies())
		outcomes.on_settings_change(frappe.get_single(SETTINGS))
		self.assertEqual(cached_copies(), {})
		self.assertEqual(frappe.cache.get_keys(outcomes.CACHE_KEY), [])

	def test_the_hooks_are_wired(self):
		self.assertIn("citi_employment.publication.page.serve_from_cache", frappe.get_hooks("before_request"))
		events = frappe.get_hooks("doc_events")[SETTINGS]
		self.assertIn("citi_employment.publication.outcomes.on_settings_change", events["on_update"])
