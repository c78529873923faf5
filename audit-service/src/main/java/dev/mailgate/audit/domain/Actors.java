package dev.mailgate.audit.domain;

import dev.mailgate.events.Topics;

/** Who a topic's events are caused by when the payload does not name an actor. */
final class Actors {

  private Actors() {}

  /** The payload field holding the actor object on {@code topic}, or null. */
  static String actorField(String topic) {
    return switch (topic) {
      case Topics.DECISIONS, Topics.POLICIES -> "actor";
      case Topics.APPROVED -> "approved_by";
      case Topics.INBOUND -> "released_by";
      default -> null;
    };
  }

  /** The system component that produces {@code topic}, for topics without an actor field. */
  static String producer(String topic) {
    return switch (topic) {
      case Topics.OUTCOMES -> "outbound-service";
      case Topics.INBOUND_RECEIVED -> "inbox-poller";
      case Topics.INTENTS -> null;
      default -> "approval-service";
    };
  }
}
