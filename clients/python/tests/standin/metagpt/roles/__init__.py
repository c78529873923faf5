from types import SimpleNamespace
from typing import Any


class Role:
    """Like metagpt.roles.Role: name, profile, goal, set_actions, _watch, rc (news, watch, memory)."""

    name: str = ""
    profile: str = ""
    goal: str = ""

    def __init__(self, **fields: Any) -> None:
        for key, value in fields.items():
            setattr(self, key, value)
        self.actions: list[Any] = []
        self.rc = SimpleNamespace(news=[], watch=set(), memory=[], todo=None)

    def set_actions(self, actions: list[Any]) -> None:
        self.actions = [a() if isinstance(a, type) else a for a in actions]

    def _watch(self, actions: list[Any]) -> None:
        self.rc.watch = {getattr(a, "__name__", str(a)) for a in actions}

    def _set_react_mode(self, react_mode: str, max_react_loop: int = 1) -> None:
        self.react_mode = react_mode
