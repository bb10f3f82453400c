"""Rules for personal-data consents and their lifecycle (152-ФЗ).

Plain values in, plain values out: the Personal Data Consent controller, the sharing service and the daily
job map their records to the small tuples below and act on what these functions decide.
"""

import hashlib
from collections.abc import Iterable
from datetime import date, timedelta
from enum import Enum
from typing import NamedTuple

from citi_employment.domain.errors import DomainError
from citi_employment.domain.graduate import is_minor_on

PROCESSING = "Processing"
DISSEMINATION = "Dissemination"
KINDS = (PROCESSING, DISSEMINATION)

SUBJECT = "Data Subject"
LEGAL_REPRESENTATIVE = "Legal Representative"

DRAFT = "Draft"
ACTIVE = "Active"
SUPERSEDED = "Superseded"
REVOKED = "Revoked"
EXPIRED = "Expired"
CANCELLED = "Cancelled"

# The Graduate's derived consent_status.
NO_CONSENT = "No Consent"

# ст. 21 ч. 5 152-ФЗ: thirty days after the revocation is received, unless the Settings say otherwise.
DEFAULT_DESTRUCTION_DAYS = 30
DEPERSONALISED_PREFIX = "Обезличено-"

# The seed form's purposes, word for word. Since 01.09.2025 publishing needs its own consent (ст. 10.1
# 152-ФЗ), so the Processing consent lists the other two and the Dissemination consent the publishing one.
PROCESSING_PURPOSES = (
	"организации сопровождения специалистами по взаимодействию с работодателями на период трудоустройства "
	"с формированием документации в порядке, установленном локальным нормативным актом ГАНПОУ ЛО «МЦ СиТИ»",
	"ведения статистики",
)
DISSEMINATION_PURPOSES = (
	"размещения фото, - видеоизображений на сайте ГАНПОУ ЛО «МЦ СиТИ» (http://мультицентр.com) "
	"и в социальных сетях",
)


class ConsentProblem(str, Enum):
	"""Why a consent action was refused; the UI maps each code to a translated sentence."""

	MINOR_NEEDS_REPRESENTATIVE = "minor_needs_representative"
	ADULT_SIGNS_SELF = "adult_signs_self"
	SIGNED_IN_FUTURE = "signed_in_future"
	REVOCATION_PENDING = "revocation_pending"
	CONSENT_REVOKED = "consent_revoked"
	NO_ACTIVE_CONSENT = "no_active_consent"
	TRANSFER_NOT_ALLOWED = "transfer_not_allowed"
	NOT_REVOCABLE = "not_revocable"
	REVOCATION_IN_FUTURE = "revocation_in_future"
	REVOCATION_BEFORE_SIGNING = "revocation_before_signing"
	NOT_REVOKED = "not_revoked"
	ALREADY_DESTROYED = "already_destroyed"
	DESTRUCTION_NOT_DUE = "destruction_not_due"
	REVOKED_NOT_CANCELLABLE = "revoked_not_cancellable"


class ConsentError(DomainError):
	"""A consent rule was broken; ``problem`` says which one. Carries no personal data."""

	def __init__(self, problem: ConsentProblem) -> None:
		self.problem = problem
		super().__init__(problem.value)

	def __reduce__(self):
		return type(self), (self.problem,)


class ConsentState(NamedTuple):
	"""What the rules need to know about one submitted consent of a graduate."""

	name: str
	kind: str
	status: str
	signed_on: date
	transfer_to_employers: bool = False
	revocation_received_on: date | None = None
	destroyed_on: date | None = None


class RevocationPlan(NamedTuple):
	changed: bool
	received_on: date
	destruction_due_on: date | None


def default_purposes(kind: str) -> str:
	"""One purpose a line, as the form lists them."""
	return "\n".join(DISSEMINATION_PURPOSES if kind == DISSEMINATION else PROCESSING_PURPOSES)


def purpose_lines(purposes: str | None) -> list[str]:
	"""The purposes as list items without the form's trailing punctuation (the print adds it back)."""
	lines = (
		line.strip().lstrip("-–—•").strip().rstrip(";.,").strip() for line in (purposes or "").splitlines()
	)
	return [line for line in lines if line]


def check_signer(signer: str, date_of_birth: date, signed_on: date) -> None:
	"""A minor on the signing date is represented (ГК РФ ст. 21, 28); an adult signs personally."""
	minor = is_minor_on(date_of_birth, signed_on)
	if minor and signer != LEGAL_REPRESENTATIVE:
		raise ConsentError(ConsentProblem.MINOR_NEEDS_REPRESENTATIVE)
	if not minor and signer != SUBJECT:
		raise ConsentError(ConsentProblem.ADULT_SIGNS_SELF)


def check_signed_on(signed_on: date, today: date) -> None:
	if signed_on > today:
		raise ConsentError(ConsentProblem.SIGNED_IN_FUTURE)


def is_revocation_pending(consent: ConsentState) -> bool:
	"""Revoked but the data is not yet destroyed: nothing may be shared or newly processed."""
	return (
		consent.kind == PROCESSING
		and consent.revocation_received_on is not None
		and consent.destroyed_on is None
	)


def check_new_consent_allowed(kind: str, others: Iterable[ConsentState]) -> None:
	"""A graduate whose processing consent was revoked is awaiting destruction; no new consent starts then."""
	if any(is_revocation_pending(consent) for consent in others):
		raise ConsentError(ConsentProblem.REVOCATION_PENDING)


def consents_to_supersede(kind: str, new_name: str, others: Iterable[ConsentState]) -> list[str]:
	"""One Active consent per graduate and kind: the newly signed one replaces the rest."""
	return [
		consent.name
		for consent in others
		if consent.kind == kind and consent.status == ACTIVE and consent.name != new_name
	]


