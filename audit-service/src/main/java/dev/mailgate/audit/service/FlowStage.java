package dev.mailgate.audit.service;

/** The step of the flow an event type belongs to, to order events that share an instant. */
final class FlowStage {

  private FlowStage() {}

  static int of(String eventType) {
    if (eventType == null) {
      return 9;
    }
    if (eventType.startsWith("inbound.received")) {
      return 0;
    }
    if (eventType.startsWith("inbound.")) {
      return 1;
    }
    if (eventType.startsWith("intent.")) {
      return 2;
    }
    if (eventType.startsWith("decision.")) {
      return eventType.equals("decision.accepted") ? 3 : 4;
    }
    if (eventType.equals("mail.approved")) {
      return 5;
    }
    if (eventType.startsWith("outcome.")) {
      return 6;
    }
    return 8;
  }
}
