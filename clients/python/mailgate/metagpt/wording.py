"""What an agent is told about its email, in words an LLM can act on (no MetaGPT needed)."""

from __future__ import annotations

from typing import Any

from ..results import Result, Status
from ..validation import Problem

_NEXT = {
    Status.SENT: "",
    Status.HELD: " It waits for a human reviewer. Do not send it again; check its decision later "
                 "(CheckDecision / AwaitDecision with this intent id).",
    Status.CONFLICT: " It collides with another email to the same recipients or thread; a reviewer keeps one. "
                     "Do not send it again.",
    Status.APPROVED: " Delivery follows.",
    Status.ACCEPTED: " MailGate is applying the mailbox's policy.",
    Status.REJECTED: " It was not sent. If you write again, address the reason first.",
    Status.DUPLICATE: " It was not sent: the same email already went through MailGate. Do not send it again.",
    Status.EXPIRED: " Nobody reviewed it in time; it was not sent.",
    Status.INVALID: " It was not sent. Fix the problems and write a new email.",
    Status.FAILED: " MultiMail refused it for good; it was not sent.",
    Status.RETRYING: " Delivery failed for a moment and is retried.",
    Status.QUOTA_EXHAUSTED: " The mailbox's sending quota is used up: it is delivered when the quota resets. "
                            "Do not send it again.",
    Status.TIMED_OUT: " It is still in MailGate; check again later. Do not send it again.",
    Status.DELIVERED: "",
    Status.BOUNCED: " The recipient's server refused it: check the address before writing to it again.",
    Status.HELD_BY_PROVIDER: " MultiMail's own reviewer holds it; it is sent if they approve. Do not send it again.",
    Status.REJECTED_BY_PROVIDER: " MultiMail did not send it; the error says why. Do not send it again unchanged.",
}

# What to do about a problem MailGate found in a reply (docs/contract.md, "Replies"), by its code.
_PROBLEM_ADVICE = {
    "unknown_email": "Reply only to an email you read in this mailbox's inbox, with its email_id.",
    "not_released": "That email was never released to you (a reviewer holds or rejected it): do not reply to it.",
    "no_sender": "That email has no sender address to reply to: write a new email to a known address instead.",
    "reply_recipient": "A reply always goes to the original sender: leave `to` empty.",
}


def what(subject: str | None, to: Any) -> str:
    recipients = ", ".join(to) if isinstance(to, (list, tuple)) and to else None
    text = f"Email {subject!r}" if subject else "The email"
    return f"{text} to {recipients}" if recipients else text


def outcome(result: Result, subject: str | None = None, to: Any = None) -> str:
    """One paragraph: what happened to the email, why, and what the role should (not) do next."""
    status = result.status
    line = f"{what(subject, to)} (intent {result.intent_id}): {_verb(result)}"
    details = [d for d in (result.reason, result.error) if d]
    details += [str(p) for p in result.problems]
    if status is Status.DUPLICATE and result.related_intent_id:
        details.append(f"duplicates intent {result.related_intent_id}")
    if status is Status.CONFLICT and result.conflict_id:
        details.append(f"conflict group {result.conflict_id}")
    if status is Status.SENT and result.thread_id:
        details.append(f"thread {result.thread_id}")
    advice = "".join(" " + _PROBLEM_ADVICE[c] for c in dict.fromkeys(p.code for p in result.problems)
                     if c in _PROBLEM_ADVICE)
    return line + (" - " + "; ".join(details) if details else "") + "." + _NEXT.get(status, "") + advice


def _verb(result: Result) -> str:
    status = result.status
    actor = _actor(result)
    if status is Status.REJECTED:
        return f"rejected{actor}"
    if status is Status.APPROVED:
        return f"approved{actor}"
    if status is Status.SENT:
        return "sent"
    if status is Status.TIMED_OUT:
        last = result.last.status.value if result.last else "nothing yet"
        return f"no decision yet (last known: {last})"
    return status.value.replace("_", " ")


def _actor(result: Result) -> str:
    for update in reversed(result.history):
        if update.status is result.status:
            actor = update.record.get("actor") or {}
            if actor.get("type") == "reviewer" and actor.get("id"):
                return f" by reviewer {actor['id']}"
            if actor.get("type") == "policy":
                return " by policy"
            return ""
    return ""


def invalid(problems: list[Problem], subject: str | None = None, to: Any = None) -> str:
    listed = "; ".join(str(p) for p in problems)
    return f"{what(subject, to)} was not sent: it is invalid - {listed}. Fix these problems and try again."


def not_published(error: str, subject: str | None = None, to: Any = None) -> str:
    return (f"{what(subject, to)} could not be handed to MailGate ({error}). Nothing was sent; "
            "trying again later is safe.")
