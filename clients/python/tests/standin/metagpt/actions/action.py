"""metagpt/actions/action.py (v0.8.1) L28-117: a pydantic model; `name` defaults to the class name
(L62-67); `prefix` is set by the role (L76-82); `_aask` asks the LLM; `run` is the subclass's job."""

from typing import Any, Optional, Union

from pydantic import Field, root_validator

from metagpt.schema import SerializationMixin


class Action(SerializationMixin):
    name: str = ""
    i_context: Union[dict, str, None] = ""
    prefix: str = ""
    desc: str = ""
    # ContextMixin (metagpt/context_mixin.py L17-33): never serialised.
    private_context: Optional[Any] = Field(default=None, exclude=True)
    private_config: Optional[Any] = Field(default=None, exclude=True)
    private_llm: Optional[Any] = Field(default=None, exclude=True)

    class Config:
        extra = "forbid"  # SerializationMixin(BaseModel, extra="forbid")

    @root_validator(pre=True)
    def _set_name_if_empty(cls, values: dict) -> dict:
        if not values.get("name"):
            values["name"] = cls.__name__
        return values

    @property
    def llm(self) -> Any:
        return self.private_llm

    def set_llm(self, llm: Any, override: bool = False) -> None:
        if override or self.private_llm is None:
            object.__setattr__(self, "private_llm", llm)

    def set_prefix(self, prefix: str) -> "Action":
        self.prefix = prefix
        return self

    def __str__(self) -> str:
        return type(self).__name__

    __repr__ = __str__

    async def _aask(self, prompt: str, system_msgs: Optional[list] = None) -> str:
        if self.private_llm is None:
            raise RuntimeError("no LLM configured in the stand-in")
        return await self.private_llm.aask(prompt)

    async def run(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError("The run method should be implemented in a subclass.")
