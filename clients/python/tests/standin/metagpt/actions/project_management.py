from metagpt.actions.action import Action


class WriteTasks(Action):
    """metagpt.actions.project_management.WriteTasks (its LLM work is out of scope here)."""
