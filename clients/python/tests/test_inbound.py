"""Inbound mail of one mailbox: only its own, each once, new mail on the next read."""

from mailgate import MailGate


def inbound(mailbox: str, email_id: str, subject: str) -> dict:
    return {"email_id": email_id, "mailbox_id": mailbox, "thread_id": "th_" + email_id, "from": "customer@example.com",
            "to": ["support@example.org"], "cc": [], "subject": subject, "markdown": "Hello", "attachments": [],
            "received_at": "2026-11-24T12:00:00Z", "released_by": {"type": "policy", "id": "policy"}}


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
