"""Fixtures: the real broker whose address the Maven build (or you) passes in MAILGATE_BOOTSTRAP_SERVERS."""

import json
import os
import sys
import uuid
from pathlib import Path
from typing import Any, Callable

import pytest
from confluent_kafka import Consumer, Producer, TopicPartition

ROOT = Path(__file__).resolve().parents[1]
REPO = ROOT.parents[1]
sys.path.insert(0, str(ROOT))

from mailgate import MailGate, Provenance  # noqa: E402
from broker import broker_config, properties  # noqa: E402


@pytest.fixture(scope="session")
def bootstrap() -> str:
    servers = os.environ.get("MAILGATE_BOOTSTRAP_SERVERS")
    if not servers:
        if os.environ.get("MAILGATE_REQUIRE_BROKER") == "1":
            pytest.fail("MAILGATE_BOOTSTRAP_SERVERS is not set")
        pytest.skip("no broker: set MAILGATE_BOOTSTRAP_SERVERS")
    return servers


@pytest.fixture
def client(bootstrap: str):
    with MailGate(bootstrap, properties()) as mailgate:
        yield mailgate


@pytest.fixture
def mailbox() -> str:
    """A mailbox of its own for each test, so tests sharing the topics never see each other's records."""
    return "mbx_" + uuid.uuid4().hex[:12]


@pytest.fixture
def who() -> Provenance:
    return Provenance("acme-run-42", "ProductManager", "Alice", "SendEmail", "9f1c2b7e4d0a4e5f8a1b3c6d9e2f4a7b")


@pytest.fixture
def mailgate_side(bootstrap: str) -> Callable[[str, str, dict[str, Any]], None]:
    """Plays approval-service / outbound-service: writes a record as they would."""
    producer = Producer(broker_config(bootstrap, partitioner="murmur2_random"))

    def produce(topic: str, event_type: str, record: dict[str, Any]) -> None:
        producer.produce(
            topic,
            key=record["mailbox_id"].encode(),
            value=json.dumps(record).encode(),
            headers=[("event_id", str(uuid.uuid4()).encode()), ("event_type", event_type.encode())],
        )
        assert producer.flush(10) == 0

    return produce


@pytest.fixture
def read_record(bootstrap: str) -> Callable[[str, int, int], Any]:
    """The record at (topic, partition, offset)."""

    def read(topic: str, partition: int, offset: int) -> Any:
        consumer = Consumer(broker_config(bootstrap, **{"group.id": "t-" + uuid.uuid4().hex}))
        try:
            consumer.assign([TopicPartition(topic, partition, offset)])
            for _ in range(50):
                message = consumer.poll(0.2)
                if message is not None and message.error() is None:
                    return message
            raise AssertionError(f"no record at {topic}/{partition}@{offset}")
        finally:
            consumer.close()

    return read
