"""MetaGPT Actions that email through MailGate. Imported only when used: needs MetaGPT.

Each action is bound to its Role (provenance), a `MailGate` client and a mailbox. `run(history)` never
raises: every outcome, failures included, comes back as an AIMessage whose `cause_by` is the action's
class path and `sent_from` the role's (what Role._act gives its own results), with the facts in
`instruct_content` (a `MailReport`) and, where the Message has it (MetaGPT's main branch), `metadata`.
The client, the role and the Kafka consumer are fields excluded from serialisation, like MetaGPT's own
`private_llm`: a serialised role restores its actions without them and binds them again.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any, List, Optional, Sequence

from metagpt.actions import Action
from metagpt.schema import AIMessage, Message
from pydantic import Field

from ..client import MailGate, PublishError
from ..draft import EmailDraft
from ..results import Result
from ..validation import IntentInvalid
from . import compose, wording
from .facts import latest
from .provenance import provenance_of, trigger_of
from .reports import MailReport

PUBLISH_ATTEMPTS = 3


class MailAction(Action):
    """Base of the email actions: binding, the client, and answers that never raise."""

    mailbox_id: str = ""
    team: str = ""
    wait_seconds: float = 30.0
    private_mailgate: Optional[Any] = Field(default=None, exclude=True)
    private_role: Optional[Any] = Field(default=None, exclude=True)

    def bound(self, role: Any, mailgate: Optional[MailGate], mailbox_id: str | None = None,
              team: str | None = None) -> "MailAction":
        self.private_role, self.private_mailgate = role, mailgate
        self.mailbox_id = mailbox_id or self.mailbox_id
        self.team = team or self.team
        return self

    async def run(self, history: Optional[Sequence[Any]] = None, **kwargs: Any) -> Message:
        try:
            return await self._run(list(history or []), **kwargs)
        except Exception as e:  # the role reasons about it; an exception would end the team's run
            text = f"{self.name} could not complete: {type(e).__name__}: {e}. Nothing was sent by this step."
            return self._answer(text, MailReport(status="error", mailbox_id=self.mailbox_id, error=str(e)))

    async def _run(self, history: List[Any], **kwargs: Any) -> Message:
        raise NotImplementedError

    def _client(self) -> MailGate:
        if self.private_mailgate is None:
            if not os.environ.get("MAILGATE_BOOTSTRAP_SERVERS"):
                raise RuntimeError("no MailGate client bound to this action and MAILGATE_BOOTSTRAP_SERVERS unset")
            self.private_mailgate = MailGate.from_env()
        return self.private_mailgate

    def _team(self) -> str:
        return self.team or os.environ.get("MAILGATE_TEAM") or "metagpt"

    def _answer(self, content: str, report: MailReport) -> Message:
        message = AIMessage(content)  # MetaGPT 0.8's AIMessage takes the content only
        message.cause_by = self  # stored through any_to_str: this action's class path
        if self.private_role is not None:
            message.sent_from = self.private_role
        message.instruct_content = report
        metadata = getattr(message, "metadata", None)
        if isinstance(metadata, dict):
            metadata.update(report.facts())
        return message

    def _outcome(self, result: Result, subject: Optional[str], to: Any = None) -> Message:
        report = MailReport(
            status=result.status.value, mailbox_id=self.mailbox_id, intent_id=result.intent_id, subject=subject,
            reason=result.reason, problems=[str(p) for p in result.problems], related_intent_id=result.related_intent_id,
            conflict_id=result.conflict_id, thread_id=result.thread_id, provider_email_id=result.provider_email_id,
            error=result.error)
        return self._answer(wording.outcome(result, subject, to), report)

    async def _deliver(self, draft: EmailDraft) -> Message:
        try:
            result = await asyncio.to_thread(self._publish_and_wait, draft)
        except PublishError as e:
            report = MailReport(status="publish_failed", mailbox_id=self.mailbox_id, intent_id=draft.intent_id,
                                subject=draft.subject, error=str(e))
            return self._answer(wording.not_published(str(e), draft.subject, list(draft.to)), report)
        return self._outcome(result, draft.subject, list(draft.to))

    def _publish_and_wait(self, draft: EmailDraft) -> Result:
        client = self._client()
        for attempt in range(1, PUBLISH_ATTEMPTS + 1):
            try:
                client.publish(draft)  # the same draft, so the same intent_id, on every try: a replay
                break
            except PublishError:
                if attempt == PUBLISH_ATTEMPTS:
                    raise
        return client.wait(draft, timeout=self.wait_seconds)

    async def _fields(self, kind: str, history: Sequence[Any], given: dict[str, Any]) -> dict[str, Any]:
        """Given fields, else the role's own draft (its previous action's JSON), else the LLM's."""
        wanted = ("to", "subject", "markdown") if kind == "send" else ("markdown",)
        if all(given.get(k) for k in wanted):
            return given
        written = compose.own_draft(history, self.private_role, wanted)
        if not written:
            written = compose.parse(await self._aask(compose.prompt(kind, history, role=self.private_role)))
        return {**written, **{k: v for k, v in given.items() if v}}

    def _invalid(self, e: IntentInvalid, subject: Optional[str], to: Any = None) -> Message:
        report = MailReport(status="invalid", mailbox_id=self.mailbox_id, subject=subject,
                            problems=[str(p) for p in e.problems])
        return self._answer(wording.invalid(e.problems, subject, to), report)


