"""MailGate for agents: publish email intents, learn what became of them, read inbound mail.

Needs only the standard library and confluent_kafka; `mailgate.metagpt` adds MetaGPT actions.
"""

from .client import MailGate, PublishError, Receipt
from .config import load_properties
from .draft import Attachment, EmailDraft, Provenance
from .durable import DurableInbox
from .identity import agent_group, normalise_role
from .ids import new_ulid
from .inbound import Inbox, InboundMail
from .results import FINAL, SETTLED, Result, Status, Update
from .signing import IntentSigner
from .validation import IntentInvalid, Problem, validate

__version__ = "0.2.0"

__all__ = [
    "Attachment", "DurableInbox", "EmailDraft", "FINAL", "Inbox", "InboundMail", "IntentInvalid", "IntentSigner",
    "MailGate", "Problem", "Provenance", "PublishError", "Receipt", "Result", "SETTLED", "Status", "Update",
    "__version__", "agent_group", "load_properties", "new_ulid", "normalise_role", "validate",
]
