"""Rename the stored states and options whose English words the framework translates with another meaning.

The desk translates a read-only Select value, a list cell and a workflow badge without context, so a value
that is also a framework term shows the framework's Russian: «Проведенный» (posted) for a plan waiting for
the Director, «Отклоненные» for a declined contract, «Дистанционный пульт» (remote control) for a distance
interaction, «Посетите нас по адресу» for a monitoring visit, «Никто» for no work-capacity restriction. Each
meaning of the app now has a word of its own; this patch moves the stored values to it, and the Workflow
Actions that still wait on an old state, and the app's workflows themselves (the fixtures bring the same
rows after the patches; renaming them here first frees the retired state).
"""

import frappe

PENDING_APPROVAL = "Pending Director Approval"

RENAMES = (
	("Work Plan", "status", "Submitted", PENDING_APPROVAL),
	("Annual Report", "status", "Submitted", PENDING_APPROVAL),
	("Annual Report Plan Row", "plan_status", "Submitted", PENDING_APPROVAL),
	("Employment Assistance Application", "status", "Submitted", "Filed"),
	("Employer Contract", "status", "Rejected", "Declined"),
	("Vacancy Candidate", "status", "Rejected", "Declined"),
	("Employer Interaction", "mode", "Remote", "Distance"),
	("Employment Monitoring Record", "method", "Visit", "Site Visit"),
	("Graduate Personal Data", "work_capacity_restriction", "None", "No Restriction"),
)

WORKFLOW_DOCTYPES = {"Work Plan", "Annual Report", "Employer Contract"}

# The app shipped this state for the two approvals only; "Rejected" is the framework's own and stays.
RETIRED_STATE = "Submitted"


def execute():
	for doctype, fieldname, old, new in RENAMES:
		table = frappe.qb.DocType(doctype)
		frappe.qb.update(table).set(table[fieldname], new).where(table[fieldname] == old).run()
		if doctype in WORKFLOW_DOCTYPES:
			rename_workflow_state(doctype, old, new)
	retire_unused_state()


def rename_workflow_state(doctype: str, old: str, new: str) -> None:
	action = frappe.qb.DocType("Workflow Action")
	(
		frappe.qb.update(action)
		.set(action.workflow_state, new)
		.where((action.reference_doctype == doctype) & (action.workflow_state == old))
		.run()
	)
	workflows = frappe.get_all("Workflow", filters={"document_type": doctype}, pluck="name")
	if not workflows:
		return
	for child, column in (
		("Workflow Document State", "state"),
		("Workflow Transition", "state"),
		("Workflow Transition", "next_state"),
	):
		table = frappe.qb.DocType(child)
		(
			frappe.qb.update(table)
			.set(table[column], new)
			.where(table.parent.isin(workflows) & (table[column] == old))
			.run()
		)
	frappe.clear_cache(doctype=doctype)


def retire_unused_state():
	still_used = frappe.db.exists("Workflow Document State", {"state": RETIRED_STATE}) or frappe.db.exists(
		"Workflow Transition", {"next_state": RETIRED_STATE}
	)
	if frappe.db.exists("Workflow State", RETIRED_STATE) and not still_used:
		frappe.delete_doc("Workflow State", RETIRED_STATE, force=True, ignore_permissions=True)
