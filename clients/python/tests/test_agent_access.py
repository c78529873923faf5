"""An agent team's own credentials (what `./mailgate agent` writes) against the authenticating broker:
the team publishes intents, follows them, reads its inbox in its own consumer groups, and the broker
refuses everything else."""

import os

import confluent_kafka
import pytest
from confluent_kafka import KafkaError, Producer

from broker import broker_config, properties
from mailgate import EmailDraft, MailGate, Provenance, PublishError, Status
from test_inbound import inbound
from test_wait import decision

# librdkafka before 2.6.1 cannot complete SCRAM with Kafka 4 brokers (librdkafka issue 4895).
SCRAM_WORKS = confluent_kafka.libversion()[1] >= 0x020601FF


@pytest.fixture
def team() -> str:
    team = os.environ.get("MAILGATE_TEST_AGENT_TEAM")
    if not team:
        if os.environ.get("MAILGATE_REQUIRE_BROKER") == "1":
            pytest.fail("MAILGATE_TEST_AGENT_TEAM is not set")
        pytest.skip("no agent credentials: set MAILGATE_TEST_AGENT_TEAM and MAILGATE_TEST_AGENT_CONFIG")
    return team


def test_an_agent_publishes_follows_and_reads_its_inbox_with_its_plain_credentials(
        team, bootstrap, mailbox, mailgate_side) -> None:
    who = Provenance(team, "Engineer", "Erin", "SendEmail", "9f1c2b7e4d0a4e5f8a1b3c6d9e2f4a7b")
    with MailGate(bootstrap, properties("MAILGATE_TEST_AGENT_CONFIG")) as client:
        draft = EmailDraft.send(who, mailbox_id=mailbox, to=["c@example.com"], subject="S", markdown="B")
        client.publish(draft)
        mailgate_side("mail.decisions", "decision.rejected", decision(draft, "rejected", reason="no"))
        assert client.wait(draft, timeout=20).status is Status.REJECTED

        mailgate_side("mail.inbound", "inbound.released", inbound(mailbox, "em_1", "First"))
        with client.durable_inbox(team, "Engineer", [mailbox]) as inbox:
            assert [m.email_id for m in inbox.read(timeout=30)] == ["em_1"]
            inbox.commit()


@pytest.mark.parametrize("topic", ["mail.approved", "mail.decisions", "mail.inbound"])
def test_the_broker_refuses_an_agent_writing_what_only_mailgate_writes(team, bootstrap, topic) -> None:
    errors = []
    producer = Producer(broker_config(bootstrap, "MAILGATE_TEST_AGENT_CONFIG", **{"message.timeout.ms": 10000}))
    producer.produce(topic, key=b"mbx_x", value=b"{}", on_delivery=lambda err, _msg: errors.append(err))
    producer.flush(15)
    assert [e.code() for e in errors] == [KafkaError.TOPIC_AUTHORIZATION_FAILED]


def test_scram_credentials_work_where_librdkafka_can_do_scram(team, bootstrap, mailbox) -> None:
    who = Provenance(team, "Engineer", "Erin", "SendEmail", "9f1c2b7e4d0a4e5f8a1b3c6d9e2f4a7b")
    config = {**properties("MAILGATE_TEST_AGENT_SCRAM_CONFIG"), "message.timeout.ms": 5000}
    draft = EmailDraft.send(who, mailbox_id=mailbox, to=["c@example.com"], subject="S", markdown="B")
    with MailGate(bootstrap, config) as client:
        if SCRAM_WORKS:
            client.publish(draft, timeout=10)
        else:
            with pytest.raises(PublishError):
                client.publish(draft, timeout=8)
