"""The employer's online vacancy request («Заявка от потенциального работодателя о потребности в работнике»,
§2.2, §5.3; issue 13 item 2), at ``/vacancy-request``, with no login.

One whitelisted method takes the form. It checks every field first (``domain.employer_forms``: sizes, markup,
the ИНН's check digit, the consent), then the limits, and only then writes, all or nothing:

- a Vacancy Request in Draft for the Specialists to register, with the contact person and what the form said;
- the age and gender wishes in Vacancy Internal Requirements (never on the request, never published);
- a Potential Employer when the ИНН is new. A known ИНН only links the request: the guest neither sees nor
  changes that employer, and the answer is the same whether the ИНН was known or not, so the form cannot be
  used to find out who the Center works with.

The Center may send a known employer a link (``send_vacancy_request_link``): it names the employer, signed with
a key derived from the site's secret, valid for half a year and reusable (an employer files several requests).
With it the page asks no header: the request copies the employer's card on the server, and the page shows the
employer's short name only, so a forwarded link discloses nothing else.

The employer gets the request's number on the page and by e-mail (an acknowledgement that repeats nothing the
guest typed, so the form cannot relay text to a third party); the Specialists get a notification.
"""

from datetime import date
from urllib.parse import urlencode

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit
from frappe.utils import (
	add_days,
	escape_html,
	formatdate,
	get_url,
	getdate,
	now_datetime,
)
from frappe.utils.password import get_encryption_key

from citi_employment.domain import employer_forms as rules
from citi_employment.domain.employer_forms import INTERNAL_FIELDS
from citi_employment.domain.vacancies import ANY_GENDER, KINDS
from citi_employment.employer_forms import abuse, correspondence
from citi_employment.employer_forms.guest_input import (
	GuestFormError,
	accepted_submission,
	invalid,
	use_page_language,
	written_for_guest,
)

REQUEST_DOCTYPE = "Vacancy Request"
INTERNAL_DOCTYPE = "Vacancy Internal Requirements"
EMPLOYER_DOCTYPE = "Employer"
PROFESSION_DOCTYPE = "Profession"
SETTINGS_DOCTYPE = "Employment Center Settings"
PAGE_ROUTE = "/vacancy-request"
SUBMIT_METHOD = "citi_employment.employer_forms.vacancy_request.submit"
# The query parameter (and form field) carrying the Center's signed employer link.
LINK_PARAMETER = "employer"
POTENTIAL = "Potential"
INACTIVE = "Inactive"
# Which text of the privacy notice the contact person agreed to; change it whenever the notice changes.
PRIVACY_NOTICE_VERSION = "2026-11-28"

# Form fields the request keeps in a field of the same name.
REQUEST_FIELDS = (
	"kind",
	"position",
	"department",
	"reports_to",
	"positions_count",
	"expected_start_date",
	"work_address",
	"schedule",
	"probation_period",
	"salary",
	"probation_salary",
	"education_requirement",
	"pc_skills",
	"contact_person",
	"contact_person_position",
	"contact_phone",
	"contact_email",
)
# Form fields kept only in the request's «As Submitted» text, for the Specialists to read.
DETAIL_FIELDS = (
	"employer_full_name",
	"employer_short_name",
	"inn",
	"employer_phone",
	"employer_email",
	"website",
	"employer_address",
	"activity",
	"founding_year",
	"head_name",
	"profession",
	"comment",
)


