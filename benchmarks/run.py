"""Benchmarks of issue 14 (part 4): one command, a table of ratios measured in the same run.

Run from the bench's sites folder with the bench's Python (the app must be installed on the site):

	cd <bench>/sites && ../env/bin/python <repo>/benchmarks/run.py --site <site> [--port 8014] [--write]

Each line times the app's way and its baseline in the same run, interleaved, and gives their ratio with the
1-minute load average at that moment (the machine is shared: only ratios measured together are fair). The
PDF, dossier and page sections run with the site served by the run's own ``bench serve --noreload`` on
``--port``, started and stopped by it (wkhtmltopdf fetches the prints' assets there). Nothing the run writes
is kept: every write (the daily jobs, the prints' access log) happens in a transaction whose commits are
no-ops and which is rolled back.
``--write`` puts the table into benchmarks/RESULTS.md (its own sections only). See benchmarks/README.md.
"""

import argparse
import contextlib
import dataclasses
import datetime
import math
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import time
import traceback
import urllib.request
from collections.abc import Callable

import frappe

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.path.join(HERE, "RESULTS.md")
ROWS: list[dict] = []
NOTES: list[str] = [
	"Ratios: app / baseline, medians of runs alternated in the same process (the naive loop: baseline / "
	"app, a speed-up). «Load» is the 1-minute load average when the line was measured (2 cores shared).",
	"Daily jobs at 1× and 3× data: stress scale was not loaded, so each job runs twice on region data, on the "
	"same day (21 days ahead, freezegun), each time in a transaction that is rolled back: at 3× on the "
	"region's whole due set, at 1× after UPDATEs inside that transaction moved two of every three rows it "
	"acts on (crc32(name) % 3) out of its due set (the reminders: a filter keeps every third waiting "
	"document; the destructions: 10 and then 30 of the due consents do their work). Statements are counted "
	"through frappe.db.sql, with the server's Questions counter beside. Flat (ok): the 3× count is at most "
	"10 statements more (more chunks of thousands of rows).",
	"Annual report: the app side is every block of the report (year_figures + snapshot), the SQL side its 23 "
	"counted key figures (the other 5 are shares and an average of them), each as a scalar sub-query that "
	"reads only the year's rows; the save and the XLSX are not timed.",
	"Script reports: each report's hand-written SQL is one statement giving its rows and summary figures at "
	"the default filters; the run asserts they are equal to the report's.",
	"Daily jobs batched by issue 14.4: contracts.expiry (new values one UPDATE per distinct value, comments and the Heads' to-dos in bulk through approvals.head_tasks_bulk), personal_data.daily expire_consents (one UPDATE per 5,000 consents, graduates' statuses per chunk) and remind_own_consent (to-dos in bulk), monitoring.jobs (_assign one UPDATE per distinct value instead of a CASE per check, quadratic in MariaDB), email_reports.reminders (the day's reminders already sent read once for all documents). Per record by nature: a destruction act per subject (ст. 21 ч. 5 152-ФЗ; about 380 statements each, personal_data.destruction) and the framework's notifications of each reminded document (about 28 statements each).",
	"Reports answering in a few milliseconds (Work Plan Execution, Sensitive Data Access) compare the report's fixed Python cost (filters, labels, translations) with a 1 ms query: a ratio over 2× there is about a millisecond.",
]


# --- measuring -------------------------------------------------------------------------------------------


def load() -> float:
	return round(os.getloadavg()[0], 1)


def timed(function) -> tuple[float, object]:
	started = time.perf_counter()
	result = function()
	return time.perf_counter() - started, result


def race(subject, baseline, repeat: int = 5, warmup: int = 1) -> tuple[float, float, object, object]:
	"""Median seconds of ``subject`` and ``baseline``, run alternately (so both see the same load)."""
	for _ in range(warmup):
		subject()
		baseline()
	subject_times, baseline_times = [], []
	subject_result = baseline_result = None
	for _ in range(repeat):
		seconds, subject_result = timed(subject)
		subject_times.append(seconds)
		seconds, baseline_result = timed(baseline)
		baseline_times.append(seconds)
	return (
		statistics.median(subject_times),
		statistics.median(baseline_times),
		subject_result,
		baseline_result,
	)


def add(name: str, subject: float, baseline: float, target: str, note: str = "", higher_is_better=False):
	"""A table row; ratio = subject / baseline (or baseline / subject when the target is a speed-up)."""
	ratio = (baseline / subject) if higher_is_better else (subject / baseline)
	bound = float(target.strip("≤≥× "))
	met = ratio >= bound if higher_is_better else ratio <= bound
	ROWS.append(
		{
			"name": name,
			"subject": subject,
			"baseline": baseline,
			"ratio": ratio,
			"target": target,
			"status": "ok" if met else "MISSED",
			"load": load(),
			"note": note,
		}
	)
	print(f"  {name}: {ratio:.2f}× (target {target}) {'ok' if met else 'MISSED'} {note}", flush=True)


def add_text(name: str, value: str, status: str, note: str = ""):
	ROWS.append({"name": name, "text": value, "status": status, "load": load(), "note": note})
	print(f"  {name}: {value} {status} {note}", flush=True)


def sql(query: str, values=(), as_dict=False):
	return frappe.db.sql(query, values, as_dict=as_dict)


@contextlib.contextmanager
def counted_queries():
	"""Counts every statement sent through frappe.db.sql (the query builder's run() goes through it too),
	and, as a check, the server's own ``Questions`` counter of the session."""
	counter = {"sql": 0}
	original = frappe.db.sql

	def counting(*args, **kwargs):
		counter["sql"] += 1
		return original(*args, **kwargs)

	before = int(original("show session status like 'Questions'")[0][1])
	frappe.db.sql = counting
	try:
		yield counter
	finally:
		frappe.db.sql = original
		# Minus the two SHOW statements themselves.
		counter["server"] = int(original("show session status like 'Questions'")[0][1]) - before - 1


@contextlib.contextmanager
def rolled_back():
	"""Everything written inside is undone: commits become no-ops, then the transaction rolls back."""
	frappe.db.commit()
	commit = frappe.db.commit
	frappe.db.commit = lambda *args, **kwargs: None
	try:
		yield
	finally:
		frappe.db.commit = commit
		frappe.db.rollback()
		frappe.local.cache = {}


# --- annual report ---------------------------------------------------------------------------------------


def busiest_year() -> int:
	"""The finished year with the most placements: the Center reports on a year once it is over, and only a
	finished year has its 6- and 12-month checks to count."""
	return int(
		sql(
			"""select year(employment_date) y from `tabGraduate Placement`
			where employment_date < makedate(year(curdate()), 1)
			group by y order by count(*) desc limit 1"""
		)[0][0]
	)


