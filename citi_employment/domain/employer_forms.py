"""Rules of the forms employers fill in on the Center's website without logging in (issue 13).

- The online «Заявка от потенциального работодателя о потребности в работнике» (§2.2, §5.3): what each field
  accepts, how long it may be, and the cleaned values a Vacancy Request is made from.
- The employer's answer at a monitoring checkpoint (§2.4, §6.2): the questions, and what the answers write
  into the Employment Monitoring Record.
- The links the Center sends: the employer's link to the request form (signed, names the employer) and the
  single-use feedback link (a random token whose hash alone is stored).
- The abuse limits and the honeypot.

Everything a guest sends is a string of any length or shape, or no string at all; every rule here starts from
that. A problem names the field and the reason, never the value. Plain Python: the Frappe side is
``citi_employment.employer_forms``.
"""

import base64
import binascii
import hashlib
import hmac
import json
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import Enum

from citi_employment.domain import monitoring
from citi_employment.domain.dates import years_after
from citi_employment.domain.errors import IdentifierError, Reason
from citi_employment.domain.identifiers import normalize_inn, normalize_phone_ru
from citi_employment.domain.markup import contains_markup, contains_unsafe_link
from citi_employment.domain.vacancies import ANY_GENDER, EMPLOYMENT, KINDS


class Problem(str, Enum):
	"""Why a submitted value was refused; the Frappe side words each one for the field's label."""

	REQUIRED = "required"
	TOO_LONG = "too_long"
	MARKUP = "markup"
	UNSAFE_LINK = "unsafe_link"
	FORMAT = "format"
	LENGTH = "length"
	CHECKSUM = "checksum"
	RANGE = "range"
	CHOICE = "choice"
	NOT_AGREED = "not_agreed"
	PAST_DATE = "past_date"
	ABOVE_SALARY = "above_salary"


class Kind(str, Enum):
	LINE = "line"  # one line of text
	TEXT = "text"  # several lines
	INN = "inn"
	PHONE = "phone"
	EMAIL = "email"
	URL = "url"
	YEAR = "year"
	MONEY = "money"
	COUNT = "count"
	DATE = "date"
	CHOICE = "choice"
	AGREEMENT = "agreement"


@dataclass(frozen=True)
class Field:
	"""One input of a public form. ``max_length`` bounds the cleaned text; numbers have their own range."""

	name: str
	kind: Kind
	max_length: int = 140
	required: bool = False
	choices: tuple[str, ...] = ()
	# Part of the employer's header: not asked when the Center's link already names the employer.
	employer_header: bool = False


# What the stored fields hold (Data is 140 characters); long texts are bounded so that one field cannot
# carry a document. A raw value is refused by its length before anything else reads it.
LINE_LENGTH = 140
TEXT_LENGTH = 1000
ADDRESS_LENGTH = 500
NAME_LENGTH = 300
EMAIL_LENGTH = 140
URL_LENGTH = 200
RAW_NUMBER_LENGTH = 30
# A whole submission larger than this is refused before its fields are read.
MAX_BODY_BYTES = 64 * 1024

EARLIEST_FOUNDING_YEAR = 1800
MAX_SALARY = Decimal(100_000_000)
MAX_POSITIONS = 1000
# How far ahead an employer may plan the start (a targeted training takes up to two years, §3.3).
MAX_START_YEARS_AHEAD = 3

YES, NO, UNKNOWN = "yes", "no", "unknown"
GENDERS = (ANY_GENDER, "Male", "Female")

# The privacy notice of the request form: the contact person's data is kept while the Center works on the
# request and for three years after it is closed; then it is deleted (152-ФЗ ст. 5 ч. 7, ст. 21 ч. 4).
CONTACT_RETENTION_YEARS = 3
# What the form collected about the contact person, and the free text typed beside it, which may name them too.
CONTACT_FIELDS = (
	"contact_person",
	"contact_person_position",
	"contact_phone",
	"contact_email",
	"submitted_details",
)


def contact_data_expired(closed_on: date, today: date) -> bool:
	"""Whether the retention period of a request closed on ``closed_on`` has passed by ``today``."""
	return years_after(closed_on, CONTACT_RETENTION_YEARS) <= today


def last_expired_closing_day(today: date) -> date:
	"""The latest closing day whose retention period has passed by ``today``: requests closed on or before it
	lose the contact person's data (a database filter that agrees with ``contact_data_expired``)."""
	year = today.year - CONTACT_RETENTION_YEARS
	try:
		return today.replace(year=year)
	except ValueError:
		# Today is 29 February: a request closed on 28 February three years ago has just completed its term.
		return date(year, 2, 28)


