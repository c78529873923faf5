"""A role's durable inbox against the real broker: the group is named after the team and the
normalised role, committed mail is not read again after a restart, uncommitted mail is, and only the
configured mailboxes are read."""

import uuid

import pytest
from confluent_kafka import Consumer, TopicPartition

from mailgate import MailGate, agent_group, normalise_role
from test_inbound import inbound
from broker import broker_config  # noqa: E402


def test_identity_is_normalised_and_groups_live_under_the_team_prefix() -> None:
    assert {normalise_role(r) for r in ("Product Manager", "ProductManager", "product_manager", "product-manager",
                                        "PRODUCT MANAGER")} == {"productmanager"}
    # The same key as the server's RoleNames (events/src/test/.../RoleNamesTest.java has these cases).
    assert normalise_role("In\u200btern") == normalise_role("\uff29\uff4e\uff54\uff45\uff52\uff4e") == "intern"
    assert normalise_role("Intern\u00a0") == normalise_role("In\u3000tern") == "intern"
    assert normalise_role("Straße") == normalise_role("STRASSE") == "strasse"
    assert normalise_role("\u017fales") == "sales" and normalise_role("\ufb01le") == "file"
    assert normalise_role("ΟΔΟΣ") == normalise_role("οδος") == "οδος"
    assert normalise_role(" \u200b_- ") == ""
    assert agent_group("acme-run-42", "Product Manager") == "mailgate-agent.acme-run-42.productmanager"
    for team, role in (("", "Engineer"), (" ", "Engineer"), ("acme", " _-")):
        with pytest.raises(ValueError):
            agent_group(team, role)


def test_a_restarted_role_reads_only_mail_it_has_not_committed(client: MailGate, bootstrap, mailbox, mailgate_side) -> None:
    team = "t" + uuid.uuid4().hex[:8]
    other = mailbox + "_other"
    mailgate_side("mail.inbound", "inbound.released", inbound(mailbox, "em_1", "First"))
    mailgate_side("mail.inbound", "inbound.released", {**inbound(mailbox, "x", "x"), "email_id": ["not", "an", "id"]})
    mailgate_side("mail.inbound", "inbound.released", inbound(other, "em_2", "Not read by this role"))
    mailgate_side("mail.inbound", "inbound.released", inbound(mailbox, "em_1", "First"))  # redelivered
    mailgate_side("mail.inbound", "inbound.released", inbound(mailbox, "em_3", "Second"))

    with client.durable_inbox(team, "Product Manager", [mailbox]) as first:
        assert [m.email_id for m in first.read(timeout=30)] == ["em_1", "em_3"]
        first.commit()
        assert first.read(timeout=10) == []

    mailgate_side("mail.inbound", "inbound.released", inbound(mailbox, "em_4", "Third"))
    # The class name of the same role joins the same group.
    with client.durable_inbox(team, "ProductManager", [mailbox, other]) as restarted:
        assert restarted.group_id == f"mailgate-agent.{team}.productmanager"
        assert [m.email_id for m in restarted.read(timeout=30)] == ["em_4"]
        # Not committed: the next reader of the group gets it again (at least once).

    with client.durable_inbox(team, "product_manager", [mailbox]) as again:
        assert [m.email_id for m in again.read(timeout=30)] == ["em_4"]
        again.commit()

    committed = Consumer(broker_config(bootstrap, **{"group.id": f"mailgate-agent.{team}.productmanager"}))
    try:
        partitions = committed.list_topics("mail.inbound", timeout=10).topics["mail.inbound"].partitions
        offsets = committed.committed([TopicPartition("mail.inbound", p) for p in partitions], timeout=10)
        assert sum(1 for tp in offsets if tp.offset > 0) >= 1
    finally:
        committed.close()

    # Another role of the team has its own position: it reads everything of its mailbox.
    with client.durable_inbox(team, "Engineer", [mailbox]) as engineer:
        assert [m.email_id for m in engineer.read(timeout=30)] == ["em_1", "em_3", "em_4"]


def test_a_durable_inbox_hands_a_role_only_mail_its_read_grants_allow(client: MailGate, mailbox, mailgate_side) -> None:
    team = "t" + uuid.uuid4().hex[:8]
    mailgate_side("mail.inbound", "inbound.released", inbound(mailbox, "em_a", "All", {"*": True, "Intern": False}))
    mailgate_side("mail.inbound", "inbound.released", inbound(mailbox, "em_b", "Planner only", {"Planner": True}))

    with client.durable_inbox(team, "Intern", [mailbox]) as intern:
        assert intern.read(timeout=20) == []
    # The role's profile has no grant of its own there; another of its names (e.g. its class name) has.
    with client.durable_inbox(team, "Product Manager", [mailbox], also_known_as=["Planner"]) as by_profile:
        assert [m.email_id for m in by_profile.read(timeout=20)] == ["em_a", "em_b"]
    with client.durable_inbox(team, "Engineer", [mailbox]) as engineer:
        assert [m.email_id for m in engineer.read(timeout=20)] == ["em_a"]


def test_an_empty_durable_inbox_reads_as_empty(client: MailGate, mailbox) -> None:
    with client.durable_inbox("t" + uuid.uuid4().hex[:8], "Architect", [mailbox]) as inbox:
        assert inbox.read(timeout=30) == []
        inbox.commit()


def test_a_durable_inbox_needs_a_mailbox(client: MailGate) -> None:
    with pytest.raises(ValueError, match="at least one mailbox"):
        client.durable_inbox("acme", "Architect", [])
