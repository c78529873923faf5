"""What became of an intent: the decisions of approval-service and the outcomes of delivery."""

import json
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from .validation import Problem


class Status(str, Enum):
    ACCEPTED = "accepted"  # valid and stored; policy is being applied
    HELD = "held"  # queued for a human reviewer
    CONFLICT = "conflict"  # collides with other intents; held for a reviewer
    APPROVED = "approved"  # cleared for delivery, by policy or by a reviewer
    REJECTED = "rejected"  # refused; `reason` says why
    DUPLICATE = "duplicate"  # same content already sent; see `related_intent_id`
    EXPIRED = "expired"  # nobody reviewed it in time
    INVALID = "invalid"  # failed MailGate's validation; see `problems`
    SENT = "sent"  # MultiMail accepted it (outcome `accepted`)
    RETRYING = "retrying"  # a transient delivery failure; another try follows
    QUOTA_EXHAUSTED = "quota_exhausted"  # the mailbox's quota is used up; delivery waits
    FAILED = "failed"  # MultiMail refused it permanently; `error` says why
    DELIVERED = "delivered"  # after SENT: MultiMail reports it delivered
    BOUNCED = "bounced"  # after SENT: it bounced; `error` has the bounce type
    HELD_BY_PROVIDER = "held_by_provider"  # after SENT: MultiMail's own reviewer holds it
    REJECTED_BY_PROVIDER = "rejected_by_provider"  # after SENT: MultiMail did not send it
    TIMED_OUT = "timed_out"  # nothing (more) arrived before the timeout


FINAL = frozenset(
    {
        Status.REJECTED,
        Status.DUPLICATE,
        Status.EXPIRED,
        Status.INVALID,
        Status.SENT,
        Status.FAILED,
        Status.DELIVERED,
        Status.BOUNCED,
        Status.REJECTED_BY_PROVIDER,
    }
)
"""Nothing MailGate decides follows these. After SENT, MultiMail's own verdict may still follow
(DELIVERED, BOUNCED, HELD_BY_PROVIDER, REJECTED_BY_PROVIDER), for those who keep following."""

SETTLED = FINAL | {Status.HELD, Status.CONFLICT, Status.QUOTA_EXHAUSTED, Status.HELD_BY_PROVIDER}
"""Final, or waiting on a human or the quota: where an agent usually stops waiting."""


@dataclass(frozen=True)
class Update:
    """One decision (`mail.decisions`) or outcome (`mail.outcomes`) record of an intent."""

    intent_id: str
    status: Status
    topic: str
    record: dict[str, Any]

    @staticmethod
    def parse(topic: str, value: bytes | None) -> "Update | None":
        try:
            record = json.loads(value or b"")
        except ValueError:
            return None
        if not isinstance(record, dict) or not isinstance(record.get("intent_id"), str):
            return None
        if topic.endswith("decisions"):
            status = _status(record.get("state"))
        else:
            raw = record.get("status")
            status = Status.SENT if raw == "accepted" else _status(raw)
        return None if status is None else Update(record["intent_id"], status, topic, record)


def _status(raw: Any) -> Status | None:
    try:
        return Status(raw)
    except ValueError:
        return None


@dataclass(frozen=True)
class Result:
    """The answer to `MailGate.wait`: the last status seen, with every update that led to it."""

    intent_id: str
    status: Status
    history: tuple[Update, ...] = field(default=())

    @property
    def timed_out(self) -> bool:
        return self.status is Status.TIMED_OUT

    @property
    def last(self) -> Update | None:
        return self.history[-1] if self.history else None

    def _field(self, name: str) -> Any:
        for update in reversed(self.history):
            if update.record.get(name) is not None:
                return update.record[name]
        return None

    @property
    def reason(self) -> str | None:
        """A reviewer's reason or the policy rule (decisions)."""
        return self._field("reason")

    @property
    def error(self) -> str | None:
        """MultiMail's error text (outcomes)."""
        return self._field("error")

    @property
    def problems(self) -> list[Problem]:
        return [Problem(p["path"], p["code"], p["message"]) for p in self._field("problems") or []]

    @property
    def related_intent_id(self) -> str | None:
        return self._field("related_intent_id")

    @property
    def conflict_id(self) -> str | None:
        return self._field("conflict_id")

    @property
    def provider_email_id(self) -> str | None:
        return self._field("provider_email_id")

    @property
    def thread_id(self) -> str | None:
        return self._field("thread_id")

    def describe(self) -> str:
        """One line an agent (or an LLM) can act on."""
        text = f"intent {self.intent_id}: {self.status.value}"
        if self.timed_out and self.last:
            text += f" (last known: {self.last.status.value})"
        details = [d for d in (self.reason, self.error) if d]
        details += [str(p) for p in self.problems]
        return text + (" - " + "; ".join(details) if details else "")