# The request form (seed form «Заявка …», its header and its three blocks), in the order of the page.
VACANCY_FIELDS: tuple[Field, ...] = (
	Field("employer_full_name", Kind.LINE, NAME_LENGTH, required=True, employer_header=True),
	Field("employer_short_name", Kind.LINE, employer_header=True),
	Field("inn", Kind.INN, 20, required=True, employer_header=True),
	Field("employer_phone", Kind.PHONE, RAW_NUMBER_LENGTH, employer_header=True),
	Field("employer_email", Kind.EMAIL, EMAIL_LENGTH, employer_header=True),
	Field("website", Kind.URL, URL_LENGTH, employer_header=True),
	Field("employer_address", Kind.TEXT, ADDRESS_LENGTH, employer_header=True),
	Field("activity", Kind.TEXT, ADDRESS_LENGTH, employer_header=True),
	Field("founding_year", Kind.YEAR, 4, employer_header=True),
	Field("head_name", Kind.LINE, employer_header=True),
	Field("kind", Kind.CHOICE, choices=KINDS),
	Field("position", Kind.LINE, required=True),
	Field("profession", Kind.LINE),
	Field("department", Kind.LINE),
	Field("reports_to", Kind.LINE),
	Field("positions_count", Kind.COUNT, 6, required=True),
	Field("expected_start_date", Kind.DATE, 10),
	Field("work_address", Kind.TEXT, ADDRESS_LENGTH),
	Field("schedule", Kind.LINE),
	Field("probation_period", Kind.LINE),
	Field("salary", Kind.MONEY, RAW_NUMBER_LENGTH),
	Field("probation_salary", Kind.MONEY, RAW_NUMBER_LENGTH),
	Field("education_requirement", Kind.LINE),
	Field("pc_skills", Kind.LINE),
	Field("age_requirement", Kind.LINE),
	Field("gender_requirement", Kind.CHOICE, choices=GENDERS),
	Field("contact_person", Kind.LINE, required=True),
	Field("contact_person_position", Kind.LINE),
	Field("contact_phone", Kind.PHONE, RAW_NUMBER_LENGTH, required=True),
	Field("contact_email", Kind.EMAIL, EMAIL_LENGTH, required=True),
	Field("comment", Kind.TEXT, TEXT_LENGTH),
	Field("consent", Kind.AGREEMENT, 10, required=True),
)

# Wishes the Center keeps apart and never publishes (Закон РФ 1032-1 ст. 25): Vacancy Internal Requirements.
INTERNAL_FIELDS = ("age_requirement", "gender_requirement")

# The employer's answer at a checkpoint (§6.2: employment lasting, complaints, conditions as contracted, the
# special workplace; satisfaction with the training, §2.4).
SPECIAL_WORKPLACE_ANSWERS = ("not_needed", "needed_not_adapted", "adapted")
SATISFACTION_ANSWERS = ("1", "2", "3", "4", "5")
FEEDBACK_FIELDS: tuple[Field, ...] = (
	Field("still_working", Kind.CHOICE, required=True, choices=(YES, NO)),
	Field("complaints", Kind.CHOICE, required=True, choices=(YES, NO)),
	Field("complaint_details", Kind.TEXT, TEXT_LENGTH),
	Field("conditions_match", Kind.CHOICE, choices=(YES, NO, UNKNOWN)),
	Field("special_workplace", Kind.CHOICE, choices=SPECIAL_WORKPLACE_ANSWERS),
	Field("satisfaction", Kind.CHOICE, required=True, choices=SATISFACTION_ANSWERS),
	Field("training_quality", Kind.TEXT, TEXT_LENGTH),
)

# A hidden input people never see and bots fill in; any value refuses the submission.
HONEYPOT_FIELD = "fax_extension"

_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"[\r\n\t\u2028\u2029]+")
_SPACES = re.compile(r"[ \u00a0]+")
_MONEY_SEPARATORS = re.compile(r"[\s\u00a0\u202f']+")
_MONEY = re.compile(r"[0-9]{1,12}(?:[.,][0-9]{1,2})?")
_DIGITS = re.compile(r"[0-9]{1,12}")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# What Frappe's validate_email_address accepts (ASCII, dotted domain), so nothing passes here that the
# Email field would refuse on save.
_EMAIL = re.compile(
	r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
	r"@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?",
	re.IGNORECASE,
)
_URL = re.compile(r"https?://[^\s/$.?#][^\s]*", re.IGNORECASE)
_AGREED = frozenset({"1", "on", "true", "yes"})
_IDENTIFIER_PROBLEMS = {
	Reason.REQUIRED: Problem.REQUIRED,
	Reason.FORMAT: Problem.FORMAT,
	Reason.LENGTH: Problem.LENGTH,
	Reason.CHECKSUM: Problem.CHECKSUM,
	Reason.RANGE: Problem.RANGE,
}


