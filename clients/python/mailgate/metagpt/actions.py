"""MetaGPT Actions that email through MailGate. Imported only when used: needs MetaGPT.

Each action is bound to its Role (for provenance), a `MailGate` client and a mailbox. MetaGPT calls
`run(history)`; the actions also accept explicit fields for direct use. Kafka calls run in a thread.
"""

import asyncio
from typing import Any, Sequence

from metagpt.actions import Action
from metagpt.schema import Message

from ..audit import AuditClient
from ..client import MailGate, PublishError
from ..draft import EmailDraft
from ..results import Result
from . import compose
from .provenance import provenance_of, trigger_of

PUBLISH_ATTEMPTS = 3


class _MailAction(Action):
    mailbox_id: str = ""
    team: str = ""
    wait_seconds: float = 30.0
    _role: Any = None
    _mailgate: Any = None

    def bound(self, role: Any, mailgate: MailGate, mailbox_id: str, team: str) -> "_MailAction":
        self.mailbox_id, self.team = mailbox_id, team
        self._role, self._mailgate = role, mailgate
        return self

    def _message(self, content: str, **metadata: Any) -> Message:
        return Message(content=content, cause_by=type(self), metadata=metadata)

    async def _deliver(self, draft: EmailDraft) -> Message:
        result = await asyncio.to_thread(self._publish_and_wait, draft)
        return self._message(result.describe(), intent_id=result.intent_id, status=result.status.value,
                             thread_id=result.thread_id)

    def _publish_and_wait(self, draft: EmailDraft) -> Result:
        for attempt in range(1, PUBLISH_ATTEMPTS + 1):
            try:
                self._mailgate.publish(draft)  # the same draft, so the same intent_id, on every try
                break
            except PublishError:
                if attempt == PUBLISH_ATTEMPTS:
                    raise
        return self._mailgate.wait(draft, timeout=self.wait_seconds)

    async def _fields(self, kind: str, history: Sequence[Any], given: dict[str, Any]) -> dict[str, Any]:
        wanted = ("to", "subject", "markdown") if kind == "send" else ("markdown",)
        if all(given.get(k) for k in wanted):
            return given
        written = compose.parse(await self._aask(compose.prompt(kind, history)))
        return {**written, **{k: v for k, v in given.items() if v}}


class SendEmail(_MailAction):
    """Emails a new message; returns what MailGate decided (held for review, sent, rejected ...)."""

    name: str = "SendEmail"

    async def run(self, history: Sequence[Any] | None = None, *, to: list[str] | None = None,
                  subject: str | None = None, markdown: str | None = None, reasoning: str | None = None) -> Message:
        history = list(history or [])
        trigger = trigger_of(self._role, history)
        f = await self._fields("send", history, {"to": to, "subject": subject, "markdown": markdown, "reasoning": reasoning})
        who = provenance_of(self._role, trigger, action=self, team=self.team, reasoning=f.get("reasoning"))
        draft = EmailDraft.send(who, mailbox_id=self.mailbox_id, to=f.get("to") or [], subject=f.get("subject") or "",
                                markdown=f.get("markdown") or "")
        return await self._deliver(draft)


class ReplyEmail(_MailAction):
    """Replies to an inbound email: the one named, else the newest one CheckInbox reported."""

    name: str = "ReplyEmail"

    async def run(self, history: Sequence[Any] | None = None, *, reply_to_email_id: str | None = None,
                  markdown: str | None = None, reasoning: str | None = None) -> Message:
        history = list(history or [])
        trigger = trigger_of(self._role, history)
        email_id = reply_to_email_id or _latest(history, "email_id")
        thread_id = _latest(history, "thread_id") if reply_to_email_id is None else None
        f = await self._fields("reply", history, {"markdown": markdown, "reasoning": reasoning})
        who = provenance_of(self._role, trigger, action=self, team=self.team, reasoning=f.get("reasoning"))
        draft = EmailDraft.reply(who, mailbox_id=self.mailbox_id, reply_to_email_id=email_id or "",
                                 markdown=f.get("markdown") or "", thread_id=thread_id)
        return await self._deliver(draft)


class CheckInbox(_MailAction):
    """New mail released to the mailbox since the last check (topic `mail.inbound`)."""

    name: str = "CheckInbox"
    _inbox: Any = None

    async def run(self, history: Sequence[Any] | None = None, *, timeout: float = 10.0) -> Message:
        if self._inbox is None:
            self._inbox = self._mailgate.inbox(self.mailbox_id)
        mail = await asyncio.to_thread(self._inbox.read, timeout)
        if not mail:
            return self._message(f"No new email in {self.mailbox_id}.", emails=[])
        text = "\n\n".join(f"email {m.email_id} (thread {m.thread_id}) from {m.sender}: {m.subject}\n{m.markdown or ''}"
                           for m in mail)
        return self._message(text, emails=[m.record for m in mail], email_id=mail[-1].email_id,
                             thread_id=mail[-1].thread_id)


class GetThread(_MailAction):
    """A thread's released inbound mail and the team's sent mail, from audit-service."""

    name: str = "GetThread"
    _audit: Any = None

    def with_audit(self, audit: AuditClient) -> "GetThread":
        self._audit = audit
        return self

    async def run(self, history: Sequence[Any] | None = None, *, thread_id: str | None = None) -> Message:
        thread_id = thread_id or _latest(list(history or []), "thread_id")
        if not thread_id:
            return self._message("No thread to read: name one or check the inbox first.")
        items = await asyncio.to_thread(self._audit.thread, thread_id)
        lines = [line for line in (item.render() for item in items) if line]
        return self._message("\n\n".join(lines) or f"Thread {thread_id} is empty.", thread_id=thread_id)


def email_actions(role: Any, mailgate: MailGate, *, mailbox_id: str, team: str,
                  audit: AuditClient | None = None) -> list[_MailAction]:
    """SendEmail, ReplyEmail, CheckInbox (and GetThread when `audit` is given), bound to `role`."""
    actions: list[_MailAction] = [cls().bound(role, mailgate, mailbox_id, team) for cls in (SendEmail, ReplyEmail, CheckInbox)]
    if audit is not None:
        actions.append(GetThread().bound(role, mailgate, mailbox_id, team).with_audit(audit))
    return actions


def _latest(history: Sequence[Any], key: str) -> str | None:
    """`key` from the metadata of the newest message that has it (CheckInbox and SendEmail set them)."""
    for message in reversed(history):
        value = (getattr(message, "metadata", None) or {}).get(key)
        if value:
            return str(value)
    return None
