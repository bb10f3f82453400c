"""What a demo load is expected to write, counted from its plan: the oracle of both test trees (the quick
suite's tests/domain/test_demo.py holds each scale's plan to the issue's figures, the integration test
test_demo.py holds the load to the plan). Frappe-free, so the quick suite imports it too."""

from citi_employment.domain import demo as rules
from citi_employment.domain import monitoring as monitoring_rules


def check_count(period: rules.PlacementPeriod) -> int:
	"""How many monitoring records ``domain.demo.plan_checks`` makes for the placement, counted without drawing
	them: every checkpoint (those due by the dismissal, when the placement was recorded after it) and, after a
	dismissal, the follow-up. A quick-suite test holds it to ``plan_checks``."""
	checkpoints = [months for months in rules.DEFAULT_POLICY.checkpoints if months > monitoring_rules.AD_HOC]
	if period.dismissal_date is None:
		return len(checkpoints)
	if period.recorded_before_dismissal:
		return len(checkpoints) + 1
	due_by_dismissal = [
		months
		for months in checkpoints
		if monitoring_rules.checkpoint_due_date(period.employment_date, months) <= period.dismissal_date
	]
	return len(due_by_dismissal) + 1


def planned_counts(sizes: rules.Sizes, plans: list[rules.GraduatePlan]) -> dict[str, int]:
	"""The records a load of this plan makes of the DocTypes the scales are given in."""
	periods = [period for plan in plans for period in plan.periods]
	return {
		"Graduate": len(plans),
		"Employer": sizes.employers,
		"Vacancy Request": sizes.vacancy_requests,
		"Graduate Placement": len(periods),
		"Employment Monitoring Record": sum(check_count(period) for period in periods),
	}
