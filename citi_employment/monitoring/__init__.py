"""Monitoring of graduates' employment after placement (§6.2): the Frappe-side services.

- ``policy``: the Center's monitoring parameters from Employment Center Settings;
- ``schedule``: the checks a placement brings (made, moved, set aside on dismissal, followed up);
- ``derived``: what a recorded check changes in the graduate and the placement;
- ``jobs``: the daily job (due and overdue checks, the specialists' to-dos, the Head's digest).

The rules themselves are plain Python in ``citi_employment.domain.monitoring``.
"""

RECORD_DOCTYPE = "Employment Monitoring Record"
