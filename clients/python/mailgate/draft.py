"""An email intent as a value: minted once with its id, validated, published as often as needed."""

from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any, Iterable

from .ids import new_ulid
from .validation import IntentInvalid, validate


@dataclass(frozen=True)
class Provenance:
    """Who asks: the team (run), the role's profile, its name, the action and the triggering message."""

    team: str
    role: str
    agent: str
    action: str
    trigger_message_id: str | None = None
    reasoning: str | None = None


@dataclass(frozen=True)
class Attachment:
    name: str
    content_type: str
    content_base64: str


def _why(provenance: Provenance, optional: dict[str, Any]) -> Provenance:
    """`reasoning=` given with one email overrides the provenance's."""
    reasoning = optional.pop("reasoning", None)
    return provenance if reasoning is None else replace(provenance, reasoning=reasoning)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class EmailDraft:
    """One logical email. Its `intent_id` and `created_at` are fixed when the draft is made, so
    publishing the same draft again (a retry) sends the same intent, which MailGate treats as a replay.

    Construction validates every field with the contract's rules and raises `IntentInvalid`.
    """

    kind: str
    mailbox_id: str
    provenance: Provenance
    markdown: str
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    bcc: tuple[str, ...] = ()
    subject: str | None = None
    reply_to_email_id: str | None = None
    thread_id: str | None = None
    attachments: tuple[Attachment, ...] = ()
    intent_id: str = field(default_factory=new_ulid)
    created_at: str = field(default_factory=_now)

    def __post_init__(self) -> None:
        for name in ("to", "cc", "bcc", "attachments"):
            value = getattr(self, name)
            if isinstance(value, (list, tuple)):
                object.__setattr__(self, name, tuple(value))
        problems = validate(self.payload())
        if problems:
            raise IntentInvalid(problems)

    @classmethod
    def send(
        cls,
        provenance: Provenance,
        *,
        mailbox_id: str,
        to: Iterable[str],
        subject: str,
        markdown: str,
        **optional: Any,
    ) -> "EmailDraft":
        """A new email (kind `send`)."""
        return cls("send", mailbox_id, _why(provenance, optional), markdown, to=tuple(to), subject=subject, **optional)

    @classmethod
    def reply(
        cls, provenance: Provenance, *, mailbox_id: str, reply_to_email_id: str, markdown: str, **optional: Any
    ) -> "EmailDraft":
        """A reply to an email MultiMail holds (kind `reply`); recipients are derived by MultiMail."""
        return cls(
            "reply", mailbox_id, _why(provenance, optional), markdown, reply_to_email_id=reply_to_email_id, **optional
        )

    def payload(self) -> dict[str, Any]:
        """The exact `mail.intents` JSON object: snake_case, absent optionals left out, lists always written."""
        p = self.provenance
        body: dict[str, Any] = {
            "intent_id": self.intent_id,
            "kind": self.kind,
            "mailbox_id": self.mailbox_id,
            "team": p.team,
            "role": p.role,
            "agent": p.agent,
            "action": p.action,
            "trigger_message_id": p.trigger_message_id,
            "reasoning": p.reasoning,
            "to": list(self.to),
            "cc": list(self.cc),
            "bcc": list(self.bcc),
            "subject": self.subject,
            "markdown": self.markdown,
            "attachments": [vars(a) if isinstance(a, Attachment) else a for a in self.attachments],
            "reply_to_email_id": self.reply_to_email_id,
            "thread_id": self.thread_id,
            "created_at": self.created_at,
        }
        return {k: v for k, v in body.items() if v is not None}
