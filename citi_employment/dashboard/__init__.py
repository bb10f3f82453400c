"""The figures of the «Трудоустройство» workspace (issue 12) that a plain count of one DocType cannot
express: the number-card methods (``cards``) and the retention chart's source (``charts``).

Each is a whitelisted reader: it changes nothing, so a GET is allowed; it counts only what the user may
read (the framework's list permissions, or the reports' rule that a figure needs every row of its DocTypes,
``citi_employment.reporting.access``), and its queries are read-only so a read replica can serve them. The
plain counts (graduates seeking work, checks due this week, contracts expiring) are Number Cards with
filters and need no code.
"""
