"""A role's inbox that resumes across restarts: a consumer group per role, offsets committed by the
caller once the mail has been handed over."""

from __future__ import annotations

import time
from typing import Any, Iterable

from confluent_kafka import Consumer, Message, TopicPartition

from .contract import INBOUND
from .identity import agent_group
from .inbound import InboundMail

_POLL_S = 0.2


class DurableInbox:
    """Reads `mail.inbound` in the consumer group `mailgate-agent.<team>.<role-normalised>` and keeps
    the mail of `mailboxes` that the mailbox's read grants (`read_grants`, set on release) let the role
    read, under its name or any of `also_known_as` (e.g. a MetaGPT role's class name beside its profile). `read()` returns what is new up to the end of the topic at the time
    of the call; `commit()` records that it was handed over, so a restarted agent does not read it
    again (a crash before `commit()` reads it again: at least once). A new group starts at the
    beginning of the topic."""

    def __init__(self, config: dict[str, Any], team: str, role: str, mailboxes: Iterable[str],
                 also_known_as: Iterable[str] = ()) -> None:
        self.mailboxes = frozenset(mailboxes)
        self.role_names = (role, *also_known_as)
        if not self.mailboxes:
            raise ValueError("a durable inbox needs at least one mailbox to read")
        self.group_id = agent_group(team, role)
        self._consumer = Consumer(
            {
                **config,
                "group.id": self.group_id,
                "enable.auto.commit": False,
                "enable.auto.offset.store": False,
                "auto.offset.reset": "earliest",
                "fetch.wait.max.ms": 100,
            }
        )
        self._assigned: dict[tuple[str, int], int] | None = None  # position of each assigned partition
        self._committed: dict[tuple[str, int], int] = {}
        self._seen: set[str] = set()
        self._early: list[Message] = []
        self._subscribed = False

    def close(self) -> None:
        """Leaves the group (uncommitted mail is read again by the next reader of the group)."""
        self._consumer.close()

    def __enter__(self) -> DurableInbox:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def read(self, timeout: float = 10.0) -> list[InboundMail]:
        """The mail released to the mailboxes since the last commit (or the last read), each once."""
        deadline = time.monotonic() + timeout
        if not self._join(deadline):
            return []
        assert self._assigned is not None
        ends = self._ends(deadline)
        mail: list[InboundMail] = []
        early, self._early = self._early, []
        for message in early:
            self._take(message, mail)
        while not self._reached(ends) and time.monotonic() < deadline:
            self._take(self._consumer.poll(min(_POLL_S, max(0.0, deadline - time.monotonic()))), mail)
        return mail

    def _take(self, message: Message | None, mail: list[InboundMail]) -> None:
        if message is None or message.error() is not None:
            return
        key = (message.topic(), message.partition())
        if self._assigned is None or key not in self._assigned:
            return  # revoked meanwhile: its next owner reads it
        self._assigned[key] = message.offset() + 1
        item = InboundMail.parse(message.value())
        if (item is not None and item.mailbox_id in self.mailboxes and item.email_id not in self._seen
                and item.readable_by(*self.role_names)):
            self._seen.add(item.email_id)
            mail.append(item)

    def commit(self) -> None:
        """Commits the positions `read()` reached. Raises KafkaException when the broker refuses."""
        if not self._assigned:
            return
        pending = [TopicPartition(t, p, o) for (t, p), o in self._assigned.items() if self._committed.get((t, p)) != o]
        if pending:
            self._consumer.commit(offsets=pending, asynchronous=False)
            for tp in pending:
                self._committed[(tp.topic, tp.partition)] = tp.offset

    def _join(self, deadline: float) -> bool:
        """Subscribes and waits for the group's assignment; False when the topic does not exist yet."""
        if not self._subscribed:
            metadata = self._consumer.list_topics(timeout=max(0.1, min(5.0, deadline - time.monotonic())))
            described = metadata.topics.get(INBOUND)
            if described is None or described.error is not None or not described.partitions:
                return False
            self._consumer.subscribe([INBOUND], on_assign=self._on_assign, on_revoke=self._on_revoke)
            self._subscribed = True
        while self._assigned is None and time.monotonic() < deadline:
            message = self._consumer.poll(_POLL_S)  # joins the group; the callbacks run inside poll
            if message is not None:
                self._early.append(message)  # fetched by the same poll that brought the assignment
        return self._assigned is not None

    def _on_assign(self, consumer: Consumer, partitions: list[TopicPartition]) -> None:
        committed = consumer.committed(partitions, timeout=10)
        starts = []
        for tp in committed:
            offset = tp.offset
            if offset < 0:  # nothing committed yet: the beginning
                offset = consumer.get_watermark_offsets(TopicPartition(tp.topic, tp.partition), timeout=10)[0]
            starts.append(TopicPartition(tp.topic, tp.partition, offset))
        self._assigned = {(tp.topic, tp.partition): tp.offset for tp in starts}
        self._committed = dict(self._assigned)
        consumer.assign(starts)

    def _on_revoke(self, consumer: Consumer, partitions: list[TopicPartition]) -> None:
        # Nothing is committed here: what was read but not yet committed by the caller goes to the
        # partition's next owner again (at least once).
        self._assigned = None
        consumer.unassign()

    def _ends(self, deadline: float) -> dict[tuple[str, int], int]:
        assert self._assigned is not None
        timeout = max(0.1, min(5.0, deadline - time.monotonic()))
        return {
            key: self._consumer.get_watermark_offsets(TopicPartition(*key), timeout=timeout, cached=False)[1]
            for key in self._assigned
        }

    def _reached(self, ends: dict[tuple[str, int], int]) -> bool:
        if self._assigned is None:
            return True
        # Past transaction markers too: the consumer's position moves beyond them without a record.
        for tp in self._consumer.position([TopicPartition(*key) for key in ends]):
            key = (tp.topic, tp.partition)
            if key in self._assigned and tp.offset > self._assigned[key]:
                self._assigned[key] = tp.offset
        return all(self._assigned.get(key, 0) >= end for key, end in ends.items())
