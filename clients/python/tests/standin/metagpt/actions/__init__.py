"""metagpt/actions/__init__.py (v0.8.1): the names exported from metagpt.actions."""

from metagpt.actions.action import Action
from metagpt.actions.action_output import ActionOutput
from metagpt.actions.add_requirement import UserRequirement
from metagpt.actions.design_api import WriteDesign
from metagpt.actions.fix_bug import FixBug
from metagpt.actions.project_management import WriteTasks
from metagpt.actions.summarize_code import SummarizeCode
from metagpt.actions.write_code import WriteCode
from metagpt.actions.write_code_review import WriteCodeReview
from metagpt.actions.write_prd import WritePRD

__all__ = ["Action", "ActionOutput", "FixBug", "SummarizeCode", "UserRequirement", "WriteCode", "WriteCodeReview",
           "WriteDesign", "WritePRD", "WriteTasks"]
