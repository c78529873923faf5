"""Reads a thread through audit-service's query API (`GET /audit/threads/{id}`, bearer token)."""

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any

# Mail that arrived but was not released (gated_all mode) stays hidden from agents.
_HIDDEN = frozenset({"inbound.received"})


class AuditError(RuntimeError):
    """audit-service refused or failed the request."""


@dataclass(frozen=True)
class ThreadItem:
    direction: str  # inbound | outbound
    event_type: str  # e.g. inbound.released, intent.submitted, mail.approved, outcome.accepted
    occurred_at: str
    caused_by: dict[str, Any] | None
    payload: dict[str, Any] = field(repr=False)

    def render(self) -> str | None:
        """A line for the thread as an agent reads it; None for bookkeeping steps."""
        p = self.payload
        if self.event_type == "inbound.released":
            return f"[{self.occurred_at}] from {p.get('from')}: {p.get('subject') or ''}\n{p.get('markdown') or ''}"
        if self.event_type == "mail.approved":
            who = self.caused_by or {}
            return f"[{self.occurred_at}] {who.get('agent')} ({who.get('role')}) wrote: {p.get('subject') or ''}\n{p.get('markdown') or ''}"
        if self.event_type.startswith("outcome.") or self.event_type.startswith("decision."):
            return f"[{self.occurred_at}] {self.event_type}"
        return None


class AuditClient:
    """`base_url` such as http://localhost:8084; `token` a MailGate bearer JWT scoped to the mailboxes."""

    def __init__(self, base_url: str, token: str, timeout: float = 10.0) -> None:
        self._base = base_url.rstrip("/")
        self._token = token
        self._timeout = timeout

    def thread(self, thread_id: str) -> list[ThreadItem]:
        """The thread's mail and steps in order; empty when the token's mailboxes hold none of it."""
        url = f"{self._base}/audit/threads/{urllib.parse.quote(thread_id, safe='')}"
        request = urllib.request.Request(url, headers={"Authorization": f"Bearer {self._token}", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:
                body = json.load(response)
        except urllib.error.HTTPError as e:
            if e.code == 404:
                return []
            raise AuditError(f"audit-service answered {e.code} for thread {thread_id}: {e.read()[:300]!r}") from e
        except (urllib.error.URLError, TimeoutError, ValueError) as e:
            raise AuditError(f"audit-service unreachable or unreadable for thread {thread_id}: {e}") from e
        items = []
        for entry in body.get("entries", []):
            event = entry.get("event") or {}
            if event.get("event_type") in _HIDDEN:
                continue
            items.append(ThreadItem(entry.get("direction", ""), event.get("event_type", ""), event.get("occurred_at", ""),
                                    entry.get("caused_by"), event.get("payload") or {}))
        return items
