"""Asks the role's LLM for an email as JSON, and reads the answer (or a draft) defensively."""

from __future__ import annotations

import json
import re
from typing import Any, Callable, Sequence

_OBJECT = re.compile(r"\{.*\}", re.DOTALL)
_CLASS_PATH = re.compile(r"^[\w.]+$")


def labeller(role: Any = None) -> Callable[[Any], str]:
    """Names each message by who sent it: "Name (Profile)" for the roles of the role's environment
    (`Message.sent_from` is the sender's class path), "Human" for the requirement, else the sender's
    class name; never `Message.role`, which is "user"/"assistant"/a profile depending on who built it."""
    roles = list(getattr(getattr(getattr(role, "rc", None), "env", None), "roles", {}).values() or [])
    if role is not None and role not in roles:
        roles.append(role)
    names = {f"{type(r).__module__}.{type(r).__name__}": f"{r.name} ({r.profile})" for r in roles
             if getattr(r, "name", None) and getattr(r, "profile", None)}

    def label(message: Any) -> str:
        agent = (getattr(message, "metadata", None) or {}).get("agent") if isinstance(
            getattr(message, "metadata", None), dict) else None
        if agent:
            return str(agent)
        sent_from = str(getattr(message, "sent_from", "") or "")
        if sent_from:
            return names.get(sent_from) or (sent_from.rsplit(".", 1)[-1] if _CLASS_PATH.match(sent_from) else sent_from)
        if str(getattr(message, "cause_by", "") or "").endswith("UserRequirement"):
            return "Human"
        return str(getattr(message, "role", "") or "unknown")

    return label


def prompt(kind: str, history: Sequence[Any], hint: str = "", role: Any = None) -> str:
    label = labeller(role)
    recent = "\n".join(f"{label(m)}: {getattr(m, 'content', m)}" for m in list(history)[-8:])
    fields = '"to": [addresses], "subject": "...", ' if kind == "send" else ""
    return (
        f"Write the email to {kind} as one JSON object: {{{fields}\"markdown\": \"the body\", "
        f"\"reasoning\": \"why, in one sentence\"}}. {hint}\nConversation so far:\n{recent}"
    )


def parse(answer: str) -> dict[str, Any]:
    """The first JSON object in the answer; {} when there is none."""
    match = _OBJECT.search(answer or "")
    if not match:
        return {}
    try:
        value = json.loads(match.group(0))
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def own_draft(history: Sequence[Any], role: Any, wanted: Sequence[str]) -> dict[str, Any]:
    """The email fields the role's own previous action wrote as JSON (a "write the email" step before
    SendEmail/ReplyEmail), when the newest message is that draft; else {}."""
    if not history or role is None:
        return {}
    newest = list(history)[-1]
    if str(getattr(newest, "sent_from", "") or "") != f"{type(role).__module__}.{type(role).__name__}":
        return {}
    fields = parse(str(getattr(newest, "content", "") or ""))
    return fields if all(fields.get(k) for k in wanted) else {}