def bench_annual_report():
	from citi_employment.annual_report import compute
	from citi_employment.domain import annual_report as rules
	from citi_employment.domain import reporting as report_rules
	from citi_employment.domain import vacancies as vacancy_rules
	from citi_employment.domain.reporting import STILL_WORKING_OUTCOMES

	year = busiest_year()
	as_on = datetime.date.today()
	checkpoint = 12

	def app():
		return rules.snapshot(compute.year_figures(year, as_on, checkpoint)).figures

	start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
	kinds = list(report_rules.REQUEST_KINDS)
	not_demand = list(report_rules.NOT_DEMAND_STATUSES)
	working = list(STILL_WORKING_OUTCOMES)
	hand_sql = """
		select
			(select count(*) from `tabGraduate Placement` where employment_date between %(start)s and %(end)s)
				as placements,
			(select count(distinct graduate) from `tabGraduate Placement`
				where employment_date between %(start)s and %(end)s) as graduates_placed,
			(select count(*) from `tabGraduate` where study_end between %(start)s and %(end)s) as graduates,
			(select count(*) from (
				select r.outcome, row_number() over (partition by r.graduate
					order by r.checked_on desc, r.name desc) as n
				from `tabGraduate` g join `tabEmployment Monitoring Record` r on r.graduate = g.name
				where g.study_end between %(start)s and %(end)s
				and r.checkpoint = %(checkpoint)s and r.status = 'Done'
			) latest where latest.n = 1 and latest.outcome in %(working)s) as graduates_working,
			(select count(*) from `tabVacancy Request` where coalesce(compiled_on, date(creation))
				between %(start)s and %(end)s and kind in %(kinds)s and status not in %(not_demand)s)
				as requests_received,
			(select coalesce(sum(positions_count), 0) from `tabVacancy Request`
				where coalesce(compiled_on, date(creation)) between %(start)s and %(end)s
				and kind in %(kinds)s and status not in %(not_demand)s) as positions_requested,
			(select coalesce(sum(filled_count), 0) from `tabVacancy Request`
				where coalesce(compiled_on, date(creation)) between %(start)s and %(end)s
				and kind in %(kinds)s and status not in %(not_demand)s) as positions_filled,
			(select count(*) from `tabCenter Event` where status = 'Held'
				and date(starts_on) between %(start)s and %(end)s) as events_held,
			(select coalesce(sum(coalesce(graduates_count, 0) + coalesce(students_count, 0)
				+ coalesce(employers_count, 0)), 0) from `tabCenter Event` where status = 'Held'
				and date(starts_on) between %(start)s and %(end)s) as event_participants,
			(select count(*) from `tabEmployment Monitoring Record` where status = 'Done'
				and checked_on between %(start)s and %(end)s and employer_satisfaction between 1 and 5)
				as satisfaction_answers,
			(select count(*) from `tabEmployment Monitoring Record` where status = 'Done'
				and checked_on between %(start)s and %(end)s and employer_complaints = 1) as complaints,
			(select count(*) from `tabGraduate Placement` where employment_date between %(first_6)s and %(last_6)s
				and employment_date + interval 6 month <= %(as_on)s) as retention_6_reached,
			(select count(*) from `tabGraduate Placement` p join `tabEmployment Monitoring Record` r
				on r.placement = p.name where p.employment_date between %(first_6)s and %(last_6)s
				and p.employment_date + interval 6 month <= %(as_on)s and r.checkpoint = 6 and r.status = 'Done'
				and r.checked_on <= %(as_on)s and r.outcome in %(working)s) as retention_6_working,
			(select count(*) from `tabGraduate Placement` where employment_date between %(first_12)s
				and %(last_12)s and employment_date + interval 12 month <= %(as_on)s) as retention_12_reached,
			(select count(*) from `tabGraduate Placement` p join `tabEmployment Monitoring Record` r
				on r.placement = p.name where p.employment_date between %(first_12)s and %(last_12)s
				and p.employment_date + interval 12 month <= %(as_on)s and r.checkpoint = 12
				and r.status = 'Done' and r.checked_on <= %(as_on)s and r.outcome in %(working)s)
				as retention_12_working,
			(select count(*) from `tabEmployer` where creation < %(after_end)s) as employers_total,
			(select count(*) from `tabEmployer` where creation >= %(start)s and creation < %(after_end)s)
				as employers_new,
			(select count(*) from `tabEmployer` e join (
				select employer from `tabEmployer Interaction` where interaction_date between %(start)s and %(end)s
				union select employer from `tabVacancy Request`
					where coalesce(compiled_on, date(creation)) between %(start)s and %(end)s
					and status not in %(not_demand)s
				union select employer from `tabEmployer Contract` where status in %(registered)s
					and valid_from <= %(end)s and (valid_to is null or valid_to >= %(start)s)
					and (terminated_on is null or terminated_on >= %(start)s)
				union select employer from `tabGraduate Placement` where employment_date between %(start)s and %(end)s
				union select p.employer from `tabCenter Event Employer` p join `tabCenter Event` ev
					on ev.name = p.parent and p.parenttype = 'Center Event'
					where ev.status = 'Held' and date(ev.starts_on) between %(start)s and %(end)s
			) worked on worked.employer = e.name) as employers_active,
			(select count(*) from `tabEmployer Contract` where registered_on between %(start)s and %(end)s
				and status in %(contract_statuses)s) as contracts_registered,
			(select count(*) from `tabEmployer Contract` where registered_on between %(start)s and %(end)s
				and status in %(in_force)s) as contracts_in_force,
			(select count(*) from `tabWork Plan` wp join `tabWork Plan Item` i on i.parent = wp.name
				and i.parenttype = 'Work Plan' and i.parentfield = 'items'
				where wp.year = %(year)s and i.status in %(item_statuses)s) as plan_items,
			(select count(*) from `tabWork Plan` wp join `tabWork Plan Item` i on i.parent = wp.name
				and i.parenttype = 'Work Plan' and i.parentfield = 'items'
				where wp.year = %(year)s and i.status = 'Done') as plan_items_done,
			(select count(*) from `tabWork Plan` wp join `tabWork Plan Item` i on i.parent = wp.name
				and i.parenttype = 'Work Plan' and i.parentfield = 'items'
				where wp.year = %(year)s and i.status in %(open_items)s and coalesce(i.due_date,
					makedate(wp.year, 1) + interval (case when wp.period = '1st Half' then 6 else 12 end) month
					- interval 1 day) < %(as_on)s) as plan_items_overdue
	"""
	from citi_employment.domain import work_plan as plan_rules
	from citi_employment.domain.contracts import REGISTERED_STATUSES

	(first_6, last_6), (first_12, last_12) = (rules.checkpoint_cohort(year, months) for months in (6, 12))
	assert tuple(rules.RETENTION_CHECKPOINTS) == (6, 12), rules.RETENTION_CHECKPOINTS
	values = {
		"start": start,
		"end": end,
		"after_end": end + datetime.timedelta(days=1),
		"as_on": as_on,
		"year": year,
		"checkpoint": checkpoint,
		"working": working,
		"kinds": kinds,
		"not_demand": not_demand,
		"first_6": first_6,
		"last_6": last_6,
		"first_12": first_12,
		"last_12": last_12,
		"registered": list(REGISTERED_STATUSES),
		"contract_statuses": list(report_rules.CONTRACT_STATUSES),
		"in_force": list(report_rules.CONTRACTS_IN_FORCE),
		"item_statuses": list(report_rules.ITEM_STATUSES),
		"open_items": sorted(plan_rules.OPEN_ITEM_STATUSES),
	}
	del vacancy_rules  # the kinds come from domain.reporting

	def baseline():
		return sql(hand_sql, values, as_dict=True)[0]

	app_seconds, sql_seconds, figures, hand = race(app, baseline, repeat=3)
	compared = {key: (figures[key], int(hand[key] or 0)) for key in hand}
	wrong = {key: pair for key, pair in compared.items() if int(pair[0] or 0) != pair[1]}
	assert not wrong, f"annual report figures differ from the hand-written SQL: {wrong}"
	add(
		f"Annual report {year}: compute.year_figures+snapshot vs one SQL aggregate",
		app_seconds,
		sql_seconds,
		"≤1.5×",
		f"{app_seconds * 1000:.0f} ms vs {sql_seconds * 1000:.0f} ms; {len(compared)} figures equal "
		f"(placements {hand['placements']}, working {hand['graduates_working']})",
	)

	# The naive loop: every placement and monitoring record of the year read with frappe.get_doc.
	placements = sql(
		"select name from `tabGraduate Placement` where employment_date between %s and %s", (start, end)
	)
	records = sql(
		"""select r.name from `tabEmployment Monitoring Record` r join `tabGraduate` g on g.name = r.graduate
		where g.study_end between %s and %s""",
		(start, end),
	)
	records += sql(
		"select name from `tabEmployment Monitoring Record` where checked_on between %s and %s", (start, end)
	)
	record_names = sorted({row[0] for row in records})
	total = len(placements) + len(record_names)
	sample = int(os.environ.get("BENCH_NAIVE_SAMPLE", "0"))

	def naive(placement_names, monitoring_names):
		placed, graduates, working_count = 0, set(), 0
		for (name,) in placement_names:
			doc = frappe.get_doc("Graduate Placement", name)
			placed += 1
			graduates.add(doc.graduate)
		for name in monitoring_names:
			doc = frappe.get_doc("Employment Monitoring Record", name)
			if doc.status == "Done" and doc.checkpoint == checkpoint and doc.outcome in working:
				working_count += 1
		return placed, len(graduates), working_count

	if sample and sample < total:
		share = sample / total
		part_placements = placements[: max(1, int(len(placements) * share))]
		part_records = record_names[: max(1, int(len(record_names) * share))]
		seconds, _ = timed(lambda: naive(part_placements, part_records))
		naive_seconds = seconds * total / (len(part_placements) + len(part_records))
		how = f"EXTRAPOLATED from {len(part_placements) + len(part_records)} of {total} get_doc"
	else:
		naive_seconds, result = timed(lambda: naive(placements, record_names))
		assert result[0] == hand["placements"] and result[1] == hand["graduates_placed"], result
		how = f"whole loop, {total} get_doc"
	add(
		"Annual report: naive get_doc loop vs compute (speed-up)",
		app_seconds,
		naive_seconds,
		"≥20×",
		f"{naive_seconds:.1f} s vs {app_seconds:.2f} s; {how}",
		higher_is_better=True,
	)


