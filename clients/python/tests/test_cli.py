"""The `mailgate` command in-process against the real broker: follow an intent, tail and resume an inbox."""

import io
import json
import uuid

from mailgate import EmailDraft
from mailgate.cli import main
from metagpt_side import decision
from test_inbound import inbound


def run(*argv: str) -> tuple[int, list]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, [json.loads(line) for line in out.getvalue().splitlines()]


def test_follow_prints_each_decision_and_outcome_until_the_final_one(client, bootstrap, who, mailbox, mailgate_side) -> None:
    draft = EmailDraft.send(who, mailbox_id=mailbox, to=["c@example.com"], subject="S", markdown="B")
    client.publish(draft)
    intent = draft.payload()
    mailgate_side("mail.decisions", "decision.held", decision(mailbox, intent, "held", reason="gated_send"))
    mailgate_side("mail.decisions", "decision.rejected", decision(mailbox, intent, "rejected", reason="not now"))

    code, lines = run("--bootstrap", bootstrap, "--json", "follow", draft.intent_id, "--timeout", "30")
    assert code == 0
    assert [(line["state"], line["reason"]) for line in lines] == [("held", "gated_send"), ("rejected", "not now")]

    code, lines = run("--bootstrap", bootstrap, "--json", "follow", EmailDraft.send(
        who, mailbox_id=mailbox, to=["c@example.com"], subject="S", markdown="B").intent_id, "--timeout", "3")
    assert (code, lines) == (1, [])


def test_inbox_tails_mailboxes_and_resumes_a_role_s_position(bootstrap, mailbox, mailgate_side) -> None:
    mailgate_side("mail.inbound", "inbound.released", inbound(mailbox, "em_a", "First"))
    mailgate_side("mail.inbound", "inbound.released", inbound(mailbox + "_x", "em_b", "Other mailbox"))
    code, lines = run("--bootstrap", bootstrap, "--json", "inbox", "--mailbox", mailbox, "--mailbox", mailbox + "_x")
    # Two mailboxes are two partition keys: Kafka orders within a mailbox only.
    assert code == 0 and sorted(m["email_id"] for m in lines) == ["em_a", "em_b"]

    team = "t" + uuid.uuid4().hex[:8]
    args = ("--bootstrap", bootstrap, "--json", "inbox", "--mailbox", mailbox, "--team", team, "--role", "Engineer")
    assert [m["email_id"] for m in run(*args)[1]] == ["em_a"]
    mailgate_side("mail.inbound", "inbound.released", inbound(mailbox, "em_c", "Second"))
    assert [m["email_id"] for m in run(*args)[1]] == ["em_c"]
    assert run("--bootstrap", bootstrap, "inbox", "--mailbox", mailbox, "--team", team)[0] == 2
