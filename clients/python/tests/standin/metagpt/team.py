"""metagpt/team.py (v0.8.1) L96-136: hire, invest, run(n_round, idea): the idea is published as a
Message(role="Human", cause_by=UserRequirement), then every round runs the environment."""

from typing import Any

from pydantic import Field

from metagpt._compat import Model
from metagpt.actions import UserRequirement
from metagpt.environment import Environment
from metagpt.schema import Message


class Team(Model):
    env: Environment = Field(default_factory=Environment)
    investment: float = 10.0
    idea: str = ""

    def hire(self, roles: list) -> None:
        self.env.add_roles(roles)

    @property
    def roles(self) -> list:
        return list(self.env.roles.values())

    def invest(self, investment: float) -> None:
        self.investment = investment

    def run_project(self, idea: str, send_to: str = "") -> None:
        self.idea = idea
        self.env.publish_message(Message(role="Human", content=idea, cause_by=UserRequirement,
                                         send_to=send_to or "<all>"), peekable=False)

    async def run(self, n_round: int = 3, idea: str = "", send_to: str = "", auto_archive: bool = True) -> Any:
        if idea:
            self.run_project(idea=idea, send_to=send_to)
        while n_round > 0:
            n_round -= 1
            await self.env.run()
        return self.env.history
