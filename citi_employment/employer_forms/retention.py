"""Keep the promise of the request form's privacy notice: the contact person's data goes three years after the
request is closed (domain.employer_forms.CONTACT_RETENTION_YEARS).

A daily job. A request closed before it recorded its closing day has none; it counts from its last change
instead, which can only be later than the real closing, so the data is never deleted early. The request itself
stays: the Center's register of requests and its figures keep everything but the person.
"""

import frappe
from frappe.query_builder.functions import Coalesce, Date
from frappe.utils import getdate

from citi_employment.domain import employer_forms as rules
from citi_employment.domain.vacancies import FINAL_STATUSES

REQUEST = "Vacancy Request"
BATCH_SIZE = 500


def expired_requests(today) -> list[str]:
	"""Closed or cancelled requests past their retention period that still hold any contact field."""
	request = frappe.qb.DocType(REQUEST)
	cutoff = rules.last_expired_closing_day(getdate(today))
	holds_contact = None
	for fieldname in rules.CONTACT_FIELDS:
		filled = request[fieldname].notnull() & (request[fieldname] != "")
		holds_contact = filled if holds_contact is None else holds_contact | filled
	return (
		frappe.qb.from_(request)
		.select(request.name)
		.where(request.status.isin(sorted(FINAL_STATUSES)))
		.where(Coalesce(request.closed_on, Date(request.modified)) <= cutoff)
		.where(holds_contact)
		.orderby(request.name)
		.run(pluck=True)
	)


def forget_expired_contacts(today=None) -> int:
	"""Blank the contact fields of every expired request; return how many requests lost them."""
	names = expired_requests(today or getdate())
	request = frappe.qb.DocType(REQUEST)
	for start in range(0, len(names), BATCH_SIZE):
		update = frappe.qb.update(request)
		for fieldname in rules.CONTACT_FIELDS:
			update = update.set(request[fieldname], None)
		# The row's modified stays: blanking is not an edit by anyone, and it must not restart the clock.
		update.where(request.name.isin(names[start : start + BATCH_SIZE])).run()
		frappe.db.commit()
	return len(names)
