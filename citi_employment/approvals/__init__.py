"""Approvals: telling the roles a workflow document now waits for (the Director §4.1.2, the Head §4.1)."""
