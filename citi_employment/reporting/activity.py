"""What each member of the Center's staff did in a period (§3.6 «отчёты сотрудников Центра о проделанной
работе»): monitoring checks done, events held and their participants, employer interactions, vacancy
requests handled and placements recorded.

Who did it: the check's responsible specialist, the event's organiser, the interaction's responsible, the
user who entered a request or proposed a candidate for it, the user who recorded a placement."""

from datetime import date

import frappe
from frappe.query_builder import DocType
from frappe.query_builder.functions import Coalesce, Count, Sum
from pypika.functions import Date

from citi_employment.domain import monitoring
from citi_employment.domain import reporting as rules
from citi_employment.monitoring import RECORD_DOCTYPE
from citi_employment.reporting.access import check_reads_all
from citi_employment.reporting.periods import select_period

EVENT_DOCTYPE = "Center Event"
INTERACTION_DOCTYPE = "Employer Interaction"
REQUEST_DOCTYPE = "Vacancy Request"
CANDIDATE_DOCTYPE = "Vacancy Candidate"
PLACEMENT_DOCTYPE = "Graduate Placement"
HELD = "Held"
# A request sent through the public form is entered by nobody on the staff.
GUEST = "Guest"


def by_user_and_period(query, user_term, day, start: date, end: date, granularity: str, user: str | None):
	query = query.select(user_term.as_("user")).groupby(user_term).where(day >= start).where(day <= end)
	if user:
		query = query.where(user_term == user)
	return select_period(query, day, granularity)


def counted(doctype: str, label: str, user_field: str, day_field: str, *period) -> list[dict]:
	"""Rows of ``user``, ``year``, ``part`` and the count ``label`` of the ``doctype`` records of the period
	(``start``, ``end``, ``granularity``, ``user``), by whom (``user_field``) and when (``day_field``)."""
	check_reads_all(doctype)
	table = DocType(doctype)
	query = frappe.qb.from_(table).select(Count("*").as_(label))
	user_term, day = getattr(table, user_field), getattr(table, day_field)
	return by_user_and_period(query, user_term, day, *period).run(as_dict=True)


@frappe.read_only()
def checks_done(start: date, end: date, granularity: str, user: str | None = None) -> list[dict]:
	"""Rows of ``user`` (the responsible specialist), ``year``, ``part``, ``checks_done``: monitoring checks
	done in the period (by check date)."""
	check_reads_all(RECORD_DOCTYPE)
	record = DocType(RECORD_DOCTYPE)
	query = (
		frappe.qb.from_(record).select(Count("*").as_("checks_done")).where(record.status == monitoring.DONE)
	)
	return by_user_and_period(
		query, record.responsible_specialist, record.checked_on, start, end, granularity, user
	).run(as_dict=True)


@frappe.read_only()
def events_held(start: date, end: date, granularity: str, user: str | None = None) -> list[dict]:
	"""Rows of ``user`` (the organiser), ``year``, ``part``, ``events_held`` and ``participants`` (graduates,
	students and employers counted on the events) of the Center events held in the period."""
	check_reads_all(EVENT_DOCTYPE)
	event = DocType(EVENT_DOCTYPE)
	participants = (
		Coalesce(event.graduates_count, 0)
		+ Coalesce(event.students_count, 0)
		+ Coalesce(event.employers_count, 0)
	)
	query = (
		frappe.qb.from_(event)
		.select(Count("*").as_("events_held"), Sum(participants).as_("participants"))
		.where(event.status == HELD)
	)
	return by_user_and_period(
		query, event.organiser, Date(event.starts_on), start, end, granularity, user
	).run(as_dict=True)


@frappe.read_only()
def employer_interactions(start: date, end: date, granularity: str, user: str | None = None) -> list[dict]:
	"""Rows of ``user`` (the responsible), ``year``, ``part``, ``interactions`` with employers (§5.3)."""
	period = (start, end, granularity, user)
	return counted(INTERACTION_DOCTYPE, "interactions", "responsible", "interaction_date", *period)


@frappe.read_only()
def requests_handled(start: date, end: date, granularity: str, user: str | None = None) -> list[dict]:
	"""Rows of ``user``, ``year``, ``part``, ``requests_handled``: the distinct vacancy requests the user
	entered (by compilation date; drafts and cancelled ones left out) or proposed a candidate for (by the
	proposal's date) in the period. One query over the union of both."""
	check_reads_all(REQUEST_DOCTYPE, CANDIDATE_DOCTYPE)
	request = DocType(REQUEST_DOCTYPE)
	candidate = DocType(CANDIDATE_DOCTYPE)
	entered = (
		frappe.qb.from_(request)
		.select(
			request.owner.as_("handled_by"),
			request.name.as_("request"),
			Coalesce(request.compiled_on, Date(request.creation)).as_("handled_on"),
		)
		.where(request.owner != GUEST)
		.where(request.status.notin(rules.NOT_DEMAND_STATUSES))
	)
	proposed = frappe.qb.from_(candidate).select(
		candidate.owner.as_("handled_by"),
		candidate.vacancy_request.as_("request"),
		Date(candidate.creation).as_("handled_on"),
	)
	handled = (entered + proposed).as_("handled")
	query = frappe.qb.from_(handled).select(Count(handled.request).distinct().as_("requests_handled"))
	return by_user_and_period(
		query, handled.handled_by, handled.handled_on, start, end, granularity, user
	).run(as_dict=True)


@frappe.read_only()
def placements_recorded(start: date, end: date, granularity: str, user: str | None = None) -> list[dict]:
	"""Rows of ``user`` (who recorded it), ``year``, ``part``, ``placements``: graduates placed in the period
	(by employment date)."""
	period = (start, end, granularity, user)
	return counted(PLACEMENT_DOCTYPE, "placements", "owner", "employment_date", *period)


@frappe.read_only()
def user_names(users: list[str]) -> dict[str, str]:
	"""The full names of the staff users named in the rows (one query)."""
	users = [user for user in users if user]
	if not users:
		return {}
	user = DocType("User")
	rows = frappe.qb.from_(user).select(user.name, user.full_name).where(user.name.isin(users)).run()
	return {name: full_name or name for name, full_name in rows}
