package dev.mailgate.outbox;

/** An event larger than any broker is assumed to take; it is never written to the outbox. */
public class OversizedEventException extends IllegalArgumentException {

  public OversizedEventException(String topic, int size, int max) {
    super(
        "an event for " + topic + " has " + size + " bytes, at most " + max + " may be published");
  }
}
