# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""Server-side write rules: service-owned fields and locked states, whatever path the write takes.

The first class is generated from ``domain.write_rules.SERVICE_FIELDS`` and the DocTypes' permission rows:
every service-owned field is written, as every role that may write its DocType, through the framework's
own save endpoint (``frappe.client.save``, what REST PUT and ``set_value`` end in). The second class makes
the requests of the security test over real REST, in a request thread with its own database connection,
so its records are committed in ``setUpClass`` and removed in ``tearDownClass``.
"""

import json
from urllib.parse import quote

import frappe
from frappe.client import save as client_save
from frappe.model.workflow import WorkflowPermissionError, WorkflowTransitionError
from frappe.tests.test_api import make_request as make_http_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, cint, get_test_client, getdate

from citi_employment.domain.write_rules import SERVICE_FIELDS
from citi_employment.personal_data.consents import revoke
from citi_employment.roles import CENTER_ROLES, EMPLOYMENT_SPECIALIST
from citi_employment.tests.records import (
	USER_OF_ROLE,
	approve,
	make_annual_report,
	make_application,
	make_center_users,
	make_consent,
	make_contract,
	make_employer,
	make_graduate,
	make_interaction,
	make_placement,
	make_request,
	make_resume,
	make_user,
	make_work_plan,
)
from citi_employment.write_guards import LockedDocumentError, ServiceFieldChangeError

REFUSALS = (ServiceFieldChangeError, LockedDocumentError)
# A workflow's state field is guarded by the framework's own transition check, which v15 does enforce.
STATE_REFUSALS = (*REFUSALS, WorkflowTransitionError, WorkflowPermissionError)
# Changing where a log entry points needs both halves of the Dynamic Link to name an existing record.
PAIRED_FIELDS = {"reference_doctype": "reference_name"}


def writer_roles(doctype: str) -> list[str]:
	"""The Center roles that may write the DocType by its permission rows; Administrator stands in where
	none may (the records only services write), so that the rule is still tried."""
	roles = {
		row.role
		for row in frappe.get_meta(doctype).permissions
		if cint(row.write) and not cint(row.permlevel) and row.role in CENTER_ROLES
	}
	return sorted(roles) or ["Administrator"]


def unreachable_state(doctype: str, current: str) -> str:
	"""A state of the DocType's workflow with no transition from ``current``: a PUT of it skips the workflow."""
	workflow = frappe.get_doc("Workflow", frappe.get_meta(doctype).get_workflow())
	reachable = {row.next_state for row in workflow.transitions if row.state == current} | {current}
	return next(row.state for row in workflow.states if row.state not in reachable)


def other_value(df, current, alternatives: dict):
	"""A value of the field's type that differs from ``current``."""
	if df.fieldtype == "Link":
		return alternatives[df.options]
	if df.fieldtype == "Dynamic Link":
		return alternatives[df.fieldname]
	if df.fieldtype == "Select":
		options = [option for option in (df.options or "").split("\n") if option and option != current]
		return options[0]
	if df.fieldtype in ("Int", "Check"):
		return 1 if not cint(current) else 0
	if df.fieldtype in ("Float", "Currency", "Percent"):
		return 77.0
	if df.fieldtype == "Date":
		return "2001-02-03"
	if df.fieldtype == "Datetime":
		return "2001-02-03 04:05:06"
	return "forged by hand"


def stored_value(doc, fieldname: str):
	value = doc.get(fieldname)
	return [row.as_dict(no_default_fields=True) for row in value] if isinstance(value, list) else value


