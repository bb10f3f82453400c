"""What each role may do with each DocType of the app: the one table the permission matrix test asserts.

Rights are denied by default: a role sees only what its row grants. ``test_permission_matrix`` checks it
twice: against the permission rows of every DocType JSON, where the two overlap, so that a drift in either
fails; and against the served site over HTTP, action by action, for every principal below.

Child tables are not listed: a child row is read and written through its parent only.
"""

from citi_employment.roles import (
	ADMISSIONS_COMMITTEE,
	CENTER_ROLES,
	EMPLOYMENT_CENTER_HEAD,
	EMPLOYMENT_SPECIALIST,
	INSTITUTION_DIRECTOR,
	PRACTICE_SUPERVISOR,
	PSYCHOLOGIST,
	SOCIAL_PEDAGOGUE,
	TEACHER,
)

READ = "read"
WRITE = "write"
CREATE = "create"
DELETE = "delete"
SUBMIT = "submit"
EXPORT = "export"
PRINT = "print"
REPORT = "report"
ACTIONS = (READ, WRITE, CREATE, DELETE, SUBMIT, EXPORT, PRINT, REPORT)

# Not an action of its own: the JSON's ``write`` flag that a role holds only to move a document through its
# workflow (the Director approves); an ordinary save by that role is refused (write_guards, the workflow
# state's ``allow_edit``). Over HTTP it counts as a denied write.
APPROVE = "approve"

# The principals besides the eight roles of the Center.
NO_CENTER_ROLE = "Desk user without a Center role"
WEBSITE_USER = "Website User"
GUEST = "Guest"
PRINCIPALS = (*CENTER_ROLES, NO_CENTER_ROLE, WEBSITE_USER, GUEST)

HEAD = EMPLOYMENT_CENTER_HEAD
SPECIALIST = EMPLOYMENT_SPECIALIST
DIRECTOR = INSTITUTION_DIRECTOR

# Roles the JSON may grant that the table does not list: the framework's administrators.
ADMINISTRATOR_ROLES = frozenset({"System Manager"})

CENTER_WORK = (READ, WRITE, CREATE, DELETE, EXPORT, PRINT, REPORT)


def grants(*actions: str) -> frozenset[str]:
	return frozenset(actions)


