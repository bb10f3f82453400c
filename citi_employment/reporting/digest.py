"""The figures of the Head's monthly digest (issue 12; §6.5, §7.1): monitoring checks due and
overdue (§6.2, §6.5), contracts in force that end soon (§5.4), and consents to renew (152-ФЗ ст. 9).

Each block is one count query and one list query of its first rows, whatever the number of records, so the
digest stays fast on a region's data. The lists name documents by their IDs and never name a
graduate: the digest goes out by e-mail, where the destruction of a graduate's data (ст. 21 ч. 5 152-ФЗ)
could not reach a name. What counts as a consent to renew is ``citi_employment.domain.email_reports``.
"""

from datetime import date, timedelta

import frappe
from frappe.query_builder import DocType
from frappe.query_builder.functions import Count, Max

from citi_employment.domain import consents as consent_rules
from citi_employment.domain import email_reports as rules
from citi_employment.domain import graduate as graduate_rules
from citi_employment.domain import monitoring as monitoring_rules
from citi_employment.monitoring import RECORD_DOCTYPE
from citi_employment.reporting.access import check_reads_all
from citi_employment.reporting.contracts import CONTRACT_DOCTYPE, ends_within

CONSENT_DOCTYPE = "Personal Data Consent"
GRADUATE_DOCTYPE = "Graduate"
OPEN_CHECK_STATUSES = (monitoring_rules.DUE, monitoring_rules.OVERDUE)


def first_rows(table, columns: tuple, condition, soonest_by, limit: int) -> list[dict]:
	"""The digest's list of a block: the first ``limit`` rows that meet ``condition``, the soonest
	``soonest_by`` first and then by name (the order the Head works through them)."""
	if not limit:
		return []
	return (
		frappe.qb.from_(table)
		.select(*columns)
		.where(condition)
		.orderby(soonest_by)
		.orderby(table.name)
		.limit(limit)
		.run(as_dict=True)
	)


@frappe.read_only()
def checks_due(limit: int = rules.DIGEST_LIST_LIMIT) -> dict:
	"""Monitoring checks Due or Overdue (the daily monitoring job moves their status): ``counts`` by status,
	and ``rows`` of ``name``, ``status``, ``checkpoint``, ``due_date``, ``responsible_specialist`` and
	``employer_name``, the oldest due first."""
	check_reads_all(RECORD_DOCTYPE)
	record = DocType(RECORD_DOCTYPE)
	counts = dict(
		frappe.qb.from_(record)
		.select(record.status, Count("*"))
		.where(record.status.isin(OPEN_CHECK_STATUSES))
		.groupby(record.status)
		.run()
	)
	columns = (
		record.name,
		record.status,
		record.checkpoint,
		record.due_date,
		record.responsible_specialist,
		record.employer_name,
	)
	rows = first_rows(record, columns, record.status.isin(OPEN_CHECK_STATUSES), record.due_date, limit)
	return {"counts": {status: counts.get(status, 0) for status in OPEN_CHECK_STATUSES}, "rows": rows}


@frappe.read_only()
def contracts_expiring(as_on: date, within_days: int, limit: int = rules.DIGEST_LIST_LIMIT) -> dict:
	"""Contracts in force that end between ``as_on`` and ``within_days`` later (the Contract Journal's
	definition): ``count``, and ``rows`` of ``name``, ``registration_number``, ``journal``, ``employer_name``,
	``status`` and ``valid_to``, the soonest first. No graduate: the list is about the Center's partners."""
	check_reads_all(CONTRACT_DOCTYPE)
	contract = DocType(CONTRACT_DOCTYPE)
	ending = ends_within(contract, as_on, within_days)
	columns = (
		contract.name,
		contract.registration_number,
		contract.journal,
		contract.employer_name,
		contract.status,
		contract.valid_to,
	)
	rows = first_rows(contract, columns, ending, contract.valid_to, limit)
	return {"count": frappe.db.count(CONTRACT_DOCTYPE, ending), "rows": rows}


