"""Signed intents: approval-service can verify which agent published an intent.

Headers `mailgate_agent` (the agent id) and `mailgate_signature` = base64url, unpadded, of
HMAC-SHA256(key, b"mailgate-intent-v1\\n" + agent_id + b"\\n" + the record value bytes), where `key`
is the base64url-decoded agent signing key (docs/fixtures/intent-signature.json is a test vector).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
from typing import Mapping

from .config import AGENT_ID, SIGNING_KEY

AGENT_HEADER = "mailgate_agent"
SIGNATURE_HEADER = "mailgate_signature"
DOMAIN = b"mailgate-intent-v1\n"
_B64URL = re.compile(r"[A-Za-z0-9_-]+")


def b64url_decode(text: str) -> bytes:
    """base64url with or without padding; ValueError when it is not base64url."""
    body = text.strip().rstrip("=")
    if not _B64URL.fullmatch(body) or len(body) % 4 == 1:
        raise ValueError("not base64url")
    try:
        return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError) as e:
        raise ValueError("not base64url") from e


def signature(agent_id: str, key: bytes, value: bytes) -> str:
    mac = hmac.new(key, DOMAIN + agent_id.encode("utf-8") + b"\n" + value, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).rstrip(b"=").decode("ascii")


class IntentSigner:
    """Signs intent record values for one agent."""

    def __init__(self, agent_id: str, signing_key: str) -> None:
        if not agent_id or not agent_id.strip():
            raise ValueError(f"{AGENT_ID} must not be blank")
        try:
            self._key = b64url_decode(signing_key)
        except ValueError:
            raise ValueError(f"{SIGNING_KEY} must be base64url (the key itself is not shown)") from None
        if len(self._key) < 16:
            raise ValueError(f"{SIGNING_KEY} must decode to at least 16 bytes")
        self.agent_id = agent_id

    @staticmethod
    def from_settings(settings: Mapping[str, str]) -> "IntentSigner | None":
        """The signer the settings describe; None when neither key is set (intents go unsigned).
        One without the other is a configuration error."""
        agent, key = settings.get(AGENT_ID), settings.get(SIGNING_KEY)
        if agent is None and key is None:
            return None
        if agent is None or key is None:
            raise ValueError(f"{AGENT_ID} and {SIGNING_KEY} go together: set both or neither")
        return IntentSigner(agent, key)

    def headers(self, value: bytes) -> list[tuple[str, bytes]]:
        return [
            (AGENT_HEADER, self.agent_id.encode("utf-8")),
            (SIGNATURE_HEADER, signature(self.agent_id, self._key, value).encode("ascii")),
        ]

    def __repr__(self) -> str:
        return f"IntentSigner(agent_id={self.agent_id!r}, key=***)"
