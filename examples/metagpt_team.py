"""Three MetaGPT roles email a customer through MailGate, and the run checks each outcome.

The Product Manager reads the support inbox and announces the ship date to the buyer; the Architect
writes to the customer's CTO; the Engineer replies to the customer's question. In a `gated_send`
mailbox every email is held for review. The reviewer rejects the Architect's email with a reason and
approves the others (rule: reject role Architect, approve the rest):
  - with --reviewer-token, this script calls approval-service (POST /api/reviews/{id}/approve|reject);
  - without it, a separate reviewer must decide (./mailgate's console or the same REST calls).
With --sandbox-url, the customer's question is injected into the MultiMail sandbox first; without it,
the script waits for any new inbound mail in the mailbox.

Exit 0 only when it saw: inbound mail read, an email held, held then approved and sent, a rejection
whose reason the role read, and a reply sent. It prints what it saw.

    ./mailgate agent acme ProductManager Architect Engineer
    python3 examples/metagpt_team.py --bootstrap localhost:9092 --reviewer-token "$TOKEN" \\
        --kafka-config .stack/agents/acme.plain.properties --team acme --sandbox-url http://localhost:8090

Uses MetaGPT when installed; otherwise the MetaGPT 0.8 stand-in of clients/python/tests/standin.
"""

import argparse
import asyncio
import json
import sys
import threading
import time
import urllib.request
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Optional

HERE = Path(__file__).resolve().parent
try:
    import mailgate  # noqa: F401
except ImportError:
    sys.path.insert(0, str(HERE.parent / "clients" / "python"))
try:
    import metagpt  # noqa: F401
except ImportError:
    sys.path.insert(0, str(HERE.parent / "clients" / "python" / "tests" / "standin"))

from metagpt.actions import Action  # noqa: E402
from metagpt.roles import Role  # noqa: E402
from metagpt.team import Team  # noqa: E402

from mailgate import MailGate, load_properties, normalise_role  # noqa: E402
from mailgate._reader import TopicReader  # noqa: E402
from mailgate.config import split_config  # noqa: E402
from mailgate.metagpt import AwaitDecision, CheckInbox, ReplyEmail, SendEmail  # noqa: E402
from mailgate.metagpt.facts import facts_of  # noqa: E402

REJECT_REASON = "Do not share architecture details with the customer's CTO before the contract is signed."


class WriteEmail(Action):
    """Writes the role's email as JSON (a real team would ask its LLM; this one is scripted)."""

    email: dict = {}

    async def run(self, history: Any) -> str:
        return json.dumps(self.email)


class WriteReply(Action):
    """Answers the customer's question found by CheckInbox (the email whose subject has the run's tag)."""

    tag: str = ""

    async def run(self, history: Any) -> str:
        for message in reversed(list(history)):
            for email in facts_of(message).get("emails") or []:
                if self.tag in (email.get("subject") or "") or not self.tag:
                    return json.dumps({"reply_to_email_id": email["email_id"], "reasoning": "customer asked",
                                       "markdown": "Yes: archived projects are part of the export."})
        return "{}"


