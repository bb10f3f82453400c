"""The Center's events (§2.2: open days, working meetings and consultations for employers, seminars,
webinars, conferences, job fairs, career guidance) held in a period, by type, with their participants.

Counted as ``reporting.activity.events_held`` counts them (held, by the day they started; participants are
the graduates, students and employers recorded on the event), so the Annual Report's events and the
specialists' activity add up to the same totals."""

from datetime import date

import frappe
from frappe.query_builder import DocType
from frappe.query_builder.functions import Coalesce, Count, Sum
from pypika.functions import Date

from citi_employment.reporting.access import check_reads_all

EVENT_DOCTYPE = "Center Event"
HELD = "Held"


@frappe.read_only()
def events_by_type(start: date, end: date) -> list[dict]:
	"""Rows of ``event_type``, ``events`` (held in the period), ``graduates``, ``students`` and ``employers``
	(the participants recorded on them)."""
	check_reads_all(EVENT_DOCTYPE)
	event = DocType(EVENT_DOCTYPE)
	day = Date(event.starts_on)
	return (
		frappe.qb.from_(event)
		.select(
			event.event_type,
			Count("*").as_("events"),
			Sum(Coalesce(event.graduates_count, 0)).as_("graduates"),
			Sum(Coalesce(event.students_count, 0)).as_("students"),
			Sum(Coalesce(event.employers_count, 0)).as_("employers"),
		)
		.where(event.status == HELD)
		.where(day >= start)
		.where(day <= end)
		.groupby(event.event_type)
	).run(as_dict=True)
