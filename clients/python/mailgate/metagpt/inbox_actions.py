"""MetaGPT Actions that read: the role's inbox (durable), a held email's decision, a thread."""

from __future__ import annotations

import asyncio
from typing import Any, List, Optional, Sequence

from metagpt.schema import Message
from pydantic import Field

from ..audit import AuditClient
from ..client import MailGate
from ..durable import DurableInbox
from ..inbound import InboundMail
from ..results import FINAL, Status
from .actions import MailAction, ReplyEmail, SendEmail
from .facts import facts_of, latest
from .reports import MailReport

# An intent whose story may not be over: its decision is worth checking.
_OPEN = {"held", "conflict", "accepted", "approved", "retrying", "quota_exhausted", "timed_out"}


class CheckInbox(MailAction):
    """New mail released to the mailboxes this role reads (`read_mailboxes`, else its mailbox), the mail
    those mailboxes' read grants let the role read (by its profile or its class name). The
    position is the role's consumer group (`mailgate-agent.<team>.<role-normalised>`), committed when
    the mail is handed to the role, so a restarted agent does not read it again."""

    name: str = "CheckInbox"
    read_mailboxes: List[str] = []
    private_inbox: Optional[Any] = Field(default=None, exclude=True)

    async def _run(self, history: List[Any], *, timeout: float = 10.0) -> Message:
        if self.private_inbox is None:
            profile = getattr(self.private_role, "profile", None) or type(self.private_role).__name__
            self.private_inbox = self._client().durable_inbox(self._team(), profile, self.read_mailboxes or [self.mailbox_id],
                                                              also_known_as=[type(self.private_role).__name__])
        inbox: DurableInbox = self.private_inbox
        mail = await asyncio.to_thread(inbox.read, timeout)
        where = ", ".join(sorted(inbox.mailboxes))
        if not mail:
            return self._answer(f"No new email in {where}.", MailReport(status="empty", mailbox_id=self.mailbox_id))
        text = "\n\n".join(_render(m) for m in mail)
        report = MailReport(status="new_mail", mailbox_id=self.mailbox_id, emails=[m.record for m in mail],
                            email_id=mail[-1].email_id, thread_id=mail[-1].thread_id)
        answer = self._answer(f"{len(mail)} new email(s) in {where}:\n\n{text}", report)
        try:
            await asyncio.to_thread(inbox.commit)  # handed over: the answer holds the mail
        except Exception as e:  # the mail is in the answer; it may only be shown again after a restart
            answer.content += f"\n\n(The inbox position was not saved: {e}. These may be shown again after a restart.)"
        return answer

    def close(self) -> None:
        if self.private_inbox is not None:
            self.private_inbox.close()
            self.private_inbox = None


def _render(m: InboundMail) -> str:
    return f"email {m.email_id} (thread {m.thread_id}) from {m.sender} to {m.mailbox_id}: {m.subject or ''}\n{m.markdown or ''}"


class CheckDecision(MailAction):
    """The current state of an email the role sent (by default the newest one still open, e.g. held):
    read once, without waiting for a reviewer."""

    name: str = "CheckDecision"
    wait_seconds: float = 5.0
    until_final: bool = False

    async def _run(self, history: List[Any], *, intent_id: Optional[str] = None,
                   timeout: Optional[float] = None) -> Message:
        intent_id = intent_id or latest(history, "intent_id", status=_OPEN)
        if not intent_id:
            return self._answer("There is no email waiting for a decision.", MailReport(status="no_intent",
                                                                                         mailbox_id=self.mailbox_id))
        known = _facts_for(history, str(intent_id))
        until = FINAL if self.until_final else frozenset(Status)
        result = await asyncio.to_thread(self._client().wait, str(intent_id), timeout or self.wait_seconds, until)
        return self._outcome(result, known.get("subject"))


class AwaitDecision(CheckDecision):
    """Waits until a held email is decided and delivered (or refused): sent, rejected with the
    reviewer's reason, expired ... or timed out (the email stays in MailGate)."""

    name: str = "AwaitDecision"
    wait_seconds: float = 300.0
    until_final: bool = True


def _facts_for(history: Sequence[Any], intent_id: str) -> dict:
    for message in reversed(list(history)):
        facts = facts_of(message)
        if facts.get("intent_id") == intent_id:
            return facts
    return {}


class GetThread(MailAction):
    """A thread as audit-service shows the audit client's token: with an agent token (one role), the
    released inbound mail that role may read and the thread's sent mail (see docs/contract.md, "Who
    reads inbound mail"); a thread with nothing the role may read answers as empty."""

    name: str = "GetThread"
    private_audit: Optional[Any] = Field(default=None, exclude=True)

    def with_audit(self, audit: AuditClient) -> "GetThread":
        self.private_audit = audit
        return self

    async def _run(self, history: List[Any], *, thread_id: Optional[str] = None) -> Message:
        thread_id = thread_id or latest(history, "thread_id")
        if not thread_id:
            return self._answer("No thread to read: name one or check the inbox first.",
                                MailReport(status="no_thread", mailbox_id=self.mailbox_id))
        if self.private_audit is None:
            raise RuntimeError("GetThread needs an audit-service client (with_audit)")
        items = await asyncio.to_thread(self.private_audit.thread, thread_id)
        lines = [line for line in (item.render() for item in items) if line]
        return self._answer("\n\n".join(lines) or f"Thread {thread_id} is empty.",
                            MailReport(status="thread", mailbox_id=self.mailbox_id, thread_id=thread_id))


def email_actions(role: Any, mailgate: Optional[MailGate], *, mailbox_id: str, team: str,
                  audit: Optional[AuditClient] = None, read_mailboxes: Optional[List[str]] = None) -> list:
    """SendEmail, ReplyEmail, CheckInbox (and GetThread when `audit` is given), bound to `role`."""
    check = CheckInbox(read_mailboxes=list(read_mailboxes or []))
    actions: list = [a.bound(role, mailgate, mailbox_id, team) for a in (SendEmail(), ReplyEmail(), check)]
    if audit is not None:
        actions.append(GetThread().bound(role, mailgate, mailbox_id, team).with_audit(audit))
    return actions
