# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""The patch that moves a destruction act's categories into Consent Data Category
(one_table_of_data_categories)."""

import frappe
from frappe.tests.utils import FrappeTestCase

from citi_employment.patches.v0_1 import one_table_of_data_categories as patch

ACT_PARENT = "PDDA-PATCH-TEST"


def moved_rows() -> list[dict]:
	return frappe.get_all(
		patch.KEPT_DOCTYPE,
		filters={"parent": ACT_PARENT, "parenttype": "Personal Data Destruction Act"},
		fields=["name", "idx", "parentfield", "category"],
		order_by="idx",
	)


class TestOneTableOfDataCategoriesPatch(FrappeTestCase):
	def tearDown(self):
		# The patch's DDL commits, so what it moved must be removed by hand.
		frappe.db.delete(patch.KEPT_DOCTYPE, {"parent": ACT_PARENT})
		frappe.db.sql_ddl("DROP TABLE IF EXISTS `tabDestruction Act Category`")
		frappe.db.commit()

	def test_an_older_sites_rows_move_over_once_and_the_old_table_goes(self):
		categories = frappe.get_all("Personal Data Category", pluck="name", limit=2, order_by="name")
		self.assertEqual(len(categories), 2, "the install ships the categories of the consent forms")
		frappe.db.sql_ddl("CREATE TABLE `tabDestruction Act Category` LIKE `tabConsent Data Category`")
		retired = frappe.qb.DocType(patch.RETIRED_DOCTYPE)
		for idx, category in enumerate(categories, start=1):
			frappe.qb.into(retired).columns(
				"name", "idx", "parent", "parentfield", "parenttype", "category"
			).insert(
				f"patch-test-{idx}", idx, ACT_PARENT, "categories", "Personal Data Destruction Act", category
			).run()

		patch.execute()
		self.assertFalse(frappe.db.table_exists(patch.RETIRED_DOCTYPE))
		self.assertFalse(frappe.db.exists("DocType", patch.RETIRED_DOCTYPE))
		expected = [
			{"name": f"patch-test-{idx}", "idx": idx, "parentfield": "categories", "category": category}
			for idx, category in enumerate(categories, start=1)
		]
		self.assertEqual(moved_rows(), expected)

		patch.execute()  # a second run finds nothing to move and changes nothing
		self.assertEqual(moved_rows(), expected)

	def test_the_act_keeps_its_categories_in_the_consents_table(self):
		field = frappe.get_meta("Personal Data Destruction Act").get_field("categories")
		self.assertEqual(field.options, patch.KEPT_DOCTYPE)