# --- script reports --------------------------------------------------------------------------------------


def run_report(module: str, filters: dict):
	execute = frappe.get_attr(f"citi_employment.citi_employment.report.{module}.{module}.execute")
	return execute(frappe._dict(filters))


@dataclasses.dataclass(frozen=True)
class ReportCase:
	"""A script report at some filters against one hand-written statement: ``same`` compares the report's
	rows (its whole result when not ``rows_only``) with the statement's rows."""

	title: str
	module: str
	filters: dict
	hand_sql: str
	values: dict | tuple
	same: Callable[[object, list], bool]
	rows_only: bool = True

	def app(self):
		result = run_report(self.module, self.filters)
		return result[1] if self.rows_only else result

	def hand(self):
		return sql(self.hand_sql, self.values, as_dict=True)


def report_vacancy_registry():
	from citi_employment.domain import vacancies as rules

	hand_sql = """
		select r.profession, count(*) requests,
			sum(greatest(r.positions_count - r.filled_count, 0)) open_positions,
			count(distinct r.employer) employers, min(r.expected_start_date) earliest_start
		from `tabVacancy Request` r where r.status in %(open)s
		group by r.profession order by open_positions desc, r.profession"""
	values = {"open": list(rules.OPEN_STATUSES)}

	def same(rows, hand_rows):
		def key(row):
			return (int(row["requests"]), int(row["open_positions"]), int(row["employers"]))

		return sorted(map(key, rows)) == sorted(map(key, hand_rows))

	return ReportCase("Vacancy Registry", "vacancy_registry", {}, hand_sql, values, same)


def report_employer_data_bank():
	from citi_employment.domain import reporting as rules
	from citi_employment.domain.contracts import REGISTERED_STATUSES

	hand_sql = """
		select e.name employer, coalesce(c.contracts, 0) contracts,
			coalesce(c.in_force, 0) contracts_in_force, coalesce(q.requests, 0) requests,
			coalesce(p.placements, 0) placements
		from `tabEmployer` e
		left join (select employer, count(*) contracts, sum(status in %(in_force)s) in_force
			from `tabEmployer Contract` where status in %(registered)s group by employer) c
			on c.employer = e.name
		left join (select employer, count(*) requests from `tabVacancy Request`
			where status not in %(not_demand)s group by employer) q on q.employer = e.name
		left join (select employer, count(*) placements from `tabGraduate Placement` group by employer) p
			on p.employer = e.name
		order by e.region, e.activity, e.short_name, e.name"""
	values = {
		"in_force": list(rules.CONTRACTS_IN_FORCE),
		"registered": list(REGISTERED_STATUSES),
		"not_demand": list(rules.NOT_DEMAND_STATUSES),
	}

	def same(rows, hand_rows):
		fields = ("contracts", "contracts_in_force", "requests", "placements")

		def key(row):
			return (row["employer"], *(int(row.get(field) or 0) for field in fields))

		return sorted(key(row) for row in rows if row.get("employer")) == sorted(map(key, hand_rows))

	return ReportCase(
		"Employer Data Bank", "employer_data_bank", {"group_by": "Employer"}, hand_sql, values, same
	)


def report_profession_demand():
	from citi_employment.domain import reporting as rules

	today = datetime.date.today()
	start, end = datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31)

	hand_sql = """
		select profession, sum(requests) requests, sum(positions) positions, sum(filled) filled,
			sum(graduates) graduates, sum(seeking) seeking
		from (
			select profession, count(*) requests, sum(positions_count) positions, sum(filled_count) filled,
				0 graduates, 0 seeking
			from `tabVacancy Request` where coalesce(compiled_on, date(creation)) between %(start)s and %(end)s
			and kind in %(kinds)s and status not in %(not_demand)s group by profession
			union all
			select profession, 0, 0, 0, count(*), sum(employment_status = 'Seeking Employment')
			from `tabGraduate` where study_end between %(start)s and %(end)s group by profession
		) both_sides group by profession"""
	values = {
		"start": start,
		"end": end,
		"kinds": list(rules.DEMAND_KINDS),
		"not_demand": list(rules.NOT_DEMAND_STATUSES),
	}

	def same(rows, hand_rows):
		fields = ("requests", "positions", "filled", "graduates", "seeking")

		def key(row):
			return (row.get("profession") or "", *(int(row.get(field) or 0) for field in fields))

		return sorted(key(row) for row in rows if row.get("profession") or row.get("requests")) == sorted(
			map(key, hand_rows)
		)

	return ReportCase(
		"Profession Demand",
		"profession_demand",
		{"from_date": start, "to_date": end, "granularity": "Year"},
		hand_sql,
		values,
		same,
	)


def report_contract_journal():
	from citi_employment.domain import reporting as rules
	from citi_employment.domain.reporting import status_key

	hand_sql = (
		"select journal, status, count(*) contracts from `tabEmployer Contract` group by journal, status"
	)
	values = ()

	def same(rows, hand_rows):
		from_report = sorted(
			(row["journal"], status, int(row[status_key(status)]))
			for row in rows[:-1]
			for status in rules.CONTRACT_STATUSES
			if row.get(status_key(status))
		)
		return from_report == sorted(
			(row.journal, row.status, row.contracts)
			for row in hand_rows
			if row.status in rules.CONTRACT_STATUSES
		)

	return ReportCase("Contract Journal", "contract_journal", {}, hand_sql, values, same)


# The majority date in SQL as ``domain.graduate.majority_date`` gives it: 18 years on, and a 29 February
# birth turns 18 on 1 March of a common year (MariaDB's interval gives 28 February: one day added back).
MAJORITY_SQL = (
	"date_add({dob} + interval 18 year, interval (day({dob} + interval 18 year) <> day({dob})) day)"
)


