import json
from datetime import date
from pathlib import Path

import pytest

from citi_employment.domain import consents as rules
from citi_employment.domain.consents import (
	ACTIVE,
	DISSEMINATION,
	EXPIRED,
	LEGAL_REPRESENTATIVE,
	NO_CONSENT,
	PROCESSING,
	REVOKED,
	SUBJECT,
	SUPERSEDED,
	ConsentError,
	ConsentProblem,
	ConsentState,
	ConsentUse,
)

TODAY = date(2026, 3, 5)
BORN_2008 = date(2008, 3, 6)  # turns 18 on 2026-03-06, the day after TODAY


def consent(name="PDC-1", kind=PROCESSING, status=ACTIVE, signed_on=date(2026, 1, 10), **values):
	return ConsentState(name, kind, status, signed_on, **values)


def problem_of(call, *args):
	with pytest.raises(ConsentError) as raised:
		call(*args)
	return raised.value.problem


class TestSigner:
	def test_minor_must_be_represented(self):
		assert (
			problem_of(rules.check_signer, SUBJECT, BORN_2008, TODAY)
			is ConsentProblem.MINOR_NEEDS_REPRESENTATIVE
		)

	def test_minor_with_representative_passes(self):
		assert rules.check_signer(LEGAL_REPRESENTATIVE, BORN_2008, TODAY) is None

	def test_adult_must_sign_personally(self):
		assert (
			problem_of(rules.check_signer, LEGAL_REPRESENTATIVE, BORN_2008, date(2026, 3, 6))
			is ConsentProblem.ADULT_SIGNS_SELF
		)

	def test_adult_on_eighteenth_birthday_signs_personally(self):
		assert rules.check_signer(SUBJECT, BORN_2008, date(2026, 3, 6)) is None

	def test_error_carries_no_personal_data(self):
		error = ConsentError(ConsentProblem.ADULT_SIGNS_SELF)
		assert str(error) == "adult_signs_self"


class TestDates:
	def test_signed_in_future_refused(self):
		assert problem_of(rules.check_signed_on, date(2026, 3, 6), TODAY) is ConsentProblem.SIGNED_IN_FUTURE

	def test_signed_today_passes(self):
		assert rules.check_signed_on(TODAY, TODAY) is None


class TestSupersede:
	def test_only_active_of_same_kind_superseded(self):
		others = [
			consent("A"),
			consent("B", kind=DISSEMINATION),
			consent("C", status=REVOKED),
			consent("NEW"),
		]
		assert rules.consents_to_supersede(PROCESSING, "NEW", others) == ["A"]

	def test_new_consent_refused_while_revocation_pending(self):
		others = [consent(status=REVOKED, revocation_received_on=date(2026, 2, 1))]
		assert (
			problem_of(rules.check_new_consent_allowed, PROCESSING, others)
			is ConsentProblem.REVOCATION_PENDING
		)

	def test_new_consent_allowed_after_destruction(self):
		others = [
			consent(status=REVOKED, revocation_received_on=date(2026, 2, 1), destroyed_on=date(2026, 3, 1))
		]
		assert rules.check_new_consent_allowed(PROCESSING, others) is None


class TestGraduateStatus:
	def test_no_consents(self):
		assert rules.derive_graduate_status([]) == NO_CONSENT

	def test_active_processing_wins(self):
		assert rules.derive_graduate_status([consent(status=REVOKED), consent("B")]) == ACTIVE

	def test_dissemination_alone_is_no_consent(self):
		assert rules.derive_graduate_status([consent(kind=DISSEMINATION)]) == NO_CONSENT

	def test_latest_ended_consent_decides(self):
		states = [
			consent("A", status=REVOKED, signed_on=date(2025, 1, 1)),
			consent("B", status=EXPIRED, signed_on=date(2025, 6, 1)),
		]
		assert rules.derive_graduate_status(states) == EXPIRED

	def test_superseded_only_is_no_consent(self):
		assert rules.derive_graduate_status([consent(status=SUPERSEDED)]) == NO_CONSENT


