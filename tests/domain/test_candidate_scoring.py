import random
from datetime import date

from citi_employment.domain import candidate_scoring as scoring
from citi_employment.domain.candidate_scoring import Candidate, ScoreReason, Vacancy

TODAY = date(2026, 3, 1)
VACANCY = Vacancy(
	profession="Повар",
	pc_skills="Базовый уровень",
	expected_start_date=date(2026, 4, 1),
	work_address="Ленинградская обл., г. Всеволожск, ул. Заводская, д. 5",
	employer_region="Leningrad Oblast",
	employer_special_workplaces=2,
)


def seeking(graduate="GRAD-1", **values):
	return Candidate(graduate=graduate, employment_status="Seeking Employment", **values)


def reasons(score):
	return [item.reason for item in score.explanations]


def test_pc_level_from_free_text():
	assert scoring.pc_level("Уверенный пользователь ПК") == 2
	assert scoring.pc_level("базовый") == 1
	assert scoring.pc_level("Advanced") == 3
	assert scoring.pc_level("не владею") == 0
	assert scoring.pc_level("") is None
	assert scoring.pc_level("что-то") is None


def test_settlements_are_the_words_after_markers():
	assert scoring.settlements("ЛО, г. Всеволожск, ул. Ленина, д. 3") == {"всеволожск"}
	assert scoring.settlements("пос. Кузьмоловский, д. 12") == {"кузьмоловский"}
	assert scoring.settlements(None) == set()


def test_region_of_address():
	assert scoring.region_of("Санкт-Петербург, Невский пр., 1") == "Saint Petersburg"
	assert scoring.region_of("Ленинградская область, г. Тосно") == "Leningrad Oblast"
	assert scoring.region_of("Москва") is None


def test_full_match_scores_every_criterion():
	candidate = seeking(
		profession="Повар",
		pc_level="уверенный пользователь",
		ready_from=date(2026, 3, 15),
		address="г. Всеволожск, ул. Ленина, д. 3",
		needs_special_workplace=True,
	)
	score = scoring.score_candidate(candidate, VACANCY, TODAY)
	assert reasons(score) == [
		ScoreReason.PROFESSION_MATCH,
		ScoreReason.PC_MEETS,
		ScoreReason.READY_IN_TIME,
		ScoreReason.SAME_SETTLEMENT,
		ScoreReason.SPECIAL_WORKPLACE_AVAILABLE,
	]
	assert score.score == 40 + 15 + 15 + 20 + 10


def test_special_workplace_missing_is_a_penalty_and_names_no_diagnosis():
	vacancy = Vacancy(profession="Повар", employer_special_workplaces=0)
	score = scoring.score_candidate(seeking(needs_special_workplace=True), vacancy, TODAY)
	item = score.explanations[-1]
	assert item.reason is ScoreReason.SPECIAL_WORKPLACE_MISSING
	assert item.points < 0
	assert item.detail is None


def test_no_special_workplace_need_is_neutral():
	score = scoring.score_candidate(seeking(), Vacancy(employer_special_workplaces=0), TODAY)
	assert ScoreReason.SPECIAL_WORKPLACE_MISSING not in reasons(score)


def test_readiness_late_and_soon_after():
	soon = scoring.score_candidate(seeking(ready_from=date(2026, 4, 20)), VACANCY, TODAY)
	late = scoring.score_candidate(seeking(ready_from=date(2026, 8, 1)), VACANCY, TODAY)
	assert ScoreReason.READY_SOON_AFTER in reasons(soon)
	assert ScoreReason.READY_LATE in reasons(late)


def test_pc_below_requirement_and_unknown():
	below = scoring.score_candidate(seeking(pc_level="не владею"), VACANCY, TODAY)
	unknown = scoring.score_candidate(seeking(), VACANCY, TODAY)
	assert ScoreReason.PC_BELOW in reasons(below)
	assert ScoreReason.PC_UNKNOWN in reasons(unknown)


def test_same_region_without_same_settlement():
	candidate = seeking(address="Ленинградская обл., г. Тосно")
	score = scoring.score_candidate(candidate, VACANCY, TODAY)
	assert ScoreReason.SAME_REGION in reasons(score)
	assert ScoreReason.SAME_SETTLEMENT not in reasons(score)


def test_eligibility():
	assert scoring.is_eligible(seeking(), VACANCY, TODAY)
	employed = Candidate("G", "Employed")
	assert not scoring.is_eligible(employed, VACANCY, TODAY)
	soon = Candidate("G", "Studying", study_end=date(2026, 5, 15))
	far = Candidate("G", "Studying", study_end=date(2027, 6, 30))
	no_end = Candidate("G", "Studying")
	assert scoring.is_eligible(soon, VACANCY, TODAY)
	assert not scoring.is_eligible(far, VACANCY, TODAY)
	assert not scoring.is_eligible(no_end, VACANCY, TODAY)


