"""The employers' data bank (§2.2 «Банк данных» потенциальных и фактических работодателей): each employer,
or employers summed by region or by activity, with their contracts, requests and placements and the last
contact."""

import frappe
from frappe.query_builder import Case, DocType, Order
from frappe.query_builder.functions import Coalesce, Count, Max, Sum

from citi_employment.domain import reporting as rules
from citi_employment.domain.contracts import REGISTERED_STATUSES
from citi_employment.reporting.access import check_reads_all

EMPLOYER_DOCTYPE = "Employer"
CONTRACT_DOCTYPE = "Employer Contract"
REQUEST_DOCTYPE = "Vacancy Request"
PLACEMENT_DOCTYPE = "Graduate Placement"


def like_pattern(text: str) -> str:
	"""``%text%`` with the user's own ``%``, ``_`` and ``\\`` taken literally."""
	escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
	return f"%{escaped}%"


def linked_counts():
	"""Per employer: registered and in-force contracts, requests and their positions, placements."""
	contract = DocType(CONTRACT_DOCTYPE)
	contracts = (
		frappe.qb.from_(contract)
		.select(
			contract.employer,
			Count("*").as_("contracts"),
			Sum(Case().when(contract.status.isin(rules.CONTRACTS_IN_FORCE), 1).else_(0)).as_(
				"contracts_in_force"
			),
		)
		.where(contract.status.isin(REGISTERED_STATUSES))
		.groupby(contract.employer)
	)
	request = DocType(REQUEST_DOCTYPE)
	requests = (
		frappe.qb.from_(request)
		.select(request.employer, Count("*").as_("requests"), Sum(request.positions_count).as_("positions"))
		.where(request.status.notin(rules.NOT_DEMAND_STATUSES))
		.groupby(request.employer)
	)
	placement = DocType(PLACEMENT_DOCTYPE)
	placements = (
		frappe.qb.from_(placement)
		.select(placement.employer, Count("*").as_("placements"))
		.groupby(placement.employer)
	)
	return contracts, requests, placements


@frappe.read_only()
def employer_bank(
	group_by: str = rules.BY_EMPLOYER,
	status: str | None = None,
	region: str | None = None,
	activity: str | None = None,
) -> list[dict]:
	"""Rows with ``employers``, ``potential``, ``active_partners``, ``inactive``, ``contracts`` (registered),
	``contracts_in_force``, ``requests`` (not draft or cancelled), ``positions`` (asked in them),
	``placements`` and ``last_contact_on`` (``Employer.last_contact_on``: the latest interaction or e-mail).

	``group_by`` Employer: one row per employer, also with ``employer``, ``employer_name``, ``status``,
	``region`` and ``activity``; Region or Activity: one row per region or activity text (``region`` or
	``activity``), the counts summed and the latest contact of its employers. ``activity`` filters by a part
	of the activity text.
	"""
	check_reads_all(EMPLOYER_DOCTYPE, CONTRACT_DOCTYPE, REQUEST_DOCTYPE, PLACEMENT_DOCTYPE)
	employer = DocType(EMPLOYER_DOCTYPE)
	contracts, requests, placements = linked_counts()

	def of_status(value):
		return Case().when(employer.status == value, 1).else_(0)

	counts = {
		"potential": of_status(rules.POTENTIAL),
		"active_partners": of_status(rules.ACTIVE_PARTNER),
		"inactive": of_status(rules.INACTIVE),
		"contracts": Coalesce(contracts.contracts, 0),
		"contracts_in_force": Coalesce(contracts.contracts_in_force, 0),
		"requests": Coalesce(requests.requests, 0),
		"positions": Coalesce(requests.positions, 0),
		"placements": Coalesce(placements.placements, 0),
	}
	query = (
		frappe.qb.from_(employer)
		.left_join(contracts)
		.on(contracts.employer == employer.name)
		.left_join(requests)
		.on(requests.employer == employer.name)
		.left_join(placements)
		.on(placements.employer == employer.name)
	)
	if group_by == rules.BY_EMPLOYER:
		query = query.select(
			employer.name.as_("employer"),
			Coalesce(employer.short_name, employer.full_name).as_("employer_name"),
			employer.status,
			employer.region,
			employer.activity,
			employer.last_contact_on,
			*(term.as_(key) for key, term in counts.items()),
		).orderby(employer.region, employer.activity, employer.short_name, employer.name)
	else:
		key = employer.region if group_by == rules.BY_REGION else employer.activity
		query = (
			query.select(
				key.as_("region" if group_by == rules.BY_REGION else "activity"),
				Count(employer.name).as_("employers"),
				*(Sum(term).as_(key_name) for key_name, term in counts.items()),
				Max(employer.last_contact_on).as_("last_contact_on"),
			)
			.groupby(key)
			.orderby(Count(employer.name), order=Order.desc)
		)
	if status:
		query = query.where(employer.status == status)
	if region:
		query = query.where(employer.region == region)
	if activity:
		query = query.where(employer.activity.like(like_pattern(activity)))
	rows = query.run(as_dict=True)
	if group_by == rules.BY_EMPLOYER:
		for row in rows:
			row["employers"] = 1
	return rows
