package dev.mailgate.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.Topics;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/** One decision or outcome record of an intent, as read. */
public record IntentUpdate(String intentId, IntentStatus status, String topic, JsonNode record) {

  /** The update in a {@code mail.decisions} or {@code mail.outcomes} value, if it is one. */
  static Optional<IntentUpdate> parse(String topic, byte[] value) {
    JsonNode record;
    try {
      record = value == null ? null : EventJson.mapper().readTree(value);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (record == null || !record.path("intent_id").isTextual()) {
      return Optional.empty();
    }
    boolean decision = Topics.DECISIONS.equals(topic);
    String raw = record.path(decision ? "state" : "status").asText("");
    if (!decision && "accepted".equals(raw)) {
      raw = "sent";
    }
    try {
      IntentStatus status = IntentStatus.valueOf(raw.toUpperCase(Locale.ROOT));
      return Optional.of(new IntentUpdate(record.get("intent_id").asText(), status, topic, record));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }
}
