"""metagpt/roles/role.py (v0.8.1): RoleContext (L88-124) and Role (L127-594), with the behaviour an
email integration meets: default watch of UserRequirement (L173), `_watch` through any_to_str (L304-308),
`_act` wrapping a non-Message result as Message(role=profile, cause_by=todo, sent_from=self) and taking
a Message result as it is (L390-407), `_observe` (L409-432), by_order (L467-474), `run` (L531-556),
whose decorator turns any exception into one that ends the team's run (utils/common.py L637-664)."""

import asyncio
from enum import Enum
from typing import Any, List, Optional, Set

from pydantic import Field, validator

from metagpt._compat import Model
from metagpt.actions import Action, ActionOutput
from metagpt.actions.add_requirement import UserRequirement
from metagpt.memory import Memory
from metagpt.schema import Message, MessageQueue, SerializationMixin
from metagpt.utils.common import any_to_name, any_to_str

PREFIX_TEMPLATE = """You are a {profile}, named {name}, your goal is {goal}. """


class RoleReactMode(str, Enum):
    REACT = "react"
    BY_ORDER = "by_order"
    PLAN_AND_ACT = "plan_and_act"


class RoleContext(Model):
    env: Optional[Any] = Field(default=None, exclude=True)
    msg_buffer: Any = Field(default_factory=MessageQueue, exclude=True)
    memory: Memory = Field(default_factory=Memory)
    working_memory: Memory = Field(default_factory=Memory)
    state: int = -1
    todo: Optional[Any] = Field(default=None, exclude=True)
    watch: Set[str] = Field(default_factory=set)
    news: List[Any] = Field(default_factory=list, exclude=True)
    react_mode: RoleReactMode = RoleReactMode.REACT
    max_react_loop: int = 1

    @property
    def history(self) -> list:
        return self.memory.get()


def _raise_as_role_error(func: Any) -> Any:
    """utils/common.py L637-664 (role_raise_decorator): any exception becomes a bare Exception."""

    async def wrapper(self: "Role", *args: Any, **kwargs: Any) -> Any:
        try:
            return await func(self, *args, **kwargs)
        except Exception as e:
            if self.latest_observed_msg:
                self.rc.memory.delete(self.latest_observed_msg)
            raise Exception(f"{type(e).__name__}: {e}") from e

    return wrapper


