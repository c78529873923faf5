"""metagpt/environment/base_env.py (v0.8.1) L124-199: roles keyed by profile; a message goes to every
role whose addresses it names (or to all); a round gathers every role's run()."""

import asyncio
from typing import Any, Dict

from pydantic import Field

from metagpt._compat import Model
from metagpt.utils.common import is_send_to


class Environment(Model):
    desc: str = ""
    roles: Dict[str, Any] = Field(default_factory=dict)
    member_addrs: Dict[Any, Any] = Field(default_factory=dict, exclude=True)
    history: str = ""

    def add_roles(self, roles: Any) -> None:
        for role in roles:
            self.roles[role.profile] = role
        for role in roles:
            role.set_env(self)

    def publish_message(self, message: Any, peekable: bool = True) -> bool:
        for role, addrs in self.member_addrs.items():
            if is_send_to(message, addrs):
                role.put_message(message)
        self.history += f"\n{message}"
        return True

    async def run(self, k: int = 1) -> None:
        for _ in range(k):
            await asyncio.gather(*[role.run() for role in self.roles.values()])

    def role_names(self) -> list:
        return [r.name for r in self.roles.values()]

    @property
    def is_idle(self) -> bool:
        return all(r.is_idle for r in self.roles.values())

    def set_addresses(self, obj: Any, addresses: Any) -> None:
        self.member_addrs[obj] = addresses
