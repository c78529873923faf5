"""The agent-side MailGate client: publish intents, follow what becomes of them, read inbound mail."""

import json
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Collection, Iterator

from confluent_kafka import Producer

from ._reader import TopicReader
from .contract import DECISIONS, EVENT_ID, EVENT_TYPE, INTENT_SUBMITTED, INTENTS, OUTCOMES, PARTITIONER
from .draft import EmailDraft
from .inbound import Inbox
from .results import FINAL, SETTLED, Result, Status, Update
from .validation import IntentInvalid, Problem, validate

MAX_RECORD_BYTES = 1_000_000
# Decisions are looked for from a little before the draft was made: producer clocks differ.
CLOCK_SKEW_MS = 60_000


class PublishError(RuntimeError):
    """The broker did not acknowledge the intent. Publishing the same draft again is safe."""


@dataclass(frozen=True)
class Receipt:
    """Where an intent was written: `mail.intents`, keyed by its mailbox."""

    intent_id: str
    mailbox_id: str
    event_id: str
    partition: int
    offset: int
    since_ms: int


class MailGate:
    """One per process. `config` is librdkafka configuration (at least `bootstrap.servers`)."""

    def __init__(self, bootstrap_servers: str, **config: Any) -> None:
        self._config = {"bootstrap.servers": bootstrap_servers, **config}
        self._producer = Producer(
            {**self._config, "acks": "all", "enable.idempotence": True, "partitioner": PARTITIONER}
        )

    def close(self, timeout: float = 10.0) -> None:
        self._producer.flush(timeout)

    def __enter__(self) -> "MailGate":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def publish(self, draft: EmailDraft, timeout: float = 10.0) -> Receipt:
        """Writes the intent and waits for the broker's acknowledgement. Raises `IntentInvalid`
        (nothing written) or `PublishError`. Publishing the same draft again sends the same intent_id."""
        payload = draft.payload()
        problems = validate(payload)
        value = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if len(value) > MAX_RECORD_BYTES:
            problems.append(Problem("$", "too_large", f"{len(value)} bytes, at most {MAX_RECORD_BYTES} allowed"))
        if problems:
            raise IntentInvalid(problems)
        event_id = str(uuid.uuid4())
        delivered: list[Any] = []
        self._producer.produce(
            INTENTS,
            key=draft.mailbox_id.encode("utf-8"),
            value=value,
            headers=[(EVENT_ID, event_id.encode()), (EVENT_TYPE, INTENT_SUBMITTED.encode())],
            on_delivery=lambda err, msg: delivered.append((err, msg)),
        )
        self._producer.flush(timeout)
        if not delivered:
            raise PublishError(f"intent {draft.intent_id} not acknowledged within {timeout}s; publish the draft again")
        err, msg = delivered[0]
        if err is not None:
            raise PublishError(f"intent {draft.intent_id} not written: {err}")
        return Receipt(draft.intent_id, draft.mailbox_id, event_id, msg.partition(), msg.offset(), _since(draft))

    def updates(self, intent: "EmailDraft | Receipt | str", timeout: float, since_ms: int | None = None) -> Iterator[Update]:
        """Every decision and outcome of the intent, as they arrive, until a final one or the timeout.
        For a bare id without `since_ms`, the topics are read from their beginning."""
        for update in self._follow(intent, timeout, since_ms):
            if update is not None and update is not _CAUGHT_UP:
                yield update
                if update.status in FINAL:
                    return

    def wait(
        self,
        intent: "EmailDraft | Receipt | str",
        timeout: float = 30.0,
        until: Collection[Status] = SETTLED,
        since_ms: int | None = None,
    ) -> Result:
        """The intent's status once it is in `until` (default: final, held, conflict or quota exhausted),
        else `TIMED_OUT` with what was seen. Past updates are read first, so the latest state wins."""
        intent_id = _intent_id(intent)
        history: list[Update] = []
        caught_up = False
        for update in self._follow(intent, timeout, since_ms):
            if update is _CAUGHT_UP:
                caught_up = True
            elif update is not None:
                history.append(update)
            current = _current(history)
            # History is read to its end first, so a final state read early still shows what led to it.
            if caught_up and current is not None and (current.status in FINAL or current.status in until):
                return Result(intent_id, current.status, tuple(history))
        return Result(intent_id, Status.TIMED_OUT, tuple(history))

    def inbox(self, mailbox_id: str, since: datetime | None = None) -> Inbox:
        """A cursor over the mail released to `mailbox_id` (from `since`, else from the beginning)."""
        return Inbox(self._config, mailbox_id, None if since is None else int(since.timestamp() * 1000))

    def _follow(self, intent: "EmailDraft | Receipt | str", timeout: float, since_ms: int | None) -> Iterator[Any]:
        intent_id = _intent_id(intent)
        deadline = time.monotonic() + timeout
        with TopicReader(self._config, [DECISIONS, OUTCOMES], since_ms or _since(intent)) as reader:
            ends = reader.ends(max(0.1, min(timeout, 5.0)))
            announced = False
            for message in reader.records(deadline):
                if message is not None:
                    update = Update.parse(message.topic(), message.value())
                    if update is not None and update.intent_id == intent_id:
                        yield update
                if not announced and reader.reached(ends):
                    announced = True
                    yield _CAUGHT_UP
                yield None


_CAUGHT_UP = object()


def _current(history: list[Update]) -> Update | None:
    finals = [u for u in history if u.status in FINAL]
    return finals[-1] if finals else (history[-1] if history else None)


def _intent_id(intent: "EmailDraft | Receipt | str") -> str:
    return intent if isinstance(intent, str) else intent.intent_id


def _since(intent: "EmailDraft | Receipt | str") -> int | None:
    if isinstance(intent, Receipt):
        return intent.since_ms
    if isinstance(intent, EmailDraft):
        created = datetime.fromisoformat(intent.created_at.replace("Z", "+00:00"))
        return int(created.timestamp() * 1000) - CLOCK_SKEW_MS
    return None
