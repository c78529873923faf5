"""The inbound mail of a mailbox, as MailGate releases it to the agents (`mail.inbound`)."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from ._reader import TopicReader
from .contract import INBOUND
from .identity import normalise_role

ANY_ROLE = "*"


def may_read(read_grants: dict[str, Any] | None, names: Iterable[str]) -> bool:
    """Whether a role known by any of `names` may read mail released with `read_grants`: the role's own
    grant decides, else the `*` grant, else it may not. Names compare normalised; when several of the
    role's names have grants of their own, every one must allow it. No grants: no role reads."""
    wanted = {n for n in (normalise_role(name) for name in names if isinstance(name, str)) if n}
    if not isinstance(read_grants, dict) or not wanted:
        return False
    own = [allowed for role, allowed in read_grants.items()
           if role != ANY_ROLE and isinstance(role, str) and normalise_role(role) in wanted]
    if own:
        return all(allowed is True for allowed in own)
    return read_grants.get(ANY_ROLE) is True


@dataclass(frozen=True)
class InboundMail:
    email_id: str
    mailbox_id: str
    sender: str
    subject: str | None
    markdown: str | None
    thread_id: str | None
    received_at: str
    to: tuple[str, ...] = ()
    record: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def read_grants(self) -> dict[str, Any] | None:
        """The mailbox's read grants at release (`read_grants`), role name or `*` to whether it may read."""
        grants = self.record.get("read_grants")
        return grants if isinstance(grants, dict) else None

    def readable_by(self, *names: str) -> bool:
        """Whether the role known by `names` (e.g. a MetaGPT role's profile and class name) may read it."""
        return may_read(self.read_grants, names)

    @staticmethod
    def parse(value: bytes | None) -> InboundMail | None:
        try:
            r = json.loads(value or b"")
            if not all(isinstance(r.get(k), str) for k in ("email_id", "mailbox_id", "from", "received_at")):
                return None  # not an inbound email of the contract
            return InboundMail(
                r["email_id"], r["mailbox_id"], r["from"], r.get("subject"), r.get("markdown"),
                r.get("thread_id"), r["received_at"], tuple(r.get("to") or ()), r,
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return None


class Inbox:
    """A cursor over the released mail of one mailbox (or several). `read()` returns what is new since
    the last call; `stream()` yields mail as it arrives. Positions live in this object (no consumer
    group): see `DurableInbox` for a role's inbox that resumes across restarts. With `role` (a name, or
    all names of one role) only mail the mailbox's read grants let that role read; without, all of it
    (an operator's view)."""

    def __init__(self, config: dict[str, Any], mailbox_id: str | Iterable[str], since_ms: int | None = None,
                 role: str | Iterable[str] | None = None) -> None:
        self.role_names = None if role is None else ((role,) if isinstance(role, str) else tuple(role))
        if self.role_names is not None and not any(normalise_role(n) for n in self.role_names):
            raise ValueError("role must not be blank")
        self.mailboxes = frozenset([mailbox_id] if isinstance(mailbox_id, str) else mailbox_id)
        self.mailbox_id = mailbox_id if isinstance(mailbox_id, str) else ",".join(sorted(self.mailboxes))
        self._reader = TopicReader(config, [INBOUND], since_ms)
        self._seen: set[str] = set()

    def close(self) -> None:
        self._reader.close()

    def __enter__(self) -> Inbox:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def read(self, timeout: float = 10.0) -> list[InboundMail]:
        """Every mail released since the last call, up to the end of the topic at the time of the call."""
        deadline = time.monotonic() + timeout
        ends = self._reader.ends(timeout)
        mail: list[InboundMail] = []
        if self._reader.reached(ends):
            return mail
        for message in self._reader.records(deadline):
            item = None if message is None else self._accept(message.value())
            if item is not None:
                mail.append(item)
            if self._reader.reached(ends):
                break
        return mail

    def stream(self, timeout: float) -> Iterator[InboundMail]:
        """Mail as it is released, until `timeout` seconds have passed."""
        for message in self._reader.records(time.monotonic() + timeout):
            item = None if message is None else self._accept(message.value())
            if item is not None:
                yield item

    def _accept(self, value: bytes | None) -> InboundMail | None:
        item = InboundMail.parse(value)
        # email_id is the event's identity: a redelivered release is shown once.
        if item is None or item.mailbox_id not in self.mailboxes or item.email_id in self._seen:
            return None
        if self.role_names is not None and not item.readable_by(*self.role_names):
            return None  # the role holds no read grant on the mailbox
        self._seen.add(item.email_id)
        return item
