"""The state moves of a mentor recommendation, enforced in the controller as well as by the workflow.

The workflow "Mentor Recommendation Workflow" offers Draft → Ready for Review → Approved (the Head only) and
back to Draft; it has no transition into Sent. Frappe checks a workflow move only while the workflow is
active and only for the state field, so the controller repeats the rule for a state written directly (a REST
PUT, an import, a disabled or edited workflow), and keeps the approved text as the Head approved it.
"""

import frappe
from frappe import _
from frappe.model import no_value_fields, table_fields
from frappe.model.workflow import WorkflowPermissionError

from citi_employment.domain.recommendations import TransitionProblem, is_content_locked, transition_problem
from citi_employment.domain.write_rules import service_fields
from citi_employment.roles import EMPLOYMENT_CENTER_HEAD
from citi_employment.write_guards import comparable, labels, table_signature

STATE_FIELD = "status"


class RecommendationTransitionError(WorkflowPermissionError):
	"""A state move the workflow does not offer this user, refused by the controller.

	A subclass of the framework's own workflow refusal: it is the same refusal, made again where the
	workflow cannot see it."""


class ApprovedRecommendationChangeError(frappe.ValidationError):
	"""The text of an approved or sent recommendation was changed."""


def is_head() -> bool:
	return EMPLOYMENT_CENTER_HEAD in frappe.get_roles()


def validate_transition(doc) -> None:
	before = doc.get_doc_before_save()
	previous = before.get(STATE_FIELD) if before else None
	problem = transition_problem(previous, doc.get(STATE_FIELD), is_head=is_head())
	if problem:
		frappe.throw(transition_message(problem), RecommendationTransitionError, title=_("Not Allowed"))


def transition_message(problem: TransitionProblem) -> str:
	messages = {
		TransitionProblem.APPROVAL_BY_HEAD_ONLY: _(
			"Only the Employment Center Head can approve a mentor recommendation."
		),
		TransitionProblem.APPROVAL_NEEDS_REVIEW: _(
			"A mentor recommendation is approved from Ready for Review: submit it for review first."
		),
		TransitionProblem.SENT_ONLY_BY_TRANSFER: _(
			"A recommendation becomes Sent only when it is sent to an employer with Send to Employer, which checks the graduate's consent and logs the transfer."
		),
		TransitionProblem.SENT_IS_FINAL: _(
			"A sent recommendation keeps its state: it is the record of what the employer received."
		),
	}
	return messages[problem]


def validate_approved_content(doc) -> None:
	"""From approval on, the recommendation is the text that goes to employers: nobody changes it, the Head
	included. To correct it the Head sends it back to Draft (Revise) and approves it again."""
	before = doc.get_doc_before_save()
	if not before or not is_content_locked(before.get(STATE_FIELD)):
		return
	changed = changed_content(doc, before)
	if changed:
		frappe.throw(
			_(
				"The recommendation is approved, so {0} can no longer be changed. Revise it to edit it."
			).format(labels(doc, changed)),
			ApprovedRecommendationChangeError,
			title=_("Not Allowed"),
		)


def changed_content(doc, before) -> list[str]:
	"""Fields a person wrote that differ from the stored ones. The fields the framework fetches without
	asking (read-only) and those the services set are not content; the editable fetched ones are."""
	skipped = service_fields(doc.doctype) | {STATE_FIELD}
	changed = []
	for df in doc.meta.get("fields"):
		if df.fieldname in skipped or (df.fetch_from and df.read_only):
			continue
		if df.fieldtype in table_fields:
			if table_signature(doc.get(df.fieldname)) != table_signature(before.get(df.fieldname)):
				changed.append(df.fieldname)
		elif df.fieldtype not in no_value_fields and comparable(
			df.fieldtype, doc.get(df.fieldname)
		) != comparable(df.fieldtype, before.get(df.fieldname)):
			changed.append(df.fieldname)
	return changed
