"""Who must act next: the roles a workflow document now waits for (the Director §4.1.2, the Head §4.1), and
the Head's ToDos for the deadlines the Head answers for (``head_tasks``)."""
