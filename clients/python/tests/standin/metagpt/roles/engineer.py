from typing import List

from pydantic import Field

from metagpt.actions import FixBug, SummarizeCode, WriteCode, WriteCodeReview, WriteTasks
from metagpt.actions.write_code_plan_and_change_an import WriteCodePlanAndChange
from metagpt.roles.role import Role


class Engineer(Role):
    """metagpt/roles/engineer.py (v0.8.1) L60-94: profile "Engineer", acts on WriteCode."""

    name: str = "Alex"
    profile: str = "Engineer"
    goal: str = "write elegant, readable, extensible, efficient code"
    constraints: str = ("the code should conform to standards like google-style and be modular and maintainable. "
                        "Use same language as user requirement")
    n_borg: int = 1
    use_code_review: bool = False
    code_todos: List = Field(default_factory=list)
    summarize_todos: List = Field(default_factory=list)
    next_todo_action: str = ""
    n_summarize: int = 0

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.set_actions([WriteCode])
        self._watch([WriteTasks, SummarizeCode, WriteCode, WriteCodeReview, FixBug, WriteCodePlanAndChange])
        self.next_todo_action = "WriteCode"
