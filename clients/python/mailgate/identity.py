"""Role identity as MailGate matches it, and the consumer group an agent role reads its mail with."""

from __future__ import annotations

import re
import unicodedata

GROUP_PREFIX = "mailgate-agent."
_IGNORED = re.compile(r"[\s_-]+")


def normalise_role(role: str) -> str:
    """The comparable form of a role name, as MailGate's `RoleNames.key`: Unicode NFKC, invisible and
    control characters removed, case folded (upper then lower case), white space, underscores and
    hyphens removed. "Product Manager", "product_manager" and the class name "ProductManager" are one
    role; so are "Intern" and "In\u200btern"."""
    nfkc = unicodedata.normalize("NFKC", role)
    visible = "".join(c for c in nfkc if unicodedata.category(c) not in ("Cf", "Cc"))
    return _IGNORED.sub("", visible.upper().lower())


def agent_group(team: str, role: str) -> str:
    """`mailgate-agent.<team>.<role-normalised>`: the consumer group of one role of one team. Agents'
    group ids live under `mailgate-agent.<team>.`, the prefix the broker's ACLs grant a team."""
    if not team or not team.strip():
        raise ValueError("team must not be blank")
    name = normalise_role(role)
    if not name:
        raise ValueError("role must not be blank")
    return f"{GROUP_PREFIX}{team}.{name}"
