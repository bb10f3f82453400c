"""What the Center publishes on the institution's site (§2.4): the Frappe-side services.

- ``outcomes``: the data of the public page «/employment-outcomes» (``citi_employment/www``), taken only from
  published annual reports (``citi_employment.reporting.published``), suppressed (``domain.suppression``,
  ``domain.publication``) and cached; publishing, superseding or deleting a report clears the cache.
"""
