"""Publishing: the exact contract JSON, keyed by mailbox, with its headers; retries keep the id."""

import json
import uuid

import pytest

import schema_check
from conftest import REPO
from mailgate import EmailDraft, IntentInvalid, MailGate, Provenance
from mailgate._reader import TopicReader
from broker import broker_config  # noqa: E402

SCHEMA = schema_check.load(REPO / "docs" / "schemas" / "email-intent.schema.json")


def draft(who: Provenance, mailbox: str, **extra: object) -> EmailDraft:
    return EmailDraft.send(who, mailbox_id=mailbox, to=["customer@example.com"], subject="Export ETA",
                           markdown="The export ships on **December 3**.", **extra)


def test_a_published_intent_is_schema_valid_keyed_by_mailbox_with_headers(client: MailGate, who, mailbox, read_record) -> None:
    email = draft(who, mailbox, cc=["am@example.org"], reasoning="customer asked for an ETA")
    receipt = client.publish(email)

    record = read_record("mail.intents", receipt.partition, receipt.offset)
    assert record.key() == mailbox.encode()
    headers = dict(record.headers())
    assert headers["event_type"] == b"intent.submitted"
    assert uuid.UUID(headers["event_id"].decode()).version == 4
    value = json.loads(record.value())
    assert value == email.payload()
    assert schema_check.errors(value, SCHEMA) == []
    assert value["intent_id"] == receipt.intent_id
    assert "reply_to_email_id" not in value and value["bcc"] == []


def test_publishing_the_same_draft_again_sends_the_same_intent(client: MailGate, who, mailbox, read_record) -> None:
    email = draft(who, mailbox)
    first, retry = client.publish(email), client.publish(email)

    values = [json.loads(read_record("mail.intents", r.partition, r.offset).value()) for r in (first, retry)]
    assert values[0] == values[1]
    assert values[0]["intent_id"] == email.intent_id
    assert first.event_id != retry.event_id
    assert (first.partition, retry.partition) == (first.partition, first.partition)


def test_a_tampered_draft_is_refused_at_publish_and_nothing_is_written(client: MailGate, bootstrap, who, mailbox) -> None:
    email = draft(who, mailbox)
    object.__setattr__(email, "subject", "Hi\nBcc: everyone@example.com")
    object.__setattr__(email, "kind", "forward")
    with pytest.raises(IntentInvalid) as refused:
        client.publish(email)
    assert {p.code for p in refused.value.problems} == {"header_injection", "invalid_enum"}

    with TopicReader(broker_config(bootstrap), ["mail.intents"]) as reader:
        ends = reader.ends()
        keys = []
        for message in reader.records(__import__("time").monotonic() + 20):
            if message is not None:
                keys.append(message.key())
            if reader.reached(ends):
                break
        assert reader.reached(ends)
    assert mailbox.encode() not in keys


def test_an_oversized_body_is_refused_before_publishing(client: MailGate, who, mailbox) -> None:
    with pytest.raises(IntentInvalid, match="markdown: has 262145 characters"):
        EmailDraft.send(who, mailbox_id=mailbox, to=["a@example.com"], subject="Big", markdown="x" * 262_145)
