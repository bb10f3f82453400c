"""A destruction act lists the categories of the consent it destroys, so it keeps them in the consent's own
child table, Consent Data Category. Sites installed before kept them in Destruction Act Category, a second
table with the same one field: its rows move over as they are (names, parents, order), and the DocType and its
table are dropped. A row already moved by an interrupted run is skipped, not copied twice."""

import frappe

RETIRED_DOCTYPE = "Destruction Act Category"
KEPT_DOCTYPE = "Consent Data Category"
COLUMNS = (
	"name",
	"creation",
	"modified",
	"modified_by",
	"owner",
	"docstatus",
	"idx",
	"parent",
	"parentfield",
	"parenttype",
	"category",
)


def execute():
	if frappe.db.table_exists(RETIRED_DOCTYPE):
		retired = frappe.qb.DocType(RETIRED_DOCTYPE)
		kept = frappe.qb.DocType(KEPT_DOCTYPE)
		frappe.qb.into(kept).ignore().columns(*COLUMNS).from_(retired).select(*COLUMNS).run()
		frappe.db.sql_ddl("DROP TABLE IF EXISTS `tabDestruction Act Category`")
	frappe.delete_doc("DocType", RETIRED_DOCTYPE, force=True, ignore_missing=True)
