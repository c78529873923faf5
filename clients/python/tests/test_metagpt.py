"""MetaGPT adapters, tested with stand-ins that have MetaGPT's documented attribute shapes."""

import asyncio
import json
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from types import SimpleNamespace

import pytest

from conftest import ROOT
from mailgate import MailGate
from mailgate._reader import TopicReader
from mailgate.audit import AuditClient
from mailgate.metagpt import provenance_of, trigger_of

STANDIN = ROOT / "tests" / "standin"


@pytest.fixture
def standin():
    """`import metagpt` finds the stand-in for the duration of the test."""
    sys.path.insert(0, str(STANDIN))
    yield
    sys.path.remove(str(STANDIN))
    for name in [n for n in sys.modules if n == "metagpt" or n.startswith(("metagpt.", "mailgate.metagpt.actions"))]:
        del sys.modules[name]


def test_the_core_package_imports_without_metagpt() -> None:
    code = (
        "import sys, mailgate, mailgate.metagpt\n"
        "assert 'metagpt' not in sys.modules\n"
        "try:\n    mailgate.metagpt.SendEmail\nexcept ModuleNotFoundError as e:\n    print('needs', e.name)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "needs metagpt"


def test_provenance_comes_from_the_role_and_the_triggering_message() -> None:
    older = SimpleNamespace(id="a" * 32, content="old")
    trigger = SimpleNamespace(id="3a7c9e1f5b2d4c6e8f0a1b2c3d4e5f60", content="customer asked for an ETA")
    role = SimpleNamespace(name="Alice", profile="ProductManager", rc=SimpleNamespace(news=[older, trigger]))
    action = SimpleNamespace(name="SendEmail")

    assert trigger_of(role, [older]) is trigger
    who = provenance_of(role, trigger_of(role), action=action, team="acme-run-42", reasoning="ETA asked")
    assert (who.team, who.role, who.agent, who.action, who.trigger_message_id, who.reasoning) == (
        "acme-run-42", "ProductManager", "Alice", "SendEmail", trigger.id, "ETA asked")

    quiet = SimpleNamespace(name="Bob", profile="Engineer", rc=SimpleNamespace(news=[]))
    assert trigger_of(quiet, [older]) is older and trigger_of(quiet, []) is None
    assert provenance_of(quiet, None, action="ReplyEmail").team == "metagpt"


def answer_intents(bootstrap: str, mailbox: str, mailgate_side, decide) -> threading.Thread:
    """Plays approval-service for one mailbox: answers its first intent with `decide(intent)`."""

    def run() -> None:
        with TopicReader({"bootstrap.servers": bootstrap}, ["mail.intents"], int(time.time() * 1000) - 5000) as reader:
            for message in reader.records(time.monotonic() + 30):
                if message is not None and message.key() == mailbox.encode():
                    intent = json.loads(message.value())
                    mailgate_side("mail.decisions", "decision", {"intent_id": intent["intent_id"], "mailbox_id": mailbox,
                                  "actor": {"type": "policy", "id": "policy"}, "occurred_at": "2026-11-24T10:00:00Z", **decide(intent)})
                    return

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_send_email_publishes_with_provenance_and_reports_the_decision(standin, bootstrap, mailbox, mailgate_side) -> None:
    from metagpt.roles import Role
    from metagpt.schema import Message

    from mailgate.metagpt import SendEmail

    seen: list[dict] = []
    answer_intents(bootstrap, mailbox, mailgate_side, lambda i: seen.append(i) or {"state": "held", "reason": "gated_send"})
    role = Role(name="Cathy", profile="CommunicationsManager")
    trigger = Message(content="Tell the customer the export ships Dec 3", cause_by="UserRequirement")
    role.rc.news = [trigger]
    with MailGate(bootstrap) as client:
        action = SendEmail().bound(role, client, mailbox, "acme-run-42")

        async def llm(prompt: str) -> str:
            assert "Tell the customer" in prompt
            return 'Sure: {"to": ["customer@example.com"], "subject": "Export", "markdown": "Dec 3.", "reasoning": "asked"}'

        action._aask = llm
        reply = asyncio.run(action.run([trigger]))

    assert reply.metadata["status"] == "held" and "held - gated_send" in reply.content
    (intent,) = seen
    assert {k: intent[k] for k in ("team", "role", "agent", "action", "trigger_message_id", "reasoning", "to")} == {
        "team": "acme-run-42", "role": "CommunicationsManager", "agent": "Cathy", "action": "SendEmail",
        "trigger_message_id": trigger.id, "reasoning": "asked", "to": ["customer@example.com"]}


def test_check_inbox_then_reply_answers_the_email_it_found(standin, bootstrap, mailbox, mailgate_side) -> None:
    from metagpt.roles import Role

    from mailgate.metagpt import email_actions

    mailgate_side("mail.inbound", "inbound.released", {"email_id": "em_77", "mailbox_id": mailbox, "thread_id": "th_77",
                  "from": "customer@example.com", "to": [], "subject": "Archived projects?", "markdown": "Included?",
                  "received_at": "2026-11-24T12:00:00Z"})
    seen: list[dict] = []
    answer_intents(bootstrap, mailbox, mailgate_side,
                   lambda i: seen.append(i) or {"state": "rejected", "reason": "promise needs legal review"})
    role = Role(name="Bob", profile="Engineer")
    with MailGate(bootstrap) as client:
        send, reply, check = email_actions(role, client, mailbox_id=mailbox, team="acme-run-42")
        inbox = asyncio.run(check.run([], timeout=20))
        assert "em_77" in inbox.content and inbox.metadata["email_id"] == "em_77"
        answer = asyncio.run(reply.run([inbox], markdown="Yes, archived projects are included."))
        assert asyncio.run(check.run([], timeout=5)).content.startswith("No new email")

    assert answer.metadata["status"] == "rejected"
    assert "promise needs legal review" in answer.content
    assert (seen[0]["kind"], seen[0]["reply_to_email_id"], seen[0]["thread_id"], seen[0]["action"]) == (
        "reply", "em_77", "th_77", "ReplyEmail")


def test_get_thread_reads_audit_service_with_the_token_and_hides_unreleased_mail(standin) -> None:
    from metagpt.roles import Role

    from mailgate.metagpt import GetThread

    asked: list[tuple[str, str]] = []
    entries = [
        {"direction": "outbound", "caused_by": {"role": "ProductManager", "agent": "Alice"},
         "event": {"event_type": "mail.approved", "occurred_at": "t1", "payload": {"subject": "Export", "markdown": "Dec 3"}}},
        {"direction": "inbound", "caused_by": None,
         "event": {"event_type": "inbound.received", "occurred_at": "t2", "payload": {"from": "x@example.com", "subject": "HELD"}}},
        {"direction": "inbound", "caused_by": None,
         "event": {"event_type": "inbound.released", "occurred_at": "t3", "payload": {"from": "c@example.com", "subject": "Thanks"}}},
    ]

    class Audit(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append((self.path, self.headers["Authorization"]))
            body = json.dumps({"thread_id": "th 1", "entries": entries}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Audit)
    threading.Thread(target=server.handle_request, daemon=True).start()
    action = GetThread().bound(Role(name="Alice", profile="ProductManager"), None, "mbx_support", "acme")
    action.with_audit(AuditClient(f"http://127.0.0.1:{server.server_port}", "tok-123"))
    try:
        thread = asyncio.run(action.run([], thread_id="th 1"))
    finally:
        server.server_close()

    assert asked == [("/audit/threads/th%201", "Bearer tok-123")]
    assert "Alice (ProductManager) wrote: Export" in thread.content and "from c@example.com: Thanks" in thread.content
    assert "HELD" not in thread.content
