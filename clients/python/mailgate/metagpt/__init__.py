"""MetaGPT adapters. The provenance helpers and the tool (`MailGateEmail`) need no MetaGPT; the
Actions (`SendEmail`, `ReplyEmail`, `CheckInbox`, `CheckDecision`, `AwaitDecision`, `GetThread`,
`email_actions`) import MetaGPT on first use."""

from typing import Any

from .provenance import action_name, provenance_of, trigger_of

_ACTIONS = {"SendEmail", "ReplyEmail", "CheckInbox", "CheckDecision", "AwaitDecision", "GetThread", "MailAction",
            "email_actions"}

__all__ = ["action_name", "provenance_of", "trigger_of", *sorted(_ACTIONS)]


def __getattr__(name: str) -> Any:
    if name in _ACTIONS:
        from . import actions  # imports metagpt

        return getattr(actions, name)
    raise AttributeError(f"module 'mailgate.metagpt' has no attribute {name!r}")
