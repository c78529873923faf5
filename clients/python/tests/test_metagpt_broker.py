"""MetaGPT actions against the real broker, with the test playing approval-service and outbound."""

import asyncio
import uuid

from metagpt_side import decision, play_mailgate, standin  # noqa: F401  (fixture)
from test_inbound import inbound


def test_a_held_email_is_checked_then_awaited_until_the_reviewer_rejects_it_with_a_reason(
        standin, client, bootstrap, mailbox, mailgate_side) -> None:
    """The stock ProductManager (profile "Product Manager", roles/product_manager.py L24) emails; the
    intent carries the profile, the name, the action and the observed message (role.py L421 rc.news)."""
    from metagpt.roles import ProductManager
    from metagpt.schema import Message

    from mailgate.metagpt import AwaitDecision, CheckDecision, SendEmail

    seen = play_mailgate(bootstrap, mailbox, mailgate_side,
                         lambda i: [("mail.decisions", "decision.held", decision(mailbox, i, "held", reason="gated_send"))])
    pm = ProductManager()
    trigger = Message("Tell the customer the export ships Dec 3")
    pm.rc.news = [trigger]
    send = SendEmail(mailbox_id=mailbox, team="acme-run-42").bound(pm, client)
    held = asyncio.run(send.run([trigger], to=["customer@example.com"], subject="Export", markdown="Dec 3.",
                                reasoning="asked"))

    assert held.instruct_content.status == "held" and "waits for a human reviewer" in held.content
    (intent,) = seen
    assert {k: intent[k] for k in ("team", "role", "agent", "action", "trigger_message_id", "reasoning")} == {
        "team": "acme-run-42", "role": "Product Manager", "agent": "Alice", "action": "SendEmail",
        "trigger_message_id": trigger.id, "reasoning": "asked"}

    check = CheckDecision(mailbox_id=mailbox).bound(pm, client)
    still = asyncio.run(check.run([trigger, held]))
    assert (still.instruct_content.status, still.instruct_content.intent_id) == ("held", intent["intent_id"])
    assert still.cause_by == "mailgate.metagpt.inbox_actions.CheckDecision"

    mailgate_side("mail.decisions", "decision.rejected", decision(
        mailbox, intent, "rejected", reason="we cannot promise a date yet", actor={"type": "reviewer", "id": "carol"}))
    final = asyncio.run(AwaitDecision(mailbox_id=mailbox, wait_seconds=30).bound(pm, client).run([trigger, held]))
    assert final.instruct_content.status == "rejected"
    assert final.instruct_content.reason == "we cannot promise a date yet"
    assert "rejected by reviewer carol" in final.content and "'Export'" in final.content


def test_a_restarted_check_inbox_reads_only_new_mail_of_its_mailboxes_and_the_reply_answers_it(
        standin, client, bootstrap, mailbox, mailgate_side) -> None:
    from metagpt.roles import Engineer

    from mailgate.metagpt import CheckInbox, ReplyEmail

    team, other = "acme-" + uuid.uuid4().hex[:8], mailbox + "_other"
    mailgate_side("mail.inbound", "inbound.released", inbound(mailbox, "em_1", "Archived projects?"))
    mailgate_side("mail.inbound", "inbound.released", inbound(other, "em_2", "not read by this role"))
    engineer = Engineer()

    first = CheckInbox(mailbox_id=mailbox, team=team).bound(engineer, client)
    found = asyncio.run(first.run([], timeout=30))
    assert found.instruct_content.email_id == "em_1" and "em_2" not in found.content
    first.close()  # the agent stops

    mailgate_side("mail.inbound", "inbound.released", inbound(mailbox, "em_3", "Second question"))
    restarted = CheckInbox(mailbox_id=mailbox, team=team, read_mailboxes=[mailbox]).bound(engineer, client)
    again = asyncio.run(restarted.run([], timeout=30))
    assert [e["email_id"] for e in again.instruct_content.emails] == ["em_3"]
    assert asyncio.run(restarted.run([], timeout=10)).content == f"No new email in {mailbox}."
    restarted.close()

    seen = play_mailgate(bootstrap, mailbox, mailgate_side, lambda i: [
        ("mail.decisions", "decision.approved", decision(mailbox, i, "approved")),
        ("mail.outcomes", "outcome.accepted", {"intent_id": i["intent_id"], "mailbox_id": mailbox,
                                               "status": "accepted", "attempt": 1, "provider_email_id": "pm_1",
                                               "thread_id": "th_em_1", "occurred_at": "2026-11-24T10:00:01Z"})])
    reply = ReplyEmail(mailbox_id=mailbox, team=team).bound(engineer, client)
    answer = asyncio.run(reply.run([found], markdown="Yes, archived projects are included."))
    assert answer.instruct_content.status == "sent" and "thread th_em_1" in answer.content
    assert (seen[0]["kind"], seen[0]["reply_to_email_id"], seen[0]["thread_id"], seen[0]["role"]) == (
        "reply", "em_1", "th_em_1", "Engineer")
