"""Helpers for the MetaGPT tests: the stand-in on sys.path, and a thread playing approval-service and
outbound-service for one mailbox against the real broker."""

import json
import sys
import threading
import time
from typing import Any, Callable

import pytest

from conftest import ROOT
from mailgate._reader import TopicReader
from broker import broker_config  # noqa: E402

STANDIN = ROOT / "tests" / "standin"


@pytest.fixture
def standin() -> None:
    """`import metagpt` finds the stand-in (once imported, it stays for the rest of the session; the
    test that needs MetaGPT absent runs in its own interpreter)."""
    if str(STANDIN) not in sys.path:
        sys.path.insert(0, str(STANDIN))


def decision(mailbox: str, intent: dict, state: str, **extra: Any) -> dict:
    return {"intent_id": intent["intent_id"], "mailbox_id": mailbox, "state": state,
            "actor": extra.pop("actor", {"type": "policy", "id": "policy"}), "problems": [], "edited_fields": [],
            "team": intent["team"], "role": intent["role"], "agent": intent["agent"],
            "occurred_at": "2026-11-24T10:00:00Z", **extra}


def play_mailgate(bootstrap: str, mailbox: str, mailgate_side: Callable, answer: Callable[[dict], list],
                  count: int = 1, seconds: float = 60) -> list:
    """Answers the first `count` intents of `mailbox` with the records `answer(intent)` returns, as
    (topic, event_type, record). Returns the intents seen (filled in as they arrive)."""
    seen: list = []

    def run() -> None:
        with TopicReader(broker_config(bootstrap), ["mail.intents"], int(time.time() * 1000) - 5000) as reader:
            for message in reader.records(time.monotonic() + seconds):
                if message is not None and message.key() == mailbox.encode():
                    intent = json.loads(message.value())
                    seen.append(intent)
                    for topic, event_type, record in answer(intent):
                        mailgate_side(topic, event_type, record)
                    if len(seen) == count:
                        return

    threading.Thread(target=run, daemon=True).start()
    return seen
