package dev.mailgate.outbound.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mailgate.events.DeliveryOutcome;
import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.EventTypes;
import dev.mailgate.events.Topics;
import dev.mailgate.outbox.Outbox;
import dev.mailgate.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/** Writes outcomes and dead letters to the outbox of the current transaction. */
@ApplicationScoped
public class OutcomeEvents {

  static final int MAX_TEXT = 2_000;

  private final Outbox outbox;

  public OutcomeEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  /** {@code mail.outcomes}, keyed by mailbox, {@code event_type} {@code outcome.<status>}. */
  public void outcome(DeliveryOutcome outcome) {
    outbox.add(
        OutboxMessage.of(
            Topics.OUTCOMES,
            outcome.mailboxId(),
            EventTypes.outcome(outcome.status()),
            json(outcome)));
  }

  /** The original bytes to {@code mail.approved.dlq}, with why. */
  public void deadLetter(String key, byte[] original, String reason) {
    outbox.add(
        new OutboxMessage(
            UUID.randomUUID(),
            Topics.dlq(Topics.APPROVED),
            key,
            EventTypes.MAIL_APPROVED,
            original == null ? new byte[0] : original,
            Map.of(
                EventHeaders.DLQ_REASON,
                shorten(reason),
                EventHeaders.DLQ_TOPIC,
                Topics.APPROVED)));
  }

  static String shorten(String text) {
    if (text == null) {
      return null;
    }
    return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
  }

  private static byte[] json(Object payload) {
    try {
      return EventJson.mapper().writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("outcome is not serialisable", e);
    }
  }
}