class Role(SerializationMixin):
    name: str = ""
    profile: str = ""
    goal: str = ""
    constraints: str = ""
    desc: str = ""
    is_human: bool = False
    role_id: str = ""
    states: List[str] = Field(default_factory=list)
    actions: List[Action] = Field(default_factory=list)
    rc: RoleContext = Field(default_factory=RoleContext)
    addresses: Set[str] = Field(default_factory=set)
    recovered: bool = False
    latest_observed_msg: Optional[Message] = None
    private_context: Optional[Any] = Field(default=None, exclude=True)
    private_llm: Optional[Any] = Field(default=None, exclude=True)

    class Config:
        extra = "allow"  # L130

    __hash__ = object.__hash__  # L157

    def __init__(self, **data: Any) -> None:
        watch = data.pop("watch", [UserRequirement])  # L165-173: popped from the extra fields
        super().__init__(**data)
        self._check_actions()
        self._watch(watch)
        if not self.addresses:  # L229-233
            self.addresses = {any_to_str(self), self.name} if self.name else {any_to_str(self)}
        if self.latest_observed_msg:
            self.recovered = True

    @validator("actions", pre=True, each_item=True)
    def _polymorphic_actions(cls, value: Any) -> Any:
        return Action.rebuild(value)

    @property
    def llm(self) -> Any:
        return self.private_llm

    @property
    def todo(self) -> Any:
        return self.rc.todo

    def set_todo(self, value: Optional[Action]) -> None:
        self.rc.todo = value

    @property
    def _setting(self) -> str:
        return f"{self.name}({self.profile})"

    def _check_actions(self) -> None:
        self.set_actions(self.actions)

    def _init_action(self, action: Action) -> None:
        action.set_llm(self.llm, override=True)
        action.set_prefix(self._get_prefix())

    def set_action(self, action: Any) -> None:
        self.set_actions([action])

    def set_actions(self, actions: list) -> None:
        """L259-279: resets the actions, instantiates classes, gives each the role's LLM and prefix."""
        self.states, self.actions = [], []
        for action in list(actions):
            i = action() if not isinstance(action, Action) else action
            self._init_action(i)
            self.actions.append(i)
            self.states.append(f"{len(self.actions) - 1}. {action}")

    def _set_react_mode(self, react_mode: str, max_react_loop: int = 1, auto_run: bool = True) -> None:
        assert react_mode in [m.value for m in RoleReactMode]
        self.rc.react_mode = RoleReactMode(react_mode)
        if react_mode == RoleReactMode.REACT:
            self.rc.max_react_loop = max_react_loop

    def _watch(self, actions: Any) -> None:
        self.rc.watch = {any_to_str(t) for t in actions}

    def is_watch(self, caused_by: str) -> bool:
        return caused_by in self.rc.watch

    def _set_state(self, state: int) -> None:
        self.rc.state = state
        self.set_todo(self.actions[state] if state >= 0 else None)

    def set_env(self, env: Any) -> None:
        self.rc.env = env
        if env:
            env.set_addresses(self, self.addresses)
            self.set_actions(self.actions)

    def _get_prefix(self) -> str:
        return self.desc or PREFIX_TEMPLATE.format(profile=self.profile, name=self.name, goal=self.goal)

    async def _think(self) -> bool:
        if len(self.actions) == 1:
            self._set_state(0)
            return True
        if self.recovered and self.rc.state >= 0:
            self._set_state(self.rc.state)
            self.recovered = False
            return True
        raise NotImplementedError("react mode with several actions asks the LLM; the stand-in has none")

    async def _act(self) -> Message:
        response = await self.rc.todo.run(self.rc.history)
        if isinstance(response, ActionOutput):
            msg = Message(content=response.content, instruct_content=response.instruct_content,
                          role=self._setting, cause_by=self.rc.todo, sent_from=self)
        elif isinstance(response, Message):
            msg = response
        else:
            msg = Message(content=response, role=self.profile, cause_by=self.rc.todo, sent_from=self)
        self.rc.memory.add(msg)
        return msg

    async def _observe(self, ignore_memory: bool = False) -> int:
        news = [self.latest_observed_msg] if self.recovered and self.latest_observed_msg else []
        if not news:
            news = self.rc.msg_buffer.pop_all()
        old_messages = [] if ignore_memory else self.rc.memory.get()
        self.rc.memory.add_batch(news)
        self.rc.news = [n for n in news
                        if (n.cause_by in self.rc.watch or self.name in n.send_to) and n not in old_messages]
        self.latest_observed_msg = self.rc.news[-1] if self.rc.news else None
        return len(self.rc.news)

    def publish_message(self, msg: Optional[Message]) -> None:
        if msg and self.rc.env:
            self.rc.env.publish_message(msg)

    def put_message(self, message: Optional[Message]) -> None:
        if message:
            self.rc.msg_buffer.push(message)

    async def _react(self) -> Message:
        actions_taken, rsp = 0, Message(content="No actions taken yet", cause_by=Action)
        while actions_taken < self.rc.max_react_loop:
            await self._think()
            if self.rc.todo is None:
                break
            rsp = await self._act()
            actions_taken += 1
        return rsp

    async def _act_by_order(self) -> Message:
        start_idx = self.rc.state if self.rc.state >= 0 else 0
        rsp = Message(content="No actions taken yet")
        for i in range(start_idx, len(self.states)):
            self._set_state(i)
            rsp = await self._act()
        return rsp

    async def react(self) -> Message:
        if self.rc.react_mode == RoleReactMode.REACT:
            rsp = await self._react()
        elif self.rc.react_mode == RoleReactMode.BY_ORDER:
            rsp = await self._act_by_order()
        else:
            raise ValueError(f"Unsupported react mode: {self.rc.react_mode}")
        self._set_state(-1)
        return rsp

    def get_memories(self, k: int = 0) -> list:
        return self.rc.memory.get(k=k)

    @_raise_as_role_error
    async def run(self, with_message: Any = None) -> Optional[Message]:
        if with_message:
            msg = with_message if isinstance(with_message, Message) else Message(content=str(with_message))
            if not msg.cause_by:
                msg.cause_by = UserRequirement
            self.put_message(msg)
        if not await self._observe():
            return None
        rsp = await self.react()
        self.set_todo(None)
        self.publish_message(rsp)
        return rsp

    @property
    def is_idle(self) -> bool:
        return not self.rc.news and not self.rc.todo and self.rc.msg_buffer.empty()

    @property
    def action_description(self) -> str:
        return any_to_name(self.actions[0]) if self.actions else ""
