"""What the guest forms share: the page language, the wording of a refused field, the size limit of a
submission, and the guard that keeps a controller's messages about other records away from a guest.

The endpoints are whitelisted with ``xss_safe=True``: Frappe would otherwise run every guest value through
its HTML sanitiser before the endpoint sees it, and «<script>…</script>» would arrive as a silently altered
«…». The endpoints refuse markup themselves (``domain.employer_forms`` with ``domain.markup``, the same test
as the write guard) and say which field holds it.
"""

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

import frappe
from frappe import _

from citi_employment.domain.employer_forms import MAX_BODY_BYTES, Problem, is_bot_submission
from citi_employment.domain.russian_text import LANGUAGE

# A refused field: the page marks it and reads the message out (HTTP 422, nothing written).
INVALID_STATUS = 422
SAVEPOINT = "citi_employer_form"


class GuestFormError(frappe.ValidationError):
	"""A guest submission that cannot be accepted as a whole (the message says why and what to do)."""


def use_page_language() -> None:
	"""The page and the endpoint's messages in Russian, whatever the visitor's browser asks for."""
	frappe.local.lang = LANGUAGE


def set_page_language(context) -> None:
	"""The page in Russian: the translations, and ``<html lang>``, which the framework takes from the boot
	data it built before the page's own context ran."""
	use_page_language()
	if context.get("boot"):
		context.boot = {**context.boot, "lang": LANGUAGE}


def page_context_of(context, page_context: Callable[[Mapping], dict]):
	"""The context of a guest form page (``www/``): the page language first, so that ``page_context`` (the
	form's own values from the query string) is built in Russian; no breadcrumbs on a page of its own."""
	set_page_language(context)
	context.update(page_context(frappe.form_dict))
	context.no_breadcrumbs = 1
	return context


def problem_message(problem: Problem, label: str) -> str:
	"""A sentence for the visitor naming the field by its label on the page, never quoting the value."""
	messages = {
		Problem.REQUIRED: _("Fill in «{0}»."),
		Problem.TOO_LONG: _("«{0}» is too long: shorten it."),
		Problem.MARKUP: _("«{0}» contains HTML markup or a script: enter it as plain text."),
		Problem.UNSAFE_LINK: _("«{0}» is not a web address: enter it like https://example.ru."),
		Problem.FORMAT: _("«{0}» is not filled in correctly: check it."),
		Problem.LENGTH: _("«{0}» has the wrong number of digits."),
		Problem.CHECKSUM: _("«{0}» has a wrong check digit: check it against your documents."),
		Problem.RANGE: _("«{0}» is outside the allowed range."),
		Problem.CHOICE: _("Choose one of the offered answers for «{0}»."),
		Problem.NOT_AGREED: _("Without this consent the Center cannot accept the request: tick «{0}»."),
		Problem.PAST_DATE: _("«{0}» cannot be in the past."),
		Problem.ABOVE_SALARY: _(
			"«{0}» is higher than the permanent salary: check the amounts (they may be swapped)."
		),
	}
	return messages[problem].format(label)


def invalid(problems: Mapping[str, Problem], labels: Mapping[str, str]) -> dict:
	"""The answer to a submission with refused fields: a message per field, in the order of the page."""
	frappe.local.response["http_status_code"] = INVALID_STATUS
	errors = {
		name: problem_message(problem, labels.get(name, name))
		for name, problem in sorted(problems.items(), key=lambda item: list(labels).index(item[0]))
	}
	return {"ok": False, "errors": errors}


def refuse_oversized_body() -> None:
	"""A request body far larger than every field together is refused before its values are read."""
	request = getattr(frappe.local, "request", None)
	if request is not None and (request.content_length or 0) > MAX_BODY_BYTES:
		frappe.throw(
			_("The form is too large to be accepted. Shorten the longest answers and send it again."),
			GuestFormError,
			title=_("Form Not Accepted"),
		)


def text_arguments(form: Mapping[str, object]) -> dict[str, object]:
	"""The submitted values without the framework's own keys (the method path, the CSRF token)."""
	return {key: value for key, value in form.items() if key not in ("cmd", "csrf_token", "_lang")}


def accepted_submission(form: Mapping[str, object], bot_message: str) -> dict[str, object]:
	"""The first steps of every guest form: the page's language, the body's size, the submitted values only,
	and the honeypot, refused with the form's own ``bot_message``."""
	use_page_language()
	refuse_oversized_body()
	values = text_arguments(form)
	if is_bot_submission(values):
		frappe.throw(bot_message, GuestFormError, title=_("Form Not Accepted"))
	return values


@contextmanager
def written_for_guest(failure_message: str) -> Iterator[None]:
	"""Writes made for a guest: all or nothing, and silent.

	A controller may tell the user about other records (the Employer form names similar employers): none of
	that reaches a guest. A validation error the guest's own checks did not foresee rolls back everything
	written in the block and is answered with ``failure_message`` (the cause is logged for the Center)."""
	kept_messages = list(frappe.local.message_log or [])
	frappe.db.savepoint(SAVEPOINT)
	try:
		yield
	except frappe.ValidationError:
		frappe.db.rollback(save_point=SAVEPOINT)
		frappe.local.message_log = kept_messages
		# Deferred: the error log must outlive the rollback of this request.
		frappe.log_error(title="Employer form: submission not saved", defer_insert=True)
		frappe.throw(failure_message, GuestFormError, title=_("Form Not Accepted"))
	frappe.local.message_log = kept_messages
