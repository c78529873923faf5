package dev.mailgate.events.validation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailgate.events.EmailIntent;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.Problem;
import java.util.List;
import java.util.Optional;

/**
 * Turns the raw bytes of a {@code mail.intents} record into a valid {@link EmailIntent} or the full
 * list of its problems. Never throws on bad input: malformed JSON, invalid UTF-8 and oversized
 * records are problems too.
 */
public final class IntentReader {

  private final IntentValidator validator;
  private final ObjectMapper mapper = EventJson.mapper();

  public IntentReader(IntentValidator validator) {
    this.validator = validator;
  }

  public static IntentReader withDefaults() {
    return new IntentReader(IntentValidator.withDefaults());
  }

  /** The outcome of reading one record. */
  public sealed interface Result {}

  /** A record that passed every check. */
  public record Valid(EmailIntent intent) implements Result {}

  /**
   * A record with problems. The ids are present when they could be read, so the rejection can still
   * be reported against the intent.
   */
  public record Invalid(
      List<Problem> problems, Optional<String> intentId, Optional<String> mailboxId)
      implements Result {}

  public Result read(byte[] raw) {
    int max = validator.limits().maxRecordBytes();
    if (raw == null || raw.length == 0) {
      return invalid("empty", "the record has no value");
    }
    if (raw.length > max) {
      return invalid(
          "too_large", "the record has " + raw.length + " bytes, at most " + max + " allowed");
    }
    JsonNode root;
    try {
      root = mapper.readTree(raw);
    } catch (JacksonException e) {
      return invalid("malformed_json", "not valid JSON in UTF-8: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      return invalid("malformed_json", "unreadable: " + e.getMessage());
    }
    List<Problem> problems = validator.validate(root);
    if (!problems.isEmpty()) {
      return new Invalid(problems, readableId(root, "intent_id"), readableId(root, "mailbox_id"));
    }
    try {
      return new Valid(mapper.treeToValue(root, EmailIntent.class));
    } catch (JacksonException e) {
      return new Invalid(
          List.of(new Problem("$", "type", e.getOriginalMessage())),
          readableId(root, "intent_id"),
          readableId(root, "mailbox_id"));
    }
  }

  private static Invalid invalid(String code, String message) {
    return new Invalid(
        List.of(new Problem("$", code, message)), Optional.empty(), Optional.empty());
  }

  private Optional<String> readableId(JsonNode root, String field) {
    if (!root.isObject()) {
      return Optional.empty();
    }
    JsonNode node = root.get(field);
    if (node == null || !node.isTextual()) {
      return Optional.empty();
    }
    String value = node.textValue();
    boolean usable = value.length() <= validator.limits().maxIdChars() && Text.isOpaqueId(value);
    return usable ? Optional.of(value) : Optional.empty();
  }
}
