"""Placements of a period (§2.4, §6.2): graduates placed, by profession, with the quota positions and the
special workplaces their employers provided.

The Annual Report's placement block counts with this; the retention of the placements is
``reporting.retention``."""

from datetime import date

import frappe
from frappe.query_builder import Case, DocType
from frappe.query_builder.functions import Count, Sum

from citi_employment.reporting.access import check_reads_all

PLACEMENT_DOCTYPE = "Graduate Placement"


@frappe.read_only()
def placements_by_profession(start: date, end: date) -> list[dict]:
	"""Rows of ``profession``, ``placements`` (employment date in the period), ``graduates`` (placed in that
	profession, each once), ``quota_positions``, ``special_workplaces`` and ``all_graduates`` (every
	graduate placed in the period, each once whatever the number of placements or professions: the same on
	every row). A dismissal later does not undo a placement: it shows in the retention.

	One query: the overall count is a scalar subquery of the same statement.
	"""
	check_reads_all(PLACEMENT_DOCTYPE)
	placement = DocType(PLACEMENT_DOCTYPE)

	def in_period(query):
		return query.where(placement.employment_date >= start).where(placement.employment_date <= end)

	all_graduates = in_period(frappe.qb.from_(placement).select(Count(placement.graduate).distinct())).as_(
		"all_graduates"
	)
	query = frappe.qb.from_(placement).select(
		placement.profession,
		Count(placement.name).as_("placements"),
		Count(placement.graduate).distinct().as_("graduates"),
		Sum(Case().when(placement.quota_position == 1, 1).else_(0)).as_("quota_positions"),
		Sum(Case().when(placement.special_workplace_created == 1, 1).else_(0)).as_("special_workplaces"),
		all_graduates,
	)
	return in_period(query).groupby(placement.profession).run(as_dict=True)
