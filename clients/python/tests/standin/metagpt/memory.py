"""metagpt/memory/memory.py (v0.8.1): a list of messages, indexed by cause_by."""

from typing import Any, List

from pydantic import Field

from metagpt._compat import Model
from metagpt.schema import Message
from metagpt.utils.common import any_to_str_set


class Memory(Model):
    storage: List[Message] = Field(default_factory=list)

    def add(self, message: Message) -> None:
        if message not in self.storage:
            self.storage.append(message)

    def add_batch(self, messages: Any) -> None:
        for message in messages:
            self.add(message)

    def get(self, k: int = 0) -> list:
        return self.storage[-k:]

    def get_by_actions(self, actions: Any) -> list:
        names = any_to_str_set(actions)
        return [m for m in self.storage if m.cause_by in names]

    def delete(self, message: Message) -> None:
        if message in self.storage:
            self.storage.remove(message)