@frappe.read_only()
def consents_to_renew(as_on: date, limit: int = rules.DIGEST_LIST_LIMIT) -> dict:
	"""Consents to renew on ``as_on``, by reason (``domain.email_reports.RENEWAL_REASONS``): ``counts`` per
	reason and ``rows`` per reason, at most ``limit`` each (0: counts only).

	- Expires Soon: an Active consent of either kind that ends within the renewal period;
	- Graduate Comes of Age: an Active Processing consent a legal representative signed, of a graduate who
	  is 18 within the coming-of-age period or already is (one that also expires soon is listed there);
	- Expired, Graduate Seeks Work: a graduate still seeking work whose Processing consent has expired and
	  was not replaced (the graduate's consent status is Expired); one row per graduate, with the date the
	  latest consent ended.
	"""
	check_reads_all(CONSENT_DOCTYPE, GRADUATE_DOCTYPE)
	consent = DocType(CONSENT_DOCTYPE)
	graduate = DocType(GRADUATE_DOCTYPE)
	first, last = rules.expiry_window(as_on)
	expiring = (
		(consent.docstatus == 1)
		& (consent.status == consent_rules.ACTIVE)
		& (consent.valid_until >= first)
		& (consent.valid_until <= last)
	)
	columns = (consent.name, consent.kind, consent.signer, consent.valid_until)
	expiring_rows = first_rows(consent, columns, expiring, consent.valid_until, limit)

	coming_of_age = coming_of_age_consents(as_on, first, last)

	lapsed = (
		(consent.docstatus == 1)
		& (consent.status == consent_rules.EXPIRED)
		& (consent.kind == consent_rules.PROCESSING)
		& (graduate.consent_status == consent_rules.EXPIRED)
		& (graduate.employment_status == graduate_rules.SEEKING_EMPLOYMENT)
	)
	lapsed_query = frappe.qb.from_(consent).join(graduate).on(graduate.name == consent.graduate).where(lapsed)
	(lapsed_count,) = lapsed_query.select(Count(consent.graduate).distinct()).run()[0]
	lapsed_rows = (
		(
			lapsed_query.select(consent.graduate, Max(consent.valid_until).as_("valid_until"))
			.groupby(consent.graduate)
			.orderby(Max(consent.valid_until))
			.orderby(consent.graduate)
			.limit(limit)
			.run(as_dict=True)
		)
		if limit
		else []
	)
	return {
		"counts": {
			rules.EXPIRING: frappe.db.count(CONSENT_DOCTYPE, expiring),
			rules.COMING_OF_AGE: len(coming_of_age),
			rules.LAPSED: lapsed_count,
		},
		"rows": {
			rules.EXPIRING: expiring_rows,
			rules.COMING_OF_AGE: coming_of_age[:limit],
			rules.LAPSED: lapsed_rows,
		},
	}


def coming_of_age_consents(as_on: date, expiry_first: date, expiry_last: date) -> list[dict]:
	"""Representatives' Active Processing consents of graduates who are 18 within the coming-of-age period,
	with ``name``, ``kind``, ``signer`` and ``turns_18_on``, the soonest first. The SQL filter on the date
	of birth has a day's margin (29 February); the exact rule is applied to its few rows here."""
	consent = DocType(CONSENT_DOCTYPE)
	graduate = DocType(GRADUATE_DOCTYPE)
	by_day = rules.latest_birth_date_of_age_by(as_on + timedelta(days=rules.COMING_OF_AGE_DAYS))
	rows = (
		frappe.qb.from_(consent)
		.join(graduate)
		.on(graduate.name == consent.graduate)
		.select(consent.name, consent.kind, consent.signer, consent.valid_until, graduate.date_of_birth)
		.where(consent.docstatus == 1)
		.where(consent.status == consent_rules.ACTIVE)
		.where(consent.kind == consent_rules.PROCESSING)
		.where(consent.signer == consent_rules.LEGAL_REPRESENTATIVE)
		.where(graduate.date_of_birth <= by_day)
		# Listed once: a consent that also expires soon is among those.
		.where(
			consent.valid_until.isnull()
			| (consent.valid_until < expiry_first)
			| (consent.valid_until > expiry_last)
		)
		.run(as_dict=True)
	)
	found = []
	for row in rows:
		born = frappe.utils.getdate(row.pop("date_of_birth"))
		if rules.representative_consent_to_renew(born, as_on):
			row["turns_18_on"] = graduate_rules.majority_date(born)
			found.append(row)
	return sorted(found, key=lambda row: (row["turns_18_on"], row["name"]))


def consents_to_renew_count(as_on: date) -> int:
	"""All consents to renew on ``as_on`` (the workspace's number card): the digest's three counts, with no
	list (``limit`` 0 skips the list queries)."""
	return sum(consents_to_renew(as_on, limit=0)["counts"].values())
