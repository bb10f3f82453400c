# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Scheduled e-mail reports (issue 12): the Head's monthly digest as an Auto Email Report kept in step with
Employment Center Settings, its figures on records built by hand, and the Director's approval reminders.

The digest's records (rolled back with the class; the DocTypes it counts are emptied first):

- monitoring checks: K1 Due (due in 3 days), K2 Overdue (due 20 days ago), K3 Planned (not listed);
- contracts: C1 Active ending in 10 days, C2 Expiring Soon ending in 25 days (both listed, the warning
  period is 30 days), C3 Active ending in 45 days, C4 a Draft ending in 5 days, C5 Expired (none listed);
- consents: S1 an adult's Active consent ending in 20 days (expires soon); S2 a representative's Active
  consent of a minor who is 18 in 40 days (comes of age); S3 an adult's Active consent ending in 100 days
  (not listed); S4 the Expired consent of a graduate who still seeks work (lapsed); S5 the Expired consent of
  a graduate who is employed (not listed).
"""

import email

import frappe
from frappe.desk.query_report import run
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, add_years, getdate

from citi_employment import email_reports
from citi_employment.email_reports import digest, reminders
from citi_employment.email_reports.digest import DigestRecipientError
from citi_employment.roles import EMPLOYMENT_CENTER_HEAD
from citi_employment.tests.records import (
	DIRECTOR_USER,
	HEAD_USER,
	SPECIALIST_USER,
	TEACHER_USER,
	act,
	ensure_outgoing_email_account,
	make_center_users,
	make_consent,
	make_contract,
	make_employer,
	make_graduate,
	make_placement,
	make_user,
	make_work_plan,
)

SETTINGS = "Employment Center Settings"
REPORT = "Center Monthly Digest"
RECORD = "Employment Monitoring Record"
CONTRACT = "Employer Contract"
CONSENT = "Personal Data Consent"
COOPERATION = "Cooperation (Partnership)"
COUNTED_DOCTYPES = (RECORD, "Graduate Placement", CONTRACT, CONSENT)
# Graduates of this class are named so, and no digest row may name them.
LAST_NAME = "Дайджестов"


def set_settings(**values):
	settings = frappe.get_single(SETTINGS)
	recipients = values.pop("recipients", None)
	if recipients is not None:
		settings.set("monthly_digest_recipients", [{"user": user} for user in recipients])
	settings.update(values)
	settings.save(ignore_permissions=True)
	return settings


def digest_record():
	return frappe.get_doc("Auto Email Report", digest.digest_record_name())


def mail_parts(mail) -> tuple[str, list[str]]:
	"""The decoded HTML of a queued mail, and the names of its attached files."""
	message = email.message_from_string(mail.message)
	html, files = "", []
	for part in message.walk():
		if part.get_filename():
			files.append(part.get_filename())
		elif part.get_content_type() == "text/html":
			html += part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
	return html, files


def queued_mails(reference_doctype: str, reference_name: str) -> list:
	queued = frappe.get_all(
		"Email Queue",
		filters={"reference_doctype": reference_doctype, "reference_name": reference_name},
		fields=["name", "message", "attachments"],
		order_by="creation",
	)
	for mail in queued:
		mail.recipients = frappe.get_all(
			"Email Queue Recipient", filters={"parent": mail.name}, pluck="recipient"
		)
	return queued


class TestMonthlyDigest(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.today = getdate()
		make_center_users()
		ensure_outgoing_email_account()
		for doctype in COUNTED_DOCTYPES:
			frappe.db.delete(doctype)
		frappe.db.set_single_value(SETTINGS, "contract_expiry_warning_days", 30)
		frappe.clear_document_cache(SETTINGS, SETTINGS)
		cls.make_checks()
		cls.make_contracts()
		cls.make_consents()

	def setUp(self):
		frappe.set_user("Administrator")
		set_settings(recipients=[], monthly_digest_enabled=1, monthly_digest_format="HTML")

	def tearDown(self):
		frappe.set_user("Administrator")

	# --- builders ---------------------------------------------------------------------------------------

	@classmethod
	def make_checks(cls):
		graduate = make_graduate(last_name=LAST_NAME, first_name="Проверяемый")
		placement = make_placement(graduate.name, make_employer("Дайджест Столовая"))
		checks = frappe.get_all(
			RECORD, filters={"placement": placement.name}, order_by="checkpoint", pluck="name"
		)
		cls.K1, cls.K2, cls.K3 = checks[:3]
		# As the daily monitoring job leaves them; the digest reads the status.
		frappe.db.set_value(RECORD, cls.K1, {"status": "Due", "due_date": add_days(cls.today, 3)})
		frappe.db.set_value(RECORD, cls.K2, {"status": "Overdue", "due_date": add_days(cls.today, -20)})
		for name in checks[2:]:
			frappe.db.set_value(RECORD, name, "status", "Planned")

	@classmethod
	def make_contracts(cls):
		def contract(short_name, valid_to, status):
			doc = make_contract(
				COOPERATION, make_employer(short_name), valid_from="2026-01-01", valid_to=valid_to
			)
			frappe.db.set_value(
				CONTRACT, doc.name, {"status": status, "registration_number": f"D-{doc.name}"}
			)
			return doc.name

		today = cls.today
		cls.C1 = contract("Дайджест Один", add_days(today, 10), "Active")
		cls.C2 = contract("Дайджест Два", add_days(today, 25), "Expiring Soon")
		cls.C3 = contract("Дайджест Три", add_days(today, 45), "Active")
		cls.C4 = contract("Дайджест Четыре", add_days(today, 5), "Draft")
		cls.C5 = contract("Дайджест Пять", add_days(today, 2), "Expired")

	@classmethod
	def make_consents(cls):
		today = cls.today

		def graduate(first_name, **values):
			return make_graduate(last_name=LAST_NAME, first_name=first_name, **values)

		adult = graduate("Истекающий")
		cls.S1 = make_consent(adult, valid_until=add_days(today, 20)).name
		# 18 in 40 days: a minor now, whose mother signed.
		minor = graduate("Взрослеющий", minor=True, date_of_birth=add_days(add_years(today, -18), 40))
		cls.S2 = make_consent(minor).name
		cls.minor = minor.name
		cls.S3 = make_consent(graduate("Спокойный"), valid_until=add_days(today, 100)).name
		seeker = graduate("Ищущий")
		cls.S4 = make_consent(seeker, signed_on=add_days(today, -400)).name
		employed = graduate("Работающий")
		cls.S5 = make_consent(employed, signed_on=add_days(today, -400)).name
		# As the daily consent job leaves them: expired, and the graduates' derived statuses.
		for consent in (cls.S4, cls.S5):
			frappe.db.set_value(CONSENT, consent, {"status": "Expired", "valid_until": add_days(today, -10)})
		frappe.db.set_value(
			"Graduate", seeker.name, {"consent_status": "Expired", "employment_status": "Seeking Employment"}
		)
		frappe.db.set_value(
			"Graduate", employed.name, {"consent_status": "Expired", "employment_status": "Employed"}
		)
		cls.seeker = seeker.name

	# --- the report -------------------------------------------------------------------------------------

	def digest(self, user=HEAD_USER, **filters):
		frappe.set_user(user)
		try:
			return run(REPORT, filters=filters or {"as_on": str(self.today)}, ignore_prepared_report=True)
		finally:
			frappe.set_user("Administrator")

	def test_every_figure_of_the_digest_on_known_records(self):
		result = self.digest()
		cards = {card["label"]: card["value"] for card in result["report_summary"]}
		self.assertEqual(list(cards.values()), [1, 1, 2, 3])

		documents = [row.get("document") for row in result["result"]]
		headings = [row for row in result["result"] if not row.get("document")]
		self.assertEqual(len(headings), 3)
		self.assertEqual(
			[name for name in documents if name],
			[self.K2, self.K1, self.C1, self.C2, self.S1, self.S2, self.seeker],
		)
		rows = {row.get("document"): row for row in result["result"]}
		self.assertEqual(rows[self.K1]["document_type"], RECORD)
		self.assertEqual(rows[self.K1]["days_left"], 3)
		self.assertEqual(rows[self.K2]["days_left"], -20)
		self.assertEqual(getdate(rows[self.C2]["date"]), add_days(self.today, 25))
		self.assertEqual(rows[self.S2]["document_type"], CONSENT)
		self.assertEqual(getdate(rows[self.S2]["date"]), add_days(self.today, 40))
		self.assertEqual(rows[self.seeker]["document_type"], "Graduate")
		self.assertEqual(getdate(rows[self.seeker]["date"]), add_days(self.today, -10))

	def test_a_later_day_lists_what_will_be_due_then(self):
		# In 45 days: C1 and C2 have ended, C3 ends that day; S1 has ended (the daily job expires it), S3 ends
		# within 60 days; the minor is 18 by then, still on the representative's consent.
		result = self.digest(as_on=str(add_days(self.today, 45)))
		documents = {row.get("document") for row in result["result"]}
		self.assertTrue({self.C3, self.S3, self.S2} <= documents)
		self.assertFalse({self.C1, self.C2, self.S1} & documents)

	def test_the_digest_names_no_graduate(self):
		result = self.digest()
		text = frappe.as_json(result["result"])
		self.assertNotIn(LAST_NAME, text)
		for field in ("graduate_name", "full_name", "date_of_birth"):
			self.assertNotIn(field, text)

	def test_only_the_head_and_the_specialist_see_the_digest(self):
		self.assertTrue(self.digest(SPECIALIST_USER)["result"])
		for user in (DIRECTOR_USER, TEACHER_USER):
			with self.assertRaises(frappe.PermissionError):
				self.digest(user)

	def test_a_bad_date_is_refused_with_a_message(self):
		for value in ("2026-13-45", "'; DROP TABLE tabGraduate; --"):
			result = self.digest(as_on=value)
			self.assertEqual(result["result"], [])
			self.assertTrue(result["message"])
		self.assertTrue(frappe.db.exists("DocType", "Graduate"))

	# --- the Auto Email Report --------------------------------------------------------------------------

	def test_by_default_every_head_gets_the_digest_monthly(self):
		record = digest_record()
		self.assertEqual(record.report, REPORT)
		self.assertEqual(record.frequency, "Monthly")
		self.assertEqual(record.format, "HTML")
		self.assertTrue(record.enabled)
		heads = frappe.get_all(
			"User",
			filters={"name": ("in", frappe.utils.user.get_users_with_role(EMPLOYMENT_CENTER_HEAD))},
			pluck="email",
		)
		self.assertIn(HEAD_USER, record.email_to.split())
		self.assertCountEqual(record.email_to.split(), heads)

	def test_changing_the_settings_changes_the_auto_email_report(self):
		set_settings(recipients=[SPECIALIST_USER], monthly_digest_format="XLSX")
		record = digest_record()
		self.assertEqual(record.email_to, SPECIALIST_USER)
		self.assertEqual(record.format, "XLSX")

		set_settings(monthly_digest_enabled=0)
		self.assertFalse(digest_record().enabled)

		set_settings(recipients=[], monthly_digest_enabled=1)
		record = digest_record()
		self.assertTrue(record.enabled)
		self.assertIn(HEAD_USER, record.email_to.split())
		self.assertNotIn(SPECIALIST_USER, record.email_to.split())

	def test_the_settings_keep_one_auto_email_report(self):
		name = digest_record().name
		set_settings(recipients=[SPECIALIST_USER])
		set_settings(recipients=[HEAD_USER])
		email_reports.sync_all()
		self.assertEqual(digest_record().name, name)
		self.assertEqual(frappe.db.count("Auto Email Report", {"report": REPORT}), 1)

	def test_a_head_appointed_later_gets_the_digest_and_a_disabled_one_no_longer(self):
		new_head = make_user("digest-new-head@citi.invalid", EMPLOYMENT_CENTER_HEAD)
		self.assertIn(new_head, digest_record().email_to.split())
		user = frappe.get_doc("User", new_head)
		user.enabled = 0
		user.save(ignore_permissions=True)
		self.assertNotIn(new_head, digest_record().email_to.split())

	def test_only_users_who_may_read_the_digest_may_get_it(self):
		with self.assertRaises(DigestRecipientError):
			set_settings(recipients=[TEACHER_USER])
		with self.assertRaises(DigestRecipientError):
			set_settings(recipients=[DIRECTOR_USER])

	def test_sending_queues_the_digest_to_the_configured_recipient(self):
		set_settings(recipients=[SPECIALIST_USER])
		record = digest_record()
		before = len(queued_mails("Auto Email Report", record.name))
		record.send()

		(mail,) = queued_mails("Auto Email Report", record.name)[before:]
		self.assertEqual(mail.recipients, [SPECIALIST_USER])
		html, files = mail_parts(mail)
		self.assertEqual(files, [])
		for name in (self.K1, self.K2, self.C1, self.C2, self.S1, self.S2, self.seeker):
			self.assertIn(name, html)
		self.assertIn(f"/app/employer-contract/{self.C1}", html)
		self.assertNotIn(LAST_NAME, html)

	def test_an_xlsx_digest_is_attached(self):
		set_settings(recipients=[SPECIALIST_USER], monthly_digest_format="XLSX")
		record = digest_record()
		before = len(queued_mails("Auto Email Report", record.name))
		record.send()
		(mail,) = queued_mails("Auto Email Report", record.name)[before:]
		self.assertEqual(mail_parts(mail)[1], ["Center-Monthly-Digest.xlsx"])

	def test_nobody_to_send_to_keeps_the_record_disabled(self):
		heads = frappe.utils.user.get_users_with_role(EMPLOYMENT_CENTER_HEAD)
		frappe.db.delete("Has Role", {"role": EMPLOYMENT_CENTER_HEAD, "parent": ("in", heads)})
		digest.sync_digest()
		record = digest_record()
		self.assertFalse(record.enabled)
		self.assertFalse(record.email_to)
		make_center_users()  # the Head again
		self.assertTrue(digest_record().enabled)

	def test_the_record_is_found_when_the_cached_defaults_miss_it(self):
		name = digest_record().name
		# As Frappe leaves the cache after installing an app: it does not clear cached defaults meanwhile.
		frappe.cache.hset("defaults", "__default", {})
		try:
			self.assertEqual(digest.digest_record_name(), name)
			email_reports.sync_all()
			self.assertEqual(frappe.db.count("Auto Email Report", {"report": REPORT}), 1)
		finally:
			frappe.clear_cache()

	def test_uninstall_removes_the_records_and_install_makes_them_again(self):
		self.assertTrue(reminders.app_reminders())
		email_reports.delete_all()
		self.assertIsNone(digest.digest_record_name())
		self.assertEqual(frappe.db.count("Auto Email Report", {"report": REPORT}), 0)
		self.assertEqual(reminders.app_reminders(), [])

		email_reports.sync_all()
		self.assertTrue(digest_record().enabled)
		self.assertTrue(reminders.app_reminders())


class TestApprovalReminders(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		ensure_outgoing_email_account()
		set_settings(approval_reminder_days=3)

	def setUp(self):
		frappe.set_user("Administrator")
		self.today = getdate()

	def tearDown(self):
		frappe.set_user("Administrator")
		set_settings(approval_reminder_days=3)

	def bell(self, doctype: str, name: str) -> list[str]:
		return frappe.get_all(
			"Notification Log",
			filters={"for_user": DIRECTOR_USER, "document_type": doctype, "document_name": name},
			pluck="subject",
			order_by="creation",
		)

	def pending_contract(self):
		contract = make_contract(
			COOPERATION, make_employer("Напоминаемый работодатель"), valid_from="2032-01-01"
		)
		act(contract, "Submit for Approval", SPECIALIST_USER)
		return frappe.get_doc(CONTRACT, contract.name)

	def test_every_workflow_waiting_for_the_director_gets_a_reminder_to_the_director(self):
		names = reminders.sync_reminders()
		for workflow in ("Employer Contract Approval", "Work Plan Workflow"):
			for channel in reminders.CHANNELS:
				self.assertIn(reminders.notification_name(workflow, channel), names)
		notification = frappe.get_doc("Notification", "Employer Contract Approval: Approval Reminder (Email)")
		self.assertEqual((notification.event, notification.method), ("Method", reminders.METHOD))
		self.assertEqual([row.receiver_by_role for row in notification.recipients], ["Institution Director"])
		# Vacancy requests and mentor recommendations never wait for the Director.
		self.assertFalse(
			[name for name in names if name.startswith(("Vacancy Request", "Mentor Recommendation"))]
		)

	def test_a_contract_waiting_three_days_reminds_the_director_and_again_every_three_days(self):
		contract = self.pending_contract()
		handed_over = len(self.bell(CONTRACT, contract.name))  # the approval notification itself
		mails_before = len(queued_mails(CONTRACT, contract.name))

		for day, reminded in ((1, False), (2, False), (3, True), (4, False), (6, True)):
			done = reminders.run_daily(add_days(self.today, day))
			self.assertEqual((CONTRACT, contract.name) in done, reminded, f"day {day}")

		subjects = self.bell(CONTRACT, contract.name)[handed_over:]
		self.assertEqual(len(subjects), 2)
		self.assertIn(contract.name, subjects[0])
		mails = queued_mails(CONTRACT, contract.name)[mails_before:]
		self.assertEqual([mail.recipients for mail in mails], [[DIRECTOR_USER], [DIRECTOR_USER]])
		self.assertIn(f"/app/employer-contract/{contract.name}", mail_parts(mails[0])[0])

	def test_no_reminder_once_approved(self):
		contract = self.pending_contract()
		act(contract, "Approve", DIRECTOR_USER)
		self.assertNotIn((CONTRACT, contract.name), reminders.run_daily(add_days(self.today, 3)))

	def test_the_wait_counts_from_the_last_hand_over(self):
		contract = self.pending_contract()
		# Frappe keeps no Version in tests (``ignore_version``); on a site each save of a tracked DocType
		# leaves one. Handed over ten days ago, sent back, handed over again two days ago.
		for days, old, new in (
			(-10, "Draft", "Pending Director Approval"),
			(-9, "Pending Director Approval", "Declined"),
			(-8, "Declined", "Draft"),
			(-2, "Draft", "Pending Director Approval"),
		):
			version = frappe.get_doc(
				{
					"doctype": "Version",
					"ref_doctype": CONTRACT,
					"docname": contract.name,
					"data": frappe.as_json({"changed": [["status", old, new]]}),
				}
			).insert(ignore_permissions=True)
			frappe.db.set_value("Version", version.name, "creation", add_days(self.today, days))
		workflow = frappe.get_doc("Workflow", "Employer Contract Approval")
		since = reminders.waiting_documents(workflow, {"Pending Director Approval": ()})[contract.name]
		self.assertEqual(since.date(), add_days(self.today, -2))
		self.assertIn((CONTRACT, contract.name), reminders.run_daily(add_days(self.today, 1)))
		self.assertNotIn((CONTRACT, contract.name), reminders.run_daily(add_days(self.today, 2)))

	def test_a_submitted_work_plan_is_reminded_of(self):
		plan = make_work_plan(self.today.year + 5, "Year")
		act(plan, "Submit for Approval", HEAD_USER)
		self.assertIn(("Work Plan", plan.name), reminders.run_daily(add_days(self.today, 3)))

	def test_no_reminders_when_turned_off(self):
		contract = self.pending_contract()
		set_settings(approval_reminder_days=0)
		self.assertEqual(reminders.app_reminders(), [])
		self.assertEqual(reminders.run_daily(add_days(self.today, 3)), [])
		self.assertEqual(len(self.bell(CONTRACT, contract.name)), 1)