@dataclass
class Cleaned:
	"""The cleaned values of a form and, per field, the first problem found."""

	values: dict[str, object] = field(default_factory=dict)
	problems: dict[str, Problem] = field(default_factory=dict)

	@property
	def ok(self) -> bool:
		return not self.problems


# What a missing required answer is called: a box not ticked, an answer not chosen, a field left empty.
_MISSING = {Kind.AGREEMENT: Problem.NOT_AGREED, Kind.CHOICE: Problem.CHOICE}


class _Refused(Exception):
	def __init__(self, problem: Problem) -> None:
		self.problem = problem


def vacancy_fields(employer_known: bool) -> tuple[Field, ...]:
	"""The request form's fields; with the Center's link the header comes from the employer's card instead."""
	return tuple(spec for spec in VACANCY_FIELDS if not (employer_known and spec.employer_header))


def clean_vacancy_request(form: Mapping[str, object], today: date, employer_known: bool = False) -> Cleaned:
	"""The request's values as they are stored, or the problem of each field that is wrong."""
	cleaned = clean(vacancy_fields(employer_known), form, today)
	salary, probation = cleaned.values.get("salary"), cleaned.values.get("probation_salary")
	# A higher pay during probation is nearly always the two amounts swapped (rules of the Vacancy Request).
	if salary and probation and probation > salary and "probation_salary" not in cleaned.problems:
		cleaned.problems["probation_salary"] = Problem.ABOVE_SALARY
	if cleaned.values.get("gender_requirement") is None and "gender_requirement" not in cleaned.problems:
		cleaned.values["gender_requirement"] = ANY_GENDER
	if cleaned.values.get("kind") is None and "kind" not in cleaned.problems:
		cleaned.values["kind"] = EMPLOYMENT
	return cleaned


def clean_feedback(form: Mapping[str, object]) -> Cleaned:
	"""The employer's answers, or the problem of each answer that is wrong or missing.

	The details of a complaint are required with a complaint; conditions and the special workplace are asked
	about the job the graduate holds, so they are required only while the graduate still works there."""
	cleaned = clean(FEEDBACK_FIELDS, form, today=None)
	values, problems = cleaned.values, cleaned.problems
	if values.get("complaints") == YES and not values.get("complaint_details"):
		problems.setdefault("complaint_details", Problem.REQUIRED)
	if values.get("still_working") == YES:
		for name in ("conditions_match", "special_workplace"):
			if values.get(name) is None:
				problems.setdefault(name, Problem.CHOICE)
	return cleaned


def clean(fields: tuple[Field, ...], form: Mapping[str, object], today: date | None) -> Cleaned:
	cleaned = Cleaned()
	for spec in fields:
		try:
			value = clean_value(spec, form.get(spec.name), today)
		except _Refused as refused:
			cleaned.problems[spec.name] = refused.problem
			continue
		cleaned.values[spec.name] = value
	return cleaned


def clean_value(spec: Field, raw: object, today: date | None) -> object:
	"""One field's stored value (None when left empty), or ``_Refused`` with the reason."""
	if raw is None:
		raw = ""
	if isinstance(raw, bool) and spec.kind is Kind.AGREEMENT:
		raw = "1" if raw else ""
	if not isinstance(raw, str):
		raise _Refused(Problem.FORMAT)
	# Length first, on the raw value: an oversized value is refused before any other reading of it.
	if len(raw) > max(spec.max_length * 2, 64):
		raise _Refused(Problem.TOO_LONG)
	text = plain_text(raw, multiline=spec.kind is Kind.TEXT)
	if not text:
		if spec.required:
			raise _Refused(_MISSING.get(spec.kind, Problem.REQUIRED))
		return None
	if len(text) > spec.max_length:
		raise _Refused(Problem.TOO_LONG)
	if contains_markup(text):
		raise _Refused(Problem.MARKUP)
	return _CLEANERS[spec.kind](spec, text, today)