def report_center_monthly_digest():
	from citi_employment.domain import consents as consent_rules
	from citi_employment.domain import email_reports as mail_rules
	from citi_employment.domain import graduate as graduate_rules
	from citi_employment.domain import reporting as rules
	from citi_employment.reporting.contracts import expiry_warning_days

	today = datetime.date.today()
	within_days = expiry_warning_days()
	limit = mail_rules.DIGEST_LIST_LIMIT
	majority = MAJORITY_SQL.format(dob="g.date_of_birth")
	values = {
		"today": today,
		"contracts_to": today + datetime.timedelta(days=within_days),
		"consents_to": today + datetime.timedelta(days=mail_rules.CONSENT_RENEWAL_DAYS),
		"adult_by": today + datetime.timedelta(days=mail_rules.COMING_OF_AGE_DAYS),
		# The index-friendly bound before the exact one: nobody born later is 18 by then.
		"born_by": mail_rules.latest_birth_date_of_age_by(
			today + datetime.timedelta(days=mail_rules.COMING_OF_AGE_DAYS)
		),
		"in_force": list(rules.CONTRACTS_IN_FORCE),
		"active": consent_rules.ACTIVE,
		"expired": consent_rules.EXPIRED,
		"processing": consent_rules.PROCESSING,
		"representative": consent_rules.LEGAL_REPRESENTATIVE,
		"seeking": graduate_rules.SEEKING_EMPLOYMENT,
		"limit": limit,
	}
	# Each section: its count (position 0) and its first ``limit`` documents in the digest's order.
	expiring = """c.docstatus = 1 and c.status = %(active)s
		and c.valid_until between %(today)s and %(consents_to)s"""
	coming = f"""c.docstatus = 1 and c.status = %(active)s and c.kind = %(processing)s
		and c.signer = %(representative)s and g.date_of_birth <= %(born_by)s and {majority} <= %(adult_by)s
		and (c.valid_until is null or c.valid_until < %(today)s or c.valid_until > %(consents_to)s)"""
	lapsed = """c.docstatus = 1 and c.status = %(expired)s and c.kind = %(processing)s
		and g.consent_status = %(expired)s and g.employment_status = %(seeking)s"""
	contracts = "status in %(in_force)s and valid_to between %(today)s and %(contracts_to)s"
	# Each section read once: its first ``limit`` documents in the digest's order, with the section's count
	# (and the checks' count per status) carried on every row by a window over the whole section.
	hand_sql = f"""
		select section, position, document, due, overdue, total from (
			select 1 section, row_number() over (order by due_date, name) position, name document,
				sum(status = 'Due') over () due, sum(status = 'Overdue') over () overdue, count(*) over () total
			from `tabEmployment Monitoring Record` where status in ('Due', 'Overdue')
			union all
			select 2, row_number() over (order by valid_to, name), name, 0, 0, count(*) over ()
			from `tabEmployer Contract` where {contracts}
			union all
			select 3, row_number() over (order by c.valid_until, c.name), c.name, 0, 0, count(*) over ()
			from `tabPersonal Data Consent` c where {expiring}
			union all
			select 4, row_number() over (order by {majority}, c.name), c.name, 0, 0, count(*) over ()
			from `tabPersonal Data Consent` c join `tabGraduate` g on g.name = c.graduate where {coming}
			union all
			select 5, row_number() over (order by max(c.valid_until), c.graduate), c.graduate, 0, 0,
				count(*) over ()
			from `tabPersonal Data Consent` c join `tabGraduate` g on g.name = c.graduate where {lapsed}
			group by c.graduate
		) digest where position <= %(limit)s order by section, position"""

	def same(result, hand_rows):
		first = {}
		for row in hand_rows:
			first.setdefault(row.section, row)

		def total(section):
			return int(first[section].total) if section in first else 0

		checks = first.get(1)
		due, overdue = (int(checks.due), int(checks.overdue)) if checks else (0, 0)
		cards = [int(card["value"]) for card in result[4]]
		expected = [due, overdue, total(2), total(3) + total(4) + total(5)]
		documents = [row["document"] for row in result[1] if row.get("document")]
		return cards == expected and documents == [row.document for row in hand_rows]

	return ReportCase(
		"Center Monthly Digest", "center_monthly_digest", {}, hand_sql, values, same, rows_only=False
	)


def report_consent_register():
	from citi_employment.domain import reporting as rules
	from citi_employment.domain.reporting import status_key

	today = datetime.date.today()
	majority = MAJORITY_SQL.format(dob="date_of_birth")
	hand_sql = f"""
		select 'kind' part, kind, status, count(*) n from `tabPersonal Data Consent` group by kind, status
		union all
		select 'revoked', null, case when destroyed_on is not null then %(destroyed)s
			when destruction_due_on < %(today)s then %(overdue)s else %(awaiting)s end state, count(*)
		from `tabPersonal Data Consent` where status = 'Revoked' group by state
		union all
		select 'coming', null, null, count(*) from `tabGraduate`
		where date_of_birth is not null and {majority} between %(today)s and %(last)s"""
	values = {
		"today": today,
		"last": today + datetime.timedelta(days=rules.COMING_OF_AGE_DAYS),
		"destroyed": rules.DESTROYED,
		"overdue": rules.DESTRUCTION_OVERDUE,
		"awaiting": rules.AWAITING,
	}

	def same(result, hand_rows):
		table = sorted(
			(row["kind"], status, int(row[status_key(status)]))
			for row in run_report_raw_kinds(result)
			for status in rules.CONSENT_STATUSES
			if row[status_key(status)]
		)
		hand_table = sorted(
			(row.kind, row.status, int(row.n))
			for row in hand_rows
			if row.part == "kind" and row.status in rules.CONSENT_STATUSES
		)
		states = {row.status: int(row.n) for row in hand_rows if row.part == "revoked"}
		coming = next(int(row.n) for row in hand_rows if row.part == "coming")
		active = sum(n for _kind, status, n in hand_table if status == "Active")
		cards = [int(card["value"]) for card in result[4]]
		expected = [
			active,
			states.get(rules.AWAITING, 0),
			states.get(rules.DESTRUCTION_OVERDUE, 0),
			coming,
		]
		return table == hand_table and cards == expected

	return ReportCase("Consent Register", "consent_register", {}, hand_sql, values, same, rows_only=False)


def run_report_raw_kinds(result):
	"""The Consent Register's kind rows carry the translated kind; the kind itself is found back by its
	position in CONSENT_KINDS order (the report's sort)."""
	from frappe import _

	from citi_employment.domain import reporting as rules

	back = {_(kind): kind for kind in rules.CONSENT_KINDS}
	return [{**row, "kind": back.get(row["kind"], row["kind"])} for row in result[1]]


def report_employment_retention():
	from frappe.utils import add_months, get_first_day

	from citi_employment.domain import monitoring as monitoring_rules
	from citi_employment.domain import reporting as rules
	from citi_employment.domain.reporting import checkpoint_key
	from citi_employment.monitoring.policy import current_policy

	today = datetime.date.today()
	policy = current_policy()
	values = {
		"start": get_first_day(add_months(today, -24)),
		"today": today,
		"cutoff": monitoring_rules.overdue_cutoff(today, policy.overdue_grace_days),
		"not_applicable": monitoring_rules.NOT_APPLICABLE,
		"working": list(rules.STILL_WORKING_OUTCOMES),
	}
	per_checkpoint = []
	for months in policy.checkpoints:
		reached = f"p.employment_date + interval {int(months)} month <= %(today)s"
		done = f"r.checkpoint = {int(months)} and r.status = 'Done' and r.checked_on <= %(today)s"
		per_checkpoint.append(
			f"""count(distinct case when {reached} then p.name end) reached_{int(months)},
			sum({reached} and {done}) checked_{int(months)},
			sum({reached} and {done} and r.outcome in %(working)s) working_{int(months)}"""
		)
	hand_sql = f"""
		select date_format(p.employment_date, '%%Y-%%m') cohort, count(distinct p.name) placed,
			sum(r.status <> %(not_applicable)s and r.due_date < %(cutoff)s
				and not (r.status = 'Done' and r.checked_on <= %(today)s)) overdue,
			{", ".join(per_checkpoint)}
		from `tabGraduate Placement` p
		left join `tabEmployment Monitoring Record` r on r.placement = p.name
		where p.employment_date between %(start)s and %(today)s
		group by cohort order by cohort"""
	keys = ["placed", "overdue"] + [
		checkpoint_key(prefix, months)
		for months in policy.checkpoints
		for prefix in ("reached", "checked", "working")
	]

	def same(result, hand_rows):
		rows = [row for row in result[1] if row.get("cohort") and str(row["cohort"])[:1].isdigit()]
		return [(row["cohort"], *(int(row.get(key) or 0) for key in keys)) for row in rows] == [
			(row.cohort, *(int(row.get(key) or 0) for key in keys)) for row in hand_rows
		]

	return ReportCase(
		"Employment Retention", "employment_retention", {}, hand_sql, values, same, rows_only=False
	)


