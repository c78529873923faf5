"""What a role is told for each outcome an email can have: the status, why, and what (not) to do next."""

import pytest

from mailgate.metagpt.wording import outcome
from mailgate.results import Result, Status, Update


def result(status: Status, **record: object) -> Result:
    outcomes = (Status.SENT, Status.FAILED, Status.QUOTA_EXHAUSTED, Status.DELIVERED, Status.BOUNCED,
                Status.HELD_BY_PROVIDER, Status.REJECTED_BY_PROVIDER)
    topic = "mail.outcomes" if status in outcomes else "mail.decisions"
    return Result("01JINTENT", status, (Update("01JINTENT", status, topic, dict(record)),))


@pytest.mark.parametrize("status, record, expected", [
    (Status.HELD, {"reason": "gated_send"}, ["held - gated_send", "Do not send it again"]),
    (Status.REJECTED, {"reason": "no dates", "actor": {"type": "reviewer", "id": "carol"}},
     ["rejected by reviewer carol - no dates", "address the reason first"]),
    (Status.DUPLICATE, {"related_intent_id": "01JOTHER"}, ["duplicate", "duplicates intent 01JOTHER", "Do not send it again"]),
    (Status.CONFLICT, {"conflict_id": "cf_1"}, ["conflict", "conflict group cf_1", "a reviewer keeps one"]),
    (Status.QUOTA_EXHAUSTED, {}, ["quota exhausted", "delivered when the quota resets"]),
    (Status.EXPIRED, {}, ["expired", "Nobody reviewed it in time"]),
    (Status.FAILED, {"error": "mailbox suspended"}, ["failed - mailbox suspended", "refused it for good"]),
    (Status.INVALID, {"problems": [{"path": "to[0]", "code": "invalid_address", "message": "bad"}]},
     ["invalid - to[0]: bad (invalid_address)", "Fix the problems"]),
    (Status.SENT, {"thread_id": "th_1"}, ["sent - thread th_1."]),
    (Status.DELIVERED, {}, ["delivered."]),
    (Status.BOUNCED, {"error": "bounced (hard) at 2026-12-01T10:00:00Z"},
     ["bounced - bounced (hard)", "check the address"]),
    (Status.HELD_BY_PROVIDER, {"error": "MultiMail holds it for its own reviewer"},
     ["held by provider", "MultiMail's own reviewer holds it", "Do not send it again"]),
    (Status.REJECTED_BY_PROVIDER, {"error": "MultiMail's reviewer rejected it"},
     ["rejected by provider - MultiMail's reviewer rejected it", "MultiMail did not send it"]),
])
def test_every_outcome_says_what_happened_and_what_to_do(status, record, expected) -> None:
    text = outcome(result(status, **record), "Export ETA", ["customer@example.com"])
    assert text.startswith("Email 'Export ETA' to customer@example.com (intent 01JINTENT): ")
    for part in expected:
        assert part in text


def test_a_timeout_says_what_was_last_known() -> None:
    timed_out = Result("01JINTENT", Status.TIMED_OUT, (Update("01JINTENT", Status.ACCEPTED, "mail.decisions", {}),))
    assert "no decision yet (last known: accepted)" in outcome(timed_out)
    assert "(last known: nothing yet)" in outcome(Result("01JINTENT", Status.TIMED_OUT))


def test_a_refused_reply_says_what_to_do_about_its_problem() -> None:
    text = outcome(result(Status.INVALID, problems=[
        {"path": "reply_to_email_id", "code": "not_released", "message": "still held for a reviewer"}]))
    assert "reply_to_email_id: still held for a reviewer (not_released)" in text
    assert text.endswith("Fix the problems and write a new email. "
                         "That email was never released to you (a reviewer holds or rejected it): do not reply to it.")
    plain = outcome(result(Status.INVALID, problems=[{"path": "to[0]", "code": "invalid_address", "message": "bad"}]))
    assert plain.endswith("write a new email.")


@pytest.mark.parametrize("raw, status", [
    ("accepted", Status.SENT), ("delivered", Status.DELIVERED), ("bounced", Status.BOUNCED),
    ("held_by_provider", Status.HELD_BY_PROVIDER), ("rejected_by_provider", Status.REJECTED_BY_PROVIDER),
])
def test_multimails_later_verdicts_are_read_from_mail_outcomes(raw, status) -> None:
    update = Update.parse("mail.outcomes", ('{"intent_id": "01JINTENT", "status": "%s"}' % raw).encode())
    assert update is not None and update.status is status
