"""The agent-side MailGate client: publish intents, follow what becomes of them, read inbound mail."""

from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Collection, Iterable, Iterator, Mapping

from confluent_kafka import Producer

from ._reader import TopicReader
from .config import load_properties, split_config
from .contract import DECISIONS, EVENT_ID, EVENT_TYPE, INTENT_SUBMITTED, INTENTS, OUTCOMES, PARTITIONER
from .draft import EmailDraft
from .durable import DurableInbox
from .ids import ulid_ms
from .inbound import Inbox
from .signing import IntentSigner
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
    """One per process. `config` holds Kafka client properties (`security.protocol`, `sasl.mechanism`,
    `sasl.username`/`sasl.password` or Java's `sasl.jaas.config`, ...) and MailGate's own
    `mailgate.agent.id` + `mailgate.agent.signing.key`: with both, every intent is signed."""

    def __init__(
        self, bootstrap_servers: str | None = None, config: Mapping[str, Any] | None = None, **options: Any
    ) -> None:
        merged: dict[str, Any] = {**(config or {}), **options}
        if bootstrap_servers:
            merged["bootstrap.servers"] = bootstrap_servers
        if not merged.get("bootstrap.servers"):
            raise ValueError("bootstrap.servers is required")
        self._config, settings = split_config(merged)
        self._signer = IntentSigner.from_settings(settings)
        self._producer = Producer(
            {**self._config, "acks": "all", "enable.idempotence": True, "partitioner": PARTITIONER}
        )

    @classmethod
    def from_properties(cls, path: str | os.PathLike[str], bootstrap_servers: str | None = None) -> MailGate:
        """From a `.properties` file (Kafka client properties + `mailgate.*` keys)."""
        return cls(bootstrap_servers, load_properties(path))

    @classmethod
    def from_env(cls) -> MailGate:
        """`$MAILGATE_KAFKA_CONFIG` (a properties file, optional) and `$MAILGATE_BOOTSTRAP_SERVERS`."""
        path = os.environ.get("MAILGATE_KAFKA_CONFIG")
        config = load_properties(path) if path else {}
        return cls(os.environ.get("MAILGATE_BOOTSTRAP_SERVERS") or config.get("bootstrap.servers"), config)

    @property
    def agent_id(self) -> str | None:
        """The agent id intents are signed as; None when they go unsigned."""
        return self._signer.agent_id if self._signer else None

    def close(self, timeout: float = 10.0) -> None:
        self._producer.flush(timeout)

    def __enter__(self) -> MailGate:
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
        headers = [(EVENT_ID, event_id.encode()), (EVENT_TYPE, INTENT_SUBMITTED.encode())]
        if self._signer is not None:
            headers += self._signer.headers(value)
        delivered: list[Any] = []
        self._producer.produce(
            INTENTS,
            key=draft.mailbox_id.encode("utf-8"),
            value=value,
            headers=headers,
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
        For a bare id without `since_ms`, the topics are read from the time in its ULID (else from their beginning)."""
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

    def inbox(self, mailbox_id: str | Iterable[str], since: datetime | None = None,
              role: str | Iterable[str] | None = None) -> Inbox:
        """A cursor over the mail released to `mailbox_id` (one or several; from `since`, else from the beginning),
        kept in this process only; see `durable_inbox` for one that resumes across restarts. With `role`, only
        the mail that role may read (the mailboxes' read grants); without, all of it (an operator's view)."""
        return Inbox(self._config, mailbox_id, None if since is None else int(since.timestamp() * 1000), role)

    def durable_inbox(self, team: str, role: str, mailboxes: Iterable[str],
                      also_known_as: Iterable[str] = ()) -> DurableInbox:
        """The mail released to `mailboxes` that the role may read (the mailboxes' read grants, under `role`
        or any of `also_known_as`), resumed from the position the role (of the team) last committed:
        consumer group `mailgate-agent.<team>.<role-normalised>`."""
        return DurableInbox(self._config, team, role, mailboxes, also_known_as)

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
    minted = ulid_ms(intent)  # the client mints ULIDs: their first 48 bits are the minting time
    return None if minted is None else minted - CLOCK_SKEW_MS
