# Copyright (c) 2026, ГАНПОУ ЛО «МЦ СиТИ» and contributors
# For license information, please see license.txt

"""The suggestion reads graduates tier by tier and batch by batch (issue 14, benchmarks), and its list is the
one ranking every eligible graduate gives: the SQL of each tier (profession, special-workplace need, the
workplace's settlement in the address) and the early stop are checked here against that ranking on a real
database, with batches of two rows so that every tier is read in several."""

from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate

from citi_employment.domain import candidate_scoring as scoring
from citi_employment.tests.records import (
	OTHER_PROFESSION,
	SPECIALIST_USER,
	make_center_users,
	make_employer,
	make_job_seeker,
	make_profession,
	make_request,
	make_resume,
)
from citi_employment.vacancies import candidates

ADDRESSES = (
	"Ленинградская обл., г. Всеволожск, ул. Ленина, д. 1",
	"Ленинградская обл., г. Тосно, ул. Советская, д. 2",
	"г. Санкт-Петербург, ул. Садовая, д. 2",
	None,
)


def rank_all(doc, limit: int) -> list[dict]:
	"""The ranking of every graduate of the site, as the suggestion read them before it read them in tiers."""
	rows = candidates.graduates_for_scoring(frappe.qb.DocType("Graduate")).run(as_dict=True)
	allowed = candidates.may_be_proposed(rows)
	vacancy = candidates.to_vacancy(doc)
	ranked = scoring.rank_candidates(vacancy, candidates.to_candidates(allowed), getdate(), limit=limit)
	return [(item.graduate, item.score, candidates.explain(item)) for item in ranked]


def suggested(doc, limit: int) -> list:
	return [(row["graduate"], row["score"], row["explanation"]) for row in candidates.suggest(doc, limit)]


class TestCandidateSuggestion(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_center_users()
		other = make_profession(OTHER_PROFESSION)
		cls.graduates = []
		for number in range(16):
			graduate = make_job_seeker(
				f"Ранжируемый{number}",
				consent=number != 5,
				actual_address=ADDRESSES[number % len(ADDRESSES)],
				**({"profession": other} if number % 3 == 0 else {}),
			)
			if number % 2:
				make_resume(
					graduate.name,
					pc_level=("уверенный" if number % 4 == 1 else "не владею"),
					ready_from=add_days(getdate(), 10 if number % 5 else 45),
				)
			if number % 4 == 0:
				frappe.get_doc(
					{
						"doctype": "Graduate Personal Data",
						"graduate": graduate.name,
						"special_workplace_needs": "Пандус",
					}
				).insert(ignore_permissions=True)
			cls.graduates.append(graduate.name)

	def assert_same_as_ranking_all(self, doc):
		# Batches of two: every tier is read in several, and the stop is tried after each.
		with (
			patch.object(candidates, "FIRST_BATCH_FACTOR", 0),
			patch.object(candidates, "FIRST_BATCH_MIN", 2),
		):
			for limit in (1, 3, 8, 500):
				expected = rank_all(doc, limit)
				self.assertEqual(suggested(doc, limit), expected, limit)
				self.assertTrue(set(self.graduates) & {row[0] for row in expected} or limit < 8)

	def test_every_split_gives_the_ranking_of_all(self):
		# Profession, settlement and special-workplace tiers (the employer has special workplaces).
		self.assert_same_as_ranking_all(make_request(make_employer("Ранжирующий", special_workplaces=2)))

	def test_without_special_workplaces_or_settlement(self):
		employer = make_employer("Ранжирующий без мест", special_workplaces=0)
		self.assert_same_as_ranking_all(
			make_request(employer, work_address="Санкт-Петербург, Невский пр., 1")
		)
		self.assert_same_as_ranking_all(make_request(employer, work_address=None, pc_skills=None))

	def test_for_a_specialist(self):
		request = make_request(make_employer("Ранжирующий для специалиста", special_workplaces=1))
		frappe.set_user(SPECIALIST_USER)
		try:
			self.assert_same_as_ranking_all(request)
		finally:
			frappe.set_user("Administrator")

	def test_the_batches_stop_before_the_end_when_the_list_is_settled(self):
		request = make_request(make_employer("Ранжирующий кратко", special_workplaces=0))
		read = []
		original = candidates.next_batch

		def counting(*args, **kwargs):
			rows = original(*args, **kwargs)
			read.extend(rows)
			return rows

		with (
			patch.object(candidates, "next_batch", counting),
			patch.object(candidates, "FIRST_BATCH_FACTOR", 0),
			patch.object(candidates, "FIRST_BATCH_MIN", 2),
		):
			candidates.suggest(request, 1)
		eligible = len(
			candidates.may_be_proposed(
				frappe.get_all("Graduate", filters={"employment_status": "Seeking Employment"})
			)
		)
		self.assertLess(len(read), eligible)

	def test_a_graduate_refused_by_the_whole_consent_rule_leaves_the_place_to_the_next(self):
		# The database checks only for a transfer consent; the rest of the rule (a revocation being processed)
		# is applied to the contenders: refuse the best two and the list is the ranking of all without them.
		request = make_request(make_employer("Ранжирующий с отказом", special_workplaces=2))
		best = [row[0] for row in rank_all(request, 2)]
		original = candidates.may_be_proposed

		def refusing(rows):
			return [row for row in original(rows) if row.name not in best]

		with patch.object(candidates, "may_be_proposed", refusing):
			self.assert_same_as_ranking_all(request)
			self.assertFalse(set(best) & {row[0] for row in suggested(request, 500)})