def report_graduate_outcomes():
	from citi_employment.domain import reporting as rules

	outcomes = list(rules.OUTCOME_CATEGORIES)
	counts = ", ".join(f"sum(l.outcome = %(o{index})s) o{index}" for index in range(len(outcomes)))
	zeros = ", ".join(f"0 o{index}" for index in range(len(outcomes)))
	sums = ", ".join(f"sum(o{index}) o{index}" for index in range(len(outcomes)))
	# Graduates counted by year and profession, and the latest check at 6 months of each graduate
	# counted by outcome, in one statement.
	hand_sql = f"""
		select year, profession, sum(graduates) graduates, {sums} from (
			select year(study_end) year, profession, count(*) graduates, {zeros}
			from `tabGraduate` group by year, profession
			union all
			select year(g.study_end), g.profession, 0, {counts}
			from (
				select graduate, outcome, row_number() over (partition by graduate
					order by checked_on desc, name desc) n
				from `tabEmployment Monitoring Record`
				where checkpoint = 6 and status = 'Done' and graduate is not null
			) l join `tabGraduate` g on g.name = l.graduate
			where l.n = 1 group by year(g.study_end), g.profession
		) both_sides group by year, profession"""
	values = {f"o{index}": outcome for index, outcome in enumerate(outcomes)}

	def same(result, hand_rows):
		def year_of(value):
			return str(value) if value is not None and str(value).isdigit() else None

		app_rows = sorted(
			(
				year_of(row["year"]) or "",
				row["profession"] or "",
				int(row["graduates"]),
				*(int(row[rules.outcome_key(outcome)]) for outcome in outcomes),
			)
			for row in result[1][:-1]
		)
		hand_table = sorted(
			(
				year_of(row.year) or "",
				row.profession or "",
				int(row.graduates),
				*(int(row[f"o{index}"] or 0) for index in range(len(outcomes))),
			)
			for row in hand_rows
		)
		return app_rows == hand_table

	return ReportCase("Graduate Outcomes", "graduate_outcomes", {}, hand_sql, values, same, rows_only=False)


def report_sensitive_data_access():
	today = datetime.date.today()
	hand_sql = """
		select creation, user, method, export_from, reference_document, report_name, file_type, filters
		from `tabAccess Log` where creation >= %(start)s and creation < %(end)s order by creation desc"""
	values = {"start": today - datetime.timedelta(days=30), "end": today + datetime.timedelta(days=1)}

	def same(rows, hand_rows):
		def key(row):
			return (row["creation"], row["user"], row["method"], row["reference_document"])

		return sorted(map(key, rows)) == sorted(map(key, hand_rows))

	return ReportCase("Sensitive Data Access", "sensitive_data_access", {}, hand_sql, values, same)


def report_specialist_activity():
	from citi_employment.domain import reporting as rules

	today = datetime.date.today()
	values = {
		"start": datetime.date(today.year, 1, 1),
		"end": today,
		"not_demand": list(rules.NOT_DEMAND_STATUSES),
	}
	period = "between %(start)s and %(end)s"
	hand_sql = f"""
		select a.user, u.full_name, a.year, a.month, sum(a.checks_done) checks_done,
			sum(a.events_held) events_held, sum(a.participants) participants,
			sum(a.interactions) interactions, sum(a.requests_handled) requests_handled,
			sum(a.placements) placements
		from (
			select responsible_specialist user, year(checked_on) year, month(checked_on) month,
				count(*) checks_done, 0 events_held, 0 participants, 0 interactions, 0 requests_handled,
				0 placements
			from `tabEmployment Monitoring Record` where status = 'Done' and checked_on {period}
			group by user, year, month
			union all
			select organiser, year(starts_on), month(starts_on), 0, count(*),
				sum(coalesce(graduates_count, 0) + coalesce(students_count, 0) + coalesce(employers_count, 0)),
				0, 0, 0
			from `tabCenter Event` where status = 'Held' and date(starts_on) {period}
			group by organiser, year(starts_on), month(starts_on)
			union all
			select responsible, year(interaction_date), month(interaction_date), 0, 0, 0, count(*), 0, 0
			from `tabEmployer Interaction` where interaction_date {period}
			group by responsible, year(interaction_date), month(interaction_date)
			union all
			select handled_by, year(handled_on), month(handled_on), 0, 0, 0, 0, count(distinct request), 0
			from (
				select owner handled_by, name request, coalesce(compiled_on, date(creation)) handled_on
				from `tabVacancy Request` where owner <> 'Guest' and status not in %(not_demand)s
				union all
				select owner, vacancy_request, date(creation) from `tabVacancy Candidate`
			) handled where handled_on {period}
			group by handled_by, year(handled_on), month(handled_on)
			union all
			select owner, year(employment_date), month(employment_date), 0, 0, 0, 0, 0, count(*)
			from `tabGraduate Placement` where employment_date {period}
			group by owner, year(employment_date), month(employment_date)
		) a left join `tabUser` u on u.name = a.user
		group by a.user, a.year, a.month"""
	counts = rules.ACTIVITY_COUNTS

	def same(rows, hand_rows):
		app_rows = sorted(
			(row["user"] or "", row["period"], *(int(row[name] or 0) for name in counts)) for row in rows
		)
		hand_table = sorted(
			(
				row.user or "",
				rules.period_label(row.year, row.month, rules.MONTH),
				*(int(row[name] or 0) for name in counts),
			)
			for row in hand_rows
		)
		return app_rows == hand_table

	return ReportCase("Specialist Activity", "specialist_activity", {}, hand_sql, values, same)


def report_work_plan_execution():
	from citi_employment.domain import reporting as rules
	from citi_employment.domain import work_plan as plan_rules
	from citi_employment.domain.reporting import status_key

	statuses = list(rules.ITEM_STATUSES)
	by_status = ", ".join(f"sum(i.status = %(s{index})s) s{index}" for index in range(len(statuses)))
	hand_sql = f"""
		select p.name plan, p.year, p.period, p.status plan_status, {by_status},
			sum(i.status in %(open)s and coalesce(i.due_date, makedate(p.year, 1)
				+ interval (case when p.period = %(first_half)s then 6 else 12 end) month
				- interval 1 day) < %(today)s) overdue
		from `tabWork Plan` p
		left join `tabWork Plan Item` i on i.parent = p.name and i.parenttype = 'Work Plan'
			and i.parentfield = 'items'
		group by p.name order by p.year, p.name"""
	values = {
		"today": datetime.date.today(),
		"open": sorted(plan_rules.OPEN_ITEM_STATUSES),
		"first_half": plan_rules.Period.FIRST_HALF.value,
		**{f"s{index}": status for index, status in enumerate(statuses)},
	}

	def same(rows, hand_rows):
		app_rows = sorted(
			(row["plan"], *(int(row[status_key(status)]) for status in statuses), int(row["overdue"]))
			for row in rows
			if row.get("plan")
		)
		hand_table = sorted(
			(
				row.plan,
				*(int(row[f"s{index}"] or 0) for index in range(len(statuses))),
				int(row.overdue or 0),
			)
			for row in hand_rows
		)
		return app_rows == hand_table

	return ReportCase("Work Plan Execution", "work_plan_execution", {}, hand_sql, values, same)


REPORTS = (
	report_vacancy_registry,
	report_employer_data_bank,
	report_profession_demand,
	report_contract_journal,
	report_center_monthly_digest,
	report_consent_register,
	report_employment_retention,
	report_graduate_outcomes,
	report_sensitive_data_access,
	report_specialist_activity,
	report_work_plan_execution,
)


