package dev.mailgate.outbox;

/** Kafka did not take a batch of the outbox; the rows stay and are retried. */
public class OutboxRelayException extends Exception {

  public OutboxRelayException(String message, Throwable cause) {
    super(message, cause);
  }
}
