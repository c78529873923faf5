from metagpt.actions.action import Action


class WriteDesign(Action):
    """metagpt.actions.design_api.WriteDesign (its LLM work is out of scope here)."""
