"""A MetaGPT communications manager that answers customer mail through MailGate.

Run (with MetaGPT installed and a MailGate stack up):
    MAILGATE_BOOTSTRAP_SERVERS=localhost:9092 PYTHONPATH=clients/python python examples/communications_manager.py
Every email it writes goes to mail.intents; the mailbox's oversight mode decides what leaves.
"""

import asyncio
import os

from metagpt.actions import UserRequirement
from metagpt.roles import Role
from metagpt.schema import Message

from mailgate import MailGate
from mailgate.metagpt import email_actions

MAILBOX = os.environ.get("MAILGATE_MAILBOX", "mbx_support")
TEAM = os.environ.get("MAILGATE_TEAM", "acme-support")


class CommunicationsManager(Role):
    name: str = "Cathy"
    profile: str = "CommunicationsManager"
    goal: str = "Answer every customer email promptly, accurately and kindly"

    def __init__(self, mailgate: MailGate, **kwargs) -> None:
        super().__init__(**kwargs)
        send, reply, check = email_actions(self, mailgate, mailbox_id=MAILBOX, team=TEAM)
        # Check the inbox, then reply to the newest email (ReplyEmail finds it in CheckInbox's message).
        self.set_actions([check, reply])
        self._set_react_mode("by_order")
        self._watch([UserRequirement])


async def main() -> None:
    with MailGate(os.environ.get("MAILGATE_BOOTSTRAP_SERVERS", "localhost:9092")) as mailgate:
        cathy = CommunicationsManager(mailgate)
        answer = await cathy.run(Message(content="Check the support inbox and answer the customer."))
        print(answer.content if answer else "nothing to do")


if __name__ == "__main__":
    asyncio.run(main())
