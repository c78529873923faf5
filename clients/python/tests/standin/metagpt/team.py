from typing import Any


class Team:
    """Like metagpt.team.Team: hire, invest, run."""

    def __init__(self, **fields: Any) -> None:
        self.roles: list[Any] = []
        self.investment = 10.0

    def hire(self, roles: list[Any]) -> None:
        self.roles.extend(roles)

    def invest(self, investment: float) -> None:
        self.investment = investment

    async def run(self, n_round: int = 3, idea: str = "") -> None:
        raise NotImplementedError("the stand-in does not run teams")