def labels() -> dict[str, str]:
	"""Each field's label on the page, in the page's order (the messages name fields by these)."""
	return {
		"employer_full_name": _("Full name of the organisation"),
		"employer_short_name": _("Abbreviated Name"),
		"inn": _("INN of the organisation"),
		"employer_phone": _("Organisation's phone"),
		"employer_email": _("Organisation's e-mail"),
		"website": _("Organisation's website"),
		"employer_address": _("Organisation's address"),
		"activity": _("Type of activity"),
		"founding_year": _("Founding Year"),
		"head_name": _("Head of the organisation"),
		"kind": _("What the request is for"),
		"position": _("Job title"),
		"profession": _("Profession, if known"),
		"department": _("Department with the vacancy"),
		"reports_to": _("Reports To"),
		"positions_count": _("Number of workers needed"),
		"expected_start_date": _("Expected Start Date"),
		"work_address": _("Work Address"),
		"schedule": _("Work schedule"),
		"probation_period": _("Probation Period"),
		"salary": _("Permanent salary, roubles a month"),
		"probation_salary": _("Salary during probation, roubles a month"),
		"education_requirement": _("Education required"),
		"pc_skills": _("PC Skills"),
		"age_requirement": _("Age"),
		"gender_requirement": _("Gender"),
		"contact_person": _("Contact person's full name"),
		"contact_person_position": _("Contact person's position"),
		"contact_phone": _("Contact person's phone"),
		"contact_email": _("Contact person's e-mail"),
		"comment": _("Anything else the Center should know"),
		"consent": _("I consent to the processing of my personal data on these terms"),
	}


def choices() -> dict[str, list[tuple[str, str]]]:
	return {
		"kind": [(kind, _(kind)) for kind in KINDS],
		"gender_requirement": [(gender, _(gender)) for gender in rules.GENDERS],
	}


# --- the page -------------------------------------------------------------------------------------------


def page_context(form_dict) -> dict:
	"""What ``www/vacancy-request`` shows: the form, with the employer's short name when the Center's link
	names a known employer, or a page saying the address has sent too many requests."""
	use_page_language()
	context = {
		"title": _("Request for workers"),
		"labels": labels(),
		"choices": choices(),
		"max_lengths": {spec.name: spec.max_length for spec in rules.VACANCY_FIELDS},
		"required": [spec.name for spec in rules.VACANCY_FIELDS if spec.required],
		"submit_method": SUBMIT_METHOD,
		"honeypot_field": rules.HONEYPOT_FIELD,
		"link_parameter": LINK_PARAMETER,
		"today": getdate().isoformat(),
		"notice": privacy_notice(),
		"employer_link": "",
		"employer_name": "",
		"link_refused": False,
		"blocked": abuse.address_blocked(SUBMIT_METHOD, abuse.vacancy_ip_limit()),
	}
	token = form_dict.get(LINK_PARAMETER)
	if token:
		employer = employer_from_link(token)
		if employer:
			context["employer_link"] = token
			context["employer_name"] = frappe.db.get_value(EMPLOYER_DOCTYPE, employer, "short_name")
		else:
			context["link_refused"] = True
	if context["blocked"]:
		context["http_status_code"] = 429
	return context


def privacy_notice() -> dict:
	"""The facts the 152-ФЗ notice states (who, what, why, how long, how to withdraw)."""
	settings = frappe.get_cached_doc(SETTINGS_DOCTYPE)
	return {
		"operator": settings.institution_full_name or settings.institution_short_name or "",
		"address": settings.institution_address or "",
		"version": PRIVACY_NOTICE_VERSION,
		"date": formatdate(PRIVACY_NOTICE_VERSION),
	}


# --- the submission ---------------------------------------------------------------------------------------


@frappe.whitelist(allow_guest=True, methods=["POST"], xss_safe=True)
@rate_limit(limit=abuse.vacancy_ip_limit, seconds=abuse.IP_WINDOW_SECONDS, methods=["POST"])
def submit(**form) -> dict:
	"""Take the online request; returns ``{"ok": True, "number": …}`` or the refused fields (HTTP 422)."""
	form = accepted_submission(
		form, _("The request could not be accepted. Reload the page and fill in the form again.")
	)
	employer = None
	if form.get(LINK_PARAMETER):
		employer = employer_from_link(form[LINK_PARAMETER])
		if not employer:
			frappe.throw(
				_(
					"The link to this form is not valid or has expired. Open the form without the link and fill in the details of your organisation."
				),
				GuestFormError,
				title=_("Link Not Valid"),
			)
	cleaned = rules.clean_vacancy_request(form, getdate(), employer_known=bool(employer))
	if not cleaned.ok:
		return invalid(cleaned.problems, labels())
	values = cleaned.values
	refuse_over_limits(values, employer)
	fingerprint = rules.fingerprint({**values, LINK_PARAMETER: employer or ""})
	earlier = abuse.claim_submission(fingerprint, REQUEST_DOCTYPE)
	if earlier == abuse.PENDING:
		frappe.throw(
			_("This request is already being saved. Wait a minute: its number will be sent to your e-mail."),
			GuestFormError,
			title=_("Request Already Sent"),
		)
	if earlier:
		return {"ok": True, "number": earlier, "repeated": True}
	with written_for_guest(
		_("The request could not be saved. Check the answers and send it again, or call the Center.")
	):
		employer = employer or employer_for(values)
		request = make_request(employer, values)
		make_internal_requirements(request.name, values)
	abuse.remember_submission(fingerprint, request.name)
	notify_specialists(request)
	mailed = acknowledge(request, values["contact_email"])
	return {"ok": True, "number": request.name, "mailed": mailed}


