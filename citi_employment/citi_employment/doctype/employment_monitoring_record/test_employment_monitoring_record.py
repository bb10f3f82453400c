# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Employment monitoring (§6.2): the checks a placement brings, what a recorded check changes, the rules a
check must keep, and the daily job, on a frozen date, with its query count at two sizes."""

import json
from unittest.mock import patch

import frappe
from frappe.client import save as client_save
from frappe.exceptions import LinkExistsError
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate

from citi_employment.citi_employment.doctype.employment_monitoring_record.employment_monitoring_record import (
	MonitoringRecordError,
)
from citi_employment.domain import monitoring as rules
from citi_employment.install import SETTINGS_DOCTYPE
from citi_employment.monitoring import RECORD_DOCTYPE
from citi_employment.monitoring.jobs import DIGEST_LINK, run_daily
from citi_employment.tests.records import (
	DIRECTOR_USER,
	HEAD_USER,
	SPECIALIST_USER,
	TEACHER_USER,
	make_center_users,
	make_employer,
	make_graduate,
	make_placement,
)
from citi_employment.write_guards import ServiceFieldChangeError
from citi_employment.write_guards.field_errors import InvalidFieldValueError

TODAY = "2026-03-10 09:00"


def checks_of(placement: str, **filters) -> list[frappe._dict]:
	return frappe.get_all(
		RECORD_DOCTYPE,
		filters={"placement": placement, **filters},
		fields=["name", "checkpoint", "due_date", "status", "is_follow_up", "responsible_specialist"],
		order_by="is_follow_up asc, checkpoint asc, creation asc",
	)


def scheduled_check(placement: str, months: int):
	name = frappe.db.get_value(RECORD_DOCTYPE, {"placement": placement, "checkpoint": months}, "name")
	return frappe.get_doc(RECORD_DOCTYPE, name)


class MonitoringTestCase(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		cls.employer = make_employer("ООО «Мониторинг»")
		cls.other_employer = make_employer("ООО «Другой работодатель»")

	def setUp(self):
		frappe.db.savepoint("monitoring_test")
		frappe.set_user("Administrator")

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback(save_point="monitoring_test")
		# A test may change the settings; the cached copy must not outlive the rollback.
		frappe.clear_document_cache(SETTINGS_DOCTYPE, SETTINGS_DOCTYPE)

	def frozen(self, moment: str):
		"""The date frozen, the clock running: Frappe compares ``modified`` as text, and a frozen clock at a
		whole second writes it once without and once with microseconds."""
		return self.freeze_time(moment, tick=True)

	def place(self, employment_date="2026-01-15", **values):
		graduate = make_graduate(consent=True, last_name=values.pop("last_name", "Мониторов"))
		with self.set_user(SPECIALIST_USER):
			return make_placement(graduate.name, self.employer, employment_date=employment_date, **values)

	def set_settings(self, **values):
		settings = frappe.get_single(SETTINGS_DOCTYPE)
		settings.update(values)
		settings.save()


class TestSchedule(MonitoringTestCase):
	def test_a_placement_brings_one_check_per_checkpoint(self):
		with self.frozen(TODAY):
			placement = self.place()
			checks = checks_of(placement.name)
		self.assertEqual(
			[(row.checkpoint, str(row.due_date)) for row in checks],
			[(1, "2026-02-15"), (3, "2026-04-15"), (6, "2026-07-15"), (12, "2027-01-15"), (24, "2028-01-15")],
		)
		# On 10 March the first check is three weeks past its date: overdue from the start.
		self.assertEqual(
			[row.status for row in checks], ["Overdue", "Planned", "Planned", "Planned", "Planned"]
		)
		self.assertEqual({row.responsible_specialist for row in checks}, {SPECIALIST_USER})
		self.assertEqual({row.is_follow_up for row in checks}, {0})

		with self.frozen(TODAY):
			placement.save()  # saving again makes no second set
		self.assertEqual(len(checks_of(placement.name)), 5)

	def test_the_checkpoints_come_from_the_settings(self):
		self.set_settings(monitoring_checkpoints="2, 18")
		with self.frozen(TODAY):
			placement = self.place()
		self.assertEqual([row.checkpoint for row in checks_of(placement.name)], [2, 18])

	def test_a_checkpoint_list_with_duplicates_or_zero_is_refused(self):
		for text in ("1, 3, 3, 6", "0, 1, 3"):
			with self.subTest(text=text):
				settings = frappe.get_single(SETTINGS_DOCTYPE)
				settings.monitoring_checkpoints = text
				with self.assertRaises(InvalidFieldValueError) as raised:
					settings.save()
				self.assertIn("Monitoring Checkpoints", raised.exception.args[0][0])
				frappe.clear_messages()
				self.assertEqual(
					frappe.db.get_single_value(SETTINGS_DOCTYPE, "monitoring_checkpoints"), "1, 3, 6, 12, 24"
				)

	def test_the_monitoring_periods_are_checked_in_the_settings(self):
		settings = frappe.get_single(SETTINGS_DOCTYPE)
		self.assertEqual((settings.monitoring_due_lead_days, settings.monitoring_overdue_grace_days), (7, 14))
		settings.monitoring_due_lead_days = 400
		settings.monitoring_overdue_grace_days = -1
		with self.assertRaises(InvalidFieldValueError) as raised:
			settings.save()
		self.assertEqual(len(raised.exception.args[0]), 2)

	def test_planned_checks_move_with_the_employment_date(self):
		with self.frozen(TODAY):
			placement = self.place()
			placement.employment_date = "2026-02-01"
			placement.save()
		checks = {row.checkpoint: row for row in checks_of(placement.name)}
		# The overdue one-month check is already the specialist's work and keeps its date.
		self.assertEqual((str(checks[1].due_date), checks[1].status), ("2026-02-15", "Overdue"))
		self.assertEqual(str(checks[3].due_date), "2026-05-01")
		self.assertEqual(str(checks[24].due_date), "2028-02-01")

	def test_a_scheduled_due_date_is_not_typed_by_hand_but_an_ad_hoc_one_is(self):
		with self.frozen(TODAY):
			placement = self.place()
			check = scheduled_check(placement.name, 6)
			check.due_date = "2026-08-01"
			with self.set_user(SPECIALIST_USER), self.assertRaises(MonitoringRecordError):
				check.save()

			with self.set_user(SPECIALIST_USER):
				ad_hoc = frappe.get_doc(
					{"doctype": RECORD_DOCTYPE, "placement": placement.name, "due_date": "2026-03-12"}
				).insert()
				self.assertEqual((ad_hoc.checkpoint, ad_hoc.status), (0, "Due"))
				self.assertEqual(ad_hoc.responsible_specialist, SPECIALIST_USER)
				ad_hoc.due_date = "2026-05-01"
				ad_hoc.save()
				self.assertEqual(ad_hoc.status, "Planned")

	def test_a_dismissal_sets_later_checks_aside_and_brings_one_follow_up(self):
		with self.frozen(TODAY):
			placement = self.place()
			placement.dismissal_date = "2026-03-05"
			placement.save()
			checks = checks_of(placement.name)
			self.assertEqual(
				[(row.checkpoint, row.status, row.is_follow_up) for row in checks],
				[
					(1, "Overdue", 0),
					(3, "Not Applicable", 0),
					(6, "Not Applicable", 0),
					(12, "Not Applicable", 0),
					(24, "Not Applicable", 0),
					(0, "Planned", 1),
				],
			)
			self.assertEqual(str(checks[-1].due_date), "2026-04-05")
			self.assertEqual(checks[-1].responsible_specialist, SPECIALIST_USER)

			placement.dismissal_reason = "По соглашению сторон"
			placement.save()
			self.assertEqual(len(checks_of(placement.name, is_follow_up=1)), 1)

			# A dismissal entered by mistake and withdrawn: the checks apply again, the follow-up stays.
			placement.dismissal_date = None
			placement.save()
			statuses = [row.status for row in checks_of(placement.name, is_follow_up=0)]
			self.assertEqual(statuses, ["Overdue", "Planned", "Planned", "Planned", "Planned"])
			self.assertEqual(len(checks_of(placement.name, is_follow_up=1)), 1)

	def test_a_placement_moved_to_another_graduate_takes_its_checks(self):
		with self.frozen(TODAY):
			placement = self.place()
			other = make_graduate(consent=True, last_name="Другой")
			placement.graduate = other.name
			placement.save()
		graduates = {
			row.graduate
			for row in frappe.get_all(RECORD_DOCTYPE, {"placement": placement.name}, ["graduate"])
		}
		self.assertEqual(graduates, {other.name})

	def test_deleting_a_placement_removes_unmade_checks_but_not_a_done_one(self):
		with self.frozen(TODAY):
			placement = self.place()
			placement.delete(ignore_permissions=True)
			self.assertEqual(checks_of(placement.name), [])

			placement = self.place(last_name="Проверенный")
			check = scheduled_check(placement.name, 1)
			check.update({"checked_on": "2026-02-16", "outcome": rules.WORKING_HERE})
			check.save()
			with self.assertRaises(LinkExistsError):
				frappe.delete_doc("Graduate Placement", placement.name, ignore_permissions=True)
			frappe.clear_messages()

	def test_the_dashboards_show_the_checks(self):
		for doctype in ("Graduate", "Graduate Placement"):
			data = frappe.get_meta(doctype).get_dashboard_data()
			items = [item for group in data.transactions for item in group["items"]]
			self.assertIn(RECORD_DOCTYPE, items, doctype)
		self.assertEqual(frappe.get_meta("Graduate Placement").get_dashboard_data().fieldname, "placement")


class TestRecordedCheck(MonitoringTestCase):
	def record(self, check, **values):
		check.update(values)
		with self.set_user(SPECIALIST_USER):
			check.save()
		return check

	def test_a_done_check_after_dismissal_rederives_the_graduate_and_the_placement(self):
		with self.frozen(TODAY):
			placement = self.place()
			placement.dismissal_date = "2026-03-01"
			placement.save()
			self.assertEqual(
				frappe.db.get_value("Graduate", placement.graduate, "employment_status"), "Seeking Employment"
			)
			follow_up = frappe.get_doc(RECORD_DOCTYPE, checks_of(placement.name, is_follow_up=1)[0].name)
			self.record(
				follow_up,
				checked_on="2026-03-09",
				method="Phone Call",
				outcome=rules.WORKING_ELSEWHERE,
				outcome_employer=self.other_employer,
			)
			self.assertEqual(follow_up.status, "Done")
			self.assertEqual(
				frappe.db.get_value("Graduate", placement.graduate, "employment_status"), "Employed"
			)
			self.assertEqual(
				frappe.db.get_value("Graduate Placement", placement.name, "latest_outcome"),
				rules.WORKING_ELSEWHERE,
			)

			# The check cleared again: back to what the placements say, and to its status by date.
			self.record(follow_up, checked_on=None, outcome="", method="")
			self.assertEqual(follow_up.status, "Planned")
			self.assertEqual(
				frappe.db.get_value("Graduate", placement.graduate, "employment_status"), "Seeking Employment"
			)
			self.assertEqual(frappe.db.get_value("Graduate Placement", placement.name, "latest_outcome"), "")

	def test_a_check_finds_the_graduate_left_without_a_recorded_dismissal(self):
		with self.frozen(TODAY):
			placement = self.place()
			self.assertEqual(
				frappe.db.get_value("Graduate", placement.graduate, "employment_status"), "Employed"
			)
			self.record(
				scheduled_check(placement.name, 1), checked_on="2026-02-20", outcome=rules.NOT_WORKING_SEEKING
			)
			self.assertEqual(
				frappe.db.get_value("Graduate", placement.graduate, "employment_status"), "Seeking Employment"
			)
			# "Unreachable" later says nothing new: what the earlier check found still stands.
			self.record(
				scheduled_check(placement.name, 3), checked_on="2026-03-09", outcome=rules.UNREACHABLE
			)
			self.assertEqual(
				frappe.db.get_value("Graduate", placement.graduate, "employment_status"), "Seeking Employment"
			)
			self.assertEqual(
				frappe.db.get_value("Graduate Placement", placement.name, "latest_outcome"), rules.UNREACHABLE
			)

	def test_the_outcome_employer_is_kept_only_for_working_elsewhere(self):
		with self.frozen(TODAY):
			placement = self.place()
			check = self.record(
				scheduled_check(placement.name, 1),
				checked_on="2026-02-20",
				outcome=rules.WORKING_HERE,
				outcome_employer=self.other_employer,
				employer_satisfaction=5,
				employer_complaints=1,
				complaint_details="Опаздывает",
				conditions_match_contract="Yes",
				special_workplace="Adapted",
				training_quality_feedback="Подготовка хорошая",
				actions_taken="Беседа с наставником",
			)
		self.assertIsNone(check.outcome_employer)
		self.assertEqual(check.employer_satisfaction, 5)

	def assert_refused(self, check, **values):
		"""The save is refused with a message, and the stored record stays as it was."""
		stored = frappe.get_doc(RECORD_DOCTYPE, check.name).as_dict()
		check.update(values)
		with self.set_user(SPECIALIST_USER), self.assertRaises(MonitoringRecordError) as raised:
			check.save()
		frappe.clear_messages()
		after = frappe.get_doc(RECORD_DOCTYPE, check.name).as_dict()
		for field in (
			"checked_on",
			"outcome",
			"employer_satisfaction",
			"status",
			"outcome_employer",
			"modified",
		):
			self.assertEqual(after[field], stored[field], field)
		return raised.exception.args[0]

	def test_bad_input_is_refused_with_a_clear_message(self):
		with self.frozen(TODAY):
			placement = self.place()
			check = scheduled_check(placement.name, 1)
			cases = {
				"before the placement started": (
					{"checked_on": "2026-01-10", "outcome": rules.WORKING_HERE},
					"cannot be before the placement started",
				),
				"satisfaction above 5": (
					{"checked_on": "2026-02-20", "outcome": rules.WORKING_HERE, "employer_satisfaction": 6},
					"score from 1 to 5",
				),
				"satisfaction below 1": (
					{"checked_on": "2026-02-20", "outcome": rules.WORKING_HERE, "employer_satisfaction": -2},
					"score from 1 to 5",
				),
				"elsewhere at this employer": (
					{
						"checked_on": "2026-02-20",
						"outcome": rules.WORKING_ELSEWHERE,
						"outcome_employer": self.employer,
					},
					"is the employer of this placement",
				),
				"done without outcome": (
					{"checked_on": "2026-02-20", "outcome": ""},
					"only with its outcome",
				),
				"done without date": (
					{"checked_on": None, "outcome": rules.WORKING_HERE},
					"only with its date",
				),
				"check in the future": (
					{"checked_on": "2026-03-11", "outcome": rules.WORKING_HERE},
					"cannot be in the future",
				),
			}
			for case, (values, expected) in cases.items():
				with self.subTest(case):
					check = scheduled_check(placement.name, 1)
					messages = self.assert_refused(check, **values)
					self.assertTrue(any(expected in message for message in messages), messages)

	def test_a_user_sets_neither_the_status_nor_the_checkpoint(self):
		with self.frozen(TODAY):
			placement = self.place()
			with self.set_user(SPECIALIST_USER):
				check = frappe.get_doc(
					{
						"doctype": RECORD_DOCTYPE,
						"placement": placement.name,
						"due_date": "2026-06-01",
						"status": "Done",
						"checkpoint": 6,
						"is_follow_up": 1,
					}
				).insert()
			self.assertEqual((check.status, check.checkpoint, check.is_follow_up), ("Planned", 0, 0))

			payload = frappe.get_doc(RECORD_DOCTYPE, check.name).as_dict()
			payload["status"] = "Not Applicable"
			with self.set_user(SPECIALIST_USER), self.assertRaises(ServiceFieldChangeError):
				client_save(json.dumps(payload, default=str))
			frappe.clear_messages()

			payload = frappe.get_doc("Graduate Placement", placement.name).as_dict()
			payload["latest_outcome"] = rules.MILITARY_SERVICE
			with self.set_user(SPECIALIST_USER), self.assertRaises(ServiceFieldChangeError):
				client_save(json.dumps(payload, default=str))
			frappe.clear_messages()

	def test_permissions_follow_the_roles(self):
		with self.frozen(TODAY):
			placement = self.place()
		check = scheduled_check(placement.name, 1)
		expectations = {
			HEAD_USER: {"read": True, "write": True, "create": True, "delete": True},
			SPECIALIST_USER: {"read": True, "write": True, "create": True, "delete": False},
			DIRECTOR_USER: {"read": True, "write": False, "create": False, "delete": False},
			TEACHER_USER: {"read": False, "write": False, "create": False, "delete": False},
		}
		for user, rights in expectations.items():
			for ptype, allowed in rights.items():
				with self.subTest(user=user, ptype=ptype):
					self.assertEqual(
						bool(frappe.has_permission(RECORD_DOCTYPE, ptype, doc=check, user=user)), allowed
					)


class TestDailyJob(MonitoringTestCase):
	def setUp(self):
		super().setUp()
		# Digests of other days (or of a site used by hand) would count as today's on a frozen date.
		frappe.db.delete("Notification Log", {"link": DIGEST_LINK})

	def todos_for(self, names) -> list[frappe._dict]:
		return frappe.get_all(
			"ToDo",
			filters={"reference_type": RECORD_DOCTYPE, "reference_name": ("in", names)},
			fields=["reference_name", "allocated_to", "status", "description"],
		)

	def digests(self) -> list[str]:
		return frappe.get_all(
			"Notification Log",
			filters={"document_type": RECORD_DOCTYPE, "link": DIGEST_LINK, "for_user": HEAD_USER},
			pluck="name",
		)

	def test_checks_become_due_then_overdue_with_one_todo_and_one_digest_a_day(self):
		with self.frozen("2026-02-01 08:00"):
			placement = self.place()
		check = scheduled_check(placement.name, 1)  # due 15 February
		self.assertEqual(check.status, "Planned")

		with self.frozen("2026-02-07 06:00"):
			run_daily()
		self.assertEqual(frappe.db.get_value(RECORD_DOCTYPE, check.name, "status"), "Planned")
		self.assertEqual(self.todos_for([check.name]), [])

		with self.frozen("2026-02-08 06:00"):  # seven days before
			result = run_daily()
		self.assertEqual(result["moved"], {"Due": [check.name]})
		self.assertEqual(frappe.db.get_value(RECORD_DOCTYPE, check.name, "status"), "Due")
		todos = self.todos_for([check.name])
		self.assertEqual([(row.allocated_to, row.status) for row in todos], [(SPECIALIST_USER, "Open")])
		self.assertIn(placement.graduate_name, todos[0].description)
		self.assertIn(SPECIALIST_USER, json.loads(frappe.db.get_value(RECORD_DOCTYPE, check.name, "_assign")))

		# A closed to-do is not made again.
		frappe.db.set_value("ToDo", {"reference_name": check.name}, "status", "Closed")
		with self.frozen("2026-02-09 06:00"):
			run_daily()
		self.assertEqual(len(self.todos_for([check.name])), 1)

		with self.frozen("2026-03-01 06:00"):  # the last day of the grace period
			run_daily()
		self.assertEqual(frappe.db.get_value(RECORD_DOCTYPE, check.name, "status"), "Due")
		self.assertEqual(self.digests(), [])

		with self.frozen("2026-03-02 06:00"):
			result = run_daily()
			self.assertEqual(result["moved"], {"Overdue": [check.name]})
			self.assertIn(HEAD_USER, result["digests"])
			self.assertEqual(len(self.digests()), 1)
			digest = frappe.get_doc("Notification Log", self.digests()[0])
			# Counts per specialist; no graduate is named (a notification refers to no record to purge).
			self.assertIn(frappe.db.get_value("User", SPECIALIST_USER, "full_name"), digest.email_content)
			self.assertNotIn("Мониторов", digest.subject + digest.email_content)
		with self.frozen("2026-03-02 18:00"):  # a second run the same day sends no second digest
			self.assertNotIn(HEAD_USER, run_daily()["digests"])
		self.assertEqual(len(self.digests()), 1)
		with self.frozen("2026-03-03 06:00"):
			run_daily()
		self.assertEqual(len(self.digests()), 2)
		self.assertEqual(len(self.todos_for([check.name])), 1)

	def test_the_periods_come_from_the_settings(self):
		self.set_settings(monitoring_due_lead_days=2, monitoring_overdue_grace_days=0)
		with self.frozen("2026-02-01 08:00"):
			placement = self.place()
		check = scheduled_check(placement.name, 1)  # due 15 February
		with self.frozen("2026-02-12 06:00"):
			run_daily()
		self.assertEqual(frappe.db.get_value(RECORD_DOCTYPE, check.name, "status"), "Planned")
		with self.frozen("2026-02-13 06:00"):
			run_daily()
		self.assertEqual(frappe.db.get_value(RECORD_DOCTYPE, check.name, "status"), "Due")
		with self.frozen("2026-02-16 06:00"):
			run_daily()
		self.assertEqual(frappe.db.get_value(RECORD_DOCTYPE, check.name, "status"), "Overdue")

	def test_done_and_set_aside_checks_stay_where_they_are(self):
		with self.frozen("2026-02-01 08:00"):
			placement = self.place()
			done = scheduled_check(placement.name, 1)
			done.update({"checked_on": "2026-02-01", "outcome": rules.WORKING_HERE})
			done.save()
			placement.reload()
			placement.dismissal_date = "2026-02-10"
			placement.save()
		with self.frozen("2027-06-01 06:00"):
			run_daily()
		statuses = {row.checkpoint: row.status for row in checks_of(placement.name, is_follow_up=0)}
		self.assertEqual(
			statuses,
			{1: "Done", 3: "Not Applicable", 6: "Not Applicable", 12: "Not Applicable", 24: "Not Applicable"},
		)

	def test_the_job_makes_the_same_number_of_queries_for_10_and_1000_checks(self):
		with self.frozen(TODAY):
			placement = self.place()
			self.seed(placement, "WARM", 3)
			run_daily()  # a warm cache (settings, meta, translations), as on any day after the first
			self.assertIn(
				HEAD_USER, frappe.get_all("Notification Log", {"link": DIGEST_LINK}, pluck="for_user")
			)

			counts, results = {}, {}
			for size in (10, 1000):
				names = self.seed(placement, f"Q{size}", size)
				frappe.db.delete("Notification Log", {"link": DIGEST_LINK})
				with patch.object(frappe.db, "sql", wraps=frappe.db.sql) as sql:
					results[size] = run_daily()
				counts[size] = sql.call_count
				self.assertEqual(len(results[size]["moved"]["Due"]), size)
				self.assertEqual(len(results[size]["moved"]["Overdue"]), size)
				self.assertEqual(len(results[size]["todos"]), 2 * size)
				self.assertEqual(len(self.todos_for(names)), 2 * size)
				self.assertIn(HEAD_USER, results[size]["digests"])
		print(
			f"\nmonitoring daily job: {counts[10]} queries for 10 + 10 checks, {counts[1000]} for 1000 + 1000"
		)
		self.assertEqual(counts[10], counts[1000])

	def seed(self, placement, prefix: str, size: int) -> list[str]:
		"""``size`` planned checks falling due in three days and ``size`` due ones three weeks late, inserted in
		one statement each (the job must move all of them)."""
		today = getdate()
		fields = [
			"name",
			"creation",
			"modified",
			"owner",
			"modified_by",
			"placement",
			"graduate",
			"graduate_name",
			"employer",
			"employer_name",
			"checkpoint",
			"due_date",
			"status",
			"responsible_specialist",
		]
		now = frappe.utils.now_datetime()
		rows, names = [], []
		for status, due in (("Planned", add_days(today, 3)), ("Due", add_days(today, -21))):
			for index in range(size):
				name = f"EMR-{prefix}-{status}-{index:05d}"
				names.append(name)
				rows.append(
					(
						name,
						now,
						now,
						"Administrator",
						"Administrator",
						placement.name,
						placement.graduate,
						placement.graduate_name,
						placement.employer,
						placement.employer_name,
						0,
						due,
						status,
						SPECIALIST_USER,
					)
				)
		frappe.db.bulk_insert(RECORD_DOCTYPE, fields, rows)
		return names
