"""Which fields a user may change, whatever path the change takes (form, REST, ``frappe.client``, import).

Frappe v15 enforces neither ``read_only`` nor a workflow state's ``allow_edit`` on the server, so these
rules are the app's own. They are plain data and plain functions; ``citi_employment.write_guards`` applies
them to every save of the app's DocTypes.
"""

from collections.abc import Iterable

from citi_employment.domain import annual_report

# Fields a service owns: set by a controller's own rule, a whitelisted service, the workflow or a daily job,
# never typed by a user. A request that changes one of them is refused; on a new record they start empty
# or at their default, whatever the request sent. This is the one list: the guard, its generated test
# and the quick-suite check that every read-only field of a DocType JSON is here all read it.
SERVICE_FIELDS: dict[str, frozenset[str]] = {
	# The snapshot is computed, the versions and stamps are the workflow's and the correction service's: only
	# the outcome checkpoint and the Head's narrative are typed (annual_report/compute.py, corrections.py).
	"Annual Report": frozenset(
		{*annual_report.SERVICE_HEADER_FIELDS, *annual_report.FIGURES, *annual_report.TABLES}
	),
	**{
		annual_report.TABLE_DOCTYPES[table]: frozenset(fields)
		for table, fields in annual_report.TABLE_FIELDS.items()
	},
	"Center Event": frozenset({"work_plan_activity"}),
	"Employer": frozenset({"name_key", "last_contact_on"}),
	"Employer Contract": frozenset(
		{
			"status",
			"registration_number",
			"registered_on",
			"registration_year",
			"registration_sequence",
			"first_term_ends_on",
		}
	),
	# A record of what was sent: written whole by the dossier service (citi_employment/dossier/).
	"Employer Dossier": frozenset(
		{
			"graduate",
			"employer",
			"recipient_email",
			"sent_at",
			"sent_by",
			"student_resume",
			"mentor_recommendation",
			"personal_data_transfer",
			"signatory_name",
		}
	),
	# The feedback link's log (citi_employment/employer_forms/feedback.py): every field is the service's.
	"Employer Feedback Request": frozenset(
		{
			"monitoring_record",
			"graduate",
			"employer",
			"recipient_email",
			"status",
			"sent_at",
			"sent_by",
			"expires_at",
			"answered_at",
			"token_hash",
		}
	),
	"Employer Interaction": frozenset({"mode", "next_step_todo"}),
	"Employment Assistance Application": frozenset({"status"}),
	# The schedule owns the checkpoint and the follow-up flag; the status follows the check and the dates.
	"Employment Monitoring Record": frozenset({"status", "checkpoint", "is_follow_up"}),
	"Graduate": frozenset({"full_name", "age", "is_minor", "employment_status", "consent_status"}),
	"Graduate Placement": frozenset({"status", "latest_outcome"}),
	"Legal Representative": frozenset({"full_name"}),
	# The state moves through the workflow and the transfer (citi_employment/recommendations/); the year of
	# birth is the graduate's.
	"Mentor Recommendation": frozenset({"status", "birth_year"}),
	"Personal Data Consent": frozenset(
		{
			"status",
			"revocation_received_on",
			"destruction_due_on",
			"destroyed_on",
			"destruction_act",
			"superseded_by",
		}
	),
	"Personal Data Destruction Act": frozenset(
		{
			"act_date",
			"graduate",
			"consent",
			"performed_by",
			"performed_by_name",
			"performed_at",
			"subject_full_name",
			"reason",
			"information_system",
			"destruction_method",
			"categories",
			"destroyed_records",
			"event_log",
		}
	),
	"Personal Data Transfer": frozenset(
		{
			"graduate",
			"employer",
			"recipient_email",
			"transferred_at",
			"transferred_by",
			"consent",
			"reference_doctype",
			"reference_name",
		}
	),
	"Vacancy Candidate": frozenset({"score", "score_explanation"}),
	# The online form (citi_employment/employer_forms/) records when and how a request came and what it said.
	"Vacancy Request": frozenset(
		{
			"closed_on",
			"employer_contacts",
			"employer_region",
			"status",
			"filled_count",
			"submitted_online",
			"submitted_at",
			"privacy_notice_version",
			"submitted_details",
		}
	),
	"Work Plan": frozenset({"status", "approved_on", "approved_by"}),
}

# §5.4: a registered contract is the register's entry. After its number is issued only its termination
# and the signed scan may still be recorded; the journal, the parties and the terms stay as approved.
REGISTERED_CONTRACT_EDITABLE = frozenset({"terminated_on", "termination_reason", "signed_scan"})


def service_fields(doctype: str) -> frozenset[str]:
	return SERVICE_FIELDS.get(doctype, frozenset())


def refused_service_changes(
	doctype: str, changed: Iterable[str], workflow_state_field: str | None
) -> list[str]:
	"""The changed fields a user may not change. A workflow's state field moves through the workflow's own
	transition check (which the framework does enforce), so it is left to that check."""
	owned = service_fields(doctype) - {workflow_state_field}
	return sorted(field for field in changed if field in owned)


def refused_locked_changes(
	changed: Iterable[str], *, may_edit_state: bool, workflow_state_field: str | None
) -> list[str]:
	"""The changed fields refused in a workflow state that the user's roles may not edit.

	The state field itself may still move: the workflow checks that transition."""
	if may_edit_state:
		return []
	return sorted(field for field in changed if field != workflow_state_field)


def refused_registered_contract_changes(changed: Iterable[str], workflow_state_field: str) -> list[str]:
	"""§5.4: the fields of a registered contract that may no longer change."""
	allowed = REGISTERED_CONTRACT_EDITABLE | {workflow_state_field} | service_fields("Employer Contract")
	return sorted(field for field in changed if field not in allowed)