def refuse_over_limits(values: dict, employer: str | None) -> None:
	limits = abuse.limits()
	if not employer:
		abuse.refuse_over_limit(
			"inn",
			str(values["inn"]),
			limits.vacancy_per_inn,
			limits.day_seconds,
			_("Too many requests for this INN today. Call the Center or send the request tomorrow."),
		)
	abuse.refuse_over_limit(
		"email",
		str(values["contact_email"]),
		limits.vacancy_per_email,
		limits.day_seconds,
		_("Too many requests with this e-mail today. Call the Center or send the request tomorrow."),
	)


def employer_for(values: dict) -> str:
	"""The employer with this ИНН, untouched; or a new Potential Employer made from the form's header."""
	existing = frappe.db.get_value(EMPLOYER_DOCTYPE, {"inn": values["inn"]}, "name")
	if existing:
		return existing
	full_name = str(values["employer_full_name"])
	doc = frappe.get_doc(
		{
			"doctype": EMPLOYER_DOCTYPE,
			"full_name": full_name,
			"short_name": values.get("employer_short_name") or rules.short_name_from(full_name),
			"inn": values["inn"],
			"phone": values.get("employer_phone"),
			"email": values.get("employer_email"),
			"website": values.get("website"),
			"activity": values.get("activity"),
			"founding_year": values.get("founding_year") or 0,
			"head_name": values.get("head_name"),
			"status": POTENTIAL,
		}
	)
	# No service field is set here: the Employer's own rules fill its derived fields.
	doc.insert(ignore_permissions=True)
	return doc.name


def make_request(employer: str, values: dict):
	request = frappe.get_doc(
		{
			"doctype": REQUEST_DOCTYPE,
			"employer": employer,
			**{name: values.get(name) for name in REQUEST_FIELDS},
			"profession": known_profession(values.get("profession")),
			"compiled_on": getdate(),
			"submitted_online": 1,
			"submitted_at": now_datetime(),
			"privacy_notice_version": PRIVACY_NOTICE_VERSION,
			"submitted_details": rules.submitted_details(
				values, {name: labels()[name] for name in DETAIL_FIELDS}
			),
		}
	)
	# The submission fields are the service's (domain.write_rules); the status starts at Draft by default.
	request.flags.written_by_service = True
	request.insert(ignore_permissions=True)
	return request


def known_profession(text: str | None) -> str | None:
	"""The Profession the employer named, when one of that name exists (the text stays in «As Submitted»)."""
	if not text:
		return None
	return frappe.db.get_value(PROFESSION_DOCTYPE, {"name": text}, "name")


def make_internal_requirements(request: str, values: dict) -> None:
	"""The age and gender wishes, apart from the request (Закон РФ 1032-1 ст. 25), when there are any."""
	age, gender = (values.get(name) for name in INTERNAL_FIELDS)
	if not age and gender in (None, ANY_GENDER):
		return
	frappe.get_doc(
		{
			"doctype": INTERNAL_DOCTYPE,
			"vacancy_request": request,
			"age_requirement": age,
			"gender_requirement": gender or ANY_GENDER,
		}
	).insert(ignore_permissions=True)


