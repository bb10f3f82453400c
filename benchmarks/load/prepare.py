"""Before a load run: the staff users (benchmarks/load/seed.py), one Graduate per simulated user for its
saves, and the names the requests pick from, written to ``RUN_DIR/plan.json`` for the locustfile.

Run from the bench's sites folder: ``../env/bin/python /path/to/benchmarks/load/prepare.py SITE RUN_DIR``.
"""

import json
import os
import sys

import frappe

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import seed

RESUME_PRINT = "Резюме обучающегося"
BASE_PHONE = "+79000000000"
REQUEST_PRINT = "Заявка от потенциального работодателя о потребности в работнике"


def main(site: str, run_dir: str) -> None:
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	try:
		frappe.set_user("Administrator")
		seed.make_load_users()
		if frappe.db.count("Student Resume") < 5:
			seed.make_batch(20)
		from citi_employment.tests.records import make_graduate

		targets = {}
		for user in seed.load_users():
			first_name = "Нагрузка" + user.split("@")[0].split("-")[-1] + user.split("-")[1][0]
			name = frappe.db.get_value("Graduate", {"first_name": first_name})
			if not name:
				name = make_graduate(first_name=first_name, phone=BASE_PHONE).name
			targets[user] = name
		# Every save of the run then changes the value, so each one leaves a Version.
		for name in targets.values():
			frappe.db.set_value("Graduate", name, "phone", BASE_PHONE)
		run_start = str(frappe.utils.now_datetime())
		frappe.db.commit()
		plan = {
			"site": site,
			"password": seed.LOAD_PASSWORD,
			"users": seed.load_users(),
			"targets": targets,
			"graduates": frappe.get_all("Graduate", pluck="name", limit=200),
			"resumes": frappe.get_all("Student Resume", pluck="name", limit=100),
			"requests": frappe.get_all("Vacancy Request", pluck="name", limit=100),
			"resume_print": RESUME_PRINT,
			"request_print": REQUEST_PRINT,
			"run_start": run_start,
		}
		os.makedirs(run_dir, exist_ok=True)
		with open(os.path.join(run_dir, "plan.json"), "w") as handle:
			json.dump(plan, handle, ensure_ascii=False, indent=1)
	finally:
		frappe.destroy()


if __name__ == "__main__":
	main(sys.argv[1], sys.argv[2])
