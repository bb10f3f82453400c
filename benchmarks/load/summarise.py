"""p50 and p95 per request kind from locust's ``*_stats.csv``, as a Markdown table."""

import csv
import sys


def main(path: str) -> None:
	print("| Request kind | Requests | Failures | p50 (ms) | p95 (ms) | max (ms) |")
	print("|---|---:|---:|---:|---:|---:|")
	with open(path) as handle:
		for row in csv.DictReader(handle):
			print(
				"| {} | {} | {} | {} | {} | {} |".format(
					row["Name"],
					row["Request Count"],
					row["Failure Count"],
					row["50%"],
					row["95%"],
					round(float(row["Max Response Time"])),
				)
			)


if __name__ == "__main__":
	main(sys.argv[1])
