"""Consent-gated transfer of a graduate's documents to an employer (152-ФЗ ст. 9), with its transfer log.

A document may take part in its own transfer: its controller's ``before_transfer()`` may refuse it (a mentor
recommendation leaves only once approved) and its ``after_transfer(transfer)`` runs once the transfer is
logged (the recommendation becomes Sent). Both run through ``Document.run_method``.
"""

import frappe
from frappe import _
from frappe.utils import now_datetime

from citi_employment.domain import consents as rules
from citi_employment.personal_data.consents import (
	get_consent_states,
	problem_message,
	require_roles,
)
from citi_employment.roles import PERSONAL_DATA_ROLES

TRANSFER_DOCTYPE = "Personal Data Transfer"
EMPLOYER_DOCTYPE = "Employer"
# Document type → its print format; only these may leave the Center.
SHAREABLE_DOCUMENTS = {
	"Student Resume": "Резюме обучающегося",
	"Mentor Recommendation": "Рекомендации наставникам по сопровождению выпускника",
}
# Who may pass a graduate's documents to an employer: those who may read all of the graduate's data.
SENDER_ROLES = PERSONAL_DATA_ROLES


class TransferNotAllowedError(frappe.ValidationError):
	"""No consent covers the transfer, or a revocation is pending."""


def may_send_documents() -> bool:
	"""Whether the user's roles may send documents to employers (the form's button asks this)."""
	return not set(SENDER_ROLES).isdisjoint(frappe.get_roles())


def assert_transfer_allowed(graduate: str) -> str:
	"""Raise unless the graduate's data may go to an employer now; return the consent that allows it.

	The refusal names the graduate (by the name the sender sees on the form, never a sensitive value), so
	that the Center knows whose consent to collect."""
	states = get_consent_states(graduate)
	problem = rules.consent_problem(states, rules.ConsentUse.SHARE)
	if problem:
		frappe.throw(
			_("Graduate {0}: the documents cannot be sent to an employer. {1}").format(
				frappe.bold(frappe.db.get_value("Graduate", graduate, "full_name") or graduate),
				problem_message(problem),
			),
			exc=TransferNotAllowedError,
			title=_("Transfer Not Allowed"),
		)
	active = [
		state
		for state in states
		if state.kind == rules.PROCESSING and state.status == rules.ACTIVE and state.transfer_to_employers
	]
	return active[-1].name


def check_ready_to_send(graduate: str, document, employer_doc) -> str:
	"""The last checks before a graduate's document leaves (a resume, a recommendation, a dossier's): the
	document's own (``before_transfer``), the consent, the employer's address; returns the consent that
	allows the transfer."""
	document.run_method("before_transfer")
	consent = assert_transfer_allowed(graduate)
	if not employer_doc.email:
		frappe.throw(
			_("Enter the employer's email first: the document is sent there."),
			title=_("Transfer Not Allowed"),
		)
	return consent


@frappe.whitelist(methods=["POST"])
def send_to_employer(graduate: str, employer: str, document_type: str, document_name: str) -> str:
	"""E-mail the graduate's document as PDF to the employer and log the transfer; returns the log entry."""
	require_roles(*SENDER_ROLES)
	if not isinstance(document_type, str) or document_type not in SHAREABLE_DOCUMENTS:
		frappe.throw(
			_("This kind of document cannot be sent to an employer."), title=_("Transfer Not Allowed")
		)
	frappe.get_doc("Graduate", graduate).check_permission("read")
	employer_doc = frappe.get_doc(EMPLOYER_DOCTYPE, employer)
	employer_doc.check_permission("read")
	document = frappe.get_doc(document_type, document_name)
	document.check_permission("read")
	if document.get("graduate") != graduate:
		frappe.throw(_("The document belongs to another graduate."), title=_("Transfer Not Allowed"))
	consent = check_ready_to_send(graduate, document, employer_doc)

	pdf = frappe.get_print(
		document_type, document_name, print_format=SHAREABLE_DOCUMENTS[document_type], as_pdf=True
	)
	settings = frappe.db.get_single_value("Employment Center Settings", "institution_short_name") or ""
	subject, message = mail_texts(document_type)
	# No name in the subject or body: the queued mail is kept, and the attachment carries the details.
	frappe.sendmail(
		recipients=[employer_doc.email],
		subject=subject.format(settings),
		message=message,
		attachments=[{"fname": f"{document_name}.pdf", "fcontent": pdf}],
		reference_doctype="Graduate",
		reference_name=graduate,
	)
	transfer = frappe.get_doc(
		{
			"doctype": TRANSFER_DOCTYPE,
			"graduate": graduate,
			"employer": employer,
			"recipient_email": employer_doc.email,
			"transferred_at": now_datetime(),
			"transferred_by": frappe.session.user,
			"consent": consent,
			"reference_doctype": document_type,
			"reference_name": document_name,
		}
	)
	transfer.flags.written_by_service = True
	transfer.insert(ignore_permissions=True)
	document.run_method("after_transfer", transfer.name)
	return transfer.name


def mail_texts(document_type: str) -> tuple[str, str]:
	"""The subject (with {0} for the institution) and body of the mail that carries the document."""
	if document_type == "Mentor Recommendation":
		return (
			_("Recommendations on supporting a graduate from {0}"),
			_(
				"Please find attached the Employment Center's recommendations to the workplace mentor on supporting a graduate."
			),
		)
	return (
		_("Candidate resume from {0}"),
		_("Please find attached the resume of a candidate proposed by the Employment Center."),
	)
