"""Data for the load test and the backup round trip until the demo generator (``bench citi-employment demo``)
is there: staff users, graduates with consents, personal data and resumes, employers, vacancy requests,
placements (with their monitoring checks), contracts, private and public attachments, and a mail account
with a password. Made with the integration tests' record builders; run again, it adds another batch.

Run from the bench's sites folder: ``../env/bin/python /path/to/benchmarks/load/seed.py SITE [GRADUATES]``.
"""

import sys

import frappe
from frappe.utils import add_days, getdate

# Staff of the load test: LOAD_STAFF specialists and heads, password LOAD_PASSWORD (a throwaway site only).
LOAD_STAFF = 30
LOAD_PASSWORD = "Load-Test-2026!"
LOAD_SPECIALIST = "load-specialist-{:02d}@citi.invalid"
LOAD_HEAD = "load-head-{:02d}@citi.invalid"


def load_users() -> list[str]:
	"""Two thirds specialists, one third heads."""
	return [
		(LOAD_HEAD if number % 3 == 0 else LOAD_SPECIALIST).format(number) for number in range(LOAD_STAFF)
	]


def make_load_users() -> None:
	from frappe.utils.password import update_password

	from citi_employment import roles
	from citi_employment.tests.records import make_user

	for email in load_users():
		role = roles.EMPLOYMENT_CENTER_HEAD if email.startswith("load-head") else roles.EMPLOYMENT_SPECIALIST
		make_user(email, role)
		update_password(email, LOAD_PASSWORD)


def make_batch(graduates: int) -> None:
	from citi_employment.tests import records

	records.make_center_users()
	records.ensure_categories()
	employers = [
		records.make_employer(f"Нагрузка-{frappe.generate_hash(length=6)}", **records.EMPLOYER_DETAILS)
		for _ in range(max(graduates // 4, 2))
	]
	requests = [
		records.make_request(employer, positions_count=3, status="In Progress") for employer in employers
	]
	for number in range(graduates):
		graduate = records.make_job_seeker(
			f"Выпускник{number}", minor=number % 7 == 0, phone=f"+7911{number:07d}"
		)
		if number % 2 == 0:
			records.make_personal_data(graduate.name)
		if number % 3 == 0:
			records.make_resume(graduate.name)
		if number % 4 == 0:
			request = requests[(number // 4) % len(requests)]
			if frappe.db.get_value("Vacancy Request", request.name, "filled_count") < request.positions_count:
				records.make_placement(
					graduate.name,
					vacancy_request=request.name,
					employment_date=add_days(getdate(), -40 - number),
				)
		if number % 5 == 0:
			attach(graduate.name, number)
	frappe.set_user("Administrator")
	for employer in employers[:2]:
		records.make_contract(
			"Cooperation (Partnership)", employer, valid_from=str(add_days(getdate(), -300)), valid_to=None
		)
	make_mail_account()


def attach(graduate: str, number: int) -> None:
	"""A private scan on the graduate and a public picture, as users attach them in the desk."""
	frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"scan-{graduate}.txt",
			"content": f"Скан заявления выпускника {number}\n".encode() * 50,
			"is_private": 1,
			"attached_to_doctype": "Graduate",
			"attached_to_name": graduate,
		}
	).insert(ignore_permissions=True)
	frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"poster-{number}-{frappe.generate_hash(length=4)}.svg",
			"content": f'<svg xmlns="http://www.w3.org/2000/svg"><text>{number}</text></svg>'.encode(),
			"is_private": 0,
		}
	).insert(ignore_permissions=True)


def make_mail_account() -> None:
	"""A mail account with a stored (encrypted) password; off, so no server is contacted."""
	if frappe.db.exists("Email Account", "Center Mail"):
		return
	frappe.get_doc(
		{
			"doctype": "Email Account",
			"email_account_name": "Center Mail",
			"email_id": "center-mail@citi.invalid",
			"password": "Mail-" + frappe.generate_hash(length=16),
			"smtp_server": "smtp.citi.invalid",
			"enable_outgoing": 0,
			"enable_incoming": 0,
		}
	).insert(ignore_permissions=True)


def main(site: str, graduates: int) -> None:
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	try:
		frappe.set_user("Administrator")
		make_load_users()
		make_batch(graduates)
		frappe.db.commit()
	finally:
		frappe.destroy()


if __name__ == "__main__":
	main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 40)
