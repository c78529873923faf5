package dev.mailgate.events;

/** Kafka record header names shared by every producer and consumer. */
public final class EventHeaders {

  /** A UUID that identifies the event; consumers deduplicate on it. */
  public static final String EVENT_ID = "event_id";

  /** What the event means, e.g. {@code decision.approved}; see {@link EventTypes}. */
  public static final String EVENT_TYPE = "event_type";

  /** On {@code mail.intents}: the id of the agent credential that signed the intent. */
  public static final String INTENT_AGENT = "mailgate_agent";

  /**
   * On {@code mail.intents}: base64url HMAC-SHA256 of the record value with the agent's key (see
   * the clients' {@code IntentSigner}).
   */
  public static final String INTENT_SIGNATURE = "mailgate_signature";

  /** On a dead-letter record: why it could not be processed. */
  public static final String DLQ_REASON = "dead-letter-reason";

  /** On a dead-letter record: the class of the failure, when an exception caused it. */
  public static final String DLQ_CAUSE = "dead-letter-cause";

  /** On a dead-letter record: the topic it was read from (or was meant for). */
  public static final String DLQ_TOPIC = "dead-letter-topic";

  /** On a dead-letter record: the partition it was read from. */
  public static final String DLQ_PARTITION = "dead-letter-partition";

  /** On a dead-letter record: the offset it was read from. */
  public static final String DLQ_OFFSET = "dead-letter-offset";

  /** On a dead-letter record: which consumer (service) gave up on it. */
  public static final String DLQ_CONSUMER = "dead-letter-consumer";

  /**
   * On a dead-letter record whose value is left out because it is too large to carry: the
   * original's size in bytes. The original stays at its topic, partition and offset.
   */
  public static final String DLQ_VALUE_SIZE = "dead-letter-value-size";

  /** With {@link #DLQ_VALUE_SIZE}: the SHA-256 (hex) of the original value. */
  public static final String DLQ_VALUE_SHA256 = "dead-letter-value-sha256";

  /**
   * On a dead-letter record for an event the broker refused for good: the id of the row that keeps
   * its bytes in the producing service's {@code outbox_parked} table.
   */
  public static final String DLQ_PARKED_ID = "dead-letter-parked-id";

  /**
   * On a record replayed from a dead-letter topic: {@code <dlq topic>/<partition>@<offset>} of the
   * dead letter. Consumers treat each replay of a dead letter as a new delivery, once.
   */
  public static final String REPLAY_OF = "mailgate-replay-of";

  /** On a replayed record: who replayed it (the operator's or service's name). */
  public static final String REPLAYED_BY = "mailgate-replayed-by";

  /** The prefix every dead-letter header shares; none of them survives a replay. */
  public static final String DLQ_PREFIX = "dead-letter-";

  /**
   * On {@code mail.approved}: the id of the Ed25519 key that signed the approval (see {@code
   * dev.mailgate.events.signing}).
   */
  public static final String SIGNATURE_KEY = "mailgate_signature_key";

  /** On {@code mail.approved}: the approval's signature, base64url without padding. */
  public static final String SIGNATURE = "mailgate_signature";

  /**
   * On {@code mail.approved}: the record's proof that it is one of the approvals the signature
   * covers (base64url); absent when it was signed alone.
   */
  public static final String SIGNATURE_PROOF = "mailgate_signature_proof";

  private EventHeaders() {}
}