TABLE: dict[str, dict[str, frozenset[str]]] = {
	"Annual Report": {
		HEAD: grants(*CENTER_WORK),
		SPECIALIST: grants(*CENTER_WORK),
		DIRECTOR: grants(READ, APPROVE, EXPORT, PRINT, REPORT),
	},
	"Center Event": {
		HEAD: grants(*CENTER_WORK),
		SPECIALIST: grants(*CENTER_WORK),
		DIRECTOR: grants(READ, PRINT, REPORT),
	},
	"Contract Journal": {
		HEAD: grants(READ, WRITE, CREATE, EXPORT, PRINT, REPORT),
		SPECIALIST: grants(READ, PRINT, REPORT),
		DIRECTOR: grants(READ, PRINT, REPORT),
		PRACTICE_SUPERVISOR: grants(READ, PRINT),
	},
	"Employer": {
		HEAD: grants(*CENTER_WORK),
		SPECIALIST: grants(*CENTER_WORK),
		DIRECTOR: grants(READ, PRINT, REPORT),
		PRACTICE_SUPERVISOR: grants(READ),
	},
	"Employer Contract": {
		# A contract is never deleted: its registration number stays taken (§3.6, gapless journals).
		HEAD: grants(READ, WRITE, CREATE, EXPORT, PRINT, REPORT),
		SPECIALIST: grants(READ, WRITE, CREATE, EXPORT, PRINT, REPORT),
		DIRECTOR: grants(READ, APPROVE, PRINT, REPORT),
		PRACTICE_SUPERVISOR: grants(READ),
	},
	"Employer Dossier": {
		HEAD: grants(READ, PRINT, REPORT),
		SPECIALIST: grants(READ, PRINT, REPORT),
		DIRECTOR: grants(READ),
	},
	"Employer Feedback Request": {
		HEAD: grants(READ, REPORT),
		SPECIALIST: grants(READ, REPORT),
	},
	"Employer Interaction": {
		HEAD: grants(*CENTER_WORK),
		SPECIALIST: grants(*CENTER_WORK),
		DIRECTOR: grants(READ, PRINT, REPORT),
	},
	"Employment Assistance Application": {
		HEAD: grants(*CENTER_WORK, SUBMIT),
		SPECIALIST: grants(*CENTER_WORK, SUBMIT),
		DIRECTOR: grants(READ, PRINT, REPORT),
	},
	"Employment Center Settings": {
		HEAD: grants(READ, WRITE, CREATE, PRINT),
		SPECIALIST: grants(READ, PRINT),
		DIRECTOR: grants(READ, PRINT),
	},
	"Employment Monitoring Record": {
		HEAD: grants(*CENTER_WORK),
		SPECIALIST: grants(READ, WRITE, CREATE, EXPORT, PRINT, REPORT),
		DIRECTOR: grants(READ, EXPORT, PRINT, REPORT),
	},
	"Graduate": {
		HEAD: grants(*CENTER_WORK),
		SPECIALIST: grants(*CENTER_WORK),
		DIRECTOR: grants(READ, PRINT, REPORT),
		PSYCHOLOGIST: grants(READ),
		SOCIAL_PEDAGOGUE: grants(READ),
		TEACHER: grants(READ),
	},
	"Graduate Personal Data": {
		# 152-ФЗ: only the Center reads it, and it never leaves through an export or a report.
		HEAD: grants(READ, WRITE, CREATE, DELETE, PRINT),
		SPECIALIST: grants(READ, WRITE, CREATE, DELETE, PRINT),
	},
	"Graduate Placement": {
		HEAD: grants(*CENTER_WORK),
		SPECIALIST: grants(*CENTER_WORK),
		DIRECTOR: grants(READ, EXPORT, PRINT, REPORT),
	},
	"Mentor Recommendation": {
		HEAD: grants(*CENTER_WORK),
		SPECIALIST: grants(*CENTER_WORK),
		DIRECTOR: grants(READ, PRINT, REPORT),
		# Each writes only the section of SECTIONS below (permlevels).
		PSYCHOLOGIST: grants(READ, WRITE, PRINT),
		SOCIAL_PEDAGOGUE: grants(READ, WRITE, PRINT),
		TEACHER: grants(READ, WRITE, PRINT),
	},
	"Personal Data Category": {
		HEAD: grants(READ, WRITE, CREATE, DELETE, PRINT, REPORT),
		SPECIALIST: grants(READ, WRITE, CREATE, PRINT, REPORT),
		DIRECTOR: grants(READ),
	},
	"Personal Data Consent": {
		HEAD: grants(READ, WRITE, CREATE, DELETE, SUBMIT, PRINT, REPORT),
		SPECIALIST: grants(READ, WRITE, CREATE, SUBMIT, PRINT, REPORT),
		DIRECTOR: grants(READ),
	},
	"Personal Data Destruction Act": {
		# Written by the destruction service only (152-ФЗ ст. 21 ч. 5).
		HEAD: grants(READ, PRINT, REPORT),
		SPECIALIST: grants(READ),
	},
	"Personal Data Transfer": {
		# The transfer log, written by the sharing service only.
		HEAD: grants(READ, REPORT),
		SPECIALIST: grants(READ, REPORT),
		DIRECTOR: grants(READ),
	},
	"Professiogram": {
		HEAD: grants(*CENTER_WORK),
		SPECIALIST: grants(*CENTER_WORK),
		DIRECTOR: grants(READ),
		TEACHER: grants(READ),
		PRACTICE_SUPERVISOR: grants(READ),
		ADMISSIONS_COMMITTEE: grants(READ),
	},
	"Profession": {
		HEAD: grants(*CENTER_WORK),
		SPECIALIST: grants(*CENTER_WORK),
		DIRECTOR: grants(READ),
		PSYCHOLOGIST: grants(READ),
		SOCIAL_PEDAGOGUE: grants(READ),
		TEACHER: grants(READ),
		ADMISSIONS_COMMITTEE: grants(READ),
		PRACTICE_SUPERVISOR: grants(READ),
	},
	"Student Resume": {
		HEAD: grants(*CENTER_WORK),
		SPECIALIST: grants(*CENTER_WORK),
		DIRECTOR: grants(READ, PRINT, REPORT),
	},
	"Vacancy Candidate": {
		HEAD: grants(*CENTER_WORK),
		SPECIALIST: grants(*CENTER_WORK),
		DIRECTOR: grants(READ, EXPORT, PRINT, REPORT),
	},
	"Vacancy Internal Requirements": {
		# Закон РФ 1032-1 ст. 25: the employer's age and gender wishes stay with the Center.
		HEAD: grants(READ, WRITE, CREATE, DELETE, PRINT),
		SPECIALIST: grants(READ, WRITE, CREATE, DELETE, PRINT),
	},
	"Vacancy Request": {
		HEAD: grants(*CENTER_WORK),
		SPECIALIST: grants(*CENTER_WORK),
		DIRECTOR: grants(READ, EXPORT, PRINT, REPORT),
		ADMISSIONS_COMMITTEE: grants(READ, PRINT, REPORT),
	},
	"Work Plan": {
		HEAD: grants(*CENTER_WORK),
		SPECIALIST: grants(*CENTER_WORK),
		DIRECTOR: grants(READ, APPROVE, PRINT, REPORT),
	},
}

