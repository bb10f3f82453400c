"""A date or None, from what documents and the database hold: a date, a datetime or an ISO string.

Frappe's ``getdate`` turns an empty value into today, which would invent a date (a study end, a dismissal) that
nobody entered; this keeps "no date" as None. The app's one such conversion, for the domain and the controllers.
"""

from datetime import date, datetime


def date_or_none(value: object) -> date | None:
	if value is None or value == "":
		return None
	if isinstance(value, datetime):
		return value.date()
	if isinstance(value, date):
		return value
	if isinstance(value, str):
		return date.fromisoformat(value.strip()[:10])
	raise TypeError(f"not a date: {type(value).__name__}")
