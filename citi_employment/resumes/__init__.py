"""Student resumes: what a new resume starts with (§2.2 «составление резюме»)."""
