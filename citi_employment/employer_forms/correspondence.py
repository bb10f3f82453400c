"""The mail around a guest form, written once for both forms: the link the Center sends an employer (to the
online «Заявка», to a checkpoint's feedback) and the alert its staff get when an employer's answer arrives.
"""

import frappe
from frappe import _
from frappe.desk.doctype.notification_log.notification_log import enqueue_create_notification
from frappe.utils import escape_html, validate_email_address
from frappe.utils.user import get_users_with_role

from citi_employment.roles import EMPLOYMENT_CENTER_HEAD, EMPLOYMENT_SPECIALIST

MAX_EMAIL_LENGTH = 254


def link_recipient(recipient: object, default: str | None) -> str:
	"""The address the link goes to: the one typed in the dialog, else the employer's own; refused unless it is
	an e-mail address."""
	recipient = (recipient if isinstance(recipient, str) else "").strip() or default
	# Longer than an address can be (RFC 5321): refused before Frappe's parser, which takes minutes of CPU on a
	# megabyte of text.
	if not recipient or len(recipient) > MAX_EMAIL_LENGTH or not validate_email_address(recipient):
		frappe.throw(
			_("Enter a valid e-mail address of the employer: the link is sent there."),
			title=_("Invalid Value"),
		)
	return recipient


def send_link(recipient: str, subject: str, lead: str, url: str, validity: str, reference) -> None:
	"""One mail: the translated lead, the link, and how long the link works; ``reference`` is the document
	the mail is filed under (its doctype and name)."""
	frappe.sendmail(
		recipients=[recipient],
		subject=subject,
		message="".join(
			(
				f"<p>{lead}</p>",
				f'<p><a href="{escape_html(url)}">{escape_html(url)}</a></p>',
				f"<p>{validity}</p>",
			)
		),
		reference_doctype=reference.doctype,
		reference_name=reference.name,
	)


def alert_staff(users: list[str], document_type: str, document_name: str, subject: str) -> None:
	"""A notification (and the e-mail the users' notification settings ask for) to ``users``, else to every
	Specialist, or to the Head when the Center has no Specialist yet."""
	users = users or get_users_with_role(EMPLOYMENT_SPECIALIST) or get_users_with_role(EMPLOYMENT_CENTER_HEAD)
	if not users:
		return
	enqueue_create_notification(
		users,
		{
			"type": "Alert",
			"document_type": document_type,
			"document_name": document_name,
			"subject": subject,
		},
	)
