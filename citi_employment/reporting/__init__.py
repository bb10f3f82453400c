"""Reporting (issue 12; §2.4, §3.6): every query that produces a figure of the analytical reports, for the
script reports and the Annual Report alike, so a number is computed the same way wherever it is shown.

Each function takes plain arguments (dates, years, names; never a report's ``filters`` dict), checks that
the user may read every record it counts (``access``), runs ONE aggregate query through ``frappe.qb`` and
returns plain rows (a list of dicts). None reads Graduate Personal Data or any sensitive field. Each is
marked ``@frappe.read_only()``: on a site with ``read_from_replica`` its query goes to the replica (the desk's
``frappe.desk.query_report.run`` and the prepared-report job already are; this covers other callers).
The rows are shaped — pivots, shares, gaps, totals, chart series — by ``citi_employment.domain.reporting``.

outcomes (§6.2, the regional committee's table)
    graduates_by_year(year_from, year_to, profession)
        → year, profession, graduates
    outcomes_at_checkpoint(checkpoint, year_from, year_to, profession)
        → year, profession, outcome, graduates (each graduate once, by the latest done check at the checkpoint)
    shape: domain.reporting.outcome_table / outcome_totals / outcome_chart

retention (§6.2 «длительность периода трудоустройства»)
    retention_cohorts(checkpoints, as_on, overdue_grace_days, employed_from, employed_to, profession)
        → cohort ("2026-03"), placed, overdue, reached_<c>, checked_<c>, working_<c> per checkpoint c
    shape: domain.reporting.retention_table / retention_totals / retention_chart
    ("still working" is defined once: domain.reporting.STILL_WORKING_OUTCOMES)

employers (§2.2 «Банк данных» работодателей)
    employer_bank(group_by, status, region, activity)
        → per employer (or region, or activity): employers, potential, active_partners, inactive, contracts,
          contracts_in_force, requests, positions, placements, last_contact_on (+ employer, employer_name,
          status, region, activity per employer)
    shape: domain.reporting.employer_bank_rows / employer_bank_totals / employer_region_chart

contracts (§3.6 journals, §5.4 register)
    contracts_by_journal(today, expiring_within_days, selection, status)
        → journal, status, contracts, expiring
    expiring_contracts(today, expiring_within_days, selection)
        → contract, registration_number, journal, employer, employer_name, profession, status, valid_from,
          valid_to, auto_renew
    ContractSelection(journal, registered_from, registered_to): which contracts (default: all)
    expiry_warning_days() → the Settings' contract-expiry warning days
    shape: domain.reporting.journal_table / journal_totals / expiring_rows

demand (§2.2 in-demand professions)
    positions_requested(start, end, granularity, kinds, profession)
        → profession, year, part, requests, positions, filled
    graduates_seeking_work(start, end, granularity, profession)
        → profession, year, part, graduates, seeking
    shape: domain.reporting.demand_table / demand_totals / demand_chart

consents (152-ФЗ; Head and Specialist only)
    consents_by_kind_and_status(signed_from, signed_to) → kind, status, consents
    revocations(received_from, received_to)
        → consent, graduate, graduate_name, kind, revocation_received_on, destruction_due_on, destroyed_on,
          destruction_act
    graduates_coming_of_age(today, days)
        → graduate, graduate_name, date_of_birth, consent_status, group_code (a wide window; cut exactly by
          domain.reporting.coming_of_age_rows)
    shape: domain.reporting.consent_table / revocation_rows / revocation_totals / coming_of_age_rows

work_plan (§3.6 «годовой отчёт о выполнении плана работы», §5.1)
    plan_items_by_status(today, year, period, plan_status)
        → plan, year, period, plan_status, status (of the items), items, past_due, undated
    open_items_past_due(today, year, period, plan_status)
        → plan, year, period, idx, activity, due, due_date, responsible, status
    shape: domain.reporting.plan_table / plan_totals / overdue_item_rows

activity (§3.6 «отчёты сотрудников Центра о проделанной работе»; each → user, year, part, <count>)
    checks_done(start, end, granularity, user)             → checks_done (by responsible specialist)
    events_held(start, end, granularity, user)             → events_held, participants (by organiser)
    employer_interactions(start, end, granularity, user)   → interactions (by responsible)
    requests_handled(start, end, granularity, user)        → requests_handled (entered, or a candidate proposed)
    placements_recorded(start, end, granularity, user)     → placements (by who recorded them)
    user_names(users) → {user: full name}
    shape: domain.reporting.activity_table / activity_totals

Periods: ``granularity`` is domain.reporting.YEAR, QUARTER or MONTH; ``part`` is the quarter or month (absent
for years) and domain.reporting.period_label makes "2026", "2026-Q1" or "2026-03" of it.

Helpers: ``access`` (who may see figures: ReportAccessError), ``filters`` (report filters read and refused the
same way: ReportFilterError), ``periods`` (year and quarter or month of a date, as SQL terms), ``desk`` (the
desk's column, card and chart shapes, and ``desk_report``, the reports' ``execute`` wrapper that answers a
refusal with a message instead of raising).

The Annual Report can call these with its year's bounds, e.g. ``retention_cohorts(checkpoints, as_on=date(Y,
12, 31), ...)`` for retention at 6 and 12 months, ``contracts_by_journal(...)`` with the year as registration
period, ``plan_items_by_status(today, year=Y)``, ``events_held(date(Y, 1, 1), date(Y, 12, 31), YEAR)``.
"""
