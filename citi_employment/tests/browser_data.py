"""Sample annual reports for the browser test of the public page (browser_tests/employment_outcomes.test.js).

The browser reads a served site, so its data must be committed there:

    bench --site <site> execute citi_employment.tests.browser_data.publish_sample_outcomes
    bench --site <site> execute citi_employment.tests.browser_data.remove_sample_outcomes

Years far ahead (2097–2099, which no other test uses) keep the sample apart from a site's own reports and
from the other tests' ones. 2097 and 2098 are published, 2098 with small cells; 2099 is a draft whose
figures (and its own profession) must never reach the page.
The same builders serve the page's FrappeTestCase (test_employment_outcomes_page.py).
"""

import frappe
from frappe.utils import now_datetime

from citi_employment.publication import outcomes
from citi_employment.tests.records import make_profession

REPORT_DOCTYPE = "Annual Report"
PUBLISHED_YEARS = (2097, 2098)
DRAFT_YEAR = 2099
DRAFT_ONLY_PROFESSION = "Черновая профессия"
COLUMNS = (
	"working_at_this_employer",
	"working_elsewhere",
	"continuing_education",
	"not_working_seeking",
	"not_checked",
)

# Profession → counts in COLUMNS' order. 2098 has counts below 5 in every row; 2097 has none.
SAMPLE_ROWS: dict[int, dict[str, tuple[int, ...]]] = {
	2097: {
		"Повар": (15, 8, 5, 6, 0),
		"Швея": (9, 7, 0, 6, 5),
	},
	2098: {
		"Повар": (12, 6, 2, 5, 3),
		"Швея": (8, 3, 0, 7, 6),
		"Маляр": (5, 9, 1, 4, 8),
		"Уборщик служебных помещений": (10, 7, 6, 2, 5),
	},
	DRAFT_YEAR: {
		DRAFT_ONLY_PROFESSION: (40, 1, 1, 1, 1),
	},
}


def make_report(year: int, status: str, rows: dict[str, tuple[int, ...]], checkpoint: int = 6):
	"""A report of ``year`` with these outcome rows, put in ``status`` directly (the workflow has its own
	tests): the figures are the sample's, not computed from the site's graduates."""
	doc = frappe.get_doc({"doctype": REPORT_DOCTYPE, "year": year, "outcome_checkpoint": checkpoint})
	for profession, counts in rows.items():
		row = dict(zip(COLUMNS, counts, strict=True))
		doc.append(
			"outcome_rows", {"profession": make_profession(profession), "graduates": sum(counts), **row}
		)
	doc.flags.written_by_service = True
	doc.insert(ignore_permissions=True)
	values = {"computed_at": now_datetime()}
	if status != "Draft":
		values["status"] = status
	if status == "Published":
		values["published_on"] = now_datetime().date()
	doc.db_set(values)
	return doc


def remove_sample_outcomes(years=(*PUBLISHED_YEARS, DRAFT_YEAR)) -> None:
	"""Delete the reports of these years (whatever their state) and forget the page's cache."""
	for name in frappe.get_all(REPORT_DOCTYPE, filters={"year": ("in", list(years))}, pluck="name"):
		for table in frappe.get_meta(REPORT_DOCTYPE).get_table_fields():
			frappe.db.delete(table.options, {"parenttype": REPORT_DOCTYPE, "parent": name})
		frappe.db.delete(REPORT_DOCTYPE, {"name": name})
	outcomes.clear_cache()


def publish_sample_outcomes() -> None:
	"""The sample, afresh: two published years and one draft."""
	remove_sample_outcomes()
	for year in PUBLISHED_YEARS:
		make_report(year, "Published", SAMPLE_ROWS[year])
	make_report(DRAFT_YEAR, "Draft", SAMPLE_ROWS[DRAFT_YEAR])
	outcomes.clear_cache()
