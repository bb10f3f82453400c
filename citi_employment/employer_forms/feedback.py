"""The employer's answer at a monitoring checkpoint (§2.4 collecting employers' information on graduates and on
the training, §6.2; issue 13 item 3), at ``/employer-feedback``.

A Specialist sends it from a Due or Overdue Employment Monitoring Record (``send_feedback_request``). The link
carries the record's name and a random token (256 bits); only the token's SHA-256 is stored, in an Employer
Feedback Request that is also the log of what was sent, to whom, and when it was answered. A stored random
token rather than an HMAC of the record: the link must be single-use anyway, which needs a stored state, and a
stored hash also lets a newer link replace an older one and survives a change of the site's secret.

The link is single-use (the first answer marks it Answered, under a row lock, in the same transaction as the
record's update), expires after 30 days, is replaced by a newer link for the same check, and is bound to its
record (a link aimed at another record is unknown). Any link that cannot be answered shows a page saying why
and changes nothing.

The page shows the graduate's name and the position only. The answer fills the record through its controller
(method «Employer's Report»; see ``domain.employer_forms.completes_check`` for what "still works" and "no
longer works" write) and is logged as a comment on the record and in the Employer Feedback Request.
"""

from urllib.parse import urlencode

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit
from frappe.utils import escape_html, formatdate, get_url, getdate, now_datetime

from citi_employment.domain import employer_forms as rules
from citi_employment.domain import monitoring
from citi_employment.domain.consents import ConsentUse
from citi_employment.employer_forms import abuse, correspondence
from citi_employment.employer_forms.guest_input import (
	GuestFormError,
	accepted_submission,
	invalid,
	use_page_language,
	written_for_guest,
)
from citi_employment.monitoring import RECORD_DOCTYPE
from citi_employment.personal_data.consents import consent_problem, problem_message

FEEDBACK_DOCTYPE = "Employer Feedback Request"
PLACEMENT_DOCTYPE = "Graduate Placement"
EMPLOYER_DOCTYPE = "Employer"
SETTINGS_DOCTYPE = "Employment Center Settings"
PAGE_ROUTE = "/employer-feedback"
SUBMIT_METHOD = "citi_employment.employer_forms.feedback.submit"
# A record name longer than this is not one (autoname EMR-YYYY-NNNNN); refused before any query.
MAX_RECORD_NAME = 140
# The page's HTTP status for a link that opens no form: unknown (forged, altered, another record's) or gone.
LINK_STATUS_CODES = {rules.LinkProblem.UNKNOWN: 404}
GONE = 410


class FeedbackLinkError(GuestFormError):
	"""The feedback link cannot be answered (used, replaced, expired, unknown, or the check is closed)."""

	http_status_code = GONE


def labels() -> dict[str, str]:
	return {
		"still_working": _("Does the graduate still work at your organisation?"),
		"complaints": _("Do you have complaints about the graduate's work?"),
		"complaint_details": _("What are the complaints?"),
		"conditions_match": _("Do the working conditions match the employment contract?"),
		"special_workplace": _("Does the graduate need a specially equipped workplace?"),
		"satisfaction": _("How satisfied are you with the graduate's training?"),
		"training_quality": _("Your view of the quality of the training in the profession"),
	}


def choices() -> dict[str, list[tuple[str, str]]]:
	yes_no = [(rules.YES, _("Yes")), (rules.NO, _("No"))]
	return {
		"still_working": yes_no,
		"complaints": yes_no,
		"conditions_match": [*yes_no, (rules.UNKNOWN, _("Cannot say"))],
		"special_workplace": [
			("not_needed", _("Does not need one")),
			("needed_not_adapted", _("Needs one, but the workplace is not equipped yet")),
			("adapted", _("Needs one, and the workplace is equipped")),
		],
		"satisfaction": [
			("1", _("1 — not satisfied at all")),
			("2", "2"),
			("3", "3"),
			("4", "4"),
			("5", _("5 — fully satisfied")),
		],
	}


def link_problem_texts() -> dict[rules.LinkProblem, tuple[str, str]]:
	"""The title and the explanation of the page for each link that opens no form."""
	return {
		rules.LinkProblem.UNKNOWN: (
			_("Link not valid"),
			_(
				"This link is not valid. Open the link exactly as it is in the Center's e-mail, or ask the Center for a new one."
			),
		),
		rules.LinkProblem.USED: (
			_("Answer already received"),
			_("The answer through this link has already been received. Thank you!"),
		),
		rules.LinkProblem.SUPERSEDED: (
			_("Link replaced"),
			_("The Center has sent you a newer link for this answer: use the link from its latest e-mail."),
		),
		rules.LinkProblem.EXPIRED: (
			_("Link expired"),
			_("This link has expired. If you still want to answer, ask the Center for a new link."),
		),
		rules.LinkProblem.CHECK_CLOSED: (
			_("Answer no longer needed"),
			_("The Center has already completed this check, so no answer is needed. Thank you!"),
		),
	}


