# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""The public page /employment-outcomes (§2.4) on a real site: only Published reports, small cells
suppressed, Russian table markup for a guest, and a cache that publishing clears."""

import re

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.website.serve import get_response_content

from citi_employment.domain.suppression import CellState, suppress
from citi_employment.publication import outcomes
from citi_employment.tests.browser_data import (
	COLUMNS,
	DRAFT_ONLY_PROFESSION,
	DRAFT_YEAR,
	SAMPLE_ROWS,
	make_report,
	publish_sample_outcomes,
	remove_sample_outcomes,
)
from citi_employment.tests.records import HEAD_USER, make_center_users

ROUTE = "employment-outcomes"
SETTINGS = "Employment Center Settings"


def years_on_page() -> list[int]:
	return [year["year"] for year in outcomes.page_data()["years"]]


def render_as_guest() -> str:
	frappe.set_user("Guest")
	try:
		return get_response_content(ROUTE)
	finally:
		frappe.set_user("Administrator")


def prepare_site() -> None:
	"""The Center's users and a minimum cell size of 5, which the sample's small cells are below."""
	make_center_users()
	frappe.db.set_single_value(SETTINGS, "publication_min_cell_size", 5)


class TestEmploymentOutcomesPage(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		prepare_site()

	def setUp(self):
		publish_sample_outcomes()

	def tearDown(self):
		frappe.set_user("Administrator")
		# The sample and every year a test adds (2095 on).
		remove_sample_outcomes(range(2095, 2100))

	def test_only_published_reports_reach_the_page(self):
		self.assertEqual(years_on_page(), [2098, 2097])
		make_report(2095, "Approved", {"Повар": (20, 5, 5, 5, 5)})
		make_report(2096, "Superseded", {"Повар": (20, 5, 5, 5, 5)})
		outcomes.clear_cache()
		self.assertEqual(years_on_page(), [2098, 2097])
		html = render_as_guest()
		self.assertNotIn(str(DRAFT_YEAR), html)
		self.assertNotIn(DRAFT_ONLY_PROFESSION, html)
		self.assertNotIn("2095", html)

	def test_the_page_shows_what_the_suppression_returns_and_nothing_hidden(self):
		year = next(year for year in outcomes.page_data()["years"] if year["year"] == 2098)
		professions = sorted(SAMPLE_ROWS[2098])
		table = suppress(
			professions,
			list(COLUMNS),
			[list(SAMPLE_ROWS[2098][profession]) for profession in professions],
			5,
		)
		self.assertEqual([row["label"] for row in year["rows"]], professions)
		for row, cells in zip(year["rows"], table.cells, strict=True):
			for shown, cell in zip(row["cells"], cells, strict=True):
				self.assertEqual(shown["state"], cell.state.value)
				if cell.state == CellState.SHOWN:
					self.assertEqual(shown["text"], str(cell.value))
				else:
					self.assertIn(shown["text"], ("<5", "×"))
		states = [cell["state"] for row in year["rows"] for cell in row["cells"]]
		self.assertIn("small", states)
		self.assertIn("hidden", states)
		# Working share for the chart: hidden for 2098 only if a working column total is hidden.
		chart_years = [bar["year"] for bar in outcomes.page_data()["chart"]["bars"]]
		self.assertEqual(chart_years, [2097, 2098])

	def test_a_guest_reads_a_russian_page_with_real_tables(self):
		html = render_as_guest()
		self.assertIn('<html lang="ru">', html)
		self.assertIn('<caption id="caption-2098">', html)
		self.assertIn('<th scope="col">Профессия</th>', html)
		self.assertIn('<th scope="row">Повар</th>', html)
		self.assertIn("&lt;5", html)
		self.assertIn("меньше 5", html)
		# No count below the minimum is printed as a figure in any data cell.
		for figure in re.findall(r'<td class="shown">(\d+)</td>', html):
			self.assertTrue(int(figure) == 0 or int(figure) >= 5, figure)

	def test_the_minimum_comes_from_the_settings(self):
		frappe.db.set_single_value(SETTINGS, "publication_min_cell_size", 7)
		data = outcomes.page_data()
		self.assertEqual(data["small_label"], "<7")
		year = next(year for year in data["years"] if year["year"] == 2098)
		# Швея's 6 not-checked graduates are small now.
		row = next(row for row in year["rows"] if row["label"] == "Швея")
		self.assertEqual(row["cells"][-1]["state"], "small")
		frappe.db.set_single_value(SETTINGS, "publication_min_cell_size", 5)
		self.assertEqual(outcomes.page_data()["small_label"], "<5")

	def test_the_page_is_cached_and_publishing_clears_the_cache(self):
		self.assertEqual(years_on_page(), [2098, 2097])
		# A change behind the services' back is not seen: the page comes from the cache.
		report = make_report(2095, "Approved", {"Повар": (20, 5, 5, 5, 5)})
		self.assertEqual(years_on_page(), [2098, 2097])
		# The Head publishes it: the cache is cleared and the year appears.
		frappe.set_user(HEAD_USER)
		doc = frappe.get_doc("Annual Report", report.name)
		doc.status = "Published"
		doc.save()
		frappe.set_user("Administrator")
		self.assertEqual(years_on_page(), [2098, 2097, 2095])

	def test_deleting_a_report_clears_the_cache(self):
		report = make_report(2096, "Draft", {"Повар": (20, 5, 5, 5, 5)})
		self.assertEqual(years_on_page(), [2098, 2097])
		self.assertTrue(frappe.cache.get_keys(outcomes.CACHE_KEY))
		frappe.delete_doc("Annual Report", report.name, ignore_permissions=True)
		self.assertEqual(frappe.cache.get_keys(outcomes.CACHE_KEY), [])

	def test_the_cache_hooks_are_wired(self):
		events = frappe.get_hooks("doc_events")["Annual Report"]
		self.assertIn("citi_employment.publication.outcomes.on_annual_report_change", events["on_update"])
		self.assertIn("citi_employment.publication.outcomes.on_annual_report_trash", events["on_trash"])