def notify_specialists(request) -> None:
	"""A notification (and the e-mail the users' notification settings ask for) to every Specialist, or to
	the Head when the Center has no Specialist yet."""
	employer = frappe.db.get_value(EMPLOYER_DOCTYPE, request.employer, "short_name") or request.employer
	correspondence.alert_staff(
		[],
		REQUEST_DOCTYPE,
		request.name,
		_("New online vacancy request {0} from {1}: {2}").format(
			frappe.bold(request.name), escape_html(employer), escape_html(request.position)
		),
	)


def acknowledge(request, recipient: str) -> bool:
	"""The request's number by e-mail, through the framework's queue. Nothing the guest typed is repeated.

	A site without an outgoing e-mail account still takes the request (the page shows the number); the
	framework's refusal is logged for the Center instead of being shown to the guest."""
	institution = frappe.db.get_single_value(SETTINGS_DOCTYPE, "institution_short_name") or ""
	message = "".join(
		(
			f"<p>{_('Hello!')}</p>",
			"<p>{}</p>".format(
				_("{0} has received your request for workers. Request number: {1}, received on {2}.").format(
					escape_html(institution), frappe.bold(request.name), formatdate(request.compiled_on)
				)
			),
			"<p>{}</p>".format(
				_("The Employment Center's specialists will review it and contact you about the candidates.")
			),
			"<p>{}</p>".format(_("If you did not send this request, ignore this message.")),
		)
	)
	kept_messages = list(frappe.local.message_log or [])
	try:
		frappe.sendmail(
			recipients=[recipient],
			subject=_("Your request {0} has been received").format(request.name),
			message=message,
			reference_doctype=REQUEST_DOCTYPE,
			reference_name=request.name,
		)
	except frappe.OutgoingEmailError:
		frappe.local.message_log = kept_messages
		frappe.log_error(title="Employer form: acknowledgement not sent", defer_insert=True)
		return False
	return True


# --- the Center's link for a known employer --------------------------------------------------------------


def link_key() -> bytes:
	return rules.employer_link_key(get_encryption_key())


def employer_from_link(token: object) -> str | None:
	"""The employer the Center's link names, if the link is genuine, current and the employer still active."""
	employer = rules.read_employer_link(link_key(), token, getdate())
	if not employer:
		return None
	status = frappe.db.get_value(EMPLOYER_DOCTYPE, employer, "status")
	return employer if status and status != INACTIVE else None


def employer_link(employer: str, expires_on: date) -> str:
	token = rules.sign_employer_link(link_key(), employer, expires_on)
	return get_url(f"{PAGE_ROUTE}?{urlencode({LINK_PARAMETER: token})}")


@frappe.whitelist(methods=["POST"])
def send_vacancy_request_link(employer: str, recipient: str | None = None) -> dict:
	"""E-mail a known employer the link to the online request form; returns the link and its expiry."""
	doc = frappe.get_doc(EMPLOYER_DOCTYPE, employer)
	doc.check_permission("write")
	if doc.status == INACTIVE:
		frappe.throw(_("The employer is inactive: make it active before sending it the form."))
	recipient = correspondence.link_recipient(recipient, doc.email)
	expires_on = add_days(getdate(), rules.EMPLOYER_LINK_DAYS)
	link = employer_link(doc.name, expires_on)
	institution = frappe.db.get_single_value(SETTINGS_DOCTYPE, "institution_short_name") or ""
	correspondence.send_link(
		recipient,
		subject=_("Request for workers to {0}").format(institution),
		lead=_(
			"To tell the Employment Center about the workers you need, fill in the request form at this link (no registration needed):"
		),
		url=link,
		validity=_("The link is valid until {0} and may be used for several requests.").format(
			formatdate(expires_on)
		),
		reference=doc,
	)
	doc.add_comment(
		"Info",
		_("The link to the online vacancy request was sent to {0}; it is valid until {1}.").format(
			escape_html(recipient), formatdate(expires_on)
		),
	)
	return {"link": link, "recipient": recipient, "expires_on": formatdate(expires_on)}