# Record rules (hooks ``has_permission``): a role's row holds only for these kinds of record; every other
# record of the DocType is denied to it whatever the row says. The kinds are made by the test.
ONLY_RECORDS: dict[tuple[str, str], str] = {
	# §3.3: the Admissions Committee sees targeted-training requests only.
	("Vacancy Request", ADMISSIONS_COMMITTEE): "targeted training",
	# A Practice Supervisor: practice contracts about no graduate (they may not read graduates).
	("Employer Contract", PRACTICE_SUPERVISOR): "practice about no graduate",
}

# Mentor Recommendation: the section (a field of its permlevel) each author writes, and nothing else.
SECTIONS = {
	PSYCHOLOGIST: "cognitive_sphere",
	SOCIAL_PEDAGOGUE: "time_space_orientation",
	TEACHER: "competence_level",
}

# The app's script reports and who may run them (Report JSON roles, and ``report`` on the ref DocType).
REPORTS: dict[str, frozenset[str]] = {
	"Center Monthly Digest": frozenset({HEAD, SPECIALIST}),
	"Consent Register": frozenset({HEAD, SPECIALIST}),
	"Contract Journal": frozenset({HEAD, SPECIALIST, DIRECTOR}),
	"Employer Data Bank": frozenset({HEAD, SPECIALIST, DIRECTOR}),
	"Employment Retention": frozenset({HEAD, SPECIALIST, DIRECTOR}),
	"Graduate Outcomes": frozenset({HEAD, SPECIALIST, DIRECTOR}),
	"Profession Demand": frozenset({HEAD, SPECIALIST, DIRECTOR}),
	"Specialist Activity": frozenset({HEAD, SPECIALIST, DIRECTOR}),
	# §3.3: the Admissions Committee's one report.
	"Vacancy Registry": frozenset({HEAD, SPECIALIST, DIRECTOR, ADMISSIONS_COMMITTEE}),
	"Work Plan Execution": frozenset({HEAD, SPECIALIST, DIRECTOR}),
	# Who opened, printed or exported personal data (152-ФЗ ст. 18.1, 19): the Head's own report.
	"Sensitive Data Access": frozenset({HEAD}),
}

# Values of these DocTypes must reach no principal who may not read the DocType, whatever the request is
# about (a link title, a fetched copy, a version, a search hit): 152-ФЗ personal data, a graduate's name,
# and the employer's discriminatory wishes. Values of other DocTypes are searched for in the answers to
# requests about their own record only (an employer's name in a professiogram is the professiogram's).
GLOBALLY_SECRET = ("Graduate Personal Data", "Graduate", "Vacancy Internal Requirements")


def allowed(doctype: str, principal: str, action: str) -> bool:
	"""Whether the table lets ``principal`` do ``action`` on the DocType's records (ignoring ONLY_RECORDS)."""
	return action in TABLE.get(doctype, {}).get(principal, frozenset())