def bench_reports():
	for make in REPORTS:
		case = make()
		name = case.title
		try:
			app_seconds, sql_seconds, rows, hand_rows = race(case.app, case.hand, repeat=3)
			if not case.same(rows, hand_rows):
				raise AssertionError("the report's rows differ from the hand-written SQL")
		except Exception as error:
			traceback.print_exc()
			add_text(f"Report «{name}» vs its SQL", f"{type(error).__name__}: {error}"[:200], "ERROR")
			frappe.db.rollback()
			continue
		add(
			f"Report «{name}» (default filters) vs its SQL",
			app_seconds,
			sql_seconds,
			"≤2×",
			f"{app_seconds * 1000:.0f} ms vs {sql_seconds * 1000:.0f} ms, {len(hand_rows)} rows equal",
		)


# --- daily jobs ------------------------------------------------------------------------------------------

# The day every daily job is run on (today + this many days, freezegun): more of the demo data is due then
# than today (no consent expires on the demo's load day).
JOB_DAYS = int(os.environ.get("BENCH_JOB_LATER_DAYS", "21"))

# 1× and 3× data for a job: the same job on the same day, once with the rows it acts on thinned to a third
# (the UPDATEs below, run inside the rolled-back transaction before the count starts, move two rows of three
# out of the job's due set; ``crc32(name) %% 3`` picks them) and once with the whole region's due set.
# Each statement gets %(day)s, the day the job runs on.
THIRD_OUT = "crc32(name) %% 3 <> 0"
JOB_THINNING = {
	"citi_employment.contracts.expiry.update_contract_statuses": (
		f"""update `tabEmployer Contract` set status = 'Active', valid_to = valid_to + interval 20 year
		where status in ('Active', 'Expiring Soon') and valid_to is not null
		and (valid_to <= %(day)s + interval 400 day or status = 'Expiring Soon') and {THIRD_OUT}""",
	),
	"citi_employment.personal_data.daily.expire_consents": (
		f"""update `tabPersonal Data Consent` set valid_until = valid_until + interval 20 year
		where docstatus = 1 and status = 'Active' and valid_until < %(day)s and {THIRD_OUT}""",
	),
	"citi_employment.personal_data.daily.remind_own_consent": (
		f"""update `tabPersonal Data Consent` set status = 'Superseded'
		where docstatus = 1 and status = 'Active' and kind = 'Processing'
		and signer = 'Legal Representative' and {THIRD_OUT}""",
	),
	"citi_employment.monitoring.jobs.run_daily": (
		f"""update `tabEmployment Monitoring Record` set status = 'Planned',
			due_date = due_date + interval 20 year
		where (status in ('Due', 'Overdue') or (status = 'Planned' and due_date <= %(day)s + interval 60 day))
		and {THIRD_OUT}""",
	),
	"citi_employment.employer_forms.retention.forget_expired_contacts": (
		f"""update `tabVacancy Request` set closed_on = %(day)s
		where status in ('Filled', 'Closed', 'Cancelled') and {THIRD_OUT}""",
	),
}
# The reminders act on documents waiting for the Director, a few per workflow: the third is taken by a
# filter on the function that lists them.
JOB_FILTERS = {
	"citi_employment.email_reports.reminders.run_daily": "citi_employment.email_reports.reminders.waiting_documents",
}
# One destruction is one act per subject (ст. 21 ч. 5 152-ФЗ), inherent: the demo holds a backlog of
# hundreds due, so the step is run with the first 10 (1×) and then the first 30 (3×) of them doing their work.
JOB_CAPS = {
	"citi_employment.personal_data.daily.run_due_destructions": (
		"citi_employment.personal_data.destruction.destroy_revoked_consent",
		(10, 30),
	),
}
# A job made of steps is counted step by step, to show which one grows.
JOB_STEPS = {
	"citi_employment.personal_data.daily.run_daily": (
		"citi_employment.personal_data.daily.expire_consents",
		"citi_employment.personal_data.daily.remind_own_consent",
		"citi_employment.personal_data.daily.run_due_destructions",
	),
}
# A job that commits its work in batches of a fixed size (short transactions): one more statement per batch
# is the growth the issue allows ("grow only with the number of batches").
JOB_BATCH_SIZES = {
	"citi_employment.employer_forms.retention.forget_expired_contacts": (
		"citi_employment.employer_forms.retention.BATCH_SIZE"
	),
}
# What grows per row by nature, said beside the count instead of being batched away.
JOB_INHERENT = {
	"citi_employment.personal_data.daily.run_due_destructions": "one act per subject by law: grows with acts written",
	"citi_employment.email_reports.reminders.run_daily": "one framework notification per document: grows with reminders sent",
}


def job_queries(path: str, scale: int, day: datetime.datetime):
	"""Statements, server statements, seconds and result of one run of the job on ``day`` with ``scale``
	(1 or 3) times the data it acts on; nothing is kept."""
	from unittest import mock

	from freezegun import freeze_time

	job = frappe.get_attr(path)
	patches = contextlib.ExitStack()
	if path in JOB_CAPS:
		target, limits = JOB_CAPS[path]
		limit = limits[0] if scale == 1 else limits[1]
		real = frappe.get_attr(target)
		calls = {"n": 0}

		def capped(*args, **kwargs):
			calls["n"] += 1
			return real(*args, **kwargs) if calls["n"] <= limit else None

		patches.enter_context(mock.patch(target, capped))
	if path in JOB_FILTERS and scale == 1:
		target = JOB_FILTERS[path]
		real_list = frappe.get_attr(target)

		def third(*args, **kwargs):
			found = real_list(*args, **kwargs)
			return {key: value for index, (key, value) in enumerate(sorted(found.items())) if index % 3 == 0}

		patches.enter_context(mock.patch(target, third))
	with rolled_back(), patches, freeze_time(day, tick=True):
		if scale == 1:
			for statement in JOB_THINNING.get(path, ()):
				sql(statement, {"day": day.date()})
		with counted_queries() as counter:
			seconds, result = timed(job)
	return counter["sql"], counter["server"], seconds, result


def work_of(result) -> str:
	if result is None:
		return "-"
	if isinstance(result, dict):
		# {name: new status} counts its keys; {"moved": {...}, "todos": [...]} its collections' sizes.
		return str(
			sum(
				len(value) if isinstance(value, list | tuple | set | dict) else 1 for value in result.values()
			)
		)
	if hasattr(result, "__len__"):
		return str(len([item for item in result if item is not None]))
	return str(result)


def rows_of(result) -> int:
	worked = work_of(result)
	return int(worked) if worked.isdigit() else 0


def bench_jobs():
	day = datetime.datetime.now() + datetime.timedelta(days=JOB_DAYS)
	paths = []
	# The app's own daily jobs (the framework's are not this app's to batch).
	for path in frappe.get_hooks("scheduler_events", app_name="citi_employment")["daily"]:
		paths += JOB_STEPS.get(path, (path,))
	for path in paths:
		short = path.replace("citi_employment.", "")
		# A first run warms the caches (DocType metadata, settings), so that neither count pays for them.
		job_queries(path, 1, day)
		one = job_queries(path, 1, day)
		three = job_queries(path, 3, day)
		# Flat: the same count, or a few more statements for more chunks of thousands of rows; a job that
		# works in batches of n rows may add its statements per batch for the batches the 3× rows add.
		allowed, status = 10, "ok"
		if path in JOB_BATCH_SIZES:
			size = frappe.get_attr(JOB_BATCH_SIZES[path])
			allowed += math.ceil(rows_of(three[3]) / size) - math.ceil(rows_of(one[3]) / size)
			status = f"ok (grows with batches of {size} rows)"
		if three[0] > one[0] + allowed:
			status = JOB_INHERENT.get(path, "MISSED (grows per row)")
		add_text(
			f"Daily job {short}: queries at 1× / 3× data",
			f"{one[0]} / {three[0]} queries (server {one[1]} / {three[1]}), {one[2]:.1f} s / {three[2]:.1f} s, "
			f"rows worked {work_of(one[3])} / {work_of(three[3])}",
			status,
		)


