from metagpt.actions.action import Action


class WriteCodePlanAndChange(Action):
    """metagpt.actions.write_code_plan_and_change_an.WriteCodePlanAndChange (its LLM work is out of scope here)."""