def plain_text(raw: str, multiline: bool = False) -> str:
	"""Control characters removed, spaces collapsed; one line unless the field holds several."""
	text = _CONTROL_CHARACTERS.sub("", raw.replace("\r\n", "\n"))
	if multiline:
		lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n")]
		return "\n".join(lines).strip()
	return _SPACES.sub(" ", _LINE_BREAKS.sub(" ", text)).strip()


def _text(spec: Field, text: str, today: date | None) -> str:
	return text


def _inn(spec: Field, text: str, today: date | None) -> str:
	try:
		return normalize_inn(text, spec.name)
	except IdentifierError as error:
		raise _Refused(_IDENTIFIER_PROBLEMS.get(error.reason, Problem.FORMAT)) from None


def _phone(spec: Field, text: str, today: date | None) -> str:
	try:
		return normalize_phone_ru(text, spec.name)
	except IdentifierError as error:
		raise _Refused(_IDENTIFIER_PROBLEMS.get(error.reason, Problem.FORMAT)) from None


def _email(spec: Field, text: str, today: date | None) -> str:
	if not _EMAIL.fullmatch(text):
		raise _Refused(Problem.FORMAT)
	return text.lower()


def _url(spec: Field, text: str, today: date | None) -> str:
	"""A web address as a link target: http(s) only; "example.ru" gets https:// in front of it."""
	if "://" not in text and not text.lower().startswith(("javascript:", "data:", "vbscript:")):
		text = f"https://{text}"
	if contains_unsafe_link(text) or not _URL.fullmatch(text):
		raise _Refused(Problem.UNSAFE_LINK)
	if len(text) > spec.max_length:
		raise _Refused(Problem.TOO_LONG)
	return text


def _whole_number(text: str, lowest: int, highest: int) -> int:
	"""Digits only (no sign, no separators), from ``lowest`` to ``highest``."""
	if not _DIGITS.fullmatch(text):
		raise _Refused(Problem.FORMAT)
	number = int(text)
	if not lowest <= number <= highest:
		raise _Refused(Problem.RANGE)
	return number


def _year(spec: Field, text: str, today: date | None) -> int:
	return _whole_number(text, EARLIEST_FOUNDING_YEAR, (today or date.max).year)


def _money(spec: Field, text: str, today: date | None) -> Decimal:
	"""Roubles as people write them: «45 000», «45000,50»; a «руб.» or «₽» after the number is dropped."""
	text = re.sub(r"(?:руб(?:лей|\.)?|р\.|₽)$", "", text.strip(), flags=re.IGNORECASE)
	compact = _MONEY_SEPARATORS.sub("", text)
	if not _MONEY.fullmatch(compact):
		raise _Refused(Problem.FORMAT)
	try:
		amount = Decimal(compact.replace(",", "."))
	except InvalidOperation:
		raise _Refused(Problem.FORMAT) from None
	if amount > MAX_SALARY:
		raise _Refused(Problem.RANGE)
	return amount


def _count(spec: Field, text: str, today: date | None) -> int:
	return _whole_number(text, 1, MAX_POSITIONS)


def _date(spec: Field, text: str, today: date | None) -> date:
	"""An ISO date (what ``<input type="date">`` sends), from today to a few years ahead."""
	if not _ISO_DATE.fullmatch(text):
		raise _Refused(Problem.FORMAT)
	try:
		value = date.fromisoformat(text)
	except ValueError:
		raise _Refused(Problem.FORMAT) from None
	if today and value < today:
		raise _Refused(Problem.PAST_DATE)
	if today and value > monitoring.add_months(today, 12 * MAX_START_YEARS_AHEAD):
		raise _Refused(Problem.RANGE)
	return value


def _choice(spec: Field, text: str, today: date | None) -> str:
	if text not in spec.choices:
		raise _Refused(Problem.CHOICE)
	return text


def _agreement(spec: Field, text: str, today: date | None) -> bool:
	if text.lower() not in _AGREED:
		raise _Refused(Problem.NOT_AGREED)
	return True


_CLEANERS = {
	Kind.LINE: _text,
	Kind.TEXT: _text,
	Kind.INN: _inn,
	Kind.PHONE: _phone,
	Kind.EMAIL: _email,
	Kind.URL: _url,
	Kind.YEAR: _year,
	Kind.MONEY: _money,
	Kind.COUNT: _count,
	Kind.DATE: _date,
	Kind.CHOICE: _choice,
	Kind.AGREEMENT: _agreement,
}


