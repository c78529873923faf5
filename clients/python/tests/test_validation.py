"""Bad arguments are refused with every problem named, before anything can be published."""

import json
import re

import pytest

from conftest import REPO
from mailgate import EmailDraft, IntentInvalid, Provenance, new_ulid, validate

WHO = Provenance("acme-run-42", "ProductManager", "Alice", "SendEmail")


def codes(error: IntentInvalid) -> set[tuple[str, str]]:
    return {(p.path, p.code) for p in error.problems}


def test_send_without_recipients_is_refused() -> None:
    with pytest.raises(IntentInvalid, match="at least one recipient") as refused:
        EmailDraft.send(WHO, mailbox_id="mbx_a", to=[], subject="Hi", markdown="Hello")
    assert codes(refused.value) == {("to", "required")}


def test_line_break_in_subject_is_refused() -> None:
    with pytest.raises(IntentInvalid) as refused:
        EmailDraft.send(WHO, mailbox_id="mbx_a", to=["a@example.com"], subject="Hi\r\nBcc: x@evil.com", markdown="x")
    assert ("subject", "header_injection") in codes(refused.value)


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(IntentInvalid) as refused:
        EmailDraft("forward", "mbx_a", WHO, "x", to=("a@example.com",), subject="Hi")
    assert codes(refused.value) == {("kind", "invalid_enum")}


def test_reply_needs_the_email_it_answers() -> None:
    with pytest.raises(IntentInvalid) as refused:
        EmailDraft("reply", "mbx_a", WHO, "Thanks")
    assert codes(refused.value) == {("reply_to_email_id", "required")}


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(IntentInvalid) as refused:
        EmailDraft.send(
            Provenance("", "PM\n", "Alice", "SendEmail"),
            mailbox_id="mbx a",
            to=["Alice <a@example.com>", "b@example.com", "B@example.com", "c@exa\nmple.com"],
            subject="x" * 999,
            markdown="bell \x07",
        )
    assert codes(refused.value) >= {
        ("team", "required"), ("mailbox_id", "invalid_format"), ("role", "header_injection"), ("to[0]", "invalid_address"),
        ("to[2]", "duplicate"), ("to[3]", "header_injection"), ("subject", "too_long"),
        ("markdown", "control_character"),
    }


def test_more_than_fifty_recipients_are_refused() -> None:
    to = [f"r{i}@example.com" for i in range(30)]
    cc = [f"c{i}@example.com" for i in range(21)]
    with pytest.raises(IntentInvalid) as refused:
        EmailDraft.send(WHO, mailbox_id="mbx_a", to=to, cc=cc, subject="Hi", markdown="x")
    assert codes(refused.value) == {("to", "too_many")}


def test_attachments_are_checked() -> None:
    bad = [{"name": "../etc/passwd", "content_type": "text", "content_base64": "!!"}]
    with pytest.raises(IntentInvalid) as refused:
        EmailDraft.send(WHO, mailbox_id="mbx_a", to=["a@example.com"], subject="Hi", markdown="x", attachments=bad)
    assert codes(refused.value) == {
        ("attachments[0].name", "invalid_format"),
        ("attachments[0].content_type", "invalid_format"),
        ("attachments[0].content_base64", "invalid_format"),
    }


@pytest.mark.parametrize("name", ["email-intent.send.json", "email-intent.reply.json"])
def test_the_golden_fixtures_are_built_exactly(name: str) -> None:
    fixture = json.loads((REPO / "docs" / "fixtures" / name).read_text())
    assert validate(fixture) == []
    who = Provenance(fixture["team"], fixture["role"], fixture["agent"], fixture["action"],
                     fixture.get("trigger_message_id"), fixture.get("reasoning"))
    draft = EmailDraft(
        fixture["kind"], fixture["mailbox_id"], who, fixture["markdown"],
        to=fixture["to"], cc=fixture["cc"], bcc=fixture["bcc"], subject=fixture.get("subject"),
        reply_to_email_id=fixture.get("reply_to_email_id"), thread_id=fixture.get("thread_id"),
        attachments=fixture["attachments"], intent_id=fixture["intent_id"], created_at=fixture["created_at"],
    )
    assert draft.payload() == fixture


def test_a_draft_keeps_its_id_and_ids_are_ulids() -> None:
    draft = EmailDraft.send(WHO, mailbox_id="mbx_a", to=["a@example.com"], subject="Hi", markdown="x")
    assert draft.payload()["intent_id"] == draft.payload()["intent_id"] == draft.intent_id
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{26}", draft.intent_id)
    assert len({new_ulid() for _ in range(1000)}) == 1000
    assert new_ulid(1) < new_ulid(2)
