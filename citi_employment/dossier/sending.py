"""«Send Dossier»: one PDF of the Center's cover letter, the resume and the approved mentor recommendation,
sent to an employer under the graduate's consent and logged (152-ФЗ ст. 9).

Nothing is recorded, printed or queued before every check has passed: the sender's role, read and print
rights, an approved recommendation of the same graduate, the graduate's Active Processing consent that allows
transfer to employers, the employer's e-mail. The mail goes through the framework's e-mail queue
(``frappe.sendmail``); its subject, body, attachment name and the PDF's metadata and bookmarks carry no name.
"""

import frappe
from frappe import _
from frappe.utils import now_datetime

from citi_employment.domain.dossier import DossierError, DossierMetadata, DossierPart, assemble
from citi_employment.domain.paper_forms import MENTOR_RECOMMENDATION_FORM, RESUME_FORM
from citi_employment.domain.recommendations import SENDABLE_STATES
from citi_employment.paper_forms.access import require_print_permission
from citi_employment.personal_data.consents import require_roles
from citi_employment.personal_data.sharing import (
	EMPLOYER_DOCTYPE,
	SENDER_ROLES,
	TRANSFER_DOCTYPE,
	check_ready_to_send,
	may_send_documents,
)

DOSSIER_DOCTYPE = "Employer Dossier"
RESUME_DOCTYPE = "Student Resume"
RECOMMENDATION_DOCTYPE = "Mentor Recommendation"
GRADUATE_DOCTYPE = "Graduate"
SETTINGS_DOCTYPE = "Employment Center Settings"
COVER_LETTER_FORM = "Сопроводительное письмо"
# The PDF is a Russian document like the prints it joins: its title, subject and bookmarks are Russian text.
DOSSIER_TITLE = "Досье кандидата для работодателя"
DOSSIER_SUBJECT = "Сопроводительное письмо, резюме обучающегося и рекомендации наставникам, {0}"
NAME_FIELDS = ("last_name", "first_name", "patronymic", "full_name")


class NoApprovedRecommendationError(frappe.ValidationError):
	"""The graduate has no mentor recommendation the Head has approved."""


class DossierAssemblyError(frappe.ValidationError):
	"""The prints could not be joined, or the metadata would have named the graduate."""


def can_send(resume) -> bool:
	"""Whether the resume form offers Send Dossier to this user; the sending checks everything again."""
	return bool(not resume.is_new() and may_send_documents() and resume.has_permission("read"))


@frappe.whitelist(methods=["POST"])
def send_dossier(student_resume: str, employer: str) -> dict:
	"""Send the dossier of the resume's graduate to the employer; returns the dossier and the transfer log."""
	require_roles(*SENDER_ROLES)
	if not isinstance(student_resume, str) or not isinstance(employer, str):
		frappe.throw(_("Select a resume and an employer."), title=_("Transfer Not Allowed"))
	resume = frappe.get_doc(RESUME_DOCTYPE, student_resume)
	resume.check_permission("read")
	graduate = resume.graduate
	frappe.get_doc(GRADUATE_DOCTYPE, graduate).check_permission("read")
	employer_doc = frappe.get_doc(EMPLOYER_DOCTYPE, employer)
	employer_doc.check_permission("read")
	recommendation = approved_recommendation(graduate)
	recommendation.check_permission("read")
	# The dossier is the three prints: the sender needs the print right to each (paper_forms.access), checked
	# here so that nothing is recorded before a print would be refused.
	require_print_permission(DOSSIER_DOCTYPE)
	require_print_permission(RESUME_DOCTYPE, resume)
	require_print_permission(RECOMMENDATION_DOCTYPE, recommendation)
	consent = check_ready_to_send(graduate, recommendation, employer_doc)

	dossier = record_dossier(graduate, employer_doc, resume.name, recommendation.name)
	pdf = dossier_pdf(dossier, resume.name, recommendation.name)
	institution = frappe.db.get_single_value(SETTINGS_DOCTYPE, "institution_short_name") or ""
	# No name in the subject, the body or the file name: the queued mail is kept, the PDF carries the details.
	frappe.sendmail(
		recipients=[employer_doc.email],
		subject=_("Candidate dossier from {0}").format(institution),
		message=_(
			"Please find attached the Employment Center's dossier on a candidate: a cover letter, the resume and the recommendations to the workplace mentor."
		),
		attachments=[{"fname": f"{dossier.name}.pdf", "fcontent": pdf}],
		reference_doctype=DOSSIER_DOCTYPE,
		reference_name=dossier.name,
	)
	transfer = log_transfer(dossier, consent)
	dossier.db_set("personal_data_transfer", transfer)
	recommendation.run_method("after_transfer", transfer)
	return {"dossier": dossier.name, "transfer": transfer}