class SendEmail(MailAction):
    """Emails a new message; answers with what MailGate decided (held, sent, rejected and why ...)."""

    name: str = "SendEmail"

    async def _run(self, history: List[Any], *, to: Optional[List[str]] = None, subject: Optional[str] = None,
                   markdown: Optional[str] = None, reasoning: Optional[str] = None) -> Message:
        trigger = trigger_of(self.private_role, history)
        f = await self._fields("send", history, {"to": to, "subject": subject, "markdown": markdown,
                                                  "reasoning": reasoning})
        who = provenance_of(self.private_role, trigger, action=self, team=self._team(), reasoning=f.get("reasoning"))
        recipients = f.get("to") or []
        recipients = [recipients] if isinstance(recipients, str) else recipients
        try:
            draft = EmailDraft.send(who, mailbox_id=self.mailbox_id, to=recipients, subject=f.get("subject") or "",
                                    markdown=f.get("markdown") or "")
        except IntentInvalid as e:
            return self._invalid(e, f.get("subject"), recipients)
        return await self._deliver(draft)


class ReplyEmail(MailAction):
    """Replies to an inbound email: the one named, else the one the role's draft names, else the
    newest one CheckInbox reported. With none, says so (nothing to reply to)."""

    name: str = "ReplyEmail"

    async def _run(self, history: List[Any], *, reply_to_email_id: Optional[str] = None,
                   markdown: Optional[str] = None, reasoning: Optional[str] = None) -> Message:
        trigger = trigger_of(self.private_role, history)
        drafted = compose.own_draft(history, self.private_role, ("markdown",))
        email_id = reply_to_email_id or drafted.get("reply_to_email_id") or latest(history, "email_id")
        if not email_id:  # known before asking the LLM to write anything
            report = MailReport(status="no_email", mailbox_id=self.mailbox_id)
            return self._answer("There is no email to reply to: check the inbox first (CheckInbox). Nothing was sent.",
                                report)
        f = await self._fields("reply", history, {"reply_to_email_id": reply_to_email_id, "markdown": markdown,
                                                   "reasoning": reasoning})
        thread_id = _thread_of(history, str(email_id))
        who = provenance_of(self.private_role, trigger, action=self, team=self._team(), reasoning=f.get("reasoning"))
        try:
            draft = EmailDraft.reply(who, mailbox_id=self.mailbox_id, reply_to_email_id=str(email_id),
                                     markdown=f.get("markdown") or "", thread_id=thread_id)
        except IntentInvalid as e:
            return self._invalid(e, f"reply to {email_id}")
        return await self._deliver(draft)


def _thread_of(history: Sequence[Any], email_id: str) -> Optional[str]:
    for message in reversed(list(history)):
        for email in latest([message], "emails") or []:
            if email.get("email_id") == email_id:
                return email.get("thread_id")
    return None


# Imported here so that `from mailgate.metagpt.actions import ...` finds every action.
from .inbox_actions import AwaitDecision, CheckDecision, CheckInbox, GetThread, email_actions  # noqa: E402

__all__ = ["AwaitDecision", "CheckDecision", "CheckInbox", "GetThread", "MailAction", "ReplyEmail", "SendEmail",
           "email_actions"]
