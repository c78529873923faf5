from metagpt.actions.action import Action


class WriteCodeReview(Action):
    """metagpt.actions.write_code_review.WriteCodeReview (its LLM work is out of scope here)."""
