"""Benchmarks of issue 14 (part 4): one command, a table of ratios measured in the same run.

Run from the bench's sites folder with the bench's Python (the app must be installed on the site):

	cd <bench>/sites && ../env/bin/python <repo>/benchmarks/run.py --site <site> [--port 8014] [--write]

Each line times the app's way and its baseline in the same run, interleaved, and gives their ratio with the
1-minute load average at that moment (the machine is shared: only ratios measured together are fair). The
page benchmark starts its own ``bench serve --noreload`` on ``--port`` and stops it. Nothing the run writes
is kept: every write (the daily jobs, the dossier record) happens in a transaction that is rolled back.
``--write`` puts the table into benchmarks/RESULTS.md (its own sections only). See benchmarks/README.md.
"""

import argparse
import contextlib
import datetime
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

import frappe

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.path.join(HERE, "RESULTS.md")
ROWS: list[dict] = []
NOTES: list[str] = [
	"Ratios: app / baseline, medians of runs alternated in the same process (the naive loop: baseline / "
	"app, a speed-up). «Load» is the 1-minute load average when the line was measured (2 cores shared).",
	"Daily jobs: stress scale (3× region) was not loaded. Each job runs at region scale twice in a rolled-back "
	"transaction: today and 21 days later (freezegun), when more rows are due; the destruction step runs with "
	"10 and then 30 of its due consents doing their work. A count that stays flat while the rows worked grow "
	"means the job works in batches.",
	"Annual report: the app side is every block of the report (year_figures + snapshot), the SQL side 11 of "
	"its key figures; the save and the XLSX are not timed.",
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
	return int(
		sql(
			"""select year(employment_date) y from `tabGraduate Placement` where employment_date <= curdate()
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
				select r.graduate, r.outcome, row_number() over (partition by r.graduate
					order by r.checked_on desc, r.name desc) as n
				from `tabEmployment Monitoring Record` r
				where r.checkpoint = %(checkpoint)s and r.status = 'Done' and r.graduate is not null
			) latest join `tabGraduate` g on g.name = latest.graduate
				where latest.n = 1 and g.study_end between %(start)s and %(end)s
				and latest.outcome in %(working)s) as graduates_working,
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
				and checked_on between %(start)s and %(end)s and employer_complaints = 1) as complaints
	"""
	values = {
		"start": start,
		"end": end,
		"checkpoint": checkpoint,
		"working": working,
		"kinds": kinds,
		"not_demand": not_demand,
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


def report_vacancy_registry():
	from citi_employment.domain import vacancies as rules

	def app():
		return run_report("vacancy_registry", {})[1]

	def hand():
		return sql(
			"""select r.profession, count(*) requests,
				sum(greatest(r.positions_count - r.filled_count, 0)) open_positions,
				count(distinct r.employer) employers, min(r.expected_start_date) earliest_start
			from `tabVacancy Request` r where r.status in %(open)s
			group by r.profession order by open_positions desc, r.profession""",
			{"open": list(rules.OPEN_STATUSES)},
			as_dict=True,
		)

	def same(rows, hand_rows):
		def key(row):
			return (int(row["requests"]), int(row["open_positions"]), int(row["employers"]))

		return sorted(map(key, rows)) == sorted(map(key, hand_rows))

	return "Vacancy Registry", app, hand, same


def report_employer_data_bank():
	from citi_employment.domain import reporting as rules
	from citi_employment.domain.contracts import REGISTERED_STATUSES

	def app():
		return run_report("employer_data_bank", {"group_by": "Employer"})[1]

	def hand():
		return sql(
			"""select e.name employer, coalesce(c.contracts, 0) contracts,
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
			order by e.region, e.activity, e.short_name, e.name""",
			{
				"in_force": list(rules.CONTRACTS_IN_FORCE),
				"registered": list(REGISTERED_STATUSES),
				"not_demand": list(rules.NOT_DEMAND_STATUSES),
			},
			as_dict=True,
		)

	def same(rows, hand_rows):
		fields = ("contracts", "contracts_in_force", "requests", "placements")

		def key(row):
			return (row["employer"], *(int(row.get(field) or 0) for field in fields))

		return sorted(key(row) for row in rows if row.get("employer")) == sorted(map(key, hand_rows))

	return "Employer Data Bank", app, hand, same


def report_profession_demand():
	from citi_employment.domain import reporting as rules

	today = datetime.date.today()
	start, end = datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31)

	def app():
		return run_report("profession_demand", {"from_date": start, "to_date": end, "granularity": "Year"})[1]

	def hand():
		return sql(
			"""select profession, sum(requests) requests, sum(positions) positions, sum(filled) filled,
				sum(graduates) graduates, sum(seeking) seeking
			from (
				select profession, count(*) requests, sum(positions_count) positions, sum(filled_count) filled,
					0 graduates, 0 seeking
				from `tabVacancy Request` where coalesce(compiled_on, date(creation)) between %(start)s and %(end)s
				and kind in %(kinds)s and status not in %(not_demand)s group by profession
				union all
				select profession, 0, 0, 0, count(*), sum(employment_status = 'Seeking Employment')
				from `tabGraduate` where study_end between %(start)s and %(end)s group by profession
			) both_sides group by profession""",
			{
				"start": start,
				"end": end,
				"kinds": list(rules.DEMAND_KINDS),
				"not_demand": list(rules.NOT_DEMAND_STATUSES),
			},
			as_dict=True,
		)

	def same(rows, hand_rows):
		fields = ("requests", "positions", "filled", "graduates", "seeking")

		def key(row):
			return (row.get("profession") or "", *(int(row.get(field) or 0) for field in fields))

		return sorted(key(row) for row in rows if row.get("profession") or row.get("requests")) == sorted(
			map(key, hand_rows)
		)

	return "Profession Demand", app, hand, same


def report_contract_journal():
	from citi_employment.domain import reporting as rules
	from citi_employment.domain.reporting import status_key

	def app():
		return run_report("contract_journal", {})[1]

	def hand():
		return sql(
			"select journal, status, count(*) contracts from `tabEmployer Contract` group by journal, status",
			as_dict=True,
		)

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

	return "Contract Journal", app, hand, same


REPORTS = (
	report_vacancy_registry,
	report_employer_data_bank,
	report_profession_demand,
	report_contract_journal,
)
REPORTS_NOT_MEASURED = (
	"Center Monthly Digest",
	"Consent Register",
	"Employment Retention",
	"Graduate Outcomes",
	"Sensitive Data Access",
	"Specialist Activity",
	"Work Plan Execution",
)


def bench_reports():
	for make in REPORTS:
		name, app, hand, same = make()
		app_seconds, sql_seconds, rows, hand_rows = race(app, hand, repeat=3)
		assert same(rows, hand_rows), f"{name}: the report's rows differ from the hand-written SQL"
		add(
			f"Report «{name}» (default filters) vs its SQL",
			app_seconds,
			sql_seconds,
			"≤2×",
			f"{app_seconds * 1000:.0f} ms vs {sql_seconds * 1000:.0f} ms, {len(hand_rows)} rows equal",
		)
	for name in REPORTS_NOT_MEASURED:
		add_text(f"Report «{name}» vs its SQL", "no hand-written SQL yet", "NOT MEASURED")


# --- daily jobs ------------------------------------------------------------------------------------------

# Days after today at which the job is also run: about three times the work is due then.
LATER_DAYS = int(os.environ.get("BENCH_JOB_LATER_DAYS", "21"))


def job_queries(path: str, days_later: int, cap: tuple[str, int] | None = None):
	"""Statements, server statements, seconds and result of one run of the job ``days_later`` days from
	now; ``cap`` (function path, n) lets only the first n calls of a per-row function do their work."""
	from unittest import mock

	from freezegun import freeze_time

	job = frappe.get_attr(path)
	day = datetime.datetime.now() + datetime.timedelta(days=days_later)
	patch = contextlib.nullcontext()
	if cap:
		target, limit = cap
		real = frappe.get_attr(target)
		calls = {"n": 0}

		def capped(*args, **kwargs):
			calls["n"] += 1
			return real(*args, **kwargs) if calls["n"] <= limit else None

		patch = mock.patch(target, capped)
	with rolled_back(), patch, freeze_time(day, tick=True), counted_queries() as counter:
		seconds, result = timed(job)
	return counter["sql"], counter["server"], seconds, result


def work_of(result) -> str:
	if result is None:
		return "-"
	if isinstance(result, dict):
		return str(sum(len(value) if hasattr(value, "__len__") else 1 for value in result.values()))
	if hasattr(result, "__len__"):
		return str(len([item for item in result if item is not None]))
	return "?"


# A job made of steps is counted step by step instead, to show which one grows.
JOB_STEPS = {
	"citi_employment.personal_data.daily.run_daily": (
		"citi_employment.personal_data.daily.expire_consents",
		"citi_employment.personal_data.daily.remind_own_consent",
		"citi_employment.personal_data.daily.run_due_destructions",
	),
}
# One destruction is one act per subject (ст. 21 ч. 5 152-ФЗ): the demo holds a backlog of hundreds due, so
# the step is run with the first 10 and then the first 30 of them doing their work.
JOB_CAPS = {
	"citi_employment.personal_data.daily.run_due_destructions": (
		"citi_employment.personal_data.destruction.destroy_revoked_consent",
		(10, 30),
	),
}


def bench_jobs():
	paths = []
	# The app's own daily jobs (the framework's are not this app's to batch).
	for path in frappe.get_hooks("scheduler_events", app_name="citi_employment")["daily"]:
		paths += JOB_STEPS.get(path, (path,))
	for path in paths:
		short = path.replace("citi_employment.", "")
		if path in JOB_CAPS:
			target, (first, second) = JOB_CAPS[path]
			now = job_queries(path, 0, (target, first))
			later = job_queries(path, 0, (target, second))
			label = f"{first} / {second} of the due destructions done"
			grows = later[0] > now[0] + 10
		else:
			now = job_queries(path, 0)
			later = job_queries(path, LATER_DAYS)
			label = f"today / +{LATER_DAYS} days"
			grows = later[0] > now[0] + 10
		add_text(
			f"Daily job {short}: queries {label}",
			f"{now[0]} / {later[0]} queries (server {now[1]} / {later[1]}), "
			f"{now[2]:.1f} s / {later[2]:.1f} s, rows worked {work_of(now[3])} / {work_of(later[3])}",
			"MISSED (grows per row)" if grows else "ok",
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
	loaded = {}
	original = candidates.to_candidates

	def counting(rows, *args, **kwargs):
		loaded["rows"] = len(rows)
		return original(rows, *args, **kwargs)

	graduate = frappe.qb.DocType("Graduate")
	input_query = candidates.graduates_for_scoring(graduate).select(graduate.full_name)

	def app():
		return candidates.suggest(doc)

	def baseline():
		# The one query that fetches the suggestion's input rows, as the suggestion builds it.
		return frappe.db.sql(last_input_query["sql"], last_input_query["values"])

	last_input_query = {}
	original_sql = frappe.db.sql

	def capture(query, values=(), *args, **kwargs):
		text = str(query)
		if "`tabGraduate`" in text and "employment_status" in text and "full_name" in text:
			last_input_query.update(sql=text, values=values)
		return original_sql(query, values, *args, **kwargs)

	candidates.to_candidates = counting
	frappe.db.sql = capture
	try:
		app()
	finally:
		frappe.db.sql = original_sql
	del input_query
	try:
		app_seconds, sql_seconds, suggested, rows = race(app, baseline, repeat=3)
	finally:
		candidates.to_candidates = original
	seeking = sql("select count(*) from `tabGraduate` where employment_status = 'Seeking Employment'")[0][0]
	add(
		f"Candidate suggestion {name} ({doc.profession}) vs its input query",
		app_seconds,
		sql_seconds,
		"≤3×",
		f"{app_seconds * 1000:.0f} ms vs {sql_seconds * 1000:.0f} ms; loads {loaded.get('rows')} rows "
		f"(query returns {len(rows)}; {seeking} graduates seeking work in the region), {len(suggested)} suggested",
	)


# --- PDFs ------------------------------------------------------------------------------------------------

FORM = ("Employment Assistance Application", "Заявление о содействии в трудоустройстве")


def pdf(doctype: str, name: str, print_format: str) -> bytes:
	return frappe.get_print(doctype, name, print_format=print_format, as_pdf=True)


def bench_form_pdf():
	doctype, print_format = FORM
	name = sql(f"select name from `tab{doctype}` order by creation desc limit 1")[0][0]
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

	whole_seconds, parts_seconds, _, _ = race(whole, parts, repeat=3)
	add(
		"Dossier (3 PDFs merged) vs its 3 parts rendered alone",
		whole_seconds,
		parts_seconds,
		"≤1.2×",
		f"{whole_seconds:.2f} s vs {parts_seconds:.2f} s",
	)


# --- public page -----------------------------------------------------------------------------------------


def bench_outcomes_page(port: int, bench_path: str):
	published = sql("select count(*) from `tabAnnual Report` where status = 'Published'")[0][0]
	if not published:
		add_text("Public page /employment-outcomes", "no Published annual report", "NOT MEASURED")
		return
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
	try:
		for _ in range(60):
			try:
				urllib.request.urlopen(base + "/robots.txt", timeout=2).read()
				break
			except Exception:
				time.sleep(1)

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
	finally:
		server.terminate()
		try:
			server.wait(10)
		except subprocess.TimeoutExpired:
			server.kill()


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
	with open(RESULTS, "w") as out:
		out.write(text)


SECTIONS = {
	"annual": bench_annual_report,
	"reports": bench_reports,
	"jobs": bench_jobs,
	"lists": bench_list_views,
	"candidates": bench_candidates,
	"pdf": bench_form_pdf,
	"dossier": bench_dossier,
}


def main():
	parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
	parser.add_argument("--site", required=True)
	parser.add_argument("--port", type=int, default=8014, help="port of the page benchmark's own server")
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
	try:
		for name in chosen:
			print(f"[{name}] load {load()}", flush=True)
			try:
				if name == "page":
					bench_outcomes_page(args.port, bench_path)
				else:
					SECTIONS[name]()
			except Exception as error:
				traceback.print_exc()
				add_text(f"Section {name}", f"failed: {type(error).__name__}: {error}"[:300], "ERROR")
			frappe.db.rollback()
		info = machine()
		print()
		print(table())
		if args.write:
			write_results(info, command, time.monotonic() - started, args.load_time)
			print(f"\nWritten to {RESULTS}")
	finally:
		frappe.destroy()


if __name__ == "__main__":
	main()
