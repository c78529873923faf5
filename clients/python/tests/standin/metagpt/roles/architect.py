from metagpt.actions import WritePRD
from metagpt.actions.design_api import WriteDesign
from metagpt.roles.role import Role


class Architect(Role):
    """metagpt/roles/architect.py (v0.8.1) L15-40: profile "Architect", watches WritePRD."""

    name: str = "Bob"
    profile: str = "Architect"
    goal: str = "design a concise, usable, complete software system"
    constraints: str = ("make sure the architecture is simple enough and use  appropriate open source "
                        "libraries. Use same language as user requirement")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.set_actions([WriteDesign])
        self._watch({WritePRD})
