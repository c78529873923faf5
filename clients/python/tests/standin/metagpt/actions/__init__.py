from typing import Any


class Action:
    """Like metagpt.actions.Action (a pydantic model): keyword construction, `name`, `run`, `_aask`."""

    name: str = ""

    def __init__(self, **fields: Any) -> None:
        for key, value in fields.items():
            setattr(self, key, value)
        if not self.name:
            self.name = type(self).__name__

    async def _aask(self, prompt: str) -> str:
        raise NotImplementedError("no LLM in the stand-in")

    async def run(self, *args: Any) -> Any:
        raise NotImplementedError


class UserRequirement(Action):
    """The action MetaGPT gives the human's idea."""
