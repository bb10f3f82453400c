"""The framework's side tables that can keep a copy of an app document's personal data.

Frappe writes these beside a document (history, comments, mail, shares, logs) and removes none of them when the
document goes or the app is uninstalled. Uninstall deletes every row about any app DocType; destruction
(152-ФЗ ст. 21) deletes the rows about the subject's own records. Both read this one list, checked against the
DocType schemas of Frappe 15.55.1.
"""

from typing import NamedTuple


class SideTable(NamedTuple):
	doctype: str
	type_field: str  # names the referenced DocType
	name_field: str | None  # names the referenced record; None where a row concerns a whole DocType


SIDE_TABLES = (
	SideTable("Version", "ref_doctype", "docname"),
	SideTable("Deleted Document", "deleted_doctype", "deleted_name"),
	SideTable("Comment", "reference_doctype", "reference_name"),
	SideTable("Communication", "reference_doctype", "reference_name"),
	SideTable("Communication Link", "link_doctype", "link_name"),
	SideTable("Email Queue", "reference_doctype", "reference_name"),
	SideTable("DocShare", "share_doctype", "share_name"),
	SideTable("ToDo", "reference_type", "reference_name"),
	SideTable("Notification Log", "document_type", "document_name"),
	SideTable("Activity Log", "reference_doctype", "reference_name"),
	SideTable("Activity Log", "timeline_doctype", "timeline_name"),
	SideTable("Activity Log", "link_doctype", "link_name"),
	SideTable("View Log", "reference_doctype", "reference_name"),
	SideTable("Document Follow", "ref_doctype", "ref_docname"),
	SideTable("Tag Link", "document_type", "document_name"),
	SideTable("Energy Point Log", "reference_doctype", "reference_name"),
	SideTable("Error Log", "reference_doctype", "reference_name"),
	SideTable("Access Log", "export_from", "reference_document"),
	SideTable("Data Import", "reference_doctype", None),
)

# Destruction handles these with their own rules (a copy found through the deleted record, a mail's attachments
# and queue, shares of kept records); every other side table it purges by reference alone.
PURGED_WITH_OWN_RULES = frozenset(
	{"Version", "Deleted Document", "Communication", "Communication Link", "Email Queue", "DocShare"}
)
