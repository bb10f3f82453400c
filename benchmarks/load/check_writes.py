"""After a load run: no write lost. Every save the server answered 200 must be in the database: its value is
the new value of a Version of that graduate made during the run (the history a save leaves), and the
graduate's phone is the value of its latest Version. A Version whose value was sent but not answered (a save
in flight when the run stopped) is allowed; any other Version is not.

Run from the bench's sites folder: ``../env/bin/python /path/to/benchmarks/load/check_writes.py RUN_DIR``.
Prints the counts and exits 1 on any lost or unexpected write or any 5xx.
"""

import glob
import json
import os
import sys
from collections import defaultdict

import frappe


def main(run_dir: str) -> int:
	with open(os.path.join(run_dir, "plan.json")) as handle:
		plan = json.load(handle)
	answered, sent, refused, server_errors = defaultdict(list), defaultdict(set), 0, []
	for path in sorted(glob.glob(os.path.join(run_dir, "saves-*.jsonl"))):
		with open(path) as handle:
			for line in handle:
				row = json.loads(line)
				if "server_error" in row:
					server_errors.append(row)
				elif "sent" in row:
					sent[row["graduate"]].add(row["sent"])
				elif row["ok"]:
					answered[row["graduate"]].append(row["value"])
				else:
					refused += 1
	frappe.init(site=plan["site"], sites_path=".")
	frappe.connect()
	try:
		lost = unexpected = in_flight = stale = 0
		for graduate in plan["targets"].values():
			versions = frappe.get_all(
				"Version",
				filters={
					"ref_doctype": "Graduate",
					"docname": graduate,
					"creation": (">=", plan["run_start"]),
				},
				fields=["data"],
				order_by="creation",
			)
			stored = [
				change[2]
				for version in versions
				for change in json.loads(version.data).get("changed") or []
				if change[0] == "phone"
			]
			for value in answered[graduate]:
				if value not in stored:
					lost += 1
					print(f"LOST: {graduate}: a save answered 200 is not in the history")
			for value in stored:
				if value not in answered[graduate]:
					if value in sent[graduate]:
						in_flight += 1
					else:
						unexpected += 1
						print(f"UNEXPECTED: {graduate}: a value nobody sent")
			phone = frappe.db.get_value("Graduate", graduate, "phone")
			if stored and phone != stored[-1]:
				stale += 1
				print(f"STALE: {graduate}: the stored value is not the latest saved one")
		total = sum(len(values) for values in answered.values())
		print(f"saves answered 200: {total} on {len(answered)} graduates, all in the history but {lost}")
		print(f"saves in flight at the end and committed: {in_flight}; refused: {refused}")
		print(f"lost writes: {lost}; unexpected writes: {unexpected}; stale values: {stale}")
		print(f"responses 5xx: {len(server_errors)}")
		return 1 if lost or unexpected or stale or server_errors or refused else 0
	finally:
		frappe.destroy()


if __name__ == "__main__":
	sys.exit(main(sys.argv[1]))
