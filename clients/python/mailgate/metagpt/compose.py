"""Asks the role's LLM for an email as JSON, and reads the answer defensively."""

import json
import re
from typing import Any, Sequence

_OBJECT = re.compile(r"\{.*\}", re.DOTALL)


def prompt(kind: str, history: Sequence[Any], hint: str = "") -> str:
    recent = "\n".join(f"{getattr(m, 'role', '')}: {getattr(m, 'content', m)}" for m in list(history)[-8:])
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
