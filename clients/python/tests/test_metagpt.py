"""MetaGPT fidelity, against stand-ins that behave like MetaGPT 0.8 (v0.8.1, read from its source;
line numbers below are of that tag) and without a broker."""

import asyncio
import json
import os
import subprocess
import sys
from types import SimpleNamespace

import pytest

from conftest import ROOT
from mailgate import MailGate
from mailgate.metagpt import provenance_of, trigger_of
from mailgate.metagpt.compose import prompt
from metagpt_side import standin  # noqa: F401  (fixture)


def test_the_core_package_and_the_tool_import_without_metagpt() -> None:
    code = (
        "import sys, mailgate, mailgate.metagpt\n"
        "from mailgate.metagpt.tools import MailGateEmail, tool_execution_map\n"
        "assert 'metagpt' not in sys.modules\n"
        "print(sorted(tool_execution_map(MailGateEmail('mbx', 'acme', 'Engineer'))))\n"
        "try:\n    mailgate.metagpt.SendEmail\nexcept ModuleNotFoundError as e:\n    print('needs', e.name)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "needs metagpt"
    assert "MailGateEmail.send_email" in done.stdout


def test_the_stand_ins_behave_like_metagpt_0_8(standin) -> None:
    """roles/product_manager.py L24 profile "Product Manager", architect.py L27 "Architect",
    engineer.py L74 "Engineer"; role.py L173 every role watches UserRequirement unless told otherwise,
    L308 `_watch` stores any_to_str of each action; schema.py L221-224 cause_by defaults to
    UserRequirement's class path; L332-338 AIMessage(content) has role "assistant" and no keyword
    arguments; 0.8's Message has no `metadata` field (pydantic drops unknown keywords)."""
    from metagpt.actions import UserRequirement, WritePRD
    from metagpt.roles import Architect, Engineer, ProductManager, Role
    from metagpt.schema import AIMessage, Message

    assert [r().profile for r in (ProductManager, Architect, Engineer)] == ["Product Manager", "Architect", "Engineer"]
    assert Role(name="Cathy", profile="Support").rc.watch == {"metagpt.actions.add_requirement.UserRequirement"}
    assert Architect().rc.watch == {"metagpt.actions.write_prd.WritePRD"}
    message = Message(content="idea", metadata={"dropped": True})
    assert (message.cause_by, message.role, message.send_to) == (
        "metagpt.actions.add_requirement.UserRequirement", "user", {"<all>"})
    assert not hasattr(message, "metadata")
    answer = AIMessage("done")
    answer.cause_by, answer.sent_from = WritePRD(), ProductManager()
    assert (answer.role, answer.cause_by, answer.sent_from) == (
        "assistant", "metagpt.actions.write_prd.WritePRD", "metagpt.roles.product_manager.ProductManager")
    with pytest.raises(TypeError):
        AIMessage("done", cause_by=UserRequirement)


def test_provenance_comes_from_the_role_and_the_triggering_message(standin) -> None:
    """The intent's role is Role.profile (the stock product manager's has a space); the agent is
    Role.name; the trigger is the newest message the role observed (role.py L421-423, rc.news)."""
    from metagpt.roles import ProductManager
    from metagpt.schema import Message

    older, trigger = Message("old"), Message("customer asked for an ETA")
    role = ProductManager()
    role.rc.news = [older, trigger]
    who = provenance_of(role, trigger_of(role), action=SimpleNamespace(name="SendEmail"), team="acme-run-42",
                        reasoning="ETA asked")
    assert (who.team, who.role, who.agent, who.action, who.trigger_message_id, who.reasoning) == (
        "acme-run-42", "Product Manager", "Alice", "SendEmail", trigger.id, "ETA asked")
    quiet = SimpleNamespace(name="Bob", profile="Engineer", rc=SimpleNamespace(news=[]))
    assert trigger_of(quiet, [older]) is older and trigger_of(quiet, []) is None
    assert provenance_of(quiet, None, action="ReplyEmail").team == "metagpt"


def test_answers_are_ai_messages_with_cause_by_and_sent_from_like_a_role_sets_them(standin) -> None:
    """role.py L390-407: `_act` takes a Message result as it is, and builds its own results with
    cause_by=the action and sent_from=the role, both through any_to_str (schema.py L221-229,
    utils/common.py L381-393). A role watching SendEmail observes the answer (L409-423)."""
    from metagpt.environment import Environment
    from metagpt.roles import ProductManager, Role
    from metagpt.schema import AIMessage

    from mailgate.metagpt import SendEmail
    from mailgate.metagpt.reports import MailReport

    class Emailer(ProductManager):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.set_actions([SendEmail(mailbox_id="mbx_support", team="acme").bound(self, None)])

    pm, watcher = Emailer(), Role(name="Quinn", profile="QA", watch=[SendEmail])
    env = Environment()
    env.add_roles([pm, watcher])
    pm.rc.todo = pm.actions[0]
    answer = asyncio.run(pm._act())  # no LLM and no client here: the answer reports that

    assert isinstance(answer, AIMessage) and answer.role == "assistant"
    assert answer.cause_by == "mailgate.metagpt.actions.SendEmail"
    assert answer.sent_from == f"{Emailer.__module__}.Emailer" and answer.send_to == {"<all>"}
    assert isinstance(answer.instruct_content, MailReport) and answer.instruct_content.status == "error"
    assert pm.rc.memory.get() == [answer]
    env.publish_message(answer)
    assert asyncio.run(watcher._observe()) == 1 and watcher.rc.news == [answer]


def test_failures_come_back_as_messages_and_the_team_run_goes_on(standin, monkeypatch) -> None:
    """A Role's run() turns any exception into one that ends the team's run (role.py L531,
    utils/common.py L637-664): invalid drafts, a broker that does not acknowledge, a missing client
    and nothing to reply to are answers instead."""
    from metagpt.roles import Role
    from metagpt.schema import Message

    from mailgate.metagpt import ReplyEmail, SendEmail

    unreachable = MailGate("127.0.0.1:1", {"message.timeout.ms": 300, "socket.connection.setup.timeout.ms": 1000})
    role = Role(name="Cathy", profile="Communications Manager")
    send = SendEmail(mailbox_id="mbx_support", team="acme").bound(role, unreachable)
    invalid = asyncio.run(send.run([], to=["not-an-address"], subject="Hi\nBcc: x@example.com", markdown="B"))
    assert invalid.instruct_content.status == "invalid"
    assert {p.rsplit("(", 1)[1] for p in invalid.instruct_content.problems} == {"invalid_address)", "header_injection)"}
    assert "was not sent: it is invalid" in invalid.content

    unpublished = asyncio.run(send.run([], to=["c@example.com"], subject="S", markdown="B"))
    assert unpublished.instruct_content.status == "publish_failed" and unpublished.instruct_content.intent_id
    assert "Nothing was sent; trying again later is safe" in unpublished.content

    nothing = asyncio.run(ReplyEmail(mailbox_id="mbx_support").bound(role, unreachable).run([], markdown="Thanks"))
    assert nothing.instruct_content.status == "no_email" and "check the inbox first" in nothing.content

    monkeypatch.delenv("MAILGATE_BOOTSTRAP_SERVERS", raising=False)  # no client bound, none configured
    role.set_actions([SendEmail(mailbox_id="mbx_support").bound(role, None)])
    answer = asyncio.run(role.run(Message("Tell the customer")))
    assert answer.instruct_content.status == "error" and "SendEmail could not complete" in answer.content
    unreachable.close(0.1)


def test_history_is_labelled_by_who_sent_each_message(standin) -> None:
    """Message.role is "user" for the idea, "assistant" for AIMessages and the profile for results Role._act
    wraps (role.py L404): the prompt names the sender instead (sent_from, the roles' names and profiles)."""
    from metagpt.actions import UserRequirement, WriteDesign
    from metagpt.environment import Environment
    from metagpt.roles import Architect, ProductManager
    from metagpt.schema import AIMessage, Message

    pm, architect = ProductManager(), Architect()
    Environment().add_roles([pm, architect])
    design = AIMessage("Use a queue.")
    design.sent_from, design.cause_by = architect, WriteDesign
    history = [Message(role="Human", content="Ship the export", cause_by=UserRequirement), design,
               Message("Asked the customer", role="Product Manager", sent_from=pm)]

    text = prompt("send", history, role=pm)
    assert "Human: Ship the export" in text and "Bob (Architect): Use a queue." in text
    assert "Alice (Product Manager): Asked the customer" in text and "assistant:" not in text


def test_a_role_holding_a_client_serialises_without_it_and_binds_again(standin, tmp_path) -> None:
    """MetaGPT serialises roles with pydantic (Role.serialize → model_dump; schema.py L59-115 records each
    action's class) and excludes what cannot be serialised with Field(exclude=True) (context_mixin.py
    L27-33); instruct_content is written as class, module and value and rebuilt on load (schema.py L204-256)."""
    from typing import Any, Optional

    from metagpt.roles import Role
    from pydantic import Field

    import mailgate.metagpt as mg
    from mailgate.metagpt.reports import MailReport

    class Support(Role):
        name: str = "Cathy"
        profile: str = "Communications Manager"
        mailgate: Optional[Any] = Field(default=None, exclude=True)

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.set_actions(mg.email_actions(self, self.mailgate, mailbox_id="mbx_support", team="acme"))

    client = MailGate("127.0.0.1:1")
    role = Support(mailgate=client)
    answer = role.actions[0]._answer("held", MailReport(status="held", intent_id="01J", subject="ETA"))
    role.rc.memory.add(answer)
    saved = role.model_dump_json()
    assert "127.0.0.1" not in saved and "private_" not in saved and "mailgate\":" not in saved

    restored = Support(**json.loads(saved), mailgate=client)
    assert [(a.name, a.mailbox_id, a.team, a.private_role is restored, a.private_mailgate is client)
            for a in restored.actions] == [(n, "mbx_support", "acme", True, True)
                                           for n in ("SendEmail", "ReplyEmail", "CheckInbox")]
    (kept,) = restored.rc.memory.get()
    assert isinstance(kept.instruct_content, MailReport) and kept.instruct_content.intent_id == "01J"
    assert kept.cause_by == "mailgate.metagpt.actions.SendEmail"


def test_the_tool_is_registered_like_metagpt_tools_and_answers_in_words(standin) -> None:
    """tools/tool_registry.py L84-110: @register_tool registers the class under its name with tags and a
    schema of its documented public methods; RoleZero runs "Class.method" commands from its
    tool_execution_map (roles/di/role_zero.py on MetaGPT's main branch)."""
    import importlib

    import mailgate.metagpt.tools as tools

    importlib.reload(tools)  # registers with the stand-in's registry now that `metagpt` is importable
    from metagpt.tools.tool_registry import TOOL_REGISTRY

    tool = TOOL_REGISTRY.get_tool("MailGateEmail")
    assert tool.tags == ["email", "mailgate"] and set(TOOL_REGISTRY.get_tools_by_tag("email")) == {"MailGateEmail"}
    assert {"send_email", "reply_email", "check_decision", "check_inbox"} <= set(tool.schemas["methods"])
    email = tools.MailGateEmail("mbx_support", "acme", "Data Analyst", client=MailGate("127.0.0.1:1"))
    commands = tools.tool_execution_map(email)
    answer = commands["MailGateEmail.send_email"](to=["nobody"], subject="", markdown="x")
    assert answer.startswith("The email to nobody was not sent: it is invalid")


def test_get_thread_reads_audit_service_with_the_token_and_hides_unreleased_mail(standin) -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from metagpt.roles import ProductManager

    from mailgate.audit import AuditClient
    from mailgate.metagpt import GetThread

    asked: list = []
    entries = [
        {"direction": "outbound", "caused_by": {"role": "Product Manager", "agent": "Alice"},
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
    action = GetThread(mailbox_id="mbx_support").bound(ProductManager(), None)
    action.with_audit(AuditClient(f"http://127.0.0.1:{server.server_port}", "tok-123"))
    try:
        thread = asyncio.run(action.run([], thread_id="th 1"))
    finally:
        server.server_close()

    assert asked == [("/audit/threads/th%201", "Bearer tok-123")]
    assert "Alice (Product Manager) wrote: Export" in thread.content and "from c@example.com: Thanks" in thread.content
    assert "HELD" not in thread.content and thread.instruct_content.thread_id == "th 1"
    unreachable = GetThread().bound(ProductManager(), None).with_audit(AuditClient("http://127.0.0.1:1", "t", 2))
    failed = asyncio.run(unreachable.run([], thread_id="th 1"))
    assert failed.instruct_content.status == "error" and "audit-service unreachable" in failed.content
