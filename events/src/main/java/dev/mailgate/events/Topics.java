package dev.mailgate.events;

import java.util.List;

/**
 * Kafka topic names. Every record is keyed by {@code mailbox_id}, so one mailbox's traffic stays
 * ordered on one partition.
 */
public final class Topics {

  /** Agent roles publish what they want to send or reply. */
  public static final String INTENTS = "mail.intents";

  /** approval-service: every change of an intent's state. */
  public static final String DECISIONS = "mail.decisions";

  /** approval-service: the final content to deliver; the only input of outbound-service. */
  public static final String APPROVED = "mail.approved";

  /** outbound-service: what MultiMail said about a delivery. */
  public static final String OUTCOMES = "mail.outcomes";

  /** inbox-poller: an inbound email as fetched, before oversight. */
  public static final String INBOUND_RECEIVED = "mail.inbound-received";

  /** approval-service: an inbound email released to the agents. */
  public static final String INBOUND = "mail.inbound";

  /** approval-service: every change to a mailbox's oversight policy. */
  public static final String POLICIES = "mail.policies";

  /**
   * audit-service: signed checkpoints of its hash chains (chain, position, head hash), kept outside
   * the audit database so a rewrite of the chain's tail is detected. Not part of {@link #ALL}.
   */
  public static final String AUDIT_ANCHORS = "mail.audit-anchors";

  /** audit-service: records of any topic the audit could not store. */
  public static final String AUDIT_DLQ = "audit.dlq";

  /** Every topic a MailGate component produces or consumes, without dead-letter topics. */
  public static final List<String> ALL =
      List.of(INTENTS, DECISIONS, APPROVED, OUTCOMES, INBOUND_RECEIVED, INBOUND, POLICIES);

  private static final String DLQ_SUFFIX = ".dlq";

  private Topics() {}

  /** The dead-letter topic of {@code topic}: records its consumer could not process. */
  public static String dlq(String topic) {
    return topic + DLQ_SUFFIX;
  }

  /** Whether {@code topic} is a dead-letter topic. */
  public static boolean isDlq(String topic) {
    return topic.endsWith(DLQ_SUFFIX);
  }
}
