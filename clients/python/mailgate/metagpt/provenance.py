"""Provenance from MetaGPT objects, read by attribute name only (no MetaGPT import needed):
Role.profile / Role.name / Role.rc.news, Message.id, Action.name."""

import os
from typing import Any, Sequence

from ..draft import Provenance

DEFAULT_TEAM = "metagpt"


def trigger_of(role: Any, history: Sequence[Any] | None = None) -> Any | None:
    """The Message that led to this step: the newest one the role observed this round
    (`role.rc.news`), else the newest of the history handed to `Action.run`."""
    news = getattr(getattr(role, "rc", None), "news", None)
    if news:
        return news[-1]
    return history[-1] if history else None


def action_name(action: Any) -> str:
    """`SendEmail` for an Action instance, its class, or a name."""
    if isinstance(action, str):
        return action
    name = getattr(action, "name", None)
    if isinstance(name, str) and name:
        return name
    return action.__name__ if isinstance(action, type) else type(action).__name__


def provenance_of(
    role: Any, message: Any | None, *, action: Any, team: str | None = None, reasoning: str | None = None
) -> Provenance:
    """team (given, else $MAILGATE_TEAM, else "metagpt"), role = Role.profile, agent = Role.name,
    action = the Action's name, trigger_message_id = Message.id."""
    profile = getattr(role, "profile", None) or type(role).__name__
    agent = getattr(role, "name", None) or profile
    trigger = getattr(message, "id", None) if message is not None else None
    return Provenance(
        team=team or os.environ.get("MAILGATE_TEAM") or DEFAULT_TEAM,
        role=str(profile),
        agent=str(agent),
        action=action_name(action),
        trigger_message_id=str(trigger) if trigger else None,
        reasoning=reasoning,
    )
