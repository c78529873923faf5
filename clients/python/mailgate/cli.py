"""`mailgate`: the operator's command line for agents' mail. Publish a draft (flags or a JSON file),
follow an intent's decisions and outcomes, tail a mailbox's inbound mail.

Connection: `--bootstrap` (else $MAILGATE_BOOTSTRAP_SERVERS, else the file's bootstrap.servers) and
`--config FILE.properties` (else $MAILGATE_KAFKA_CONFIG): Kafka client properties plus
`mailgate.agent.id` / `mailgate.agent.signing.key` to sign intents.
Exit codes: 0 done, 1 timed out, 2 bad input (every problem printed), 3 not published.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict
from typing import Any, Sequence, TextIO

from . import __version__
from .client import MailGate, PublishError
from .config import load_properties
from .draft import EmailDraft, Provenance
from .results import FINAL, Status, Update
from .validation import IntentInvalid

_DRAFT_FIELDS = ("kind", "mailbox_id", "team", "role", "agent", "action", "trigger_message_id", "reasoning", "to",
                 "cc", "bcc", "subject", "markdown", "reply_to_email_id", "thread_id", "intent_id", "created_at")


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    args = _parser().parse_args(argv)
    try:
        return args.run(args, out)
    except IntentInvalid as e:
        for problem in e.problems:
            print(f"invalid: {problem}", file=sys.stderr)
        return 2
    except (ValueError, OSError) as e:
        print(f"mailgate: {e}", file=sys.stderr)
        return 2
    except PublishError as e:
        print(f"mailgate: {e}", file=sys.stderr)
        return 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mailgate", description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"mailgate {__version__}")
    parser.add_argument("--bootstrap", help="Kafka bootstrap servers (host:port,...)")
    parser.add_argument("--config", help="a .properties file: Kafka client properties and mailgate.agent.*")
    parser.add_argument("--json", action="store_true", help="print JSON lines instead of text")
    commands = parser.add_subparsers(dest="command", required=True)

    publish = commands.add_parser("publish", help="publish an email intent (a draft) and report what MailGate decided")
    publish.add_argument("--file", help="a JSON object with the intent's fields ('-' for stdin); flags override it")
    for name in ("mailbox", "team", "role", "agent", "action", "subject", "markdown", "reasoning", "reply-to",
                 "thread-id", "trigger-message-id", "intent-id"):
        publish.add_argument(f"--{name}")
    publish.add_argument("--markdown-file", help="read the body from this file")
    for name in ("to", "cc", "bcc"):
        publish.add_argument(f"--{name}", action="append", help="an address; repeat for more")
    publish.add_argument("--wait", type=float, default=0.0, help="seconds to wait for a decision (0: do not wait)")
    publish.set_defaults(run=_publish)

    follow = commands.add_parser("follow", help="print an intent's decisions and outcomes as they arrive")
    follow.add_argument("intent_id")
    follow.add_argument("--timeout", type=float, default=60.0, help="give up after this many seconds")
    follow.set_defaults(run=_follow)

    inbox = commands.add_parser("inbox", help="tail the inbound mail released to mailboxes")
    inbox.add_argument("--mailbox", action="append", required=True, help="a mailbox id; repeat for more")
    inbox.add_argument("--timeout", type=float, default=10.0, help="seconds to keep reading")
    inbox.add_argument("--follow", action="store_true", help="keep printing new mail until the timeout")
    inbox.add_argument("--team", help="with --role: resume from and commit to the role's consumer group")
    inbox.add_argument("--role", help="with --team: the role whose position is used")
    inbox.set_defaults(run=_inbox)
    return parser


def _client(args: argparse.Namespace) -> MailGate:
    path = args.config or os.environ.get("MAILGATE_KAFKA_CONFIG")
    config = load_properties(path) if path else {}
    bootstrap = args.bootstrap or os.environ.get("MAILGATE_BOOTSTRAP_SERVERS") or config.get("bootstrap.servers")
    if not bootstrap:
        raise ValueError("no broker: pass --bootstrap, set MAILGATE_BOOTSTRAP_SERVERS, or bootstrap.servers in --config")
    return MailGate(bootstrap, config)


def _draft(args: argparse.Namespace) -> EmailDraft:
    fields: dict[str, Any] = {}
    if args.file:
        with (sys.stdin if args.file == "-" else open(args.file, encoding="utf-8")) as f:
            loaded = json.load(f)
        if not isinstance(loaded, dict):
            raise ValueError(f"{args.file}: a JSON object is required")
        unknown = sorted(set(loaded) - set(_DRAFT_FIELDS))
        if unknown:
            raise ValueError(f"{args.file}: unknown fields {', '.join(unknown)}")
        fields.update(loaded)
    flags = {"mailbox_id": args.mailbox, "team": args.team, "role": args.role, "agent": args.agent,
             "action": args.action, "subject": args.subject, "markdown": args.markdown, "reasoning": args.reasoning,
             "reply_to_email_id": args.reply_to, "thread_id": args.thread_id,
             "trigger_message_id": args.trigger_message_id, "intent_id": args.intent_id,
             "to": args.to, "cc": args.cc, "bcc": args.bcc}
    if args.markdown_file:
        with open(args.markdown_file, encoding="utf-8") as f:
            flags["markdown"] = f.read()
    fields.update({k: v for k, v in flags.items() if v is not None})
    kind = fields.pop("kind", None) or ("reply" if fields.get("reply_to_email_id") else "send")
    who = Provenance(fields.pop("team", "") or "", fields.pop("role", "") or "", fields.pop("agent", "") or "",
                     fields.pop("action", None) or ("ReplyEmail" if kind == "reply" else "SendEmail"),
                     fields.pop("trigger_message_id", None), fields.pop("reasoning", None))
    optional = {k: v for k, v in fields.items() if k in ("cc", "bcc", "thread_id", "intent_id", "created_at")}
    if kind == "reply":
        return EmailDraft.reply(who, mailbox_id=fields.get("mailbox_id") or "", markdown=fields.get("markdown") or "",
                                reply_to_email_id=fields.get("reply_to_email_id") or "", **optional)
    if kind != "send":
        raise ValueError(f"kind must be send or reply, not {kind!r}")
    return EmailDraft.send(who, mailbox_id=fields.get("mailbox_id") or "", to=fields.get("to") or [],
                           subject=fields.get("subject") or "", markdown=fields.get("markdown") or "", **optional)


def _publish(args: argparse.Namespace, out: TextIO) -> int:
    draft = _draft(args)
    with _client(args) as mailgate:
        receipt = mailgate.publish(draft)
        _emit(args, out, {"intent_id": receipt.intent_id, "mailbox_id": receipt.mailbox_id, "status": "published",
                          "partition": receipt.partition, "offset": receipt.offset},
              f"published intent {receipt.intent_id} to {receipt.mailbox_id} (partition {receipt.partition}, offset {receipt.offset})")
        if args.wait <= 0:
            return 0
        result = mailgate.wait(draft, timeout=args.wait)
        _emit(args, out, {"intent_id": result.intent_id, "status": result.status.value, "reason": result.reason,
                          "problems": [asdict(p) for p in result.problems]}, result.describe())
        return 1 if result.timed_out else 0


def _follow(args: argparse.Namespace, out: TextIO) -> int:
    final = None
    with _client(args) as mailgate:
        for update in mailgate.updates(args.intent_id, timeout=args.timeout):
            _emit(args, out, {"topic": update.topic, **update.record}, _line(update))
            final = update.status if update.status in FINAL else final
    if final is None:
        print(f"mailgate: no final decision or outcome for {args.intent_id} within {args.timeout}s", file=sys.stderr)
        return 1
    return 0


def _line(update: Update) -> str:
    r = update.record
    status = "sent" if update.status is Status.SENT else update.status.value
    details = [str(d) for d in (r.get("reason"), r.get("error"), r.get("provider_email_id")) if d]
    details += [f"{p.get('path')}: {p.get('message')}" for p in r.get("problems") or []]
    return f"{r.get('occurred_at', '')} {update.intent_id} {status}" + (" - " + "; ".join(details) if details else "")


def _inbox(args: argparse.Namespace, out: TextIO) -> int:
    if bool(args.team) != bool(args.role):
        raise ValueError("--team and --role go together")
    with _client(args) as mailgate:
        if args.team:
            with mailgate.durable_inbox(args.team, args.role, args.mailbox) as durable:
                for mail in durable.read(args.timeout):
                    _mail(args, out, mail)
                durable.commit()
            return 0
        with mailgate.inbox(args.mailbox) as reader:
            for mail in (reader.stream(args.timeout) if args.follow else reader.read(args.timeout)):
                _mail(args, out, mail)
    return 0


def _mail(args: argparse.Namespace, out: TextIO, mail: Any) -> None:
    _emit(args, out, mail.record, f"{mail.received_at} {mail.mailbox_id} {mail.email_id} (thread {mail.thread_id}) "
                                  f"from {mail.sender}: {mail.subject or ''}")


def _emit(args: argparse.Namespace, out: TextIO, record: dict[str, Any], text: str) -> None:
    print(json.dumps(record, ensure_ascii=False) if args.json else text, file=out, flush=True)


if __name__ == "__main__":
    sys.exit(main())
