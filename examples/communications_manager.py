"""A MetaGPT communications manager that answers customer mail through MailGate.

Run (a MailGate stack up; MetaGPT installed, else the MetaGPT 0.8 stand-in of the client's tests):
    ./mailgate agent acme-support "Communications Manager"   # Kafka credentials, agent identity
    python3 examples/communications_manager.py --kafka-config .stack/agents/acme-support.plain.properties \
        [--mailbox mbx_support]
Every email it writes goes to mail.intents; the mailbox's oversight mode decides what leaves. Its
inbox position is its consumer group, so a second run reads only mail that arrived since the first.
An empty inbox is an answer ("nothing to reply to"), not an error.
"""

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any, Optional

HERE = Path(__file__).resolve().parent
try:
    import mailgate  # noqa: F401
except ImportError:
    sys.path.insert(0, str(HERE.parent / "clients" / "python"))
try:
    import metagpt  # noqa: F401
except ImportError:
    sys.path.insert(0, str(HERE.parent / "clients" / "python" / "tests" / "standin"))

from metagpt.roles import Role  # noqa: E402
from metagpt.schema import Message  # noqa: E402
from pydantic import Field  # noqa: E402

from mailgate import MailGate, load_properties  # noqa: E402
from mailgate.metagpt import email_actions  # noqa: E402

MAILBOX = "mbx_support"
TEAM = "acme-support"


class CommunicationsManager(Role):
    name: str = "Cathy"
    profile: str = "Communications Manager"
    goal: str = "Answer every customer email promptly, accurately and kindly"
    mailbox_id: str = MAILBOX
    team: str = TEAM
    mailgate: Optional[Any] = Field(default=None, exclude=True)  # the client is never serialised

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        send, reply, check = email_actions(self, self.mailgate, mailbox_id=self.mailbox_id, team=self.team)
        # Check the inbox, then reply to the newest email (ReplyEmail finds it in CheckInbox's answer).
        self.set_actions([check, reply])
        self._set_react_mode("by_order")


async def main(argv: Optional[list] = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bootstrap", help="default: the config file's bootstrap.servers")
    parser.add_argument("--kafka-config", help="the team's properties from ./mailgate agent (SASL, signing key)")
    parser.add_argument("--team", default=TEAM, help="the team the credentials were made for")
    parser.add_argument("--mailbox", default=MAILBOX)
    args = parser.parse_args(argv)
    config = load_properties(args.kafka_config) if args.kafka_config else {}
    with MailGate(args.bootstrap or config.get("bootstrap.servers", "localhost:9092"), config) as client:
        cathy = CommunicationsManager(mailgate=client, mailbox_id=args.mailbox, team=args.team)
        answer = await cathy.run(Message(content="Check the support inbox and answer the customer."))
        print(answer.content if answer else "nothing to do")
        cathy.actions[0].close()


if __name__ == "__main__":
    asyncio.run(main())
