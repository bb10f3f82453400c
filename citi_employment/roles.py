"""The Center's roles (§4.1–§4.2, §3.3). Plain names, so hooks, install code and checks share one list."""

EMPLOYMENT_CENTER_HEAD = "Employment Center Head"
EMPLOYMENT_SPECIALIST = "Employment Specialist"
INSTITUTION_DIRECTOR = "Institution Director"
PSYCHOLOGIST = "Psychologist"
SOCIAL_PEDAGOGUE = "Social Pedagogue"
TEACHER = "Teacher"
ADMISSIONS_COMMITTEE = "Admissions Committee"
PRACTICE_SUPERVISOR = "Practice Supervisor"

CENTER_ROLES = (
	EMPLOYMENT_CENTER_HEAD,
	EMPLOYMENT_SPECIALIST,
	INSTITUTION_DIRECTOR,
	PSYCHOLOGIST,
	SOCIAL_PEDAGOGUE,
	TEACHER,
	ADMISSIONS_COMMITTEE,
	PRACTICE_SUPERVISOR,
)

# Only these roles may read or write Graduate Personal Data (152-ФЗ ст. 7).
PERSONAL_DATA_ROLES = (EMPLOYMENT_CENTER_HEAD, EMPLOYMENT_SPECIALIST)

# Roles that see every record of the Center, whatever its journal or kind; record rules narrow everyone else
# (the Admissions Committee to targeted-training requests, the Practice Supervisor to practice contracts).
# Administrator is not named: it holds every role (frappe.get_roles), so it passes wherever these do.
ALL_RECORDS_ROLES = frozenset(
	{EMPLOYMENT_CENTER_HEAD, EMPLOYMENT_SPECIALIST, INSTITUTION_DIRECTOR, "System Manager"}
)