def is_bot_submission(form: Mapping[str, object]) -> bool:
	"""The honeypot holds something: a person never sees the field, a form-filling robot fills it."""
	value = form.get(HONEYPOT_FIELD)
	return bool(value.strip()) if isinstance(value, str) else value is not None


def short_name_from(full_name: str, limit: int = LINE_LENGTH) -> str:
	"""The employer's short name when none was given: the full name, cut at a word within the limit."""
	if len(full_name) <= limit:
		return full_name
	cut = full_name[: limit - 1].rsplit(" ", 1)[0]
	return f"{cut}…"


def submitted_details(values: Mapping[str, object], labels: Mapping[str, str]) -> str:
	"""What the employer wrote that the request does not keep in a field of its own, one "Label: value" line
	each, for the Specialists: the header as typed (a known employer's card is never changed from the
	form), the profession as written, the address and the comment."""
	lines = []
	for name, label in labels.items():
		value = values.get(name)
		if value in (None, ""):
			continue
		text = str(value).replace("\n", " / ")
		lines.append(f"{label}: {text}")
	return "\n".join(lines)


def fingerprint(values: Mapping[str, object]) -> str:
	"""The same submission sent again (a double click, a reload, a script) has the same fingerprint."""
	canonical = json.dumps(
		{key: str(value) for key, value in sorted(values.items()) if value not in (None, "")},
		ensure_ascii=False,
		sort_keys=True,
	)
	return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --- the employer's answer at a checkpoint ---------------------------------------------------------------

EMPLOYERS_REPORT = "Employer's Report"
_CONDITIONS = {YES: "Yes", NO: "No", UNKNOWN: "Unknown"}
_SPECIAL_WORKPLACE = {
	"not_needed": "Not Needed",
	"needed_not_adapted": "Needed, Not Adapted",
	"adapted": "Adapted",
}


def completes_check(answers: Mapping[str, object]) -> bool:
	"""Whether the answer is the check's outcome.

	"Still works here" is the outcome «Working at This Employer». "No longer works here" is not an outcome:
	the employer cannot know whether the graduate now works elsewhere, studies, serves or is looking for work,
	and the reports count exactly that. So the employer's answers are kept, the check stays open and the
	specialist finds out what the graduate does now (and records the dismissal on the placement)."""
	return answers.get("still_working") == YES


def feedback_record_values(answers: Mapping[str, object], today: date) -> dict[str, object]:
	"""The monitoring record's fields from the employer's answers (``clean_feedback`` values)."""
	complaints = answers.get("complaints") == YES
	values: dict[str, object] = {
		"method": EMPLOYERS_REPORT,
		"employer_complaints": 1 if complaints else 0,
		"complaint_details": answers.get("complaint_details") if complaints else None,
		"employer_satisfaction": int(str(answers["satisfaction"])),
		"training_quality_feedback": answers.get("training_quality") or None,
	}
	if answers.get("conditions_match"):
		values["conditions_match_contract"] = _CONDITIONS[str(answers["conditions_match"])]
	if answers.get("special_workplace"):
		values["special_workplace"] = _SPECIAL_WORKPLACE[str(answers["special_workplace"])]
	if completes_check(answers):
		values.update(outcome=monitoring.WORKING_HERE, checked_on=today)
	return values


# --- links ------------------------------------------------------------------------------------------------

FEEDBACK_LINK_DAYS = 30
EMPLOYER_LINK_DAYS = 180
# secrets.token_urlsafe(32): 256 random bits as 43 URL-safe characters.
_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")
_SIGNATURE_LENGTH = 32
_EMPLOYER_LINK = re.compile(r"([A-Za-z0-9_-]{1,200})\.([0-9]{8})\.([A-Za-z0-9_-]{32})")
_EMPLOYER_LINK_PURPOSE = b"citi_employment/vacancy-request-link/v1"

# The states of a feedback link (the Employer Feedback Request's status).
LINK_SENT = "Sent"
LINK_ANSWERED = "Answered"
LINK_SUPERSEDED = "Superseded"
# A check the employer may still answer: the one the link was sent for, not yet made or set aside.
ANSWERABLE_CHECK_STATUSES = (monitoring.PLANNED, monitoring.DUE, monitoring.OVERDUE)


class LinkProblem(str, Enum):
	"""Why a link opens no form. UNKNOWN covers a forged, altered or mistyped link, and a link aimed at
	another record: the page says the same for all of them, so it tells a prober nothing."""

	UNKNOWN = "unknown"
	USED = "used"
	SUPERSEDED = "superseded"
	EXPIRED = "expired"
	CHECK_CLOSED = "check_closed"


