"""What a demo load is expected to write, counted from its plan: the oracle of both test trees (the quick
suite's tests/domain/test_demo.py holds each scale's plan to the issue's figures, the integration test
test_demo.py holds the load to the plan). Frappe-free, so the quick suite imports it too."""

from citi_employment.domain import demo as rules


def planned_counts(sizes: rules.Sizes, plans: list[rules.GraduatePlan]) -> dict[str, int]:
	"""The records a load of this plan makes of the DocTypes the scales are given in."""
	periods = [period for plan in plans for period in plan.periods]
	return {
		"Graduate": len(plans),
		"Employer": sizes.employers,
		"Vacancy Request": sizes.vacancy_requests,
		"Graduate Placement": len(periods),
		"Employment Monitoring Record": sum(rules.check_count(period) for period in periods),
	}
