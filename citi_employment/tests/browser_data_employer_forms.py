"""Data for the browser tests of the employers' online forms (browser_tests/vacancy_request.test.js and
browser_tests/employer_feedback.test.js).

The browser reads a served site, so its data must be committed there first:

    bench --site <site> execute citi_employment.tests.browser_data_employer_forms.prepare

It forgets the forms' rate-limit counters (the vacancy test floods the form on purpose), makes an employer
and a graduate placed 35 days ago whose 1-month check is due, issues the feedback links the tests open (one
to answer, one already answered, one expired, one forged) and the Center's link to the vacancy form, and
writes their addresses to ``DATA_FILE`` (or ``path``) as JSON for the tests to read. Each run makes new
records; they are named «… (браузерный тест)» so they are easy to find and delete.
"""

import json

import frappe
from frappe.utils import add_days, getdate, now_datetime

from citi_employment.domain import employer_forms as rules
from citi_employment.employer_forms import abuse, feedback, vacancy_request
from citi_employment.monitoring import RECORD_DOCTYPE
from citi_employment.tests.records import make_employer, make_graduate, make_placement, organization_inn

DATA_FILE = "/tmp/citi_employer_forms.json"
EMPLOYER_NAME = "ООО «Браузерный тест»"
POSITION = "Помощник повара (браузерный тест)"


def prepare(path: str = DATA_FILE) -> dict:
	abuse.clear_counters()
	employer = make_employer(EMPLOYER_NAME, inn=organization_inn(), email="hr@browser-test.invalid")
	checks = [due_check(employer, first_name) for first_name in ("Ответ", "Использован", "Просрочен")]
	answer, used, expired = (issue_link(check) for check in checks)
	frappe.db.set_value(feedback.FEEDBACK_DOCTYPE, used[0], "status", rules.LINK_ANSWERED)
	frappe.db.set_value(feedback.FEEDBACK_DOCTYPE, expired[0], "expires_at", add_days(now_datetime(), -1))
	data = {
		"employer_name": EMPLOYER_NAME,
		"employer_link": vacancy_request.employer_link(employer, add_days(getdate(), 30)),
		"graduate_name": frappe.db.get_value(RECORD_DOCTYPE, checks[0], "graduate_name"),
		"position": POSITION,
		"feedback": {
			"answer": answer[1],
			"used": used[1],
			"expired": expired[1],
			"forged": feedback.feedback_url(checks[0], rules.new_token()),
			"other_record": feedback.feedback_url(checks[1], answer[1].rsplit("token=", 1)[1]),
		},
	}
	frappe.db.commit()
	with open(path, "w", encoding="utf-8") as file:
		json.dump(data, file, ensure_ascii=False, indent=1)
	return data


def due_check(employer: str, first_name: str) -> str:
	graduate = make_graduate(
		consent=True, last_name="Браузеров", first_name=first_name, patronymic="Тестович"
	)
	placement = make_placement(
		graduate.name, employer, employment_date=add_days(getdate(), -35), position=POSITION
	)
	return frappe.db.get_value(RECORD_DOCTYPE, {"placement": placement.name, "checkpoint": 1}, "name")


def issue_link(record: str) -> tuple[str, str]:
	"""A feedback link as ``send_feedback_request`` makes it, without the mail (a test site has no mail
	account); returns the stored link's name and its address."""
	token = rules.new_token()
	sent_at = now_datetime()
	values = frappe.db.get_value(RECORD_DOCTYPE, record, ["graduate", "employer"], as_dict=True)
	link = frappe.get_doc(
		{
			"doctype": feedback.FEEDBACK_DOCTYPE,
			"monitoring_record": record,
			"graduate": values.graduate,
			"employer": values.employer,
			"recipient_email": "hr@browser-test.invalid",
			"status": rules.LINK_SENT,
			"sent_at": sent_at,
			"sent_by": "Administrator",
			"expires_at": rules.feedback_link_expiry(sent_at),
			"token_hash": rules.token_digest(token),
		}
	)
	link.flags.written_by_service = True
	link.insert(ignore_permissions=True)
	return link.name, feedback.feedback_url(record, token)
