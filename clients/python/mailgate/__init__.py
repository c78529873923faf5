"""MailGate for agents: publish email intents, learn what became of them, read inbound mail.

Needs only the standard library and confluent_kafka; `mailgate.metagpt` adds MetaGPT actions.
"""

from .client import MailGate, PublishError, Receipt
from .draft import Attachment, EmailDraft, Provenance
from .ids import new_ulid
from .inbound import Inbox, InboundMail
from .results import FINAL, SETTLED, Result, Status, Update
from .validation import IntentInvalid, Problem, validate

__all__ = [
    "Attachment", "EmailDraft", "FINAL", "Inbox", "InboundMail", "IntentInvalid", "MailGate", "Problem",
    "Provenance", "PublishError", "Receipt", "Result", "SETTLED", "Status", "Update", "new_ulid", "validate",
]
