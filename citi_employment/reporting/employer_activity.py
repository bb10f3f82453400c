"""Employers new to the Center's data bank in a period, and employers the Center worked with in it (§2.2
«Банк данных» потенциальных и фактических работодателей, §5.3 forms of work with employers), by region.

An employer is active in the period when, in it, the Center had an interaction with it (§5.3), it sent a
vacancy request (compiled in the period; drafts and cancelled requests left out, as the demand counts them),
a contract of it was in force for at least a day, a graduate started work there, or it took part in an event
the Center held. New: entered into the data bank in the period (the record's creation)."""

from datetime import date, datetime, time, timedelta

import frappe
from frappe.query_builder import Case, DocType
from frappe.query_builder.functions import Coalesce, Sum
from pypika.functions import Date

from citi_employment.domain import reporting as rules
from citi_employment.domain.contracts import REGISTERED_STATUSES
from citi_employment.reporting.access import check_reads_all

EMPLOYER_DOCTYPE = "Employer"
INTERACTION_DOCTYPE = "Employer Interaction"
REQUEST_DOCTYPE = "Vacancy Request"
CONTRACT_DOCTYPE = "Employer Contract"
PLACEMENT_DOCTYPE = "Graduate Placement"
EVENT_DOCTYPE = "Center Event"
EVENT_EMPLOYER_DOCTYPE = "Center Event Employer"
HELD = "Held"


def active_employer_queries(start: date, end: date) -> list:
	"""One subquery per kind of work with an employer in the period, each selecting the employer."""
	interaction = DocType(INTERACTION_DOCTYPE)
	request = DocType(REQUEST_DOCTYPE)
	contract = DocType(CONTRACT_DOCTYPE)
	placement = DocType(PLACEMENT_DOCTYPE)
	event = DocType(EVENT_DOCTYPE)
	participant = DocType(EVENT_EMPLOYER_DOCTYPE)
	compiled = Coalesce(request.compiled_on, Date(request.creation))
	return [
		frappe.qb.from_(interaction)
		.select(interaction.employer)
		.where(interaction.interaction_date >= start)
		.where(interaction.interaction_date <= end),
		frappe.qb.from_(request)
		.select(request.employer)
		.where(compiled >= start)
		.where(compiled <= end)
		.where(request.status.notin(rules.NOT_DEMAND_STATUSES)),
		frappe.qb.from_(contract)
		.select(contract.employer)
		.where(contract.status.isin(REGISTERED_STATUSES))
		.where(contract.valid_from <= end)
		.where(contract.valid_to.isnull() | (contract.valid_to >= start))
		.where(contract.terminated_on.isnull() | (contract.terminated_on >= start)),
		frappe.qb.from_(placement)
		.select(placement.employer)
		.where(placement.employment_date >= start)
		.where(placement.employment_date <= end),
		frappe.qb.from_(participant)
		.join(event)
		.on((event.name == participant.parent) & (participant.parenttype == EVENT_DOCTYPE))
		.select(participant.employer)
		.where(event.status == HELD)
		.where(Date(event.starts_on) >= start)
		.where(Date(event.starts_on) <= end),
	]


@frappe.read_only()
def employers_new_and_active(start: date, end: date) -> list[dict]:
	"""Rows of ``region`` (None when not set), ``employers`` (in the data bank by the end of the period),
	``new_employers`` (entered in the period) and ``active_employers`` (worked with in the period)."""
	check_reads_all(
		EMPLOYER_DOCTYPE,
		INTERACTION_DOCTYPE,
		REQUEST_DOCTYPE,
		CONTRACT_DOCTYPE,
		PLACEMENT_DOCTYPE,
		EVENT_DOCTYPE,
	)
	employer = DocType(EMPLOYER_DOCTYPE)
	# ``creation`` is a moment: the period's last day counts to its end.
	first_moment = datetime.combine(start, time.min)
	after_end = datetime.combine(end + timedelta(days=1), time.min)
	active = None
	for subquery in active_employer_queries(start, end):
		condition = employer.name.isin(subquery)
		active = condition if active is None else active | condition
	in_bank = employer.creation < after_end
	new = in_bank & (employer.creation >= first_moment)
	return (
		frappe.qb.from_(employer)
		.select(
			employer.region,
			Sum(Case().when(in_bank, 1).else_(0)).as_("employers"),
			Sum(Case().when(new, 1).else_(0)).as_("new_employers"),
			Sum(Case().when(active, 1).else_(0)).as_("active_employers"),
		)
		.where(in_bank | active)
		.groupby(employer.region)
	).run(as_dict=True)
