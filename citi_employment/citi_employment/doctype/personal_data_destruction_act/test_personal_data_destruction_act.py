# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

import json
import os
from datetime import timedelta

import frappe
import requests
from frappe.core.doctype.communication.email import make as make_communication
from frappe.model.delete_doc import add_to_deleted_document
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, get_url, getdate, now_datetime

from citi_employment.personal_data import daily as job
from citi_employment.personal_data.consents import ConsentRuleError, revoke
from citi_employment.personal_data.destruction import destroy, remove_unreferenced_files
from citi_employment.personal_data.sharing import TransferNotAllowedError, send_to_employer
from citi_employment.tests.records import (
	HEAD_USER,
	SPECIALIST_USER,
	ensure_categories,
	ensure_outgoing_email_account,
	make_application,
	make_center_users,
	make_consent,
	make_employer,
	make_graduate,
	make_personal_data,
	make_resume,
)

ACT = "Personal Data Destruction Act"
CONSENT = "Personal Data Consent"
SURNAME = "Уничтожаев"
PASSPORT_NUMBER = "918273"
SNILS_FORMS = ("179-306-524 92", "17930652492")
# Frappe's side tables that keep copies of documents; searched besides every table of the app.
SIDE_TABLES = (
	"Version",
	"Deleted Document",
	"File",
	"Communication",
	"Communication Link",
	"Comment",
	"Email Queue",
	"Email Queue Recipient",
	"ToDo",
	"Notification Log",
	"Activity Log",
	"DocShare",
)
TEXT_TYPES = ("varchar", "text", "mediumtext", "longtext", "tinytext", "char", "json")
# What a test that commits for the served site may leave behind: the app's tables and Frappe's side tables.
COMMITTED_SIDE_TABLES = (
	*SIDE_TABLES,
	"Access Log",
	"View Log",
	"Document Follow",
	"Tag Link",
	"Email Account",
)


def served_site_session() -> requests.Session:
	"""A session on the site as served over HTTP (``bench serve``), logged in as Administrator."""
	session = requests.Session()
	# FrappeTestCase reads admin_password from the site config; a bench's test site is made with "admin".
	password = frappe.get_conf(frappe.local.site).admin_password or "admin"
	response = session.post(
		f"{get_url()}/api/method/login", data={"usr": "Administrator", "pwd": password}, timeout=30
	)
	response.raise_for_status()
	return session


def tables_holding(text: str) -> dict[str, int]:
	"""Every table of the app's DocTypes and Frappe's side tables whose text columns contain ``text``."""
	doctypes = frappe.get_all("DocType", filters={"module": "Citi Employment", "issingle": 0}, pluck="name")
	found = {}
	for doctype in (*doctypes, *SIDE_TABLES):
		table = f"tab{doctype}"
		columns = frappe.db.sql(
			"""select column_name from information_schema.columns
			where table_schema = database() and table_name = %s and data_type in %s""",
			(table, TEXT_TYPES),
			pluck=True,
		)
		if not columns:
			continue
		# As typed, and as Version / Deleted Document store it: JSON with \\uXXXX escapes (backslash doubled
		# for LIKE).
		escaped = json.dumps(text)[1:-1].replace("\\", "\\\\")
		condition = " or ".join(
			f"`{column}` like %(plain)s or `{column}` like %(escaped)s" for column in columns
		)
		count = frappe.db.sql(
			f"select count(*) from `{table}` where {condition}",
			{"plain": f"%{text}%", "escaped": f"%{escaped}%"},
		)[0][0]
		if count:
			found[doctype] = count
	return found


