"""The positions of a vacancy request taken by placements, read and written one transaction at a time.

Two specialists may record placements against the last open position at the same moment. Each request's
row is locked (``SELECT ... FOR UPDATE``) before its placements are counted, so a second transaction waits
for the first to end; the count is a locking read too, which in InnoDB sees the latest committed rows and
not the snapshot the transaction started with. Whoever counts or writes a request's filled positions locks
the request first, so the locks are always taken in the same order (request, then placements) and two such
transactions cannot deadlock.
"""

import frappe
from frappe.query_builder.functions import Count

REQUEST_DOCTYPE = "Vacancy Request"
PLACEMENT_DOCTYPE = "Graduate Placement"


def lock_request(request: str) -> int | None:
	"""Lock the request's row until the transaction ends; returns its positions count (None: no request)."""
	table = frappe.qb.DocType(REQUEST_DOCTYPE)
	rows = (
		frappe.qb.from_(table).select(table.positions_count).where(table.name == request).for_update()
	).run()
	return int(rows[0][0] or 0) if rows else None


def placements_on(request: str, exclude: str | None = None) -> int:
	"""Placements made against the request, committed by anyone (a locking read), ``exclude`` left out."""
	table = frappe.qb.DocType(PLACEMENT_DOCTYPE)
	query = frappe.qb.from_(table).select(Count(table.name)).where(table.vacancy_request == request)
	if exclude:
		query = query.where(table.name != exclude)
	return int(query.for_update().run()[0][0] or 0)