class EmailingRole(Role):
    """A role whose actions run in order (react_mode by_order); it watches UserRequirement (the default).
    Each role has its own class: MetaGPT's Message.sent_from is the sender's class path."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._set_react_mode("by_order")


class ProductManager(EmailingRole):
    name: str = "Alice"
    profile: str = "Product Manager"


class Architect(EmailingRole):
    name: str = "Bob"
    profile: str = "Architect"


class Engineer(EmailingRole):
    name: str = "Alex"
    profile: str = "Engineer"


def build_team(client: MailGate, mailbox: str, team: str, tag: str, wait: float) -> Team:
    def bind(action: Any, role: Role) -> Any:
        action.wait_seconds = wait if isinstance(action, AwaitDecision) else 30.0
        return action.bound(role, client, mailbox, team)

    pm, architect, engineer = ProductManager(), Architect(), Engineer()
    pm.set_actions([
        bind(CheckInbox(), pm),
        WriteEmail(email={"to": [f"buyer+{tag}@example.com"], "subject": f"The export ships on Dec 3 [{tag}]",
                          "markdown": "The export feature ships on **December 3**.", "reasoning": "asked for a date"}),
        bind(SendEmail(), pm), bind(AwaitDecision(), pm)])
    architect.set_actions([
        WriteEmail(email={"to": [f"cto+{tag}@example.com"], "subject": f"How the export works [{tag}]",
                          "markdown": "It streams from a queue into object storage.", "reasoning": "CTO asked"}),
        bind(SendEmail(), architect), bind(AwaitDecision(), architect)])
    engineer.set_actions([
        bind(CheckInbox(), engineer), WriteReply(tag=tag), bind(ReplyEmail(), engineer), bind(AwaitDecision(), engineer)])
    company = Team()
    company.hire([pm, architect, engineer])
    return company


def rest_decider(approval_url: str, token: str) -> Callable[[str, bool, str], None]:
    """Decides through approval-service's review API with a reviewer's bearer token."""

    def decide(intent_id: str, approve: bool, reason: str) -> None:
        verb = "approve" if approve else "reject"
        body = json.dumps({"reason": reason}).encode()
        request = urllib.request.Request(f"{approval_url.rstrip('/')}/api/reviews/{intent_id}/{verb}", data=body,
                                         method="POST", headers={"Authorization": f"Bearer {token}",
                                                                 "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()

    return decide


# A person reads an email before deciding; deciding at once would often beat the role's own look at it.
REVIEW_DELAY_S = 1.0


def review(config: dict, team: str, decide: Callable[[str, bool, str], None], stop: threading.Event) -> None:
    """The reviewer: every held email of this team, the Architect's rejected, the others approved."""
    done: set = set()
    with TopicReader(config, ["mail.decisions"], int(time.time() * 1000) - 60_000) as reader:
        for message in reader.records(time.monotonic() + 3600):
            if stop.is_set():
                return
            record = json.loads(message.value()) if message is not None else {}
            if record.get("state") != "held" or record.get("team") != team or record["intent_id"] in done:
                continue
            done.add(record["intent_id"])
            time.sleep(REVIEW_DELAY_S)
            architect = normalise_role(record.get("role", "")) == "architect"
            decide(record["intent_id"], not architect, REJECT_REASON if architect else "fine")


def wait_for_inbound(client: MailGate, mailbox: str, tag: str, since_ms: int, timeout: float) -> bool:
    with client.inbox(mailbox, since=datetime.fromtimestamp(since_ms / 1000, timezone.utc)) as inbox:
        for mail in inbox.stream(timeout):
            if not tag or tag in (mail.subject or ""):
                return True
    return False


# Sent: MultiMail accepted it; when MultiMail delivers it quickly, the role reads `delivered` at once.
_SENT = ("sent", "delivered")


def outcomes(company: Team) -> dict:
    """What the roles saw, from their memories: {outcome: description}. Each email is judged by the
    last status its role read, whichever action read it (a quick reviewer may have decided before
    SendEmail looked)."""
    seen: dict = {}
    for r in company.env.roles.values():
        own = f"{type(r).__module__}.{type(r).__name__}"  # a role's memory also holds what others published
        steps = [(str(m.cause_by).rsplit(".", 1)[-1], facts_of(m)) for m in r.rc.memory.get()
                 if facts_of(m) and m.sent_from == own]
        written: dict = {}  # intent_id -> SendEmail | ReplyEmail
        last: dict = {}  # intent_id -> the last facts read about it
        for action, f in steps:
            status, intent_id = f.get("status"), f.get("intent_id")
            if action == "CheckInbox" and status == "new_mail":
                seen["inbound read"] = f"{r.profile} read {len(f['emails'])} email(s), newest {f['email_id']}"
            if action in ("SendEmail", "ReplyEmail") and intent_id:
                written.setdefault(intent_id, action)
                if status == "held":
                    seen["held"] = f"{r.profile}'s {action} held ({f.get('reason')})"
            if intent_id:
                last[intent_id] = f
        for intent_id, action in written.items():
            f = last[intent_id]
            if f.get("status") in _SENT and action == "SendEmail":
                seen["approved and sent"] = f"{r.profile}'s email {intent_id} approved, then {f['status']}"
            if f.get("status") in _SENT and action == "ReplyEmail":
                seen["reply sent"] = f"{r.profile}'s reply {intent_id} {f['status']}"
            if f.get("status") == "rejected" and f.get("reason"):
                seen["rejected with reason"] = f"{r.profile} read the reason: {f['reason']}"
    return seen


