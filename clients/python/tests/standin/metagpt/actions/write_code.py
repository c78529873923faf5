from metagpt.actions.action import Action


class WriteCode(Action):
    """metagpt.actions.write_code.WriteCode (its LLM work is out of scope here)."""
