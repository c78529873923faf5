from metagpt.actions.action import Action


class WritePRD(Action):
    """metagpt.actions.write_prd.WritePRD (its LLM work is out of scope here)."""
