package dev.mailgate.events;

/** Kafka record header names shared by every producer and consumer. */
public final class EventHeaders {

  /** A UUID that identifies the event; consumers deduplicate on it. */
  public static final String EVENT_ID = "event_id";

  /** What the event means, e.g. {@code decision.approved}; see {@link EventType}. */
  public static final String EVENT_TYPE = "event_type";

  /** On a dead-letter record: why it could not be processed. */
  public static final String DLQ_REASON = "dead-letter-reason";

  /** On a dead-letter record: the topic it was read from. */
  public static final String DLQ_TOPIC = "dead-letter-topic";

  private EventHeaders() {}
}
