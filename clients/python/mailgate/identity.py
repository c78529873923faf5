"""Role identity as MailGate matches it, and the consumer group an agent role reads its mail with."""

from __future__ import annotations

import re

GROUP_PREFIX = "mailgate-agent."
_IGNORED = re.compile(r"[\s_-]+")


def normalise_role(role: str) -> str:
    """Case-folded, with spaces, underscores and hyphens removed: "Product Manager", "product_manager"
    and the class name "ProductManager" are one role (the server matches grants the same way)."""
    return _IGNORED.sub("", role.casefold())


def agent_group(team: str, role: str) -> str:
    """`mailgate-agent.<team>.<role-normalised>`: the consumer group of one role of one team. Agents'
    group ids live under `mailgate-agent.<team>.`, the prefix the broker's ACLs grant a team."""
    if not team or not team.strip():
        raise ValueError("team must not be blank")
    name = normalise_role(role)
    if not name:
        raise ValueError("role must not be blank")
    return f"{GROUP_PREFIX}{team}.{name}"