# --- list views ------------------------------------------------------------------------------------------


def some(doctype: str, field: str) -> str:
	"""A value of ``field`` that records of ``doctype`` hold (the most frequent one), for a filter."""
	return sql(
		f"select `{field}` from `tab{doctype}` where `{field}` is not null and `{field}` != '' "
		f"group by `{field}` order by count(*) desc limit 1"
	)[0][0]


def list_views():
	"""(DocType, filters, sort, list fields): what a user of each list typically asks."""
	graduate = ["name", "full_name", "profession", "group_code", "employment_status"]
	request = ["name", "employer", "kind", "status", "position", "profession"]
	record = ["name", "graduate_name", "employer_name", "status", "checkpoint", "due_date"]
	return (
		("Graduate", {"employment_status": "Seeking Employment"}, "modified desc", graduate),
		("Graduate", {"group_code": some("Graduate", "group_code")}, "modified desc", graduate),
		("Vacancy Request", {"status": "Registered"}, "modified desc", request),
		("Vacancy Request", {"employer": some("Vacancy Request", "employer")}, "modified desc", request),
		("Employment Monitoring Record", {"status": "Overdue"}, "due_date asc", record),
		(
			"Employment Monitoring Record",
			{
				"responsible_specialist": some("Employment Monitoring Record", "responsible_specialist"),
				"status": "Due",
			},
			"due_date asc",
			record,
		),
	)


def bench_list_views():
	from frappe.model.db_query import DatabaseQuery

	for doctype, filters, order_by, fields in list_views():
		# What frappe.desk.reportview.get runs: DatabaseQuery.execute, here only built, not run.
		query = DatabaseQuery(doctype).execute(
			fields=[f"`tab{doctype}`.`{field}`" for field in fields],
			filters=filters,
			order_by=f"`tab{doctype}`.{order_by}",
			limit_page_length=20,
			run=False,
		)
		# ANALYZE runs the query and gives the rows really read (r_rows) beside EXPLAIN's plan.
		seconds, plan = timed(lambda query=query: sql("analyze " + query, as_dict=True))
		main = next(row for row in plan if (row.get("table") or "").startswith("tab"))
		key, read = main.get("key"), float(main.get("r_rows") or 0)
		size = sql(f"select count(*) from `tab{doctype}`")[0][0]
		if not key:
			status = "MISSED (no index)"
		elif read > max(2000, size / 20):
			status = "MISSED (the index scans most rows)"
		else:
			status = "ok"
		shown = {
			field: ("…" if field != "status" and field != "employment_status" else value)
			for field, value in filters.items()
		}
		add_text(
			f"List view {doctype}: {shown}, {order_by}",
			f"key {key}, rows read {read:.0f} of {size}, {main.get('Extra') or ''}; {seconds * 1000:.0f} ms",
			status,
		)


# --- candidate suggestion --------------------------------------------------------------------------------


def bench_candidates():
	from citi_employment.vacancies import candidates

	name = sql(
		"""select r.name from `tabVacancy Request` r where r.status in ('Registered', 'In Progress')
		and r.profession is not null order by r.creation desc limit 1"""
	)[0][0]
	doc = frappe.get_doc("Vacancy Request", name)
	# The suggestion reads its input in batches (graduates of a scoring tier, then their latest resumes):
	# every such query of one suggestion is captured, and the baseline runs them all, alone.
	loaded = {"rows": 0}
	input_queries: list[tuple[str, object]] = []
	original = candidates.to_candidates
	original_sql = frappe.db.sql

	def counting(rows, *args, **kwargs):
		loaded["rows"] += len(rows)
		return original(rows, *args, **kwargs)

	def capture(query, values=(), *args, **kwargs):
		text = str(query)
		graduates = "`tabGraduate`" in text and "employment_status" in text and "full_name" in text
		resumes = "`tabStudent Resume`" in text and "pc_level" in text
		if graduates or resumes:
			input_queries.append((text, values))
		return original_sql(query, values, *args, **kwargs)

	def app():
		return candidates.suggest(doc)

	def baseline():
		return [original_sql(text, values) for text, values in input_queries]

	candidates.to_candidates = counting
	frappe.db.sql = capture
	try:
		app()
	finally:
		frappe.db.sql = original_sql
		candidates.to_candidates = original
	app_seconds, sql_seconds, suggested, results = race(app, baseline, repeat=3)
	returned = sum(
		len(rows)
		for (text, _values), rows in zip(input_queries, results, strict=True)
		if "`tabGraduate`" in text
	)
	seeking = sql("select count(*) from `tabGraduate` where employment_status = 'Seeking Employment'")[0][0]
	add(
		f"Candidate suggestion {name} ({doc.profession}) vs its input queries",
		app_seconds,
		sql_seconds,
		"≤3×",
		f"{app_seconds * 1000:.0f} ms vs {sql_seconds * 1000:.0f} ms; loads {loaded['rows']} graduate rows in "
		f"{len(input_queries)} input queries (they return {returned}; {seeking} graduates seeking work in the "
		f"region), {len(suggested)} suggested",
	)


# --- PDFs ------------------------------------------------------------------------------------------------

FORM = ("Employment Assistance Application", "Заявление о содействии в трудоустройстве")


def pdf(doctype: str, name: str, print_format: str) -> bytes:
	return frappe.get_print(doctype, name, print_format=print_format, as_pdf=True)


def bench_form_pdf():
	doctype, print_format = FORM
	name = sql(f"select name from `tab{doctype}` order by creation desc limit 1")[0][0]
	# A print writes an Access Log row and commits it (the framework's print audit): kept from the site.
	with rolled_back():
		form_seconds, standard_seconds, _, _ = race(
			lambda: pdf(doctype, name, print_format), lambda: pdf(doctype, name, "Standard"), repeat=3
		)
	add(
		f"Form PDF «{print_format}» vs Standard print format",
		form_seconds,
		standard_seconds,
		"≤1.3×",
		f"{form_seconds:.2f} s vs {standard_seconds:.2f} s",
	)


def bench_dossier():
	from citi_employment.dossier import sending

	row = sql(
		"""select d.name, d.student_resume, d.mentor_recommendation from `tabEmployer Dossier` d
		where d.student_resume is not null and d.mentor_recommendation is not null
		order by d.creation desc limit 1""",
		as_dict=True,
	)[0]
	dossier = frappe.get_doc("Employer Dossier", row.name)

	def whole():
		return sending.dossier_pdf(dossier, row.student_resume, row.mentor_recommendation)

	def parts():
		return [
			sending.print_pdf("Employer Dossier", dossier.name, sending.COVER_LETTER_FORM),
			sending.print_pdf("Student Resume", row.student_resume, sending.RESUME_FORM),
			sending.print_pdf(
				"Mentor Recommendation", row.mentor_recommendation, sending.MENTOR_RECOMMENDATION_FORM
			),
		]

	with rolled_back():
		whole_seconds, parts_seconds, _, _ = race(whole, parts, repeat=3)
	add(
		"Dossier (3 PDFs merged) vs its 3 parts rendered alone",
		whole_seconds,
		parts_seconds,
		"≤1.2×",
		f"{whole_seconds:.2f} s vs {parts_seconds:.2f} s",
	)


# --- public page -----------------------------------------------------------------------------------------