@dataclass(frozen=True)
class IssuedLink:
	"""A stored feedback link as the rules need it."""

	record: str
	status: str
	expires_at: datetime
	check_status: str


def new_token() -> str:
	return secrets.token_urlsafe(32)


def is_well_formed_token(token: object) -> bool:
	return isinstance(token, str) and bool(_TOKEN.fullmatch(token))


def token_digest(token: str) -> str:
	"""What is stored of a feedback token: a database reader cannot turn it back into a working link."""
	return hashlib.sha256(token.encode("ascii")).hexdigest()


def feedback_link_problem(link: IssuedLink | None, record: object, now: datetime) -> LinkProblem | None:
	"""Whether the link may still be answered, checked in this order: it exists and names this record; it
	was not answered nor replaced by a newer one; it has not expired; the check is still open."""
	if link is None or link.record != record:
		return LinkProblem.UNKNOWN
	if link.status == LINK_ANSWERED:
		return LinkProblem.USED
	if link.status != LINK_SENT:
		return LinkProblem.SUPERSEDED
	if now >= link.expires_at:
		return LinkProblem.EXPIRED
	if link.check_status not in ANSWERABLE_CHECK_STATUSES:
		return LinkProblem.CHECK_CLOSED
	return None


def feedback_link_expiry(sent_at: datetime, days: int = FEEDBACK_LINK_DAYS) -> datetime:
	return sent_at + timedelta(days=days)


def employer_link_key(secret: str | bytes) -> bytes:
	"""The key that signs employer links, derived from the site's secret for this purpose only."""
	secret = secret.encode("utf-8") if isinstance(secret, str) else secret
	return hmac.new(secret, _EMPLOYER_LINK_PURPOSE, hashlib.sha256).digest()


def sign_employer_link(key: bytes, employer: str, expires_on: date) -> str:
	"""A link parameter naming the employer until ``expires_on``; only the holder of the key can make one."""
	encoded = base64.urlsafe_b64encode(employer.encode("utf-8")).decode("ascii").rstrip("=")
	stamp = expires_on.strftime("%Y%m%d")
	return f"{encoded}.{stamp}.{_signature(key, encoded, stamp)}"


def read_employer_link(key: bytes, token: object, today: date) -> str | None:
	"""The employer a link names, or None when it is forged, altered, malformed or expired."""
	if not isinstance(token, str):
		return None
	match = _EMPLOYER_LINK.fullmatch(token)
	if not match:
		return None
	encoded, stamp, signature = match.groups()
	if not hmac.compare_digest(signature, _signature(key, encoded, stamp)):
		return None
	try:
		expires_on = datetime.strptime(stamp, "%Y%m%d").date()
		employer = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode("utf-8")
	except (ValueError, binascii.Error, UnicodeDecodeError):
		return None
	if today > expires_on or not employer:
		return None
	return employer


def _signature(key: bytes, encoded: str, stamp: str) -> str:
	digest = hmac.new(key, f"{encoded}.{stamp}".encode("ascii"), hashlib.sha256).digest()
	return base64.urlsafe_b64encode(digest).decode("ascii")[:_SIGNATURE_LENGTH]


# --- abuse limits -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GuestLimits:
	"""How many submissions a guest may send: per address per window (every submission counts, a refused
	one too), per ИНН and per contact e-mail per day (each one accepted for checking), and for the feedback
	page per address per window."""

	vacancy_per_ip: int = 20
	ip_window_seconds: int = 60 * 60
	vacancy_per_inn: int = 10
	vacancy_per_email: int = 10
	day_seconds: int = 24 * 60 * 60
	feedback_per_ip: int = 30
	# The same submission sent again within this time gets the first one's number instead of a copy.
	duplicate_window_seconds: int = 24 * 60 * 60


def limits_from(overrides: object) -> GuestLimits:
	"""The default limits with the site's overrides (a mapping of positive whole numbers); anything else in
	the overrides is ignored, so a typo in the site config never switches the limits off."""
	defaults = GuestLimits()
	if not isinstance(overrides, Mapping):
		return defaults
	values = {}
	for name in GuestLimits.__dataclass_fields__:
		value = overrides.get(name)
		if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
			values[name] = value
	return GuestLimits(**{**defaults.__dict__, **values})


def identity_key(value: str) -> str:
	"""What a counter is keyed by: a hash, so the cache holds no address, ИНН or e-mail in clear."""
	return hashlib.sha256(value.strip().lower().encode("utf-8")).hexdigest()[:32]
