"""Load test (issue 15, item 8): staff of the Center working in the desk at once.

Each simulated user signs in as one of the load users (a Specialist or the Head) and, with a short think
time, lists graduates, opens a graduate's form, saves its own graduate with a known value (the desk's own
load-then-save), prints a resume or a vacancy request as PDF, runs a report, or opens the public page
/employment-outcomes. Every save's value is written to ``RUN_DIR/saves-<pid>.jsonl`` so that
``check_writes.py`` can count afterwards that none was lost. Loopback only; see benchmarks/load/run.sh.
"""

import itertools
import json
import os
import random
import threading

from locust import HttpUser, between, events, task

RUN_DIR = os.environ.get("LOAD_RUN_DIR", "/tmp/citi-load")
with open(os.path.join(RUN_DIR, "plan.json")) as handle:
	PLAN = json.load(handle)
USERS = itertools.cycle(PLAN["users"])
USERS_LOCK = threading.Lock()
SAVES = open(os.path.join(RUN_DIR, f"saves-{os.getpid()}.jsonl"), "a")
SAVES_LOCK = threading.Lock()


@events.request.add_listener
def no_server_errors(request_type, name, response_time, response_length, response=None, exception=None, **_):
	"""Count every 5xx apart, whatever the task did with the response."""
	if response is not None and getattr(response, "status_code", 0) >= 500:
		with SAVES_LOCK:
			SAVES.write(json.dumps({"server_error": name, "status": response.status_code}) + "\n")
			SAVES.flush()


class Staff(HttpUser):
	wait_time = between(1, 3)

	def on_start(self):
		with USERS_LOCK:
			self.user = next(USERS)
		self.client.headers["Host"] = PLAN["site"]
		self.client.headers["Accept"] = "application/json"
		self.target = PLAN["targets"][self.user]
		self.saved = 0
		with self.client.post(
			"/api/method/login",
			data={"usr": self.user, "pwd": PLAN["password"]},
			name="login",
			catch_response=True,
		) as response:
			if response.status_code != 200:
				response.failure(f"login {response.status_code}")

	def get(self, url, kind, **params):
		with self.client.get(url, params=params, name=kind, catch_response=True) as response:
			if response.status_code != 200:
				response.failure(f"{response.status_code}: {response.text[:200]}")
			return response

	@task(4)
	def list_graduates(self):
		self.get(
			"/api/method/frappe.desk.reportview.get",
			"list",
			doctype="Graduate",
			fields=json.dumps(
				["`tabGraduate`.`name`", "`tabGraduate`.`full_name`", "`tabGraduate`.`employment_status`"]
			),
			order_by="`tabGraduate`.`modified` desc",
			start=0,
			page_length=20,
			view="List",
			with_comment_count=1,
		)

	@task(4)
	def open_form(self):
		self.get(
			"/api/method/frappe.desk.form.load.getdoc",
			"form",
			doctype="Graduate",
			name=random.choice(PLAN["graduates"]),
		)

	@task(3)
	def save(self):
		"""Load the user's own graduate and save it with a new, known phone number."""
		response = self.get(
			"/api/method/frappe.desk.form.load.getdoc",
			"form (before save)",
			doctype="Graduate",
			name=self.target,
		)
		if response.status_code != 200:
			return
		doc = response.json()["docs"][0]
		self.saved += 1
		value = "+79{:02d}{:07d}".format(PLAN["users"].index(self.user), self.saved)
		doc["phone"] = value
		# Written before the request: a save still in flight when the run ends may be committed unanswered.
		with SAVES_LOCK:
			SAVES.write(json.dumps({"user": self.user, "graduate": self.target, "sent": value}) + "\n")
			SAVES.flush()
		with self.client.post(
			"/api/method/frappe.desk.form.save.savedocs",
			data={"doc": json.dumps(doc), "action": "Save"},
			name="save",
			catch_response=True,
		) as answer:
			ok = answer.status_code == 200
			if not ok:
				answer.failure(f"{answer.status_code}: {answer.text[:200]}")
		with SAVES_LOCK:
			SAVES.write(
				json.dumps({"user": self.user, "graduate": self.target, "value": value, "ok": ok}) + "\n"
			)
			SAVES.flush()

	@task(1)
	def print_pdf(self):
		if random.random() < 0.5 and PLAN["resumes"]:
			doctype, name, print_format = (
				"Student Resume",
				random.choice(PLAN["resumes"]),
				PLAN["resume_print"],
			)
		else:
			doctype, name, print_format = (
				"Vacancy Request",
				random.choice(PLAN["requests"]),
				PLAN["request_print"],
			)
		self.get(
			"/api/method/frappe.utils.print_format.download_pdf",
			"print (PDF)",
			doctype=doctype,
			name=name,
			format=print_format,
			no_letterhead=0,
		)

	@task(2)
	def report(self):
		self.get(
			"/api/method/frappe.desk.query_report.run",
			"report",
			report_name="Vacancy Registry",
			filters=json.dumps({}),
			ignore_prepared_report="false",
			are_default_filters="true",
		)

	@task(2)
	def public_page(self):
		with self.client.get(
			"/employment-outcomes",
			name="public page",
			headers={"Accept": "text/html"},
			catch_response=True,
		) as response:
			if response.status_code != 200:
				response.failure(str(response.status_code))
