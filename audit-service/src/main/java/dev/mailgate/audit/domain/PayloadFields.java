package dev.mailgate.audit.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.EventTypes;
import dev.mailgate.events.Topics;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the audited fields out of a payload object, leniently: a field of the wrong type is noted
 * as a problem and left empty, never a reason to drop the event.
 */
final class PayloadFields {

  static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  static final Pattern TOKEN = Pattern.compile("[a-z0-9_.-]{1,64}");

  private static final List<String> TIME_FIELDS =
      List.of("occurred_at", "approved_at", "created_at", "received_at");

  private final JsonNode object;
  private final List<String> problems;

  PayloadFields(JsonNode object, List<String> problems) {
    this.object = object;
    this.problems = problems;
  }

  /** The string field {@code name}, cut to {@code max} characters, or null. */
  String text(String name, int max) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      problems.add(name + " is not a string");
      return null;
    }
    return Text.safe(value.textValue(), max);
  }

  /** The actor object in field {@code name} as {type, id}, or null. */
  String[] actor(String name) {
    JsonNode actor = object.get(name);
    if (actor == null || actor.isNull()) {
      return null;
    }
    if (!actor.isObject()) {
      problems.add(name + " is not an object");
      return null;
    }
    PayloadFields fields = new PayloadFields(actor, problems);
    return new String[] {fields.text("type", 32), fields.text("id", 200)};
  }

  /** The first of the contract's time fields that holds a valid instant, or null. */
  Instant occurredAt() {
    for (String name : TIME_FIELDS) {
      String value = text(name, 64);
      if (value != null) {
        try {
          return Instant.parse(value);
        } catch (DateTimeParseException e) {
          problems.add(name + " is not an ISO-8601 instant");
        }
      }
    }
    return null;
  }

  /** The event type the contract gives events of {@code topic} with this payload, or null. */
  String derivedEventType(String topic) {
    return switch (topic) {
      case Topics.INTENTS -> EventTypes.INTENT_SUBMITTED;
      case Topics.DECISIONS -> suffixed("decision.", text("state", 64));
      case Topics.APPROVED -> EventTypes.MAIL_APPROVED;
      case Topics.OUTCOMES -> suffixed("outcome.", text("status", 64));
      case Topics.INBOUND_RECEIVED -> EventTypes.INBOUND_RECEIVED;
      case Topics.INBOUND -> EventTypes.INBOUND_RELEASED;
      case Topics.POLICIES -> EventTypes.POLICY_CHANGED;
      default -> null;
    };
  }

  private static String suffixed(String prefix, String value) {
    return value != null && TOKEN.matcher(value).matches() ? prefix + value : null;
  }
}