def approved_recommendation(graduate: str):
	"""The graduate's latest mentor recommendation the Head approved (a sent one is still the approved text)."""
	names = frappe.get_all(
		RECOMMENDATION_DOCTYPE,
		filters={"graduate": graduate, "status": ("in", sorted(state.value for state in SENDABLE_STATES))},
		order_by="modified desc",
		limit=1,
		pluck="name",
	)
	if not names:
		frappe.throw(
			_(
				"The graduate has no approved mentor recommendation: the dossier needs one. Have the Head approve it first."
			),
			NoApprovedRecommendationError,
			title=_("Transfer Not Allowed"),
		)
	return frappe.get_doc(RECOMMENDATION_DOCTYPE, names[0])


def record_dossier(graduate: str, employer_doc, resume: str, recommendation: str):
	"""The Employer Dossier record: what is sent, to whom, signed by whom. Its print is the cover letter."""
	dossier = frappe.get_doc(
		{
			"doctype": DOSSIER_DOCTYPE,
			"graduate": graduate,
			"employer": employer_doc.name,
			"recipient_email": employer_doc.email,
			"sent_at": now_datetime(),
			"sent_by": frappe.session.user,
			"student_resume": resume,
			"mentor_recommendation": recommendation,
			"signatory_name": frappe.db.get_single_value(SETTINGS_DOCTYPE, "deputy_director_name"),
		}
	)
	dossier.flags.written_by_service = True
	return dossier.insert(ignore_permissions=True)


def dossier_pdf(dossier, resume: str, recommendation: str) -> bytes:
	"""The three prints joined, with bookmarks and the institution's metadata, and no name in either."""
	parts = [
		DossierPart(COVER_LETTER_FORM, print_pdf(DOSSIER_DOCTYPE, dossier.name, COVER_LETTER_FORM)),
		DossierPart(RESUME_FORM, print_pdf(RESUME_DOCTYPE, resume, RESUME_FORM)),
		DossierPart(
			MENTOR_RECOMMENDATION_FORM,
			print_pdf(RECOMMENDATION_DOCTYPE, recommendation, MENTOR_RECOMMENDATION_FORM),
		),
	]
	settings = frappe.db.get_value(
		SETTINGS_DOCTYPE, SETTINGS_DOCTYPE, ["institution_short_name", "institution_full_name"], as_dict=True
	)
	metadata = DossierMetadata(
		title=DOSSIER_TITLE,
		author=settings.institution_short_name or settings.institution_full_name or "",
		subject=DOSSIER_SUBJECT.format(dossier.name),
	)
	names = frappe.db.get_value(GRADUATE_DOCTYPE, dossier.graduate, NAME_FIELDS, as_dict=True) or {}
	try:
		return assemble(parts, metadata, must_not_contain=[names.get(field) or "" for field in NAME_FIELDS])
	except DossierError as error:
		# The domain's message names the part or the field, never the text: safe for the error log.
		frappe.log_error(title="Employer dossier not assembled", message=str(error))
		frappe.throw(
			_(
				"The dossier could not be assembled from the prints. Try again, and tell the administrator if it fails again."
			),
			DossierAssemblyError,
			title=_("Transfer Not Allowed"),
		)


def print_pdf(doctype: str, name: str, print_format: str) -> bytes:
	return frappe.get_print(doctype, name, print_format=print_format, as_pdf=True)


def log_transfer(dossier, consent: str) -> str:
	"""The Personal Data Transfer entry of the dossier: who sent it, to whom, when, under which consent.

	Written like ``personal_data.sharing.send_to_employer`` writes its own, with the dossier as the document."""
	transfer = frappe.get_doc(
		{
			"doctype": TRANSFER_DOCTYPE,
			"graduate": dossier.graduate,
			"employer": dossier.employer,
			"recipient_email": dossier.recipient_email,
			"transferred_at": dossier.sent_at,
			"transferred_by": dossier.sent_by,
			"consent": consent,
			"reference_doctype": DOSSIER_DOCTYPE,
			"reference_name": dossier.name,
		}
	)
	transfer.flags.written_by_service = True
	transfer.insert(ignore_permissions=True)
	return transfer.name
