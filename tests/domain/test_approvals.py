from citi_employment.domain.approvals import Transition, waiting_roles

HEAD = "Employment Center Head"
SPECIALIST = "Employment Specialist"
DIRECTOR = "Institution Director"

# Terminating is something the Head may do to an active contract, not something the contract waits for.
OPTIONAL = ("Terminated", "Expiring Soon", "Expired")


def contract_transitions() -> list[Transition]:
	"""The shipped Employer Contract Approval workflow."""
	return [
		Transition("Draft", "Pending Director Approval", HEAD, "Submit for Approval"),
		Transition("Draft", "Pending Director Approval", SPECIALIST, "Submit for Approval"),
		Transition("Pending Director Approval", "Active", DIRECTOR, "Approve"),
		Transition("Pending Director Approval", "Declined", DIRECTOR, "Reject"),
		Transition("Active", "Terminated", HEAD, "Terminate"),
		Transition("Expiring Soon", "Terminated", HEAD, "Terminate"),
		Transition("Declined", "Draft", HEAD, "Revise"),
		Transition("Declined", "Draft", SPECIALIST, "Revise"),
	]


def test_a_contract_sent_for_approval_waits_for_the_director():
	assert waiting_roles(contract_transitions(), OPTIONAL)["Pending Director Approval"] == (DIRECTOR,)


def test_a_rejected_contract_waits_for_the_center_again():
	assert waiting_roles(contract_transitions(), OPTIONAL)["Declined"] == (HEAD, SPECIALIST)


def test_the_shipped_contract_workflow_waits_only_for_approval_and_revision():
	assert set(waiting_roles(contract_transitions(), OPTIONAL)) == {"Pending Director Approval", "Declined"}


def test_a_transition_into_an_optional_state_is_not_waited_for():
	assert "Active" not in waiting_roles(contract_transitions(), OPTIONAL)
	# Without the flag, approving would tell the Head that an active contract waits for termination.
	assert waiting_roles(contract_transitions())["Active"] == (HEAD,)


def test_states_the_same_roles_enter_and_leave_wait_for_nobody():
	waiting = waiting_roles(contract_transitions(), OPTIONAL)
	assert "Draft" not in waiting
	assert "Terminated" not in waiting  # nobody acts on it
	assert "Expiring Soon" not in waiting  # set by the daily job, no transition leads there


def test_an_action_only_some_of_the_senders_may_take_is_waited_for():
	"""A mentor recommendation: Head or Specialist send it for review, only the Head approves."""
	transitions = [
		Transition("Draft", "Ready for Review", HEAD, "Submit for Review"),
		Transition("Draft", "Ready for Review", SPECIALIST, "Submit for Review"),
		Transition("Ready for Review", "Approved", HEAD, "Approve"),
		Transition("Ready for Review", "Draft", HEAD, "Revise"),
		Transition("Ready for Review", "Draft", SPECIALIST, "Revise"),
		Transition("Approved", "Draft", HEAD, "Revise"),
	]
	assert waiting_roles(transitions) == {"Ready for Review": (HEAD,)}


def test_a_plan_sent_back_by_the_director_waits_for_the_center():
	transitions = [
		Transition("Draft", "Pending Director Approval", HEAD, "Submit for Approval"),
		Transition("Draft", "Pending Director Approval", SPECIALIST, "Submit for Approval"),
		Transition("Pending Director Approval", "Approved", DIRECTOR, "Approve"),
		Transition("Pending Director Approval", "Draft", DIRECTOR, "Revise"),
		Transition("Approved", "Published", HEAD, "Publish"),
	]
	assert waiting_roles(transitions) == {
		"Approved": (HEAD,),
		"Draft": (HEAD, SPECIALIST),
		"Pending Director Approval": (DIRECTOR,),
	}


def test_a_workflow_where_one_team_does_everything_notifies_nobody():
	transitions = [
		Transition("Draft", "Registered", HEAD, "Register"),
		Transition("Draft", "Registered", SPECIALIST, "Register"),
		Transition("Registered", "In Progress", HEAD, "Start Work"),
		Transition("Registered", "In Progress", SPECIALIST, "Start Work"),
		Transition("Registered", "Closed", HEAD, "Close"),
		Transition("Registered", "Closed", SPECIALIST, "Close"),
	]
	assert waiting_roles(transitions) == {}


def test_incomplete_rows_and_self_loops_are_ignored():
	transitions = [
		Transition("Draft", "Draft", DIRECTOR, "Touch"),
		Transition("Draft", "", HEAD, "Send"),
		Transition("Draft", "Sent", "", "Send"),
	]
	assert waiting_roles(transitions) == {}