class TestPersonalDataDestructionAct(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_categories()
		make_center_users()
		ensure_outgoing_email_account()

	def tearDown(self):
		frappe.set_user("Administrator")

	def commit_for_the_served_site(self) -> None:
		"""The served site reads only what is committed: commit from here on, and remove it all afterwards.

		Earlier tests' records are rolled back first, so that only this test's records are committed.
		"""
		frappe.db.rollback()
		started = now_datetime() - timedelta(seconds=1)
		self.addCleanup(self.remove_committed_records, started)
		ensure_categories()
		make_center_users()
		ensure_outgoing_email_account()

	def remove_committed_records(self, started) -> None:
		"""Every row of the app's and Frappe's side tables made since ``started``, and its file on disk."""
		frappe.set_user("Administrator")
		frappe.db.rollback()
		urls = set(
			frappe.get_all("File", filters={"creation": (">=", started), "is_folder": 0}, pluck="file_url")
		)
		doctypes = frappe.get_all(
			"DocType", filters={"module": "Citi Employment", "issingle": 0}, pluck="name"
		)
		for doctype in (*doctypes, *COMMITTED_SIDE_TABLES, "Communication Link", "Email Queue Recipient"):
			made_since = {"creation": (">=", started)}
			# A folder (Home/Attachments) made on the way belongs to the site, not to this test.
			frappe.db.delete(doctype, {**made_since, "is_folder": 0} if doctype == "File" else made_since)
		frappe.db.commit()
		remove_unreferenced_files(url for url in urls if url)
		# The fixtures of setUpClass again, uncommitted like the rest, for the tests that follow.
		ensure_categories()
		make_center_users()
		ensure_outgoing_email_account()

	def email_a_scan(self, graduate):
		"""A Specialist attaches a passport scan to the personal data and e-mails it from the desk; returns the
		scan's File and its content.

		The desk's dialog calls ``communication.email.make`` with the chosen File's name; the framework then
		makes a second File row, on the Communication, and queues the mail with that row as its attachment.
		"""
		frappe.set_user(SPECIALIST_USER)
		# Not UTF-8, as a real scan: Frappe would hand back text for a file that decodes.
		content = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + frappe.generate_hash().encode()
		scan = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "passport-scan.pdf",
				"attached_to_doctype": "Graduate Personal Data",
				"attached_to_name": graduate.name,
				"content": content,
				"is_private": 1,
			}
		).insert()
		communication = make_communication(
			doctype="Graduate",
			name=graduate.name,
			content=f"Скан паспорта {SURNAME} во вложении",
			subject="Документы выпускника",
			recipients="hr@employer.invalid",
			send_email=True,
			attachments=[scan.name],
		)["name"]
		frappe.set_user("Administrator")
		mail_copy = frappe.get_all(
			"File",
			filters={"attached_to_doctype": "Communication", "attached_to_name": communication},
			fields=["name", "file_url"],
		)
		self.assertEqual([row.file_url for row in mail_copy], [scan.file_url])
		queued = frappe.get_all("Email Queue", filters={"communication": communication}, pluck="attachments")
		self.assertEqual([json.loads(attachments) for attachments in queued], [[{"fid": mail_copy[0].name}]])
		return scan, content

	def make_subject(self):
		"""A graduate with every kind of trace: personal data, documents, files, shares, mail, history."""
		graduate = make_graduate(
			last_name="Временнов",
			phone="+7 911 123-45-67",
			email="subject@citi.invalid",
			registration_address="г. Тосно, ул. Секретная, д. 7",
		)
		photo = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "subject-photo.png",
				"attached_to_doctype": "Graduate",
				"attached_to_name": graduate.name,
				"content": b"\x89PNG\r\n\x1a\n" + b"0" * 32,
				"is_private": 1,
			}
		).insert(ignore_permissions=True)
		graduate.reload()
		graduate.photo = photo.file_url
		graduate.last_name = SURNAME  # the Version of this change holds the surname
		graduate.actual_address = "г. Тосно, ул. Секретная, д. 8"
		# A Version with the name and addresses (Frappe skips versions in tests unless asked).
		graduate.save(ignore_permissions=True, ignore_version=False)
		make_personal_data(graduate.name, passport_number=PASSPORT_NUMBER, snils=SNILS_FORMS[0])
		consent = make_consent(graduate, signed_on=add_days(getdate(), -20))
		resume = make_resume(graduate.name)
		# A copy in Deleted Document, as any earlier deletion by a user leaves it.
		add_to_deleted_document(make_resume(graduate.name, desired_position="Кладовщик"))
		make_application(graduate.name, submit=True)
		# The psychologist's text is about the person: it goes whole, not just its name.
		frappe.get_doc(
			{
				"doctype": "Mentor Recommendation",
				"graduate": graduate.name,
				"emotional_sphere": f"{SURNAME} тревожится при смене обстановки",
			}
		).insert(ignore_permissions=True)
		frappe.share.add_docshare(
			"Student Resume", resume.name, SPECIALIST_USER, read=1, flags={"ignore_share_permission": 1}
		)
		graduate.add_comment("Comment", f"Звонил {SURNAME}, просил перезвонить")
		frappe.get_doc(
			{
				"doctype": "Communication",
				"communication_type": "Communication",
				"communication_medium": "Email",
				"subject": f"Письмо от {SURNAME}",
				"content": "Текст письма",
				"reference_doctype": "Graduate",
				"reference_name": graduate.name,
			}
		).insert(ignore_permissions=True)
		employer = make_employer()
		send_to_employer(graduate.name, employer, "Student Resume", resume.name)
		frappe.get_doc(
			{
				"doctype": "Graduate Placement",
				"graduate": graduate.name,
				"employer": employer,
				"employment_date": add_days(getdate(), -3),
			}
		).insert(ignore_permissions=True)
		return graduate, consent, photo

	def test_revocation_then_destruction_leaves_the_name_only_in_the_act(self):
		self.commit_for_the_served_site()
		graduate, consent, photo = self.make_subject()
		scan, scan_content = self.email_a_scan(graduate)
		scan_path = scan.get_full_path()
		photo_path = photo.get_full_path()
		self.assertTrue(os.path.exists(photo_path))
		frappe.db.commit()
		served = served_site_session()
		scan_url = f"{get_url()}{scan.file_url}"
		response = served.get(scan_url, timeout=30)
		self.assertEqual((response.status_code, response.content), (200, scan_content))
		self.assertIn("Version", tables_holding(SURNAME))
		self.assertIn("Deleted Document", tables_holding(SURNAME))
		self.assertIn("Graduate Personal Data", tables_holding(PASSPORT_NUMBER))

		frappe.set_user(SPECIALIST_USER)
		revoke(consent.name, str(getdate()))
		with self.assertRaises(frappe.PermissionError):
			destroy(consent.name, confirm_early=1)  # the Head only
		frappe.set_user(HEAD_USER)
		with self.assertRaisesRegex(ConsentRuleError, "not due yet"):
			destroy(consent.name)
		act_name = destroy(consent.name, confirm_early=1)
		frappe.set_user("Administrator")

		self.assertEqual(tables_holding(SURNAME), {ACT: 1})
		self.assertEqual(tables_holding(PASSPORT_NUMBER), {})
		for snils in SNILS_FORMS:
			self.assertEqual(tables_holding(snils), {})
		self.assertEqual(tables_holding("Секретная"), {})
		# No File row points to the scan any more: not the Specialist's upload, nor the mail's copy of it.
		self.assertEqual(
			frappe.get_all(
				"File",
				or_filters={"file_url": scan.file_url, "content_hash": scan.content_hash},
				pluck="name",
			),
			[],
		)
		# The files leave the disk only after the commit, so that a rollback keeps them.
		self.assertTrue(os.path.exists(photo_path))
		self.assertTrue(os.path.exists(scan_path))
		frappe.db.commit()
		self.assertFalse(os.path.exists(photo_path))
		self.assertFalse(os.path.exists(scan_path))
		response = served.get(scan_url, timeout=30)
		self.assertIn(response.status_code, (403, 404))
		self.assertNotIn(scan_content, response.content)

		act = frappe.get_doc(ACT, act_name)
		self.assertEqual(act.docstatus, 1)
		self.assertEqual(act.subject_full_name, f"{SURNAME} Пётр Олегович")
		self.assertEqual(act.performed_by, HEAD_USER)
		self.assertIn("ч. 5 ст. 21", act.reason)
		self.assertTrue(act.categories)
		self.assertIn("Student Resume: 2", act.destroyed_records)
		self.assertIn("Mentor Recommendation: 1", act.destroyed_records)
		self.assertFalse(frappe.db.exists("Mentor Recommendation", {"graduate": graduate.name}))
		self.assertIn("Уничтожение завершено", act.event_log)

		# The depersonalised graduate still counts: gender and birth year stay.
		row = frappe.db.get_value(
			"Graduate", graduate.name, ["full_name", "gender", "date_of_birth", "phone"], as_dict=True
		)
		self.assertTrue(row.full_name.startswith("Обезличено-"))
		self.assertEqual(row.gender, "Male")
		self.assertEqual(getdate(row.date_of_birth), getdate(f"{getdate(graduate.date_of_birth).year}-01-01"))
		self.assertIsNone(row.phone)
		self.assertEqual(frappe.db.get_value("Graduate", graduate.name, "consent_status"), "Revoked")
		consent_row = frappe.db.get_value(
			CONSENT, consent.name, ["destroyed_on", "destruction_act"], as_dict=True
		)
		self.assertEqual(
			(getdate(consent_row.destroyed_on), consent_row.destruction_act), (getdate(), act_name)
		)
		# The placement stays for the statistics, under the neutral name.
		placement = frappe.db.get_value("Graduate Placement", {"graduate": graduate.name}, "graduate_name")
		self.assertEqual(placement, row.full_name)
		# The transfer log survives (proof of lawful transfers) and names no one.
		self.assertTrue(frappe.db.exists("Personal Data Transfer", {"graduate": graduate.name}))

	def test_destroying_twice_refused(self):
		graduate = make_graduate(last_name="Дваждов")
		consent = make_consent(graduate, signed_on=add_days(getdate(), -5))
		revoke(consent.name, str(getdate()))
		destroy(consent.name, confirm_early=1)
		with self.assertRaisesRegex(ConsentRuleError, "already been destroyed"):
			destroy(consent.name, confirm_early=1)

	def test_active_consent_cannot_be_destroyed(self):
		graduate = make_graduate(last_name="Активов")
		consent = make_consent(graduate)
		with self.assertRaisesRegex(ConsentRuleError, "only after the consent has been revoked"):
			destroy(consent.name, confirm_early=1)
		self.assertEqual(frappe.db.get_value("Graduate", graduate.name, "last_name"), "Активов")

	def test_daily_job_destroys_when_due(self):
		graduate = make_graduate(last_name="Срокова")
		consent = make_consent(graduate, signed_on=add_days(getdate(), -5))
		result = revoke(consent.name, str(getdate()))
		self.assertEqual(job.run_due_destructions(), [])
		with self.freeze_time(getdate(result["destruction_due_on"])):
			acts = job.run_due_destructions()
		self.assertEqual(len(acts), 1)
		self.assertEqual(frappe.db.get_value(ACT, acts[0], "subject_full_name"), "Срокова Пётр Олегович")
		self.assertFalse(frappe.db.exists("Graduate", {"last_name": "Срокова"}))

	def test_after_destruction_nothing_is_shared(self):
		graduate = make_graduate(last_name="Послеуничтожев")
		consent = make_consent(graduate, signed_on=add_days(getdate(), -5))
		revoke(consent.name, str(getdate()))
		destroy(consent.name, confirm_early=1)
		with self.assertRaises(TransferNotAllowedError):
			send_to_employer(
				graduate.name, make_employer(), "Student Resume", make_resume(graduate.name).name
			)

	def test_act_permissions(self):
		self.assertTrue(frappe.has_permission(ACT, "read", user=HEAD_USER))
		self.assertTrue(frappe.has_permission(ACT, "print", user=HEAD_USER))
		self.assertTrue(frappe.has_permission(ACT, "read", user=SPECIALIST_USER))
		self.assertFalse(frappe.has_permission(ACT, "print", user=SPECIALIST_USER))
		for user in (HEAD_USER, SPECIALIST_USER):
			self.assertFalse(frappe.has_permission(ACT, "create", user=user))
			self.assertFalse(frappe.has_permission(ACT, "write", user=user))

	def destroy_now(self, graduate):
		consent = make_consent(graduate, signed_on=add_days(getdate(), -5))
		revoke(consent.name, str(getdate()))
		return destroy(consent.name, confirm_early=1)

	def test_unrelated_mentions_of_the_surname_survive(self):
		graduate = make_graduate(last_name="Ким")
		graduate.add_comment("Comment", "Звонил Ким, просил перезвонить")
		todo = frappe.get_doc({"doctype": "ToDo", "description": "Перезвонить родителям"}).insert(
			ignore_permissions=True
		)
		comment = todo.add_comment("Comment", "Звонила Ким Мария, мать Акимова").name
		communication = (
			frappe.get_doc(
				{
					"doctype": "Communication",
					"communication_type": "Communication",
					"communication_medium": "Email",
					"subject": "Письмо от Ким Марии",
					"content": "Акимов и Ким придут в среду",
				}
			)
			.insert(ignore_permissions=True)
			.name
		)
		self.destroy_now(graduate)
		self.assertFalse(
			frappe.db.exists("Comment", {"reference_doctype": "Graduate", "reference_name": graduate.name})
		)
		self.assertEqual(
			frappe.db.get_value("Comment", comment, "content"), "Звонила Ким Мария, мать Акимова"
		)
		self.assertEqual(
			frappe.db.get_value("Communication", communication, ["subject", "content"]),
			("Письмо от Ким Марии", "Акимов и Ким придут в среду"),
		)

	def test_other_graduates_history_survives(self):
		graduate = make_graduate(last_name="Историев")
		other = make_graduate(last_name="Соседов")
		other.actual_address = f"г. Тосно, у соседа Историев, {graduate.name}"
		other.save(ignore_permissions=True, ignore_version=False)
		other_resume = make_resume(other.name, desired_position="Помощник Историева")
		add_to_deleted_document(other_resume)
		# A deleted record of another graduate whose ID starts with the subject's ID.
		lookalike = frappe.get_doc(
			{
				"doctype": "Deleted Document",
				"deleted_doctype": "Student Resume",
				"deleted_name": "RES-LOOKALIKE",
				"data": frappe.as_json({"doctype": "Student Resume", "graduate": f"{graduate.name}1"}),
			}
		).insert(ignore_permissions=True)
		own_copy = frappe.get_doc(
			{
				"doctype": "Deleted Document",
				"deleted_doctype": "Student Resume",
				"deleted_name": "RES-GONE",
				"data": frappe.as_json({"doctype": "Student Resume", "graduate": graduate.name}),
			}
		).insert(ignore_permissions=True)
		versions = frappe.get_all("Version", filters={"ref_doctype": "Graduate", "docname": other.name})
		self.assertTrue(versions)

		self.destroy_now(graduate)
		self.assertEqual(
			frappe.get_all("Version", filters={"ref_doctype": "Graduate", "docname": other.name}), versions
		)
		self.assertTrue(
			frappe.db.exists(
				"Deleted Document", {"deleted_doctype": "Student Resume", "deleted_name": other_resume.name}
			)
		)
		self.assertTrue(frappe.db.exists("Deleted Document", lookalike.name))
		self.assertFalse(frappe.db.exists("Deleted Document", own_copy.name))

	def make_photo(self, graduate, content: bytes):
		return frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "photo.png",
				"attached_to_doctype": "Graduate",
				"attached_to_name": graduate.name,
				"content": content,
				"is_private": 1,
			}
		).insert(ignore_permissions=True)

	def test_a_file_shared_with_another_graduate_survives(self):
		content = b"\x89PNG\r\n\x1a\n" + frappe.generate_hash().encode()
		graduate = make_graduate(last_name="Фотов")
		other = make_graduate(last_name="Снимков")
		photo = self.make_photo(graduate, content)
		other_photo = self.make_photo(other, content)
		self.assertEqual(
			other_photo.file_url, photo.file_url
		)  # Frappe reuses the file of an identical upload
		frappe.db.set_value("Graduate", graduate.name, "photo", photo.file_url)
		path = photo.get_full_path()

		self.destroy_now(graduate)
		frappe.db.after_commit.run()
		self.assertFalse(frappe.db.exists("File", photo.name))
		self.assertTrue(frappe.db.exists("File", other_photo.name))
		self.assertTrue(os.path.exists(path))

	def test_a_mailed_file_of_another_graduate_survives(self):
		"""A mail about the subject goes with its own attachment rows; a file it refers to that another record
		holds stays, row and disk."""
		graduate = make_graduate(last_name="Письмов")
		other = make_graduate(last_name="Адресатов")
		other_photo = self.make_photo(other, b"\x89PNG\r\n\x1a\n" + frappe.generate_hash().encode())
		frappe.sendmail(
			recipients=["hr@employer.invalid"],
			subject="Документы",
			message="Во вложении",
			attachments=[{"fid": other_photo.name}],
			reference_doctype="Graduate",
			reference_name=graduate.name,
		)
		self.assertTrue(
			frappe.db.exists(
				"Email Queue", {"reference_doctype": "Graduate", "reference_name": graduate.name}
			)
		)

		self.destroy_now(graduate)
		frappe.db.after_commit.run()
		self.assertFalse(
			frappe.db.exists(
				"Email Queue", {"reference_doctype": "Graduate", "reference_name": graduate.name}
			)
		)
		self.assertTrue(frappe.db.exists("File", other_photo.name))
		self.assertTrue(os.path.exists(other_photo.get_full_path()))

	def test_rolled_back_destruction_keeps_the_file(self):
		graduate = make_graduate(last_name="Откатов")
		photo = self.make_photo(graduate, b"\x89PNG\r\n\x1a\n" + frappe.generate_hash().encode())
		consent = make_consent(graduate, signed_on=add_days(getdate(), -5))
		revoke(consent.name, str(getdate()))
		frappe.db.savepoint("before_destruction")
		destroy(consent.name, confirm_early=1)
		frappe.db.rollback(save_point="before_destruction")
		frappe.db.after_commit.run()
		self.assertTrue(frappe.db.exists("File", photo.name))
		self.assertTrue(os.path.exists(photo.get_full_path()))
