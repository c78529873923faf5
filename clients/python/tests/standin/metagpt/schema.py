"""metagpt/schema.py (v0.8.1): SerializationMixin (L59-115), Message (L188-311), UserMessage,
SystemMessage, AIMessage (L314-338), MessageQueue. Message has no `metadata` field in 0.8 (it came
later on MetaGPT's main branch); pydantic ignores unknown keyword arguments, as here."""

import uuid
from typing import Any, ClassVar, Optional, Set

from pydantic import BaseModel, Field, root_validator, validator

from metagpt._compat import Model
from metagpt.const import MESSAGE_ROUTE_CAUSE_BY, MESSAGE_ROUTE_FROM, MESSAGE_ROUTE_TO, MESSAGE_ROUTE_TO_ALL
from metagpt.utils.common import any_to_str, any_to_str_set, import_class

CLASS_KEY = "__module_class_name"


class SerializationMixin(Model):
    """L59-115: a dump carries `__module_class_name`; a polymorphic field rebuilds the subclass it names."""

    __subclasses_map__: ClassVar[dict] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        SerializationMixin.__subclasses_map__[f"{cls.__module__}.{cls.__qualname__}"] = cls

    def dict(self, **kwargs: Any) -> dict:
        data = super().dict(**kwargs)
        data[CLASS_KEY] = f"{type(self).__module__}.{type(self).__qualname__}"
        return data

    @classmethod
    def rebuild(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        data = dict(value)
        name = data.pop(CLASS_KEY, None)
        real = SerializationMixin.__subclasses_map__.get(name, cls) if name else cls
        return real(**data)


class Message(Model):
    """L188-311. `cause_by` defaults to UserRequirement and, like `sent_from`, is stored through
    any_to_str; `send_to` through any_to_str_set (L221-234, and `__setattr__` L263-272)."""

    id: str = ""
    content: str = ""
    instruct_content: Optional[Any] = None
    role: str = "user"
    cause_by: str = ""
    sent_from: str = ""
    send_to: Set[str] = Field(default_factory=lambda: {MESSAGE_ROUTE_TO_ALL})

    def __init__(self, content: str = "", **data: Any) -> None:
        data["content"] = data.get("content", content)
        super().__init__(**data)

    @validator("id", pre=True, always=True)
    def _check_id(cls, value: Any) -> str:
        return value or uuid.uuid4().hex

    @validator("cause_by", pre=True, always=True)
    def _check_cause_by(cls, value: Any) -> str:
        return any_to_str(value or import_class("UserRequirement", "metagpt.actions.add_requirement"))

    @validator("sent_from", pre=True, always=True)
    def _check_sent_from(cls, value: Any) -> str:
        return any_to_str(value or "")

    @validator("send_to", pre=True, always=True)
    def _check_send_to(cls, value: Any) -> set:
        return any_to_str_set(value or {MESSAGE_ROUTE_TO_ALL})

    @validator("instruct_content", pre=True, always=True)
    def _check_instruct_content(cls, value: Any) -> Any:
        if isinstance(value, dict) and "class" in value and "module" in value:  # L204-219
            return import_class(value["class"], value["module"])(**value["value"])
        return value

    def __setattr__(self, key: str, val: Any) -> None:
        if key in (MESSAGE_ROUTE_CAUSE_BY, MESSAGE_ROUTE_FROM):
            val = any_to_str(val)
        elif key == MESSAGE_ROUTE_TO:
            val = any_to_str_set(val)
        super().__setattr__(key, val)

    def dict(self, **kwargs: Any) -> dict:
        data = super().dict(**kwargs)
        data["send_to"] = list(self.send_to)  # L236-238
        ic = self.instruct_content
        if isinstance(ic, BaseModel):  # L240-256: class, module and value
            dump = ic.model_dump() if hasattr(ic, "model_dump") else ic.dict()
            data["instruct_content"] = {"class": type(ic).__name__, "module": type(ic).__module__, "value": dump}
        return data

    def __str__(self) -> str:
        if self.instruct_content:
            ic = self.instruct_content
            return f"{self.role}: {ic.model_dump() if hasattr(ic, 'model_dump') else ic.dict()}"
        return f"{self.role}: {self.content}"

    __repr__ = __str__

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, Message) and self.dict() == other.dict()

    __hash__ = object.__hash__


class UserMessage(Message):
    """L314-320: content only; role "user"."""

    def __init__(self, content: str) -> None:
        super().__init__(content=content, role="user")


class SystemMessage(Message):
    def __init__(self, content: str) -> None:
        super().__init__(content=content, role="system")


class AIMessage(Message):
    """L332-338: content only (no keyword arguments in 0.8); role "assistant"."""

    def __init__(self, content: str) -> None:
        super().__init__(content=content, role="assistant")


class MessageQueue:
    """The role's private inbox (an asyncio.Queue in MetaGPT)."""

    def __init__(self) -> None:
        self._items: list = []

    def push(self, msg: Message) -> None:
        self._items.append(msg)

    def pop_all(self) -> list:
        items, self._items = self._items, []
        return items

    def empty(self) -> bool:
        return not self._items