class TestTransfer:
	def test_allowed_with_active_transfer_consent(self):
		assert rules.consent_problem([consent(transfer_to_employers=True)], ConsentUse.SHARE) is None

	def test_refused_without_consent(self):
		assert rules.consent_problem([], ConsentUse.SHARE) is ConsentProblem.NO_ACTIVE_CONSENT

	def test_refused_when_consent_excludes_employers(self):
		assert rules.consent_problem([consent()], ConsentUse.SHARE) is ConsentProblem.TRANSFER_NOT_ALLOWED

	def test_dissemination_consent_does_not_allow_transfer(self):
		states = [consent(kind=DISSEMINATION, transfer_to_employers=True)]
		assert rules.consent_problem(states, ConsentUse.SHARE) is ConsentProblem.NO_ACTIVE_CONSENT

	def test_pending_revocation_blocks_at_once(self):
		states = [
			consent("A", transfer_to_employers=True),
			consent("B", status=REVOKED, revocation_received_on=TODAY),
		]
		assert rules.consent_problem(states, ConsentUse.SHARE) is ConsentProblem.REVOCATION_PENDING


class TestPlacement:
	def test_placement_needs_no_transfer_consent(self):
		assert rules.consent_problem([], ConsentUse.PLACE) is None
		assert rules.consent_problem([consent()], ConsentUse.PLACE) is None

	def test_pending_revocation_blocks_placement(self):
		states = [consent("B", status=REVOKED, revocation_received_on=TODAY)]
		assert rules.consent_problem(states, ConsentUse.PLACE) is ConsentProblem.REVOCATION_PENDING

	def test_destroyed_after_revocation_blocks_placement_for_good(self):
		states = [consent("B", status=REVOKED, revocation_received_on=TODAY, destroyed_on=TODAY)]
		assert rules.consent_problem(states, ConsentUse.PLACE) is ConsentProblem.CONSENT_REVOKED

	def test_proposing_needs_transfer_like_sharing(self):
		assert rules.consent_problem([consent()], ConsentUse.PROPOSE) is ConsentProblem.TRANSFER_NOT_ALLOWED


class TestRevocation:
	def test_plan_sets_destruction_due(self):
		plan = rules.plan_revocation(consent(), date(2026, 3, 1), TODAY, 30)
		assert plan == rules.RevocationPlan(True, date(2026, 3, 1), date(2026, 3, 31))

	def test_default_days_when_setting_missing(self):
		assert rules.plan_revocation(consent(), TODAY, TODAY, None).destruction_due_on == date(2026, 4, 4)

	def test_revoking_twice_is_a_no_op(self):
		revoked = consent(status=REVOKED, revocation_received_on=date(2026, 3, 1))
		plan = rules.plan_revocation(revoked, TODAY, TODAY, 30)
		assert plan == rules.RevocationPlan(False, date(2026, 3, 1), date(2026, 3, 31))

	def test_dissemination_revocation_has_no_destruction(self):
		assert rules.plan_revocation(consent(kind=DISSEMINATION), TODAY, TODAY, 30).destruction_due_on is None

	def test_superseded_consent_not_revocable(self):
		assert (
			problem_of(rules.plan_revocation, consent(status=SUPERSEDED), TODAY, TODAY, 30)
			is ConsentProblem.NOT_REVOCABLE
		)

	def test_future_revocation_refused(self):
		assert (
			problem_of(rules.plan_revocation, consent(), date(2026, 3, 6), TODAY, 30)
			is ConsentProblem.REVOCATION_IN_FUTURE
		)

	def test_revocation_before_signing_refused(self):
		assert (
			problem_of(rules.plan_revocation, consent(), date(2026, 1, 1), TODAY, 30)
			is ConsentProblem.REVOCATION_BEFORE_SIGNING
		)

	def test_revoked_consent_not_cancellable(self):
		assert problem_of(rules.check_cancellable, REVOKED) is ConsentProblem.REVOKED_NOT_CANCELLABLE
		assert rules.check_cancellable(ACTIVE) is None


