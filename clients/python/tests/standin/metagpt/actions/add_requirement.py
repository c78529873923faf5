from metagpt.actions.action import Action


class UserRequirement(Action):
    """metagpt/actions/add_requirement.py: the human's idea, the default watch of every role."""
