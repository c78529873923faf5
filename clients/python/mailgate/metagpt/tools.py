"""`MailGateEmail`: email through MailGate as a tool for MetaGPT's tool-using roles.

Registered with MetaGPT's `@register_tool` when MetaGPT is installed (DataInterpreter finds it by name
or by the tags "email" / "mailgate"; RoleZero runs the commands of `tool_execution_map(tool)`), and
importable without MetaGPT. Every method returns text for the LLM and never raises. Configuration
comes from the arguments or the environment, since DataInterpreter runs tool code in its own kernel:
MAILGATE_BOOTSTRAP_SERVERS, MAILGATE_KAFKA_CONFIG, MAILGATE_MAILBOX, MAILGATE_TEAM, MAILGATE_ROLE,
MAILGATE_AGENT.
"""

from __future__ import annotations

import os
from typing import Any, Callable, Dict, List, Optional

from ..client import MailGate, PublishError
from ..draft import EmailDraft, Provenance
from ..results import FINAL, Status
from ..validation import IntentInvalid
from . import wording

try:
    from metagpt.tools.tool_registry import register_tool
except ImportError:  # MetaGPT is not installed: the class stays a plain, usable class
    def register_tool(tags: Optional[List[str]] = None, schema_path: str = "", **kwargs: Any) -> Callable:
        return lambda cls: cls

TAGS = ["email", "mailgate"]


@register_tool(tags=TAGS)
class MailGateEmail:
    """Send and reply to email through MailGate, which applies the mailbox's oversight (an email may be
    held for a human reviewer, rejected with a reason, or sent), check a held email's decision, and read
    new inbound mail. Every method returns a sentence describing what happened."""

    def __init__(self, mailbox_id: str = "", team: str = "", role: str = "", agent: str = "",
                 client: Optional[MailGate] = None) -> None:
        """
        Args:
            mailbox_id (str): The MailGate mailbox to use; default $MAILGATE_MAILBOX.
            team (str): The team (run) the email belongs to; default $MAILGATE_TEAM.
            role (str): The role's profile, e.g. "Data Analyst"; default $MAILGATE_ROLE.
            agent (str): The role's name; default $MAILGATE_AGENT.
        """
        self.mailbox_id = mailbox_id or os.environ.get("MAILGATE_MAILBOX", "")
        self.team = team or os.environ.get("MAILGATE_TEAM", "metagpt")
        self.role = role or os.environ.get("MAILGATE_ROLE", "")
        self.agent = agent or os.environ.get("MAILGATE_AGENT", "") or self.role
        self._client = client
        self._inbox: Any = None

    def send_email(self, to: List[str], subject: str, markdown: str, reasoning: str = "") -> str:
        """Send a new email. It is not necessarily delivered: read the answer.

        Args:
            to (List[str]): Recipient addresses.
            subject (str): The subject line.
            markdown (str): The body, in Markdown.
            reasoning (str): Why this email is sent, in one sentence (kept in the audit trail).

        Returns:
            str: What MailGate decided: sent, held for review, rejected with the reason, invalid with the problems ...
        """
        return self._deliver(lambda who: EmailDraft.send(who, mailbox_id=self.mailbox_id, to=list(to),
                                                         subject=subject, markdown=markdown),
                             "SendEmail", reasoning, subject, list(to))

    def reply_email(self, reply_to_email_id: str, markdown: str, reasoning: str = "") -> str:
        """Reply to an inbound email (its id comes from check_inbox).

        Args:
            reply_to_email_id (str): The id of the email to answer.
            markdown (str): The body, in Markdown.
            reasoning (str): Why, in one sentence.

        Returns:
            str: What MailGate decided.
        """
        return self._deliver(lambda who: EmailDraft.reply(who, mailbox_id=self.mailbox_id, markdown=markdown,
                                                          reply_to_email_id=reply_to_email_id),
                             "ReplyEmail", reasoning, f"reply to {reply_to_email_id}", None)

    def check_decision(self, intent_id: str, wait_seconds: float = 0.0) -> str:
        """The current state of an email sent before (e.g. one held for review), waiting up to
        wait_seconds for it to be decided and delivered.

        Args:
            intent_id (str): The intent id given when the email was sent.
            wait_seconds (float): How long to wait for a final decision; 0 reads the current state.

        Returns:
            str: The email's state: held, sent, rejected with the reason ...
        """
        try:
            until = FINAL if wait_seconds > 0 else frozenset(Status)
            result = self._mailgate().wait(intent_id, timeout=max(wait_seconds, 5.0), until=until)
            return wording.outcome(result)
        except Exception as e:
            return f"Could not check intent {intent_id}: {type(e).__name__}: {e}"

    def check_inbox(self, timeout: float = 10.0) -> str:
        """New inbound email in the mailbox since the last check (each email once, across restarts).

        Args:
            timeout (float): Seconds to spend reading.

        Returns:
            str: The new emails with their ids, senders, subjects and bodies, or that there is none.
        """
        try:
            if self._inbox is None:
                self._inbox = self._mailgate().durable_inbox(self.team, self.role or "tool", [self.mailbox_id])
            mail = self._inbox.read(timeout)
            self._inbox.commit()
        except Exception as e:
            return f"Could not read the inbox of {self.mailbox_id}: {type(e).__name__}: {e}"
        if not mail:
            return f"No new email in {self.mailbox_id}."
        return "\n\n".join(f"email {m.email_id} (thread {m.thread_id}) from {m.sender}: {m.subject or ''}\n"
                           f"{m.markdown or ''}" for m in mail)

    def _mailgate(self) -> MailGate:
        if self._client is None:
            self._client = MailGate.from_env()
        return self._client

    def _deliver(self, make: Callable[[Provenance], EmailDraft], action: str, reasoning: str,
                 subject: Optional[str], to: Any) -> str:
        who = Provenance(self.team, self.role, self.agent, action, reasoning=reasoning or None)
        try:
            draft = make(who)
        except IntentInvalid as e:
            return wording.invalid(e.problems, subject, to)
        try:
            client = self._mailgate()
            client.publish(draft)
            return wording.outcome(client.wait(draft, timeout=30.0), subject, to)
        except PublishError as e:
            return wording.not_published(str(e), subject, to)
        except Exception as e:
            return f"{wording.what(subject, to)} could not be handled: {type(e).__name__}: {e}"


def tool_execution_map(tool: MailGateEmail) -> Dict[str, Callable[..., str]]:
    """Commands for RoleZero's `tool_execution_map` (metagpt/roles/di/role_zero.py): "MailGateEmail.<method>"."""
    return {f"MailGateEmail.{name}": getattr(tool, name)
            for name in ("send_email", "reply_email", "check_decision", "check_inbox")}
