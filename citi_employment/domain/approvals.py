"""Which roles a workflow state waits for: the rule behind the approval notifications (§4.1, §4.1.2).

A document waits for a role when it enters a state with an action that not everyone who may bring it there
may take: a Specialist sends a contract for approval and only the Director may approve it; the Director
rejects it and only the Center may revise it; a Specialist sends a mentor recommendation for review and only
the Head may approve it. The roles of such an action are told. A state whose every action is open to all
the roles that bring documents there (a draft its authors edit, a vacancy request the Center works on)
waits for nobody else and tells nobody. A state no transition leads to (one a daily job sets) is not a
hand-over either. A transition into an optional state (the framework's Workflow Document State "Is
Optional State", e.g. terminating an active contract) is something a role may do, not something the
document waits for: the framework creates no Workflow Action for it either.

Plain values in, plain values out: the Frappe side (citi_employment/approvals) reads the workflow's
transitions and turns the answer into the framework's Notification records.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Transition:
	state: str
	next_state: str
	allowed: str
	action: str = ""


def waiting_roles(
	transitions: Iterable[Transition], optional_states: Iterable[str] = ()
) -> dict[str, tuple[str, ...]]:
	"""For every state a document is handed over in, the roles it then waits for (both sorted)."""
	optional = frozenset(optional_states)
	entered_by: dict[str, set[str]] = defaultdict(set)
	action_roles: dict[str, dict[tuple[str, str], set[str]]] = defaultdict(lambda: defaultdict(set))
	for transition in transitions:
		if not (transition.state and transition.next_state and transition.allowed):
			continue
		if transition.next_state != transition.state:
			entered_by[transition.next_state].add(transition.allowed)
		if transition.next_state not in optional:
			action_roles[transition.state][(transition.action, transition.next_state)].add(transition.allowed)
	waiting = {}
	for state, entering in entered_by.items():
		roles = set()
		for allowed in action_roles.get(state, {}).values():
			if not entering <= allowed:
				roles |= allowed
		if roles:
			waiting[state] = tuple(sorted(roles))
	return dict(sorted(waiting.items()))
