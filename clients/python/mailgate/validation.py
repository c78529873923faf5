"""Checks an intent payload with the rules of docs/contract.md before anything is published.

A port of the Java `IntentValidator`: every problem is reported with its field path and code.
"""

import base64
import binascii
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .contract import KINDS

MAX_RECIPIENTS = 50
MAX_SUBJECT = 998
MAX_MARKDOWN = 262_144
MAX_REASONING = 2_000
MAX_LABEL = 200
MAX_ID = 128
MAX_ATTACHMENTS = 10
MAX_ATTACHMENT_BYTES = 512 * 1024

_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_DOMAIN = re.compile(r"([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}")
_OPAQUE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*")
_MIME = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an intent: `path` such as `to[3]`, a stable `code`, a `message`."""

    path: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message} ({self.code})"


class IntentInvalid(ValueError):
    """The intent breaks the contract; nothing was published. `problems` lists every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("invalid email intent: " + "; ".join(str(p) for p in problems))


def is_address(value: str) -> bool:
    """A bare `local@domain.tld` of at most 254 characters (no display name, IDNs in punycode)."""
    at = value.rfind("@")
    if at <= 0 or at > 64 or len(value) > 254:
        return False
    return bool(_LOCAL.fullmatch(value[:at]) and _DOMAIN.fullmatch(value[at + 1 :]))


def validate(payload: dict[str, Any]) -> list[Problem]:
    """Every problem of an intent payload (snake_case JSON object); empty when it is valid."""
    problems: list[Problem] = []
    fields = _Fields(payload, problems)
    fields.ident("intent_id", True, MAX_ID)
    fields.ident("mailbox_id", True, MAX_ID)
    kind = fields.text("kind", True, 16, False)
    if kind is not None and kind not in KINDS:
        problems.append(Problem("kind", "invalid_enum", "must be one of " + ", ".join(sorted(KINDS))))
    for label in ("team", "role", "agent", "action"):
        if fields.text(label, True, MAX_LABEL, False) == "":
            # The JSON Schema says minLength 1; the Java IntentValidator lets "" through.
            problems.append(Problem(label, "required", "must not be empty"))
    fields.ident("trigger_message_id", False, MAX_ID)
    fields.text("reasoning", False, MAX_REASONING, True)
    reply = kind == "reply"
    fields.ident("reply_to_email_id", reply, 256)
    fields.ident("thread_id", False, 256)
    subject = fields.text("subject", not reply, MAX_SUBJECT, False)
    if subject is not None and not reply and not subject.strip():
        problems.append(Problem("subject", "required", "must not be blank"))
    markdown = fields.text("markdown", True, MAX_MARKDOWN, True)
    if markdown is not None and not markdown.strip():
        problems.append(Problem("markdown", "required", "must not be blank"))
    fields.instant("created_at")
    _recipients(payload, problems, to_required=not reply)
    _attachments(payload.get("attachments"), problems)
    return problems


def check_text(problems: list[Problem], path: str, value: str, max_chars: int, multiline: bool) -> None:
    if len(value) > max_chars:
        problems.append(Problem(path, "too_long", f"has {len(value)} characters, at most {max_chars} allowed"))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        problems.append(Problem(path, "invalid_unicode", "contains an unpaired UTF-16 surrogate"))
    if not multiline and ("\r" in value or "\n" in value):
        problems.append(Problem(path, "header_injection", "must not contain CR or LF"))
    if any(_is_other_control(c) for c in value):
        problems.append(Problem(path, "control_character", "must not contain control characters"))


def _is_other_control(c: str) -> bool:
    code = ord(c)
    return (code <= 0x1F or 0x7F <= code <= 0x9F) and c not in "\r\n\t"


