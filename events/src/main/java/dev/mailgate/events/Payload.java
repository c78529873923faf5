package dev.mailgate.events;

import java.util.List;

/**
 * Every payload of the contract: its record, the topics that carry it, and its JSON Schema, which
 * ships in this jar at {@link #schemaResource()} and in the repository's {@code docs/schemas}.
 */
public enum Payload {
  EMAIL_INTENT("email-intent", EmailIntent.class, List.of(Topics.INTENTS)),
  DECISION("decision", DecisionEvent.class, List.of(Topics.DECISIONS)),
  APPROVED_EMAIL("approved-email", ApprovedEmail.class, List.of(Topics.APPROVED)),
  DELIVERY_OUTCOME("delivery-outcome", DeliveryOutcome.class, List.of(Topics.OUTCOMES)),
  INBOUND_EMAIL(
      "inbound-email", InboundEmail.class, List.of(Topics.INBOUND_RECEIVED, Topics.INBOUND)),
  POLICY_CHANGE("policy-change", PolicyChange.class, List.of(Topics.POLICIES));

  private final String schemaName;
  private final Class<? extends Record> type;
  private final List<String> topics;

  Payload(String schemaName, Class<? extends Record> type, List<String> topics) {
    this.schemaName = schemaName;
    this.type = type;
    this.topics = topics;
  }

  /** The file name stem, e.g. {@code email-intent}. */
  public String schemaName() {
    return schemaName;
  }

  public Class<? extends Record> type() {
    return type;
  }

  public List<String> topics() {
    return topics;
  }

  /**
   * The classpath location of the schema, e.g. {@code mailgate/schemas/email-intent.schema.json}.
   */
  public String schemaResource() {
    return "mailgate/schemas/" + schemaName + ".schema.json";
  }

  /** The payload carried by {@code topic}, if any. */
  public static java.util.Optional<Payload> ofTopic(String topic) {
    for (Payload payload : values()) {
      if (payload.topics.contains(topic)) {
        return java.util.Optional.of(payload);
      }
    }
    return java.util.Optional.empty();
  }
}
