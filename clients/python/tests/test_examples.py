"""The examples under examples/: they compile, wire their roles, and run against the real broker with
the test playing approval-service, outbound-service and the reviewer."""

import asyncio
import importlib.util
import uuid
from pathlib import Path

import pytest

from conftest import REPO
from metagpt_side import decision, play_mailgate, standin  # noqa: F401  (fixture)
from test_inbound import inbound
from broker import broker_config  # noqa: E402

EXAMPLES = REPO / "examples"


def load(path: Path):
    spec = importlib.util.spec_from_file_location("example_" + path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.py")), ids=lambda p: p.name)
def test_every_example_compiles(path: Path) -> None:
    compile(path.read_text(), str(path), "exec")


def test_the_communications_manager_answers_an_empty_inbox_without_raising(standin, client, mailbox) -> None:  # noqa: F811
    example = load(EXAMPLES / "communications_manager.py")
    cathy = example.CommunicationsManager(mailgate=client, mailbox_id=mailbox, team="t" + uuid.uuid4().hex[:8])
    assert [a.name for a in cathy.actions] == ["CheckInbox", "ReplyEmail"]
    assert all(a.mailbox_id == mailbox and a.private_role is cathy for a in cathy.actions)

    answer = asyncio.run(cathy.run("Check the support inbox and answer the customer."))
    cathy.actions[0].close()
    assert answer.instruct_content.status == "no_email" and "no email to reply to" in answer.content
    assert [m.instruct_content.status for m in cathy.rc.memory.get()[1:]] == ["empty", "no_email"]


def test_two_roles_of_the_conflicting_team_email_the_same_customer(standin, client) -> None:  # noqa: F811
    example = load(EXAMPLES / "conflicting_team.py")
    roles = example.team(client).roles
    assert [r.profile for r in roles] == ["Engineer", "Product Manager", "Architect"]
    senders = [r for r in roles if any(a.name == "SendEmail" for a in r.actions)]
    assert [r.name for r in senders] == ["Alice", "Dan"]
    assert all(r.rc.watch == {"example_conflicting_team.ReportDelay"} for r in senders)


def test_the_three_role_team_sees_held_approved_rejected_reply_and_inbound(
        standin, client, bootstrap, mailbox, mailgate_side, capsys) -> None:  # noqa: F811
    example = load(EXAMPLES / "metagpt_team.py")
    tag, team = uuid.uuid4().hex[:8], "team-" + uuid.uuid4().hex[:8]
    intents = play_mailgate(bootstrap, mailbox, mailgate_side, count=3, seconds=90, answer=lambda i: [
        ("mail.decisions", "decision.held", decision(mailbox, i, "held", reason="gated_send"))])

    def decide(intent_id: str, approve: bool, reason: str) -> None:
        intent = next(i for i in intents if i["intent_id"] == intent_id)
        reviewer = {"type": "reviewer", "id": "carol"}
        mailgate_side("mail.decisions", "decision." + ("approved" if approve else "rejected"),
                      decision(mailbox, intent, "approved" if approve else "rejected", reason=reason, actor=reviewer))
        if approve:
            mailgate_side("mail.outcomes", "outcome.accepted", {
                "intent_id": intent_id, "mailbox_id": mailbox, "status": "accepted", "attempt": 1,
                "provider_email_id": "pm_" + intent_id, "thread_id": "th_" + intent_id,
                "occurred_at": "2026-11-24T10:00:01Z"})

    def inject() -> None:
        mailgate_side("mail.inbound", "inbound.released", inbound(mailbox, "em_" + tag, f"Archives? [{tag}]"))

    seen = example.play(client, broker_config(bootstrap), mailbox, team, tag, 60, decide, inject)

    assert set(seen) == set(example.EXPECTED), seen
    assert example.REJECT_REASON in seen["rejected with reason"] and seen["rejected with reason"].startswith("Architect")
    by_role = {i["role"]: i for i in intents}
    assert set(by_role) == {"Product Manager", "Architect", "Engineer"}
    assert (by_role["Engineer"]["kind"], by_role["Engineer"]["reply_to_email_id"]) == ("reply", "em_" + tag)
    assert all(i["team"] == team for i in intents)