# --- sending ----------------------------------------------------------------------------------------------


@frappe.whitelist(methods=["POST"])
def send_feedback_request(record: str, recipient: str | None = None) -> dict:
	"""E-mail the employer a single-use link to answer this check; an older unanswered link stops working."""
	doc = frappe.get_doc(RECORD_DOCTYPE, record)
	doc.check_permission("write")
	if doc.status not in (monitoring.DUE, monitoring.OVERDUE):
		frappe.throw(
			_("The employer is asked only about a check that is due or overdue."), title=_("Not Allowed")
		)
	refuse_without_consent(doc.graduate)
	recipient = correspondence.link_recipient(
		recipient, frappe.db.get_value(EMPLOYER_DOCTYPE, doc.employer, "email") if doc.employer else None
	)
	sent_at = now_datetime()
	token = rules.new_token()
	table = frappe.qb.DocType(FEEDBACK_DOCTYPE)
	(
		frappe.qb.update(table)
		.set(table.status, rules.LINK_SUPERSEDED)
		.where((table.monitoring_record == doc.name) & (table.status == rules.LINK_SENT))
		.run()
	)
	link = frappe.get_doc(
		{
			"doctype": FEEDBACK_DOCTYPE,
			"monitoring_record": doc.name,
			"graduate": doc.graduate,
			"employer": doc.employer,
			"recipient_email": recipient,
			"status": rules.LINK_SENT,
			"sent_at": sent_at,
			"sent_by": frappe.session.user,
			"expires_at": rules.feedback_link_expiry(sent_at),
			"token_hash": rules.token_digest(token),
		}
	)
	link.flags.written_by_service = True
	link.insert(ignore_permissions=True)
	send_link_mail(doc, recipient, feedback_url(doc.name, token), link.expires_at)
	doc.add_comment(
		"Info",
		_("A feedback request {0} was sent to the employer at {1}; the link is valid until {2}.").format(
			link.name, escape_html(recipient), formatdate(link.expires_at)
		),
	)
	return {"name": link.name, "recipient": recipient, "expires_on": formatdate(link.expires_at)}


def refuse_without_consent(graduate: str | None) -> None:
	"""The check is part of the graduate's support after placement: it stops when processing stops (a revoked
	consent); the mail carries no name, the page shows the name to the employer who employs the graduate."""
	problem = consent_problem(graduate, ConsentUse.PLACE) if graduate else None
	if problem:
		frappe.throw(problem_message(problem), title=_("Personal Data Consent"))


def feedback_url(record: str, token: str) -> str:
	return get_url(f"{PAGE_ROUTE}?{urlencode({'record': record, 'token': token})}")


def send_link_mail(doc, recipient: str, url: str, expires_at) -> None:
	"""The mail names no graduate: it is kept in the queue and may be forwarded; the page behind the link does."""
	institution = frappe.db.get_single_value(SETTINGS_DOCTYPE, "institution_short_name") or ""
	correspondence.send_link(
		recipient,
		subject=_("How is our graduate doing at your organisation? {0}").format(institution),
		lead=_(
			"The Employment Center of {0} supports its graduates after they start work. Please tell us how our graduate employed at your organisation is doing: it takes two minutes."
		).format(escape_html(institution)),
		url=url,
		validity=_("The link is personal, works once and is valid until {0}.").format(formatdate(expires_at)),
		reference=frappe._dict(doctype=RECORD_DOCTYPE, name=doc.name),
	)


# --- the page ---------------------------------------------------------------------------------------------


def find_link(record: object, token: object, for_update: bool = False):
	"""The stored link and None, or None and the reason the link opens no form."""
	if not isinstance(record, str) or len(record) > MAX_RECORD_NAME or not rules.is_well_formed_token(token):
		return None, rules.LinkProblem.UNKNOWN
	row = frappe.db.get_value(
		FEEDBACK_DOCTYPE,
		{"token_hash": rules.token_digest(token)},
		["name", "monitoring_record", "status", "expires_at"],
		as_dict=True,
		for_update=for_update,
	)
	check_status = frappe.db.get_value(RECORD_DOCTYPE, row.monitoring_record, "status") if row else None
	issued = (
		rules.IssuedLink(
			record=row.monitoring_record,
			status=row.status,
			expires_at=row.expires_at,
			check_status=check_status or "",
		)
		if row
		else None
	)
	problem = rules.feedback_link_problem(issued, record, now_datetime())
	return (None, problem) if problem else (row, None)


