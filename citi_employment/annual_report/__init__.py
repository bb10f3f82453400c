"""The Center's annual report (§3.6 «годовой отчёт о выполнении плана работы»): the Frappe-side
services of the Annual Report DocType.

- ``compute``: the snapshot of the year, taken from the same ``citi_employment.reporting`` queries the
  analytical reports run, shaped by ``domain.annual_report`` and stored in the report's child tables;
- ``workflow``: what the controller holds to whatever path a save takes (only the Director approves, an
  approved report is frozen, one report per year unless it is a correction);
- ``corrections``: a correction is a new version that supersedes the approved one once it is approved;
- ``tables``: the stored report as the plain values of its tables (``domain.annual_report_tables``), and the
  print format's tables made from them;
- ``xlsx``: the committee's table (``domain.annual_report_xlsx``) attached to the report.

The published figures (the public page's only source) are ``citi_employment.reporting.published``.
"""

REPORT_DOCTYPE = "Annual Report"
