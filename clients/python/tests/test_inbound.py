"""Inbound mail of one mailbox: only its own, each once, new mail on the next read, and for a role
only what the mailbox's read grants let it read."""

import pytest

from mailgate import MailGate
from mailgate.inbound import InboundMail, may_read

_EVERY_ROLE = {"*": True}


def inbound(mailbox: str, email_id: str, subject: str, read_grants: dict | None = None) -> dict:
    return {"email_id": email_id, "mailbox_id": mailbox, "thread_id": "th_" + email_id, "from": "customer@example.com",
            "to": ["support@example.org"], "cc": [], "subject": subject, "markdown": "Hello", "attachments": [],
            "received_at": "2026-11-24T12:00:00Z", "released_by": {"type": "policy", "id": "policy"},
            "read_grants": _EVERY_ROLE if read_grants is None else read_grants}


def test_a_roles_own_read_grant_decides_before_the_grant_for_every_role() -> None:
    grants = {"*": True, "Intern": False, "Product Manager": True}
    assert may_read(grants, ["Engineer"])
    assert not may_read(grants, ["intern"])
    assert may_read(grants, ["ProductManager"])
    assert not may_read({"product_manager": True, "Architect": False}, ["Architect"])
    assert not may_read({"product_manager": True}, ["Engineer"])
    # Two names of one role with grants of their own: both must allow it.
    assert not may_read({"Product Manager": True, "PM": False}, ["Product Manager", "PM"])
    # No grants (released before they were carried), no name, or a grant that is not true: nobody reads.
    assert not may_read(None, ["Engineer"])
    assert not may_read({"*": True}, [" _-", ""])
    assert not may_read({"*": "yes", "Engineer": 1}, ["Engineer"])
    released = InboundMail.parse(b'{"email_id": "e", "mailbox_id": "m", "from": "a@b.c", "received_at": "t", '
                                 b'"read_grants": {"*": false, "Sales": true}}')
    assert released is not None and released.readable_by("sales") and not released.readable_by("Engineer")


def test_a_role_reads_only_the_mail_its_read_grants_allow(client: MailGate, mailbox, mailgate_side) -> None:
    mailgate_side("mail.inbound", "inbound.released", inbound(mailbox, "em_all", "For everyone"))
    mailgate_side("mail.inbound", "inbound.released",
                  inbound(mailbox, "em_pm", "For the product manager", {"*": False, "ProductManager": True}))
    mailgate_side("mail.inbound", "inbound.released", {**inbound(mailbox, "em_old", "Before grants"), "read_grants": None})

    with client.inbox(mailbox, role="Engineer") as engineer:
        assert [m.email_id for m in engineer.read(timeout=20)] == ["em_all"]
    with client.inbox(mailbox, role=("Product Manager", "ProductManager")) as pm:
        assert [m.email_id for m in pm.read(timeout=20)] == ["em_all", "em_pm"]
    with client.inbox(mailbox) as operator:
        assert [m.email_id for m in operator.read(timeout=20)] == ["em_all", "em_pm", "em_old"]
    with pytest.raises(ValueError, match="role"):
        client.inbox(mailbox, role=" ")


def test_reading_the_inbox_returns_only_new_mail_of_the_mailbox(client: MailGate, mailbox, mailgate_side) -> None:
    other = mailbox + "_other"
    mailgate_side("mail.inbound", "inbound.released", inbound(mailbox, "em_1", "First"))
    mailgate_side("mail.inbound", "inbound.released", inbound(other, "em_2", "Not yours"))
    mailgate_side("mail.inbound", "inbound.released", inbound(mailbox, "em_1", "First"))  # redelivered
    mailgate_side("mail.inbound", "inbound.released", inbound(mailbox, "em_3", "Second"))

    with client.inbox(mailbox) as inbox:
        first = inbox.read(timeout=20)
        assert [(m.email_id, m.subject, m.sender) for m in first] == [
            ("em_1", "First", "customer@example.com"), ("em_3", "Second", "customer@example.com")]
        assert inbox.read(timeout=20) == []

        mailgate_side("mail.inbound", "inbound.released", inbound(mailbox, "em_4", "Third"))
        streamed = next(inbox.stream(timeout=20))
        assert streamed.email_id == "em_4" and streamed.thread_id == "th_em_4"


def test_an_empty_inbox_reads_as_empty_without_waiting_for_the_timeout(client: MailGate, mailbox) -> None:
    with client.inbox(mailbox) as inbox:
        assert inbox.read(timeout=20) == []