def test_student_readiness_counts_the_study_end():
	student = Candidate("G", "Studying", study_end=date(2026, 4, 20), ready_from=date(2026, 3, 1))
	score = scoring.score_candidate(student, VACANCY, TODAY)
	assert ScoreReason.STUDY_ENDS in reasons(score)
	assert ScoreReason.READY_SOON_AFTER in reasons(score)


def test_ranking_orders_by_score_then_id_and_drops_ineligible():
	best = seeking("GRAD-3", profession="Повар", address="г. Всеволожск")
	tie_a = seeking("GRAD-1", profession="Повар")
	tie_b = seeking("GRAD-2", profession="Повар")
	employed = Candidate("GRAD-4", "Employed", profession="Повар")
	ranked = scoring.rank_candidates(VACANCY, [tie_b, employed, best, tie_a], TODAY)
	assert [item.graduate for item in ranked] == ["GRAD-3", "GRAD-1", "GRAD-2"]
	assert len(scoring.rank_candidates(VACANCY, [tie_b, best, tie_a], TODAY, limit=2)) == 2


def test_without_personal_data_the_special_workplace_factor_is_left_out():
	needs = seeking(profession="Повар", address="г. Всеволожск", needs_special_workplace=True)
	same_without_need = seeking(profession="Повар", address="г. Всеволожск")
	for employer_places in (0, 2):
		vacancy = Vacancy(
			profession="Повар", work_address="г. Всеволожск", employer_special_workplaces=employer_places
		)
		stored = scoring.score_candidate(needs, vacancy, TODAY, with_personal_data=False)
		baseline = scoring.score_candidate(same_without_need, vacancy, TODAY, with_personal_data=False)
		assert stored == baseline
		assert not {
			ScoreReason.SPECIAL_WORKPLACE_AVAILABLE,
			ScoreReason.SPECIAL_WORKPLACE_MISSING,
		}.intersection(reasons(stored))
		# The live score still counts the need.
		live = scoring.score_candidate(needs, vacancy, TODAY)
		assert live.score - stored.score == (
			scoring.POINTS_SPECIAL_WORKPLACE if employer_places else scoring.PENALTY_NO_SPECIAL_WORKPLACE
		)


def test_ranking_without_personal_data_ignores_the_special_workplace_need():
	vacancy = Vacancy(profession="Повар", employer_special_workplaces=0)
	needs = seeking("GRAD-1", profession="Повар", needs_special_workplace=True)
	other = seeking("GRAD-2", profession="Повар")
	live = scoring.rank_candidates(vacancy, [needs, other], TODAY)
	assert [item.graduate for item in live] == ["GRAD-2", "GRAD-1"]
	blind = scoring.rank_candidates(vacancy, [needs, other], TODAY, with_personal_data=False)
	assert [item.graduate for item in blind] == ["GRAD-1", "GRAD-2"]
	assert blind[0].score == blind[1].score
	assert blind[0].explanations == blind[1].explanations


# --- loading only the candidates that can make the list ------------------------------------------------------


def in_tier(candidate: Candidate, tier: scoring.Tier, vacancy: Vacancy) -> bool:
	"""What the database selects for a tier (citi_employment/vacancies/candidates.py ``tier_condition``)."""
	if (
		tier.profession_matches is not None
		and (candidate.profession == vacancy.profession) != tier.profession_matches
	):
		return False
	if (
		tier.needs_special_workplace is not None
		and candidate.needs_special_workplace != tier.needs_special_workplace
	):
		return False
	if tier.in_settlement is not None:
		address = (candidate.address or "").lower()
		written = any(name in address for name in scoring.settlements(vacancy.work_address))
		if written != tier.in_settlement:
			return False
	return True


def suggest_in_batches(vacancy, candidates, limit, first_batch=3, with_personal_data=True):
	"""The suggestion's loop over tiers and ID-ordered batches, on a list instead of the database."""
	top = scoring.TopCandidates(limit)
	read = 0
	for tier in scoring.tiers(vacancy, with_personal_data=with_personal_data):
		rows = sorted((c for c in candidates if in_tier(c, tier, vacancy)), key=lambda c: c.graduate)
		after, batch, start = None, first_batch, 0
		while not top.settled(tier.max_score, after):
			chunk = rows[start : start + batch]
			start += len(chunk)
			read += len(chunk)
			if chunk:
				after = chunk[-1].graduate
			top.add(scoring.rank_candidates(vacancy, chunk, TODAY, with_personal_data=with_personal_data))
			if len(chunk) < batch:
				break
			batch *= 2
	return top.items, read


