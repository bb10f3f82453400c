"""A Select field of a DocType lists exactly the values the domain's rules know, in the rules' order.

The framework keeps a Select's options in the DocType JSON, so a list some rule reads, or two DocTypes share
(a monitoring check's outcome and the placement's latest outcome; a Center event's type and the annual
report's event row), is written there again. This test holds each copy to the domain's one list: an option
added to one JSON and not to the rule, or to one DocType and not its twin, fails here.
"""

import pytest

from citi_employment.domain import annual_report, consents, monitoring, reporting, vacancies

from .test_annual_report import doctype_json

# (DocType, field) → the domain's values, in order; a field that may be left empty has "" first.
MIRRORED = {
	("Employment Monitoring Record", "outcome"): ("", *monitoring.OUTCOMES),
	("Graduate Placement", "latest_outcome"): ("", *monitoring.OUTCOMES),
	("Employment Monitoring Record", "status"): monitoring.STATUSES,
	("Employment Monitoring Record", "method"): ("", *monitoring.METHODS),
	("Center Event", "event_type"): annual_report.EVENT_TYPES,
	("Annual Report Event Row", "event_type"): annual_report.EVENT_TYPES,
	("Employer", "region"): ("", *reporting.REGIONS),
	("Annual Report Employer Row", "region"): ("", *reporting.REGIONS),
	("Employer", "status"): reporting.EMPLOYER_STATUSES,
	("Employer Contract", "status"): reporting.CONTRACT_STATUSES,
	("Personal Data Consent", "kind"): consents.KINDS,
	("Personal Data Consent", "status"): reporting.CONSENT_STATUSES,
	("Vacancy Request", "kind"): vacancies.KINDS,
	("Vacancy Candidate", "status"): vacancies.CANDIDATE_STATUSES,
	("Work Plan", "period"): reporting.PLAN_PERIODS,
	("Annual Report Plan Row", "period"): reporting.PLAN_PERIODS,
	("Work Plan Item", "status"): reporting.ITEM_STATUSES,
	("Annual Report", "status"): annual_report.STATUSES,
}


def select_options(doctype: str, fieldname: str) -> tuple[str, ...]:
	field = next(field for field in doctype_json(doctype)["fields"] if field["fieldname"] == fieldname)
	assert field["fieldtype"] == "Select", (doctype, fieldname)
	return tuple(field["options"].split("\n"))


@pytest.mark.parametrize(("doctype", "fieldname"), sorted(MIRRORED))
def test_the_select_lists_the_rules_values(doctype, fieldname):
	assert select_options(doctype, fieldname) == tuple(MIRRORED[doctype, fieldname])
