"""Dates as the app's rules need them.

- A date or None, from what documents and the database hold: a date, a datetime or an ISO string. Frappe's
  ``getdate`` turns an empty value into today, which would invent a date (a study end, a dismissal) that nobody
  entered; this keeps "no date" as None. The app's one such conversion, for the domain and the controllers.
- The same day some whole years later: an age, a retention period.
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


def years_after(day: date, years: int) -> date:
	"""The day ``years`` whole years after ``day``; 29 February counts to 1 March in a common year.

	The later of the two possible readings on purpose: a period of whole years (an age, a retention period)
	is complete only once its last day has passed, never a day early.
	"""
	try:
		return day.replace(year=day.year + years)
	except ValueError:
		# Only 29 February has no counterpart, and only in a common year.
		return date(day.year + years, 3, 1)