def page_context(form_dict) -> dict:
	"""What ``www/employer-feedback`` shows: the questions about one graduate, or why the link opens none."""
	use_page_language()
	context = {"title": _("Employer's feedback on a graduate"), "blocked": False}
	link, problem = find_link(form_dict.get("record"), form_dict.get("token"))
	if problem:
		title, message = link_problem_texts()[problem]
		context.update(
			state=problem.value,
			problem_title=title,
			problem_message=message,
			http_status_code=LINK_STATUS_CODES.get(problem, GONE),
		)
		return context
	record = frappe.db.get_value(
		RECORD_DOCTYPE, link.monitoring_record, ["graduate_name", "placement"], as_dict=True
	)
	context.update(
		state="form",
		graduate_name=record.graduate_name or "",
		position=frappe.db.get_value(PLACEMENT_DOCTYPE, record.placement, "position") or "",
		record=link.monitoring_record,
		token=form_dict.get("token"),
		labels=labels(),
		choices=choices(),
		max_lengths={spec.name: spec.max_length for spec in rules.FEEDBACK_FIELDS},
		required=[spec.name for spec in rules.FEEDBACK_FIELDS if spec.required],
		submit_method=SUBMIT_METHOD,
		honeypot_field=rules.HONEYPOT_FIELD,
		blocked=abuse.address_blocked(SUBMIT_METHOD, abuse.feedback_ip_limit()),
	)
	if context["blocked"]:
		context["http_status_code"] = 429
	return context


# --- the answer -------------------------------------------------------------------------------------------


@frappe.whitelist(allow_guest=True, methods=["POST"], xss_safe=True)
@rate_limit(limit=abuse.feedback_ip_limit, seconds=abuse.IP_WINDOW_SECONDS, methods=["POST"])
def submit(**form) -> dict:
	"""Take the employer's answer; ``{"ok": True}``, the refused answers (HTTP 422) or why the link is closed."""
	form = accepted_submission(form, _("The answer could not be accepted. Reload the page and answer again."))
	# Locked until this request ends: a second answer through the same link waits, then finds it Answered.
	link, problem = find_link(form.get("record"), form.get("token"), for_update=True)
	if problem:
		title, message = link_problem_texts()[problem]
		frappe.throw(message, FeedbackLinkError, title=title)
	cleaned = rules.clean_feedback(form)
	if not cleaned.ok:
		return invalid(cleaned.problems, labels())
	with written_for_guest(_("The answer could not be saved. Send it again, or call the Center.")):
		record = frappe.get_doc(RECORD_DOCTYPE, link.monitoring_record)
		record.update(rules.feedback_record_values(cleaned.values, getdate()))
		# No service field is set (not written_by_service): the answer fills the check's ordinary fields and
		# the controller derives the status, the graduate's status and the placement's latest outcome.
		record.save(ignore_permissions=True)
		frappe.db.set_value(
			FEEDBACK_DOCTYPE, link.name, {"status": rules.LINK_ANSWERED, "answered_at": now_datetime()}
		)
		record.add_comment("Info", answer_comment(link.name, cleaned.values))
	notify_responsible(record, cleaned.values)
	return {"ok": True}


def answer_comment(link: str, answers: dict) -> str:
	if rules.completes_check(answers):
		return _(
			"The employer answered through the feedback request {0}: the graduate still works there."
		).format(link)
	return _(
		"The employer answered through the feedback request {0}: the graduate no longer works there. The check stays open until the graduate's current occupation is known."
	).format(link)


def notify_responsible(record, answers: dict) -> None:
	"""The responsible specialist (or every Specialist) learns of the answer; a "no longer works" needs work."""
	users = [record.responsible_specialist] if record.responsible_specialist else []
	if rules.completes_check(answers):
		subject = _("The employer answered the monitoring check {0}: the graduate still works there.")
	else:
		subject = _(
			"The employer of check {0} reports that the graduate no longer works there: find out what the graduate does now, record the dismissal on the placement and complete the check."
		)
	correspondence.alert_staff(users, RECORD_DOCTYPE, record.name, subject.format(frappe.bold(record.name)))
