"""Intent ids: ULIDs (time-ordered, 26 Crockford base32 characters), minted once per logical email."""

from __future__ import annotations

import os
import time

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_ulid(now_ms: int | None = None) -> str:
    """A new ULID: 48 bits of milliseconds since the epoch, then 80 random bits."""
    ms = int(time.time() * 1000) if now_ms is None else now_ms
    value = (ms << 80) | int.from_bytes(os.urandom(10), "big")
    chars = []
    for _ in range(26):
        chars.append(_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def ulid_ms(value: str) -> int | None:
    """The milliseconds since the epoch a ULID was minted at; None when `value` is not a ULID."""
    if len(value) != 26 or any(c not in _ALPHABET for c in value.upper()) or value[0] > "7":
        return None
    number = 0
    for c in value.upper()[:10]:
        number = number * 32 + _ALPHABET.index(c)
    return number
