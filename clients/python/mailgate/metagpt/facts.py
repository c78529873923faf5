"""The structured facts of a message, wherever this MetaGPT version keeps them: `instruct_content`
(MetaGPT 0.8's structured output) or `metadata` (MetaGPT's main branch). No MetaGPT needed."""

from __future__ import annotations

from typing import Any, Sequence


def facts_of(message: Any) -> dict[str, Any]:
    found: dict[str, Any] = {}
    content = getattr(message, "instruct_content", None)
    if content is not None:
        dump = getattr(content, "model_dump", None) or getattr(content, "dict", None)
        value = dump() if callable(dump) else content
        if isinstance(value, dict):
            found.update(value)
    metadata = getattr(message, "metadata", None)
    if isinstance(metadata, dict):
        found.update(metadata)
    return found


def latest(history: Sequence[Any], key: str, **where: Any) -> Any:
    """`key` from the newest message whose facts have it (and match `where`)."""
    for message in reversed(list(history)):
        facts = facts_of(message)
        value = facts.get(key)
        if value and all(facts.get(k) in (v if isinstance(v, (set, frozenset, list, tuple)) else (v,))
                         for k, v in where.items()):
            return value
    return None
