from metagpt.actions.action import Action


class SummarizeCode(Action):
    """metagpt.actions.summarize_code.SummarizeCode (its LLM work is out of scope here)."""