def derive_graduate_status(consents: Iterable[ConsentState]) -> str:
	"""The graduate's consent status, from their Processing consents only.

	Active wins; otherwise the latest signed consent that ended says whether it was revoked or expired.
	Superseded and cancelled consents say nothing on their own.
	"""
	processing = [consent for consent in consents if consent.kind == PROCESSING]
	if any(consent.status == ACTIVE for consent in processing):
		return ACTIVE
	ended = [consent for consent in processing if consent.status in (REVOKED, EXPIRED)]
	if not ended:
		return NO_CONSENT
	# A revocation outweighs an expiry signed on the same day: it is the stronger statement.
	latest = max(ended, key=lambda consent: (consent.signed_on, consent.status == REVOKED))
	return latest.status


class ConsentUse(str, Enum):
	"""What the Center is about to do with a graduate's data."""

	PLACE = "place"  # record a placement: the data is processed
	PROPOSE = "propose"  # propose the graduate to an employer: the data goes out
	SHARE = "share"  # send a document (resume, recommendation, dossier) to an employer


def consent_problem(consents: Iterable[ConsentState], use: ConsentUse) -> ConsentProblem | None:
	"""Why the graduate's data may not be used for ``use`` now, or None when it may (152-ФЗ ст. 9, ст. 21).

	The one answer for placements, candidates and transfers: a revocation stops processing at once and, after
	the destruction, for good; anything that sends data to an employer needs an Active Processing consent
	that allows transfer to employers.
	"""
	consents = list(consents)
	if any(is_revocation_pending(consent) for consent in consents):
		return ConsentProblem.REVOCATION_PENDING
	if use is ConsentUse.PLACE:
		return ConsentProblem.CONSENT_REVOKED if derive_graduate_status(consents) == REVOKED else None
	active = [consent for consent in consents if consent.kind == PROCESSING and consent.status == ACTIVE]
	if not active:
		return ConsentProblem.NO_ACTIVE_CONSENT
	if not any(consent.transfer_to_employers for consent in active):
		return ConsentProblem.TRANSFER_NOT_ALLOWED
	return None


def destruction_due_on(received_on: date, days: int | None) -> date:
	return received_on + timedelta(days=days if days and days > 0 else DEFAULT_DESTRUCTION_DAYS)


def plan_revocation(
	consent: ConsentState, received_on: date, today: date, destruction_days: int | None
) -> RevocationPlan:
	"""What revoking ``consent`` with a revocation received on ``received_on`` changes.

	Revoking twice changes nothing and returns the first revocation, so a repeated click loses nothing.
	Only a Processing consent starts the destruction clock; a revoked Dissemination consent just stops
	publication (ст. 10.1 ч. 12).
	"""
	if consent.status == REVOKED and consent.revocation_received_on:
		existing_due = (
			destruction_due_on(consent.revocation_received_on, destruction_days)
			if consent.kind == PROCESSING
			else None
		)
		return RevocationPlan(False, consent.revocation_received_on, existing_due)
	if not is_revocable(consent.status):
		raise ConsentError(ConsentProblem.NOT_REVOCABLE)
	if received_on > today:
		raise ConsentError(ConsentProblem.REVOCATION_IN_FUTURE)
	if received_on < consent.signed_on:
		raise ConsentError(ConsentProblem.REVOCATION_BEFORE_SIGNING)
	due = destruction_due_on(received_on, destruction_days) if consent.kind == PROCESSING else None
	return RevocationPlan(True, received_on, due)


def check_cancellable(status: str) -> None:
	"""A revoked consent stays on record: cancelling it would erase the proof of the revocation."""
	if status == REVOKED:
		raise ConsentError(ConsentProblem.REVOKED_NOT_CANCELLABLE)


def is_revocable(status: str) -> bool:
	"""Only a consent in force, or one that lapsed, can be revoked; a revoked one stays as it is."""
	return status in (ACTIVE, EXPIRED)


def awaits_destruction(consent: ConsentState) -> bool:
	"""A revoked Processing consent whose data is not destroyed yet (152-ФЗ ст. 21 ч. 5)."""
	return consent.kind == PROCESSING and consent.status == REVOKED and consent.destroyed_on is None


def check_destruction_allowed(
	consent: ConsentState, due_on: date | None, today: date, confirm_early: bool
) -> None:
	"""Destruction follows a revocation; before the due date only with the Head's explicit confirmation."""
	if consent.destroyed_on is not None:
		raise ConsentError(ConsentProblem.ALREADY_DESTROYED)
	if consent.status != REVOKED or consent.revocation_received_on is None:
		raise ConsentError(ConsentProblem.NOT_REVOKED)
	if due_on and today < due_on and not confirm_early:
		raise ConsentError(ConsentProblem.DESTRUCTION_NOT_DUE)


def is_expired(valid_until: date | None, today: date) -> bool:
	return valid_until is not None and valid_until < today


def needs_own_consent(signer: str, date_of_birth: date | None, today: date) -> bool:
	"""A consent given by a representative whose graduate has come of age: collect the graduate's own."""
	return (
		signer == LEGAL_REPRESENTATIVE and date_of_birth is not None and not is_minor_on(date_of_birth, today)
	)


def depersonalised_name(graduate_id: str) -> str:
	"""A neutral, stable token in place of the ФИО; derived from the record ID, which is not personal data."""
	digest = hashlib.sha256(graduate_id.encode("utf-8")).hexdigest()[:10]
	return f"{DEPERSONALISED_PREFIX}{digest}"


def depersonalised_date_of_birth(date_of_birth: date | None) -> date | None:
	"""Keep only the birth year (age-group statistics); the day and month identify a person."""
	return date(date_of_birth.year, 1, 1) if date_of_birth else None
