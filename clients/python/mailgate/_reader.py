"""Reads every partition of some topics from a point in time, without a consumer group."""

import time
import uuid
from typing import Any, Iterator

from confluent_kafka import Consumer, Message, TopicPartition

_METADATA_REFRESH_S = 1.0
_POLL_S = 0.2


class TopicReader:
    """Assigns every partition of `topics` (including ones created later) starting at `since_ms`
    (record timestamps), or at the beginning. Nothing is committed: each reader keeps its own positions."""

    def __init__(self, config: dict[str, Any], topics: list[str], since_ms: int | None = None) -> None:
        self._consumer = Consumer(
            {
                **config,
                "group.id": "mailgate-reader-" + uuid.uuid4().hex,
                "enable.auto.commit": False,
                "auto.offset.reset": "earliest",
                # Watermark queries queue behind a fetch's long poll on the one connection.
                "fetch.wait.max.ms": 100,
            }
        )
        self._topics = topics
        self._since_ms = since_ms
        self._missing = set(topics)
        self._checked_at = 0.0
        self.positions: dict[tuple[str, int], int] = {}
        self._fresh_ends: dict[tuple[str, int], int] = {}

    def close(self) -> None:
        self._consumer.close()

    def __enter__(self) -> "TopicReader":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def ends(self, timeout: float = 5.0) -> dict[tuple[str, int], int]:
        """The current end offset of every assigned partition."""
        self._refresh(timeout)
        ends = {
            key: self._fresh_ends[key]
            if key in self._fresh_ends
            else self._consumer.get_watermark_offsets(TopicPartition(*key), timeout=timeout, cached=False)[1]
            for key in self.positions
        }
        self._fresh_ends.clear()
        return ends

    def reached(self, ends: dict[tuple[str, int], int]) -> bool:
        """Whether every partition has been read up to `ends` (past transaction markers too)."""
        if not ends:
            return True
        fetched = self._consumer.position([TopicPartition(*key) for key in ends])
        for tp in fetched:
            key = (tp.topic, tp.partition)
            self.positions[key] = max(self.positions.get(key, 0), tp.offset)
        return all(self.positions.get(key, 0) >= end for key, end in ends.items())

    def records(self, deadline: float) -> Iterator[Message | None]:
        """Records as they arrive until `deadline` (a `time.monotonic()` value); None when a poll
        found nothing, so callers can check their own stop condition."""
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            if self._missing and time.monotonic() - self._checked_at >= _METADATA_REFRESH_S:
                self._refresh(min(remaining, 5.0))
            message = self._consumer.poll(min(remaining, _POLL_S))
            if message is None or message.error() is not None:
                yield None
                continue
            self.positions[(message.topic(), message.partition())] = message.offset() + 1
            yield message

    def _refresh(self, timeout: float) -> None:
        self._checked_at = time.monotonic()
        if not self._missing:
            return
        metadata = self._consumer.list_topics(timeout=timeout)
        added = []
        for topic in sorted(self._missing):
            described = metadata.topics.get(topic)
            if described is None or described.error is not None or not described.partitions:
                continue
            self._missing.discard(topic)
            added += [TopicPartition(topic, p) for p in sorted(described.partitions)]
        if not added:
            return
        marks = [self._consumer.get_watermark_offsets(tp, timeout=timeout, cached=False) for tp in added]
        for tp, offset, (_, high) in zip(added, self._starts(added, marks, timeout), marks):
            self.positions[(tp.topic, tp.partition)] = offset
            self._fresh_ends[(tp.topic, tp.partition)] = high
        self._consumer.assign([TopicPartition(t, p, o) for (t, p), o in self.positions.items()])

    def _starts(self, partitions: list[TopicPartition], marks: list[tuple[int, int]], timeout: float) -> list[int]:
        if self._since_ms is None:
            return [low for low, _ in marks]
        found = self._consumer.offsets_for_times(
            [TopicPartition(tp.topic, tp.partition, self._since_ms) for tp in partitions], timeout=timeout
        )
        return [f.offset if f.offset >= 0 else high for f, (_, high) in zip(found, marks)]
