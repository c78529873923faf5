"""Kafka client properties (dict or .properties file) and signed intents: the shared test vector, the
headers on a published record, and bad configuration refused before anything is sent."""

import base64
import hashlib
import hmac
import json

import pytest

from conftest import REPO
from mailgate import EmailDraft, IntentSigner, MailGate, PublishError, load_properties
from mailgate.config import split_config
from mailgate.signing import signature, b64url_decode
from broker import properties  # noqa: E402

VECTOR = json.loads((REPO / "docs" / "fixtures" / "intent-signature.json").read_text(encoding="utf-8"))
KEY = VECTOR["signing_key"]


def test_the_shared_test_vector_signs_to_the_expected_header() -> None:
    signer = IntentSigner(VECTOR["agent_id"], VECTOR["signing_key"])
    headers = dict(signer.headers(VECTOR["value"].encode("utf-8")))
    assert headers == {"mailgate_agent": VECTOR["mailgate_agent"].encode(),
                       "mailgate_signature": VECTOR["mailgate_signature"].encode()}
    # The same with the standard library alone, from the definition in the brief.
    mac = hmac.new(base64.urlsafe_b64decode(KEY + "=" * (-len(KEY) % 4)),
                   b"mailgate-intent-v1\n" + VECTOR["agent_id"].encode() + b"\n" + VECTOR["value"].encode(), hashlib.sha256)
    assert base64.urlsafe_b64encode(mac.digest()).rstrip(b"=").decode() == VECTOR["mailgate_signature"]
    # One changed byte of the value, or another agent id, gives another signature.
    assert signature(VECTOR["agent_id"], b64url_decode(KEY), VECTOR["value"].encode() + b" ") != VECTOR["mailgate_signature"]
    assert signature("someone-else", b64url_decode(KEY), VECTOR["value"].encode()) != VECTOR["mailgate_signature"]


def test_a_properties_file_is_read_like_java_reads_it(tmp_path) -> None:
    (tmp_path / "agent.properties").write_text(
        "# comment\n! also a comment\n"
        "security.protocol=SASL_PLAINTEXT\n"
        "sasl.mechanism : SCRAM-SHA-512\n"
        "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\\n"
        '    username="team-acme" password="p=a\\\\"ss";\n'
        "client.id mailgate agent\n"
        "mailgate.agent.id=acme.pm\n"
        f"mailgate.agent.signing.key={KEY}\n"
        "path=C\\:\\\\agents\\u00e9\n", encoding="utf-8")
    props = load_properties(tmp_path / "agent.properties")
    assert props["sasl.mechanism"] == "SCRAM-SHA-512" and props["client.id"] == "mailgate agent"
    assert props["path"] == "C:\\agentsé"

    kafka, mailgate = split_config(props)
    assert kafka["sasl.username"] == "team-acme" and kafka["sasl.password"] == 'p=a"ss'
    assert "sasl.jaas.config" not in kafka and not any(k.startswith("mailgate.") for k in kafka)
    assert mailgate == {"mailgate.agent.id": "acme.pm", "mailgate.agent.signing.key": KEY}


@pytest.mark.parametrize("settings, message", [
    ({"mailgate.agent.id": "acme.pm"}, "set both or neither"),
    ({"mailgate.agent.signing.key": KEY}, "set both or neither"),
    ({"mailgate.agent.id": " ", "mailgate.agent.signing.key": KEY}, "must not be blank"),
    ({"mailgate.agent.id": "acme.pm", "mailgate.agent.signing.key": "not base64 !"}, "must be base64url"),
    ({"mailgate.agent.id": "acme.pm", "mailgate.agent.signing.key": "c2hvcnQ"}, "at least 16 bytes"),
])
def test_incomplete_or_malformed_signing_settings_are_refused_before_connecting(settings, message) -> None:
    with pytest.raises(ValueError, match=message) as refused:
        MailGate("127.0.0.1:1", settings)
    assert KEY not in str(refused.value)


def test_a_signed_intent_carries_the_agent_and_the_signature_of_its_exact_bytes(bootstrap, who, mailbox, read_record) -> None:
    config = {**properties(), "mailgate.agent.id": "acme-run-42.pm", "mailgate.agent.signing.key": KEY,
              "client.id": "signed-test"}
    with MailGate(bootstrap, config) as client:
        assert client.agent_id == "acme-run-42.pm"
        draft = EmailDraft.send(who, mailbox_id=mailbox, to=["customer@example.com"], subject="Café ☕",
                                markdown="Ünïcode body")
        receipt = client.publish(draft)

    record = read_record("mail.intents", receipt.partition, receipt.offset)
    headers = dict(record.headers())
    assert headers["mailgate_agent"] == b"acme-run-42.pm"
    assert headers["mailgate_signature"].decode() == signature("acme-run-42.pm", b64url_decode(KEY), record.value())
    assert {"event_id", "event_type"} <= set(headers)


def test_without_signing_settings_intents_go_unsigned(client, who, mailbox, read_record) -> None:
    receipt = client.publish(EmailDraft.send(who, mailbox_id=mailbox, to=["c@example.com"], subject="S", markdown="B"))
    headers = dict(read_record("mail.intents", receipt.partition, receipt.offset).headers())
    assert "mailgate_agent" not in headers and "mailgate_signature" not in headers and client.agent_id is None


def test_security_properties_reach_the_kafka_client(bootstrap, who, mailbox) -> None:
    """Credentials the broker does not know cannot authenticate: the intent is not acknowledged."""
    config = {"security.protocol": "SASL_PLAINTEXT", "sasl.mechanism": "SCRAM-SHA-512", "sasl.username": "u",
              "sasl.password": "p", "message.timeout.ms": 3000}
    with MailGate(bootstrap, config) as client:
        with pytest.raises(PublishError):
            client.publish(EmailDraft.send(who, mailbox_id=mailbox, to=["c@example.com"], subject="S", markdown="B"),
                           timeout=6)
