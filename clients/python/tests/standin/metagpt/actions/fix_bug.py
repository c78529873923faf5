from metagpt.actions.action import Action


class FixBug(Action):
    """metagpt.actions.fix_bug.FixBug (its LLM work is out of scope here)."""