class TestServiceFieldsRefused(FrappeTestCase):
	"""Each field of SERVICE_FIELDS, written by each role that may write its DocType, is refused."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		graduate = make_graduate(consent=True, last_name="Полев")
		other_graduate = make_graduate(consent=True, last_name="Другов")
		employer = make_employer("ООО «Поле»")
		other_employer = make_employer("ООО «Другое поле»")
		request = make_request(employer)
		placement = make_placement(graduate.name, employer)
		consent = frappe.get_all(
			"Personal Data Consent", filters={"graduate": graduate.name, "docstatus": 1}, pluck="name"
		)[0]
		other_consent = frappe.get_all(
			"Personal Data Consent", filters={"graduate": other_graduate.name, "docstatus": 1}, pluck="name"
		)[0]
		contract = make_contract("Cooperation (Partnership)", employer, valid_from="2061-01-01")
		application = make_application(graduate.name, submit=True)
		other_application = make_application(graduate.name)
		transfer = frappe.get_doc(
			{
				"doctype": "Personal Data Transfer",
				"graduate": graduate.name,
				"employer": employer,
				"consent": consent,
				"transferred_at": frappe.utils.now_datetime(),
				"transferred_by": "Administrator",
				"reference_doctype": "Employment Assistance Application",
				"reference_name": application.name,
			}
		)
		transfer.flags.written_by_service = True
		transfer.insert(ignore_permissions=True)
		candidate = frappe.get_doc(
			{"doctype": "Vacancy Candidate", "vacancy_request": request.name, "graduate": graduate.name}
		)
		candidate.flags.written_by_service = True
		candidate.insert(ignore_permissions=True)
		act_doc = frappe.get_doc(
			{
				"doctype": "Personal Data Destruction Act",
				"graduate": graduate.name,
				"consent": consent,
				"act_date": getdate(),
				"subject_full_name": "Полев П. О.",
			}
		)
		act_doc.flags.written_by_service = True
		act_doc.insert(ignore_permissions=True)
		recommendation = frappe.get_doc(
			{"doctype": "Mentor Recommendation", "graduate": graduate.name}
		).insert(ignore_permissions=True)
		# A dossier sent to an employer, as the dossier service records it (citi_employment/dossier/sending.py).
		dossier = frappe.get_doc(
			{
				"doctype": "Employer Dossier",
				"graduate": graduate.name,
				"employer": employer,
				"recipient_email": "hr@employer.invalid",
				"sent_at": frappe.utils.now_datetime(),
				"sent_by": "Administrator",
				"student_resume": make_resume(graduate.name).name,
				"mentor_recommendation": recommendation.name,
				"signatory_name": "А.А. Заместителева",
			}
		)
		dossier.flags.written_by_service = True
		dossier.insert(ignore_permissions=True)
		other_recommendation = frappe.get_doc(
			{"doctype": "Mentor Recommendation", "graduate": other_graduate.name}
		).insert(ignore_permissions=True)
		# The work plan, its event and an employer interaction (issue 11): each with what its services set.
		plan = make_work_plan(2090)
		event = frappe.get_doc(
			{
				"doctype": "Center Event",
				"subject": "Ярмарка вакансий",
				"event_type": "Job Fair",
				"starts_on": "2090-03-01 10:00:00",
				"work_plan": plan.name,
				"work_plan_item": plan.items[0].name,
			}
		).insert(ignore_permissions=True)
		interaction = make_interaction(employer, next_step="Позвонить", next_step_date=getdate())
		# A draft annual report with a row in each snapshot table, and another one to link to (issue 12).
		annual_report = make_annual_report(2092)
		other_annual_report = make_annual_report(2093)
		cls.records = {
			"Annual Report": annual_report.name,
			"Center Event": event.name,
			"Employer": employer,
			"Employer Interaction": interaction.name,
			"Employer Contract": contract.name,
			"Employer Dossier": dossier.name,
			"Employment Assistance Application": application.name,
			# The placement brought its monitoring checks (citi_employment/monitoring/schedule.py).
			"Employment Monitoring Record": frappe.db.get_value(
				"Employment Monitoring Record", {"placement": placement.name}, "name"
			),
			"Graduate": graduate.name,
			"Graduate Placement": placement.name,
			"Mentor Recommendation": recommendation.name,
			"Personal Data Consent": consent,
			"Personal Data Destruction Act": act_doc.name,
			"Personal Data Transfer": transfer.name,
			"Vacancy Candidate": candidate.name,
			"Vacancy Request": request.name,
			"Work Plan": plan.name,
		}
		# A feedback link sent to the employer of the check (citi_employment/employer_forms/feedback.py): nobody
		# may write it, so only its presence is tried.
		feedback_link = frappe.get_doc(
			{
				"doctype": "Employer Feedback Request",
				"monitoring_record": cls.records["Employment Monitoring Record"],
				"graduate": graduate.name,
				"employer": employer,
				"status": "Sent",
				"token_hash": "1" * 64,
			}
		)
		feedback_link.flags.written_by_service = True
		cls.records["Employer Feedback Request"] = feedback_link.insert(ignore_permissions=True).name
		cls.alternatives = {
			"Annual Report": other_annual_report.name,
			"Graduate": other_graduate.name,
			"Employer": other_employer,
			"Personal Data Consent": other_consent,
			"Personal Data Destruction Act": act_doc.name,
			"Student Resume": make_resume(other_graduate.name).name,
			"Mentor Recommendation": other_recommendation.name,
			"Personal Data Transfer": transfer.name,
			"User": "Guest",
			"DocType": "Graduate",
			"reference_name": other_application.name,
			"Graduate::reference_name": graduate.name,
		}
		# Another check of the same placement, for the feedback link's record.
		cls.alternatives["Employment Monitoring Record"] = frappe.db.get_value(
			"Employment Monitoring Record",
			{"placement": placement.name, "name": ("!=", cls.records["Employment Monitoring Record"])},
			"name",
		)

	def test_every_service_field_is_refused_for_every_writer(self):
		tried = 0
		for doctype, fields in SERVICE_FIELDS.items():
			meta = frappe.get_meta(doctype)
			if meta.istable:
				continue
			self.assertIn(doctype, self.records, f"no record to try {doctype} on")
			state_field = meta.get_workflow() and frappe.db.get_value(
				"Workflow", meta.get_workflow(), "workflow_state_field"
			)
			for role in writer_roles(doctype):
				user = USER_OF_ROLE.get(role, "Administrator")
				for fieldname in sorted(fields):
					with self.subTest(doctype=doctype, role=role, field=fieldname):
						before = frappe.get_doc(doctype, self.records[doctype])
						payload = self.forged_payload(before, fieldname, state_field)
						refusals = STATE_REFUSALS if fieldname == state_field else REFUSALS
						with self.set_user(user), self.assertRaises(refusals):
							client_save(json.dumps(payload, default=str))
						frappe.clear_last_message()
						after = frappe.get_doc(doctype, self.records[doctype])
						self.assertEqual(stored_value(after, fieldname), stored_value(before, fieldname))
						tried += 1
		self.assertGreater(tried, 40)

	def forged_payload(self, doc, fieldname: str, state_field: str | None) -> dict:
		payload = doc.as_dict()
		df = doc.meta.get_field(fieldname)
		if fieldname == state_field:
			payload[fieldname] = unreachable_state(doc.doctype, doc.get(fieldname))
		elif df.fieldtype == "Table":
			payload[fieldname] = [] if payload.get(fieldname) else [{"doctype": df.options}]
		elif fieldname in PAIRED_FIELDS:
			payload[fieldname] = self.alternatives[df.options]
			payload[PAIRED_FIELDS[fieldname]] = self.alternatives[
				f"{payload[fieldname]}::{PAIRED_FIELDS[fieldname]}"
			]
		else:
			payload[fieldname] = other_value(df, doc.get(fieldname), self.alternatives)
		return payload

	def test_child_service_field_is_refused(self):
		graduate = make_graduate(minor=True, last_name="Детов")
		doc = frappe.get_doc("Graduate", graduate.name).as_dict()
		doc["legal_representatives"][0]["full_name"] = "Подменов Подмен"
		with self.set_user(USER_OF_ROLE[EMPLOYMENT_SPECIALIST]), self.assertRaises(ServiceFieldChangeError):
			client_save(json.dumps(doc, default=str))

	def test_a_new_record_starts_without_service_values(self):
		graduate = make_graduate(last_name="Новиков")
		with self.set_user(USER_OF_ROLE[EMPLOYMENT_SPECIALIST]):
			consent = frappe.get_doc(
				{
					"doctype": "Personal Data Consent",
					"kind": "Processing",
					"graduate": graduate.name,
					"signer": "Data Subject",
					"signed_on": getdate(),
					"status": "Revoked",
					"destroyed_on": "2020-01-01",
					"destruction_due_on": "2020-01-01",
					"docstatus": 1,
				}
			).insert()
		stored = frappe.db.get_value(
			consent.doctype, consent.name, ["status", "destroyed_on", "destruction_due_on"], as_dict=True
		)
		self.assertEqual(stored, {"status": "Active", "destroyed_on": None, "destruction_due_on": None})

	def test_services_still_write_their_fields(self):
		"""The guard refuses users, not the services: revocation and approval still set what they own."""
		graduate = make_graduate(consent=True, last_name="Служебнов")
		consent = frappe.get_all("Personal Data Consent", filters={"graduate": graduate.name}, pluck="name")[
			0
		]
		with self.set_user(USER_OF_ROLE[EMPLOYMENT_SPECIALIST]):
			revoke(consent, str(getdate()))
		self.assertEqual(frappe.db.get_value("Personal Data Consent", consent, "status"), "Revoked")
		contract = approve(make_contract("Practice", make_employer("ООО «Служба»"), valid_from="2062-01-01"))
		self.assertTrue(contract.registration_number)


class TestHolesOverRest(FrappeTestCase):
	"""The requests of the independent security test, made again over REST as a Specialist."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		user = frappe.get_doc("User", make_user("rest-guard-specialist@example.com", EMPLOYMENT_SPECIALIST))
		secret = frappe.generate_hash(length=15)
		user.api_key = frappe.generate_hash(length=15)
		user.api_secret = secret
		user.save(ignore_permissions=True)
		cls.token = f"{user.api_key}:{secret}"

		cls.revoked_graduate = make_graduate(last_name="Отозванов")
		cls.consent = make_consent(cls.revoked_graduate, signed_on=add_days(getdate(), -10)).name
		revoke(cls.consent, str(add_days(getdate(), -1)))
		cls.employer = make_employer("ООО «Рест»")
		cls.other_employer = make_employer("ООО «Другой рест»")
		cls.contract = approve(
			make_contract("Cooperation (Partnership)", cls.employer, valid_from="2063-01-01")
		)
		cls.working_graduate = make_graduate(consent=True, last_name="Работнов")
		cls.placement = make_placement(cls.working_graduate.name, cls.employer)
		cls.created = [
			("Graduate Placement", cls.placement.name),
			("Employer Contract", cls.contract.name),
			("Personal Data Consent", cls.consent),
			("Graduate", cls.revoked_graduate.name),
			("Graduate", cls.working_graduate.name),
		]
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.db.rollback()
		frappe.set_user("Administrator")
		graduates = [cls.revoked_graduate.name, cls.working_graduate.name]
		frappe.db.delete("Personal Data Consent", {"graduate": ("in", graduates)})
		for doctype, name in cls.created:
			frappe.db.delete(doctype, {"name": name})
		frappe.delete_doc("User", "rest-guard-specialist@example.com", force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	def tearDown(self):
		# A save made in the test's own transaction would hold row locks the request thread waits for.
		frappe.db.rollback()

	def put(self, doctype: str, name: str, values: dict):
		client = get_test_client(use_cookies=False)
		return make_http_request(
			target=client.put,
			args=(f"/api/resource/{quote(doctype)}/{quote(name)}",),
			kwargs={"json": values, "headers": {"Authorization": f"token {self.token}"}},
			site=frappe.local.site,
		)

	def test_hole_1_revocation_cannot_be_reversed(self):
		for values in (
			{"status": "Active", "revocation_received_on": None, "destruction_due_on": None},
			{"destruction_due_on": "2000-01-01"},
			{"destruction_due_on": "2099-01-01"},
			{"destroyed_on": str(getdate())},
		):
			with self.subTest(values=values):
				response = self.put("Personal Data Consent", self.consent, values)
				self.assertEqual(response.status_code, 417, response.text)
		stored = frappe.db.get_value(
			"Personal Data Consent",
			self.consent,
			["status", "revocation_received_on", "destruction_due_on", "destroyed_on"],
			as_dict=True,
		)
		self.assertEqual(stored.status, "Revoked")
		self.assertEqual(getdate(stored.revocation_received_on), add_days(getdate(), -1))
		self.assertIsNotNone(stored.destruction_due_on)
		self.assertIsNone(stored.destroyed_on)

	def test_hole_2_registered_contract_cannot_be_changed(self):
		before = frappe.db.get_value(
			"Employer Contract",
			self.contract.name,
			["employer", "subject", "valid_to", "journal"],
			as_dict=True,
		)
		response = self.put(
			"Employer Contract",
			self.contract.name,
			{
				"employer": self.other_employer,
				"subject": "Другое",
				"valid_to": "2070-12-31",
				"journal": "Practice",
			},
		)
		self.assertIn(response.status_code, (403, 417), response.text)
		after = frappe.db.get_value(
			"Employer Contract",
			self.contract.name,
			["employer", "subject", "valid_to", "journal"],
			as_dict=True,
		)
		self.assertEqual(after, before)

	def test_hole_2_head_may_still_record_termination_only(self):
		with self.set_user(USER_OF_ROLE["Employment Center Head"]):
			contract = frappe.get_doc("Employer Contract", self.contract.name)
			contract.termination_reason = "По соглашению сторон"
			contract.save()
			contract.subject = "Другое"
			with self.assertRaises(frappe.ValidationError):
				contract.save()

	def test_hole_6_placement_cannot_move_to_a_revoked_graduate(self):
		response = self.put(
			"Graduate Placement", self.placement.name, {"graduate": self.revoked_graduate.name}
		)
		self.assertEqual(response.status_code, 417, response.text)
		self.assertEqual(
			frappe.db.get_value("Graduate Placement", self.placement.name, "graduate"),
			self.working_graduate.name,
		)
		self.assertNotEqual(
			frappe.db.get_value("Graduate", self.revoked_graduate.name, "employment_status"), "Employed"
		)