class TestDestruction:
	revoked = consent(status=REVOKED, revocation_received_on=date(2026, 3, 1))

	def test_before_due_needs_confirmation(self):
		assert (
			problem_of(rules.check_destruction_allowed, self.revoked, date(2026, 3, 31), TODAY, False)
			is ConsentProblem.DESTRUCTION_NOT_DUE
		)

	def test_before_due_with_confirmation(self):
		assert rules.check_destruction_allowed(self.revoked, date(2026, 3, 31), TODAY, True) is None

	def test_due_needs_no_confirmation(self):
		assert rules.check_destruction_allowed(self.revoked, TODAY, TODAY, False) is None

	def test_active_consent_not_destroyed(self):
		assert (
			problem_of(rules.check_destruction_allowed, consent(), None, TODAY, True)
			is ConsentProblem.NOT_REVOKED
		)

	def test_twice_refused(self):
		destroyed = self.revoked._replace(destroyed_on=TODAY)
		assert (
			problem_of(rules.check_destruction_allowed, destroyed, TODAY, TODAY, True)
			is ConsentProblem.ALREADY_DESTROYED
		)

	def test_depersonalised_name_is_stable_and_neutral(self):
		token = rules.depersonalised_name("GRAD-2026-00001")
		assert token == rules.depersonalised_name("GRAD-2026-00001")
		assert token.startswith("Обезличено-")
		assert "GRAD" not in token

	def test_birth_year_kept_only(self):
		assert rules.depersonalised_date_of_birth(date(2004, 7, 19)) == date(2004, 1, 1)
		assert rules.depersonalised_date_of_birth(None) is None


class TestLifecycle:
	def test_expiry(self):
		assert rules.is_expired(date(2026, 3, 4), TODAY)
		assert not rules.is_expired(TODAY, TODAY)
		assert not rules.is_expired(None, TODAY)

	def test_own_consent_needed_once_of_age(self):
		assert not rules.needs_own_consent(LEGAL_REPRESENTATIVE, BORN_2008, TODAY)
		assert rules.needs_own_consent(LEGAL_REPRESENTATIVE, BORN_2008, date(2026, 3, 6))
		assert not rules.needs_own_consent(SUBJECT, BORN_2008, date(2026, 3, 6))


class TestPurposes:
	def test_processing_excludes_publishing(self):
		purposes = rules.default_purposes(PROCESSING)
		assert "ведения статистики" in purposes
		assert "размещения" not in purposes

	def test_dissemination_is_publishing_only(self):
		assert rules.purpose_lines(rules.default_purposes(DISSEMINATION))[0].startswith("размещения фото")

	def test_purpose_lines_strip_list_marks(self):
		assert rules.purpose_lines("- первая;\n\n  — вторая.\n") == ["первая", "вторая"]


class TestCategoryFixture:
	"""The Personal Data Category fixture: every line of the seed's consent forms, once, in form order."""

	records = json.loads(
		(
			Path(__file__).resolve().parents[2] / "citi_employment/fixtures/personal_data_category.json"
		).read_text(encoding="utf-8")
	)

	def test_every_category_once_in_seed_order(self):
		assert [record["sort_order"] for record in self.records] == list(range(1, 33))
		assert len({record["name"] for record in self.records}) == len(self.records) == 32
		wordings = [record["wording"] for record in self.records]
		assert wordings.count("сведения о доходах, информация о выплатах и удержаниях") == 1
		assert wordings[0] == "фамилия, имя, отчество"
		assert wordings[-1] == "учебные работы"

	def test_names_fit_and_equal_short_wordings(self):
		for record in self.records:
			assert record["name"] == record["category_name"]
			assert len(record["name"]) <= 140
			if len(record["wording"]) <= 140:
				assert record["name"] == record["wording"]

	def test_minor_form_differences(self):
		by_name = {record["name"]: record for record in self.records}
		assert by_name["сведения о наличии детей"]["in_minor_form"] == 0
		assert (
			by_name["сведения о применении средств ТСП"]["minor_form_wording"]
			== "сведения о применении средств ТСР"
		)
		assert by_name["фотографии"]["legal_category"] == "Biometric"
