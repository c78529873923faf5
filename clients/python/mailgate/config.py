"""Client configuration: Kafka client properties (a dict or a Java-style `.properties` file) plus
MailGate's own `mailgate.*` keys, which are taken out before the rest reaches librdkafka."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Mapping

AGENT_ID = "mailgate.agent.id"
SIGNING_KEY = "mailgate.agent.signing.key"
MAILGATE_PREFIX = "mailgate."

_JAAS_OPTION = re.compile(r'(\w+)\s*=\s*"((?:[^"\\]|\\.)*)"')
# Java-only client settings that librdkafka would refuse as unknown.
_JAVA_ONLY = ("key.serializer", "value.serializer", "key.deserializer", "value.deserializer", "sasl.jaas.config")


def load_properties(path: str | os.PathLike[str]) -> dict[str, str]:
    """Reads a Java `.properties` file: `key=value`, `key: value` or `key value`, `#`/`!` comments,
    backslash line continuations and escapes (`\\t`, `\\n`, `\\uXXXX`, `\\=`)."""
    text = Path(path).read_text(encoding="utf-8")
    result: dict[str, str] = {}
    logical = ""
    for raw in text.splitlines():
        line = raw.lstrip() if not logical else raw.lstrip()
        if not logical and (not line or line[0] in "#!"):
            continue
        trailing = len(line) - len(line.rstrip("\\"))
        if trailing % 2 == 1:
            logical += line[:-1]
            continue
        logical += line
        key, value = _split(logical)
        result[key] = value
        logical = ""
    if logical:
        key, value = _split(logical)
        result[key] = value
    return result


def _split(line: str) -> tuple[str, str]:
    i, key = 0, []
    while i < len(line):
        c = line[i]
        if c == "\\" and i + 1 < len(line):
            key.append(line[i : i + 2])
            i += 2
            continue
        if c in "=: \t\f":
            break
        key.append(c)
        i += 1
    rest = line[i:].lstrip(" \t\f")
    if rest[:1] in ("=", ":"):
        rest = rest[1:].lstrip(" \t\f")
    return _unescape("".join(key)), _unescape(rest)


def _unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c != "\\" or i + 1 == len(text):
            out.append(c)
            i += 1
            continue
        n = text[i + 1]
        if n == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", text[i + 2 : i + 6]):
            out.append(chr(int(text[i + 2 : i + 6], 16)))
            i += 6
            continue
        out.append({"t": "\t", "n": "\n", "r": "\r", "f": "\f"}.get(n, n))
        i += 2
    return "".join(out)


def split_config(config: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """(librdkafka configuration, MailGate settings). Java's `sasl.jaas.config` with a username and a
    password becomes librdkafka's `sasl.username` / `sasl.password`, so one file serves both clients."""
    kafka: dict[str, Any] = {}
    mailgate: dict[str, str] = {}
    for key, value in config.items():
        if key.startswith(MAILGATE_PREFIX):
            mailgate[key] = str(value)
        elif key not in _JAVA_ONLY:
            kafka[key] = value
    jaas = config.get("sasl.jaas.config")
    if jaas:
        options = {k: v.replace('\\"', '"').replace("\\\\", "\\") for k, v in _JAAS_OPTION.findall(str(jaas))}
        if "username" in options and "sasl.username" not in kafka:
            kafka["sasl.username"] = options["username"]
        if "password" in options and "sasl.password" not in kafka:
            kafka["sasl.password"] = options["password"]
    return kafka, mailgate


def redacted(config: Mapping[str, Any]) -> dict[str, Any]:
    """The configuration with secrets masked, for logs and error messages."""
    secret = re.compile(r"password|secret|signing\.key|jaas", re.IGNORECASE)
    return {k: ("***" if secret.search(k) else v) for k, v in config.items()}