EXPECTED = ("inbound read", "held", "approved and sent", "rejected with reason", "reply sent")


def play(client: MailGate, config: dict, mailbox: str, team: str, tag: str, wait: float,
         decide: Optional[Callable[[str, bool, str], None]], inject: Optional[Callable[[], None]]) -> dict:
    started = int(time.time() * 1000) - 5_000
    stop = threading.Event()
    if decide is not None:
        threading.Thread(target=review, args=(config, team, decide, stop), daemon=True).start()
    if inject is not None:
        inject()
    if not wait_for_inbound(client, mailbox, tag if inject else "", started, wait):
        print(f"no inbound mail arrived in {mailbox} within {wait}s")
    company = build_team(client, mailbox, team, tag, wait)
    asyncio.run(company.run(n_round=2, idea=f"Answer the customer about the export [{tag}]."))
    stop.set()
    for r in company.env.roles.values():
        for action in r.actions:
            getattr(action, "close", lambda: None)()
    seen = outcomes(company)
    if not all(name in seen for name in EXPECTED):
        for line in trace(company):
            print(line)
    return seen


def trace(company: Team) -> list:
    """Each role's mail steps and what it was told, to see why an outcome is missing."""
    lines = []
    for r in company.env.roles.values():
        own = f"{type(r).__module__}.{type(r).__name__}"
        for m in r.rc.memory.get():
            if facts_of(m) and m.sent_from == own:
                f = facts_of(m)
                lines.append(f"  {r.profile}: {str(m.cause_by).rsplit('.', 1)[-1]} -> {f.get('status')}"
                             f" {f.get('intent_id') or ''} {f.get('reason') or ''}".rstrip())
    return lines


def main(argv: Optional[list] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bootstrap", required=True)
    parser.add_argument("--kafka-config", help="a .properties file (SASL, signing keys)")
    parser.add_argument("--mailbox", default="mbx_support")
    parser.add_argument("--team", help="the team (run) id; default: a new one")
    parser.add_argument("--approval-url", default="http://localhost:8081")
    parser.add_argument("--reviewer-token", help="decide through approval-service's REST API")
    parser.add_argument("--sandbox-url", help="inject the customer's question into the MultiMail sandbox")
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds to wait for each decision")
    args = parser.parse_args(argv)

    config = {**(load_properties(args.kafka_config) if args.kafka_config else {}), "bootstrap.servers": args.bootstrap}
    tag = uuid.uuid4().hex[:8]
    team = args.team or f"team-example-{tag}"
    decide = rest_decider(args.approval_url, args.reviewer_token) if args.reviewer_token else None
    inject = None
    if args.sandbox_url:
        inject = lambda: _sandbox_inbound(args.sandbox_url, args.mailbox, f"customer+{tag}@example.com", tag)  # noqa: E731
    if decide is None:
        print(f"waiting for a reviewer: reject team {team}'s Architect email, approve the others")
    with MailGate(args.bootstrap, config) as client:
        seen = play(client, split_config(config)[0], args.mailbox, team, tag, args.timeout, decide, inject)
    for name in EXPECTED:
        print(f"{'SEEN   ' if name in seen else 'MISSING'} {name}: {seen.get(name, '-')}")
    return 0 if all(name in seen for name in EXPECTED) else 1


def _sandbox_inbound(url: str, mailbox: str, sender: str, tag: str) -> None:
    body = json.dumps({"mailbox_id": mailbox, "from": sender, "subject": f"Does the export include archives? [{tag}]",
                       "markdown": "Are archived projects included in the export?"}).encode()
    request = urllib.request.Request(f"{url.rstrip('/')}/sandbox/inbound", data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()


if __name__ == "__main__":
    sys.exit(main())
