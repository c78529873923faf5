"""Names of the MailGate event contract (docs/contract.md), shared with the Java `events` module."""

from typing import Final

INTENTS: Final = "mail.intents"
DECISIONS: Final = "mail.decisions"
OUTCOMES: Final = "mail.outcomes"
INBOUND: Final = "mail.inbound"

EVENT_ID: Final = "event_id"
EVENT_TYPE: Final = "event_type"
INTENT_SUBMITTED: Final = "intent.submitted"

KINDS: Final = ("send", "reply")

# Java producers partition with murmur2; librdkafka's default (CRC32) would put a mailbox's intents
# on another partition than the Java side's records of the same mailbox.
PARTITIONER: Final = "murmur2_random"