@contextlib.contextmanager
def served(port: int, bench_path: str):
	"""The site served by its own ``bench serve --noreload`` on ``port`` while the PDF and page sections run,
	started and stopped here; the site's host_name points there meanwhile, since wkhtmltopdf fetches a
	print's styles and images from it (a run needs no other server)."""
	server = subprocess.Popen(
		[
			os.path.join(bench_path, "env", "bin", "python"),
			"-m",
			"frappe.utils.bench_helper",
			"frappe",
			"--site",
			frappe.local.site,
			"serve",
			"--port",
			str(port),
			"--noreload",
		],
		cwd=os.path.join(bench_path, "sites"),
		stdout=subprocess.DEVNULL,
		stderr=subprocess.DEVNULL,
	)
	base = f"http://{frappe.local.site}:{port}"
	host_name = frappe.local.conf.get("host_name")
	frappe.local.conf.host_name = base
	try:
		for _ in range(60):
			try:
				urllib.request.urlopen(base + "/robots.txt", timeout=2).read()
				break
			except Exception:
				time.sleep(1)
		yield base
	finally:
		frappe.local.conf.host_name = host_name
		server.terminate()
		try:
			server.wait(10)
		except subprocess.TimeoutExpired:
			server.kill()


def bench_outcomes_page(base: str):
	published = sql("select count(*) from `tabAnnual Report` where status = 'Published'")[0][0]
	if not published:
		add_text("Public page /employment-outcomes", "no Published annual report", "NOT MEASURED")
		return

	def get(path):
		def fetch():
			with urllib.request.urlopen(base + path, timeout=30) as response:
				assert response.status == 200, (path, response.status)
				return response.read()

		return fetch

	static = "/assets/frappe/images/frappe-framework-logo.svg"
	page_seconds, static_seconds, page, _ = race(
		get("/employment-outcomes"), get(static), repeat=15, warmup=2
	)
	assert b"<table" in page
	add(
		"Public page /employment-outcomes (cached) vs a static file, same server",
		page_seconds,
		static_seconds,
		"≤3×",
		f"{page_seconds * 1000:.1f} ms vs {static_seconds * 1000:.1f} ms ({len(page)} bytes page)",
	)


# --- machine and output ----------------------------------------------------------------------------------


def machine() -> dict:
	cpu = ""
	with contextlib.suppress(OSError), open("/proc/cpuinfo") as info:
		cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), "")
	memory = ""
	with contextlib.suppress(OSError), open("/proc/meminfo") as info:
		kb = int(next(line.split()[1] for line in info if line.startswith("MemTotal")))
		memory = f"{kb / 1024 / 1024:.1f} GiB"
	counts = {
		doctype: sql(f"select count(*) from `tab{doctype}`")[0][0]
		for doctype in (
			"Graduate",
			"Employer",
			"Vacancy Request",
			"Graduate Placement",
			"Employment Monitoring Record",
		)
	}
	return {
		"cpus": os.cpu_count(),
		"cpu": cpu,
		"memory": memory,
		"load": " ".join(f"{value:.1f}" for value in os.getloadavg()),
		"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
		"python": platform.python_version(),
		"mariadb": sql("select version()")[0][0],
		"counts": counts,
	}


def table() -> str:
	lines = [
		"| Benchmark | Ratio | Target | Result | Load (1 min) | Figures |",
		"|---|---|---|---|---|---|",
	]
	for row in ROWS:
		if "text" in row:
			lines.append(f"| {row['name']} | – | – | {row['status']} | {row['load']} | {row['text']} |")
		else:
			lines.append(
				f"| {row['name']} | {row['ratio']:.2f}× | {row['target']} | {row['status']} | {row['load']} "
				f"| {row['note']} |"
			)
	return "\n".join(lines)


def missed() -> str:
	"""The lines whose target was missed or not measured (a count that grows by nature is named, not missed)."""
	names = [row["name"] for row in ROWS if row["status"].startswith(("MISSED", "NOT MEASURED", "ERROR"))]
	return "; ".join(f"MISSED: {name}" for name in names) if names else "none"


def write_results(info: dict, command: str, seconds: float, load_time: str):
	"""Replace this script's own sections of RESULTS.md (from its marker to the next marker or the end of
	another section); other sections (the load test's) are kept as they are."""
	counts = ", ".join(f"{doctype} {count:,}" for doctype, count in info["counts"].items())
	section = "\n".join(
		[
			"<!-- benchmarks/run.py: begin -->",
			"## Benchmarks (issue 14.4)",
			"",
			f"- Date: {info['date']}; run took {seconds / 60:.1f} min",
			f"- Command: `{command}`",
			f"- Machine: {info['cpus']} CPUs ({info['cpu']}), {info['memory']} RAM; MariaDB {info['mariadb']}, "
			f"Python {info['python']}",
			f"- Load average at the end (1, 5, 15 min): {info['load']} (the machine is shared)",
			f"- Data: {counts}",
			f"- Demo data load (`bench --site <site> citi-employment demo --scale region`): {load_time or 'not given'}",
			"",
			table(),
			"",
			f"- Missed targets: {missed()}",
			*[f"- {note}" for note in NOTES],
			"<!-- benchmarks/run.py: end -->",
		]
	)
	text = open(RESULTS).read() if os.path.exists(RESULTS) else "# Results\n"
	pattern = re.compile(r"<!-- benchmarks/run.py: begin -->.*?<!-- benchmarks/run.py: end -->", re.S)
	if pattern.search(text):
		text = pattern.sub(lambda _: section, text)
	else:
		text = text.rstrip("\n") + "\n\n" + section + "\n"
	try:
		with open(RESULTS, "w") as out:
			out.write(text)
		print(f"\nWritten to {RESULTS}")
	except PermissionError:
		# Run as the bench's user, the checkout may not be writable: the section is kept beside the site.
		fallback = os.path.join(os.getcwd(), "benchmarks-RESULTS.md")
		with open(fallback, "w") as out:
			out.write(section + "\n")
		print(f"\n{RESULTS} is not writable: the section was written to {fallback}")


SECTIONS = {
	"annual": bench_annual_report,
	"reports": bench_reports,
	"jobs": bench_jobs,
	"lists": bench_list_views,
	"candidates": bench_candidates,
	"pdf": bench_form_pdf,
	"dossier": bench_dossier,
}


# The sections that need the site served (the PDFs fetch their assets from it; the page is requested).
SERVED_SECTIONS = ("pdf", "dossier", "page")


def main():
	parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
	parser.add_argument("--site", required=True)
	parser.add_argument(
		"--port", type=int, default=8014, help="port of the run's own server (PDF, dossier and page sections)"
	)
	parser.add_argument("--only", help="comma-separated sections: " + ",".join([*SECTIONS, "page"]))
	parser.add_argument("--write", action="store_true", help="write the table into benchmarks/RESULTS.md")
	parser.add_argument("--load-time", default="", help="how long the demo data took to load, for RESULTS.md")
	args = parser.parse_args()
	settings = [
		f"{key}={os.environ[key]}"
		for key in ("BENCH_NAIVE_SAMPLE", "BENCH_JOB_LATER_DAYS")
		if key in os.environ
	]
	command = " ".join([*settings, "../env/bin/python", shlex.join(sys.argv)])
	bench_path = os.path.dirname(os.getcwd())
	chosen = args.only.split(",") if args.only else [*SECTIONS, "page"]
	started = time.monotonic()
	frappe.init(site=args.site, sites_path=os.getcwd())
	frappe.connect()
	frappe.set_user("Administrator")
	server, base = contextlib.ExitStack(), None
	try:
		for name in chosen:
			print(f"[{name}] load {load()}", flush=True)
			try:
				if name in SERVED_SECTIONS and base is None:
					base = server.enter_context(served(args.port, bench_path))
				if name == "page":
					bench_outcomes_page(base)
				else:
					SECTIONS[name]()
			except Exception as error:
				traceback.print_exc()
				add_text(f"Section {name}", f"failed: {type(error).__name__}: {error}"[:300], "ERROR")
			frappe.db.rollback()
		server.close()
		info = machine()
		print()
		print(table())
		if args.write:
			write_results(info, command, time.monotonic() - started, args.load_time)
	finally:
		server.close()
		frappe.destroy()


if __name__ == "__main__":
	main()
