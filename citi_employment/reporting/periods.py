"""The period a dated record falls in, as SQL terms: its year, and its quarter or month (the reports
group by these so one query gives every period at once)."""

from pypika.enums import DatePart
from pypika.functions import Extract
from pypika.terms import Term

from citi_employment.domain import reporting as rules


def period_terms(day: Term, granularity: str) -> tuple[Term, Term | None]:
	"""(year, quarter or month or None) of the date ``day``."""
	year = Extract(DatePart.year, day)
	if granularity == rules.QUARTER:
		return year, Extract(DatePart.quarter, day)
	if granularity == rules.MONTH:
		return year, Extract(DatePart.month, day)
	return year, None


def select_period(query, day: Term, granularity: str):
	"""The query selecting and grouped by the period of ``day`` (as ``year`` and ``part``)."""
	year, part = period_terms(day, granularity)
	query = query.select(year.as_("year")).groupby(year)
	if part is not None:
		query = query.select(part.as_("part")).groupby(part)
	return query


def within(query, day: Term, start, end):
	"""The query limited to the records whose ``day`` is from ``start`` to ``end``; either end may be open."""
	if start:
		query = query.where(day >= start)
	if end:
		query = query.where(day <= end)
	return query
