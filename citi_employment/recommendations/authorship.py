"""Each section of a mentor recommendation is written only by its author (the form names one per section).

The DocType keeps each section on its own permission level (``domain.recommendations.SECTION_LEVELS``) and
grants write on it to the author's role, the Head and the Specialists only. Frappe v15 does not refuse a
write to a level the user may not write: ``Document.validate_higher_perm_levels`` silently puts the stored
value back, so a Psychologist's PUT of the Teacher's section would answer 200 and drop the text without a
word. The controller calls :func:`refuse_unwritable_sections` first, so such a save is refused with a
message naming the section, on every path that ends in ``Document.save`` (desk, REST, ``frappe.client``).
"""

import frappe
from frappe import _
from frappe.model import no_value_fields, table_fields

from citi_employment.domain.recommendations import Section, refused_sections
from citi_employment.write_guards import comparable, table_signature

# The Section Break that opens each author's section; its label names the section in messages.
SECTION_BREAKS = {
	Section.PERSONALITY: "personality_section",
	Section.SOCIAL: "social_section",
	Section.LEARNING: "learning_section",
}


class SectionWriteError(frappe.PermissionError):
	"""A user wrote a section of the recommendation that another role writes."""


def refuse_unwritable_sections(doc) -> None:
	"""Refuse the save if it changes a section the user's roles may not write. Runs before the framework
	would reset those values, so it sees what the request sent."""
	if doc.flags.ignore_permissions or doc.flags.written_by_service:
		return
	refused = refused_sections(changed_levels(doc), doc.get_permlevel_access("write"))
	if refused:
		frappe.throw(
			_(
				"Your role cannot write {0}: each section of a recommendation is written only by its author."
			).format(", ".join(frappe.bold(section_label(doc, section)) for section in refused)),
			SectionWriteError,
			title=_("Not Allowed"),
		)


def changed_levels(doc) -> set[int]:
	"""The permission levels of the fields this save changes (a new record: fields set off their default)."""
	before = frappe.new_doc(doc.doctype) if doc.is_new() else doc.get_doc_before_save()
	if before is None:
		return set()
	levels = set()
	for df in doc.meta.get("fields"):
		if not df.permlevel or df.permlevel in levels:
			continue
		if df.fieldtype in table_fields:
			changed = table_signature(doc.get(df.fieldname)) != table_signature(before.get(df.fieldname))
		elif df.fieldtype in no_value_fields:
			continue
		else:
			changed = comparable(df.fieldtype, doc.get(df.fieldname)) != comparable(
				df.fieldtype, before.get(df.fieldname)
			)
		if changed:
			levels.add(df.permlevel)
	return levels


def section_label(doc, section: Section) -> str:
	if section in SECTION_BREAKS:
		return _(doc.meta.get_label(SECTION_BREAKS[section]))
	return _("the Center's part (header, general information, conclusions, deputy director)")
