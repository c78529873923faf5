"""Three MetaGPT roles; two of them email the same customer about the same delay.

The engineer reports a slipped release. The product manager and the architect both react by
emailing customer@example.com. approval-service sees overlapping recipients and the same subject
from different roles within the window: both intents get a `conflict` decision and are held,
whatever the mailbox's mode. A reviewer keeps one (the other is rejected as superseded) through
approval-service's review API; each role learns its fate from SendEmail's answer.

Run (with MetaGPT installed and a MailGate stack up):
    MAILGATE_BOOTSTRAP_SERVERS=localhost:9092 PYTHONPATH=clients/python python examples/conflicting_team.py
The stand-in roles here ask their LLM, so this one needs a real MetaGPT with an LLM configured.
"""

import asyncio
import os

from metagpt.actions import Action, UserRequirement
from metagpt.roles import Role
from metagpt.team import Team

from mailgate import MailGate, load_properties
from mailgate.metagpt import SendEmail

MAILBOX = os.environ.get("MAILGATE_MAILBOX", "mbx_support")
TEAM = os.environ.get("MAILGATE_TEAM", "acme-run-42")
CUSTOMER = "customer@example.com"


class ReportDelay(Action):
    name: str = "ReportDelay"

    async def run(self, history) -> str:
        return await self._aask("Summarise, in two sentences, why the export feature slips by a week.")


class Engineer(Role):
    name: str = "Bob"
    profile: str = "Engineer"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.set_actions([ReportDelay])
        self._watch([UserRequirement])


class CustomerEmailer(Role):
    """A role that tells the customer about what the engineer reported."""

    def __init__(self, mailgate: MailGate, **kwargs) -> None:
        super().__init__(**kwargs)
        send = SendEmail().bound(self, mailgate, MAILBOX, TEAM)
        self.set_actions([send])
        self._watch([ReportDelay])


def team(mailgate: MailGate) -> Team:
    company = Team()
    company.hire([
        Engineer(),
        CustomerEmailer(mailgate, name="Alice", profile="Product Manager", goal=f"Keep {CUSTOMER} informed"),
        CustomerEmailer(mailgate, name="Dan", profile="Architect", goal=f"Explain technical delays to {CUSTOMER}"),
    ])
    company.invest(3.0)
    return company


async def main() -> None:
    # $MAILGATE_KAFKA_CONFIG: the team's properties from ./mailgate agent (the broker authenticates).
    path = os.environ.get("MAILGATE_KAFKA_CONFIG")
    config = load_properties(path) if path else {}
    bootstrap = os.environ.get("MAILGATE_BOOTSTRAP_SERVERS") or config.get("bootstrap.servers", "localhost:9092")
    with MailGate(bootstrap, config) as mailgate:
        await team(mailgate).run(n_round=3, idea=f"The export feature slips a week; {CUSTOMER} is waiting for it.")


if __name__ == "__main__":
    asyncio.run(main())