def test_tiers_split_by_what_the_vacancy_gives_points_for_best_bound_first():
	found = scoring.tiers(VACANCY)
	assert len(found) == 8
	assert [tier.max_score for tier in found] == sorted((tier.max_score for tier in found), reverse=True)
	best = found[0]
	assert (best.profession_matches, best.needs_special_workplace, best.in_settlement) == (True, True, True)
	assert best.max_score == 40 + 15 + 15 + 20 + 10
	worst = found[-1]
	assert (worst.profession_matches, worst.needs_special_workplace, worst.in_settlement) == (
		False,
		False,
		False,
	)
	assert worst.max_score == 15 + 15 + 10  # PC, readiness, same region
	# Nothing the vacancy gives no points for is split: one tier, without the region, PC or the workplace.
	plain = Vacancy(employer_region="Other")
	assert scoring.tiers(plain) == [scoring.Tier(None, None, None, 15)]
	# Without the right to read personal data the special-workplace need is neither a tier nor points.
	assert all(
		tier.needs_special_workplace is None for tier in scoring.tiers(VACANCY, with_personal_data=False)
	)


def test_a_tiers_bound_is_never_below_a_score_of_its_graduates():
	for candidate in make_candidates(300, seed=7):
		score = scoring.score_candidate(candidate, VACANCY, TODAY).score
		(tier,) = [tier for tier in scoring.tiers(VACANCY) if in_tier(candidate, tier, VACANCY)]
		assert score <= tier.max_score


def test_top_candidates_is_settled_only_when_no_one_unread_can_enter():
	top = scoring.TopCandidates(2)
	top.add([scoring.CandidateScore("GRAD-3", 50), scoring.CandidateScore("GRAD-5", 40)])
	assert not scoring.TopCandidates(2).settled(0)
	assert top.settled(39)
	assert not top.settled(41)
	# An unread graduate of 40 points ranks above GRAD-5 only with a smaller ID.
	assert not top.settled(40)
	assert not top.settled(40, after="GRAD-4")
	assert top.settled(40, after="GRAD-5")
	top.add([scoring.CandidateScore("GRAD-4", 40)])
	assert [item.graduate for item in top.items] == ["GRAD-3", "GRAD-4"]


def make_candidates(count, seed):
	rng = random.Random(seed)
	addresses = (
		"Ленинградская обл., г. Всеволожск, ул. Ленина, д. 1",
		"Ленинградская обл., г. Тосно, д. 2",
		"г. Санкт-Петербург, ул. Садовая, д. 2",
		"Москва, ул. Тверская",
		None,
	)
	candidates = []
	for number in rng.sample(range(1, 10 * count), count):
		studying = rng.random() < 0.1
		candidates.append(
			Candidate(
				graduate=f"GRAD-2026-{number:05d}",
				employment_status="Studying" if studying else "Seeking Employment",
				profession=rng.choice(("Повар", "Швея", "Маляр", None)),
				study_end=date(2026, rng.randint(3, 8), 1) if studying else None,
				address=rng.choice(addresses),
				pc_level=rng.choice(("уверенный", "не владею", None, "базовый")),
				ready_from=rng.choice((None, date(2026, 3, 20), date(2026, 4, 20), date(2026, 9, 1))),
				needs_special_workplace=rng.random() < 0.05,
			)
		)
	return candidates


def test_reading_in_tiers_and_batches_gives_the_ranking_of_all():
	vacancies = (
		VACANCY,
		Vacancy(profession="Грузчик", pc_skills="Пользователь", employer_region="Leningrad Oblast"),
		Vacancy(profession="Швея", work_address="г. Тосно", employer_special_workplaces=0),
		Vacancy(),
	)
	for seed in range(8):
		candidates = make_candidates(200, seed)
		for vacancy in vacancies:
			for limit in (1, 5, 20, 500):
				for with_personal_data in (True, False):
					expected = scoring.rank_candidates(
						vacancy, candidates, TODAY, limit=limit, with_personal_data=with_personal_data
					)
					found, _read = suggest_in_batches(
						vacancy, candidates, limit, with_personal_data=with_personal_data
					)
					assert found == expected, (seed, vacancy, limit, with_personal_data)


def test_a_short_list_reads_only_part_of_the_graduates():
	candidates = make_candidates(400, seed=3)
	_found, read = suggest_in_batches(VACANCY, candidates, 5)
	assert read < len(candidates) / 2


def test_contenders_are_the_scores_that_would_enter_the_list():
	top = scoring.TopCandidates(2)
	first = [scoring.CandidateScore("GRAD-3", 50), scoring.CandidateScore("GRAD-5", 40)]
	assert top.contenders(first) == first
	top.add(first)
	later = [
		scoring.CandidateScore("GRAD-4", 40),
		scoring.CandidateScore("GRAD-1", 60),
		scoring.CandidateScore("GRAD-2", 30),
	]
	assert [item.graduate for item in top.contenders(later)] == ["GRAD-1"]
	assert top.contenders([scoring.CandidateScore("GRAD-6", 40)]) == []
