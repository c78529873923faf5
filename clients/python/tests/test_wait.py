"""Following an intent: the right answer among many, every kind of answer, clean timeouts."""

import time
from datetime import datetime, timezone

from mailgate import FINAL, EmailDraft, MailGate, Status


def now() -> str:
    return datetime.now(timezone.utc).isoformat().replace("+00:00", "Z")


def decision(intent: EmailDraft, state: str, **extra: object) -> dict:
    return {"intent_id": intent.intent_id, "mailbox_id": intent.mailbox_id, "state": state,
            "actor": {"type": "policy", "id": "policy"}, "problems": [], "edited_fields": [],
            "occurred_at": now(), **extra}


def outcome(intent: EmailDraft, status: str, **extra: object) -> dict:
    return {"intent_id": intent.intent_id, "mailbox_id": intent.mailbox_id, "status": status, "attempt": 1,
            "occurred_at": now(), **extra}


def drafts(who, mailbox: str, n: int) -> list[EmailDraft]:
    return [EmailDraft.send(who, mailbox_id=mailbox, to=[f"c{i}@example.com"], subject=f"Update {i}",
                            markdown=f"Body {i}") for i in range(n)]


def test_waiting_returns_the_answer_for_the_right_intent_among_many(client: MailGate, who, mailbox, mailgate_side) -> None:
    many = drafts(who, mailbox, 12)
    for d in many:
        client.publish(d)
    for i, d in enumerate(many):
        mailgate_side("mail.decisions", "decision.rejected", decision(d, "rejected", actor={"type": "reviewer", "id": "carol"}, reason=f"reason {i}"))

    result = client.wait(many[7], timeout=20)
    assert result.status is Status.REJECTED
    assert result.reason == "reason 7"
    assert [u.intent_id for u in result.history] == [many[7].intent_id]


def test_every_answer_is_reported_clearly(client: MailGate, who, mailbox, mailgate_side) -> None:
    held, invalid, dup, sent, quota, failed = drafts(who, mailbox, 6)
    mailgate_side("mail.decisions", "decision.held", decision(held, "held"))
    mailgate_side("mail.decisions", "decision.invalid", decision(invalid, "invalid", problems=[
        {"path": "to[0]", "code": "invalid_address", "message": "is not an email address"}]))
    mailgate_side("mail.decisions", "decision.duplicate", decision(dup, "duplicate", related_intent_id=held.intent_id))
    mailgate_side("mail.decisions", "decision.approved", decision(sent, "approved"))
    mailgate_side("mail.outcomes", "outcome.accepted", outcome(sent, "accepted", provider_email_id="em_1", thread_id="th_1"))
    mailgate_side("mail.outcomes", "outcome.quota_exhausted", outcome(quota, "quota_exhausted", http_status=429))
    mailgate_side("mail.outcomes", "outcome.failed", outcome(failed, "failed", http_status=422, error="recipient blocked"))

    assert client.wait(held, timeout=20).status is Status.HELD
    bad = client.wait(invalid, timeout=20)
    assert bad.status is Status.INVALID and [p.code for p in bad.problems] == ["invalid_address"]
    assert "to[0]: is not an email address (invalid_address)" in bad.describe()
    assert client.wait(dup, timeout=20).related_intent_id == held.intent_id
    delivered = client.wait(sent, timeout=20)
    assert (delivered.status, delivered.provider_email_id, delivered.thread_id) == (Status.SENT, "em_1", "th_1")
    assert client.wait(quota, timeout=20).status is Status.QUOTA_EXHAUSTED
    refused = client.wait(failed, timeout=20)
    assert refused.status is Status.FAILED and refused.error == "recipient blocked"


def test_the_latest_state_wins_over_older_ones(client: MailGate, who, mailbox, mailgate_side) -> None:
    (d,) = drafts(who, mailbox, 1)
    for state in ("accepted", "held", "approved"):
        mailgate_side("mail.decisions", f"decision.{state}", decision(d, state))
    mailgate_side("mail.outcomes", "outcome.accepted", outcome(d, "accepted", provider_email_id="em_9"))

    result = client.wait(d, timeout=20)
    assert result.status is Status.SENT
    # Order holds within a topic (one mailbox, one partition), not across decisions and outcomes.
    decisions = [u.status for u in result.history if u.topic == "mail.decisions"]
    assert decisions == [Status.ACCEPTED, Status.HELD, Status.APPROVED]


def test_a_timeout_is_clean_and_says_what_was_last_known(client: MailGate, who, mailbox, mailgate_side) -> None:
    quiet, held = drafts(who, mailbox, 2)
    mailgate_side("mail.decisions", "decision.held", decision(held, "held"))

    began = time.monotonic()
    nothing = client.wait(quiet, timeout=2)
    assert nothing.timed_out and nothing.history == () and nothing.last is None
    assert 2 <= time.monotonic() - began < 8

    waiting = client.wait(held, timeout=2, until=FINAL)
    assert waiting.timed_out and waiting.last.status is Status.HELD
    assert "timed_out (last known: held)" in waiting.describe()


def test_updates_stream_until_a_final_answer(client: MailGate, who, mailbox, mailgate_side) -> None:
    (d,) = drafts(who, mailbox, 1)
    receipt = client.publish(d)
    mailgate_side("mail.decisions", "decision.conflict", decision(d, "conflict", conflict_id="cf_1"))
    mailgate_side("mail.decisions", "decision.rejected", decision(d, "rejected", reason="superseded"))
    mailgate_side("mail.decisions", "decision.approved", decision(d, "approved"))

    seen = [u.status for u in client.updates(receipt, timeout=20)]
    assert seen == [Status.CONFLICT, Status.REJECTED]