@dataclass
class _Fields:
    root: dict[str, Any]
    problems: list[Problem]

    def text(self, name: str, required: bool, max_chars: int, multiline: bool) -> str | None:
        value = self.root.get(name)
        if value is None:
            if required:
                self.problems.append(Problem(name, "required", "is required"))
            return None
        if not isinstance(value, str):
            self.problems.append(Problem(name, "type", f"must be a string, not {type(value).__name__}"))
            return None
        check_text(self.problems, name, value, max_chars, multiline)
        return value

    def ident(self, name: str, required: bool, max_chars: int) -> None:
        value = self.text(name, required, max_chars, False)
        if value is not None and len(value) <= max_chars and not _OPAQUE_ID.fullmatch(value):
            self.problems.append(Problem(name, "invalid_format", "must be letters, digits and . _ : - only"))

    def instant(self, name: str) -> None:
        value = self.text(name, True, 64, False)
        if value is None or len(value) > 64:
            return
        if not value.endswith("Z"):
            ok = False
        else:
            try:
                datetime.fromisoformat(value[:-1] + "+00:00")
                ok = "T" in value
            except ValueError:
                ok = False
        if not ok:
            self.problems.append(
                Problem(name, "invalid_format", "must be an ISO-8601 UTC instant such as 2026-11-24T10:00:00Z")
            )


def _recipients(root: dict[str, Any], problems: list[Problem], to_required: bool) -> None:
    seen: set[str] = set()
    total = 0
    for name in ("to", "cc", "bcc"):
        values = root.get(name)
        if values is None:
            continue
        if not isinstance(values, (list, tuple)):
            problems.append(Problem(name, "type", f"must be a list of addresses, not {type(values).__name__}"))
            continue
        total += len(values)
        for i, address in enumerate(values):
            _address(f"{name}[{i}]", address, seen, problems)
    to = root.get("to")
    if to_required and not (isinstance(to, (list, tuple)) and to):
        problems.append(Problem("to", "required", "at least one recipient is required"))
    if total > MAX_RECIPIENTS:
        problems.append(Problem("to", "too_many", f"{total} recipients, at most {MAX_RECIPIENTS} allowed"))


def _address(path: str, address: Any, seen: set[str], problems: list[Problem]) -> None:
    if not isinstance(address, str):
        problems.append(Problem(path, "type", f"must be a string, not {type(address).__name__}"))
    elif "\r" in address or "\n" in address:
        problems.append(Problem(path, "header_injection", "must not contain CR or LF"))
    elif not is_address(address):
        problems.append(Problem(path, "invalid_address", "is not an email address (local@domain.tld)"))
    elif address.lower() in seen:
        problems.append(Problem(path, "duplicate", "appears more than once among to, cc and bcc"))
    else:
        seen.add(address.lower())


def _attachments(items: Any, problems: list[Problem]) -> None:
    if items is None:
        return
    if not isinstance(items, (list, tuple)):
        problems.append(Problem("attachments", "type", "must be a list"))
        return
    if len(items) > MAX_ATTACHMENTS:
        problems.append(
            Problem("attachments", "too_many", f"{len(items)} attachments, at most {MAX_ATTACHMENTS} allowed")
        )
        return
    total = 0
    for i, item in enumerate(items):
        path = f"attachments[{i}]"
        if not isinstance(item, dict):
            problems.append(Problem(path, "type", "must be an object"))
            continue
        fields = _Fields(item, [])
        name = fields.text("name", True, 255, False)
        if name is not None and ("/" in name or "\\" in name or not name.strip()):
            fields.problems.append(Problem("name", "invalid_format", "must be a file name without path separators"))
        ctype = fields.text("content_type", True, 255, False)
        if ctype is not None and not _MIME.fullmatch(ctype):
            fields.problems.append(Problem("content_type", "invalid_format", "must be a MIME type such as application/pdf"))
        content = fields.text("content_base64", True, 10**9, False)
        if content is not None:
            try:
                total += len(base64.b64decode(content, validate=True))
            except (binascii.Error, ValueError):
                fields.problems.append(Problem("content_base64", "invalid_format", "is not valid base64"))
        problems.extend(Problem(f"{path}.{p.path}", p.code, p.message) for p in fields.problems)
    if total > MAX_ATTACHMENT_BYTES:
        problems.append(
            Problem("attachments", "too_large", f"{total} bytes in all, at most {MAX_ATTACHMENT_BYTES} allowed")
        )
