"""Approvals: telling the roles a workflow document now waits for (DESIGN §3)."""
