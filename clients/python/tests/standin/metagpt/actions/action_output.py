from typing import Any


class ActionOutput:
    """metagpt/actions/action_output.py: content plus a structured instruct_content."""

    def __init__(self, content: str, instruct_content: Any) -> None:
        self.content = content
        self.instruct_content = instruct_content
