package dev.mailgate.events.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.EmailIntent;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.IntentKind;
import dev.mailgate.events.Problem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an intent against the contract and reports every problem with its field path, not just the
 * first. Works on the JSON tree, so wrong JSON types are reported like any other problem.
 */
public final class IntentValidator {

  private static final Set<String> KINDS =
      Arrays.stream(IntentKind.values()).map(IntentKind::wire).collect(Collectors.toSet());

  private final IntentLimits limits;

  public IntentValidator(IntentLimits limits) {
    this.limits = limits;
  }

  /** A validator with {@link IntentLimits#defaults()}. */
  public static IntentValidator withDefaults() {
    return new IntentValidator(IntentLimits.defaults());
  }

  public IntentLimits limits() {
    return limits;
  }

  /** Every problem of a typed intent (e.g. one a client is about to publish). */
  public List<Problem> validate(EmailIntent intent) {
    return validate(EventJson.mapper().<JsonNode>valueToTree(intent));
  }

  /** Every problem of an intent as JSON; empty when it is valid. */
  public List<Problem> validate(JsonNode root) {
    Problems problems = new Problems(limits.maxProblems());
    if (root == null || !root.isObject()) {
      problems.add("$", "type", "an intent must be a JSON object");
      return problems.toList();
    }
    Fields fields = new Fields(root, problems);
    fields.id("intent_id", true, limits.maxIdChars());
    fields.id("mailbox_id", true, limits.maxIdChars());
    String kind = fields.string("kind", true, 16, false);
    if (kind != null && !KINDS.contains(kind)) {
      problems.add("kind", "invalid_enum", "must be one of " + String.join(", ", sortedKinds()));
    }
    for (String label : List.of("team", "role", "agent", "action")) {
      String value = fields.string(label, true, limits.maxLabelChars(), false);
      if (value != null && value.isBlank()) {
        problems.add(label, "required", "must not be blank");
      }
    }
    fields.id("trigger_message_id", false, limits.maxIdChars());
    fields.string("reasoning", false, limits.maxReasoningChars(), true);
    boolean reply = IntentKind.REPLY.wire().equals(kind);
    fields.id("reply_to_email_id", reply, 256);
    fields.id("thread_id", false, 256);
    String subject = fields.string("subject", !reply, limits.maxSubjectChars(), false);
    if (subject != null && !reply && subject.isBlank()) {
      problems.add("subject", "required", "must not be blank");
    }
    String markdown = fields.string("markdown", true, limits.maxMarkdownChars(), true);
    if (markdown != null && markdown.isBlank()) {
      problems.add("markdown", "required", "must not be blank");
    }
    fields.instant("created_at");
    new Recipients(root, problems, limits).check(!reply);
    new Attachments(root, problems, limits).check();
    return problems.toList();
  }

  private static List<String> sortedKinds() {
    return KINDS.stream().sorted().toList();
  }

  /** Reads and checks the scalar fields of one object. */
  private record Fields(JsonNode root, Problems problems) {

    String string(String name, boolean required, int maxChars, boolean multiline) {
      JsonNode node = root.get(name);
      if (node == null || node.isNull()) {
        if (required) {
          problems.add(name, "required", "is required");
        }
        return null;
      }
      if (!node.isTextual()) {
        problems.add(name, "type", "must be a string, not " + typeName(node));
        return null;
      }
      String value = node.textValue();
      checkText(problems, name, value, maxChars, multiline);
      return value;
    }

    void id(String name, boolean required, int maxChars) {
      String value = string(name, required, maxChars, false);
      if (value != null && value.length() <= maxChars && !Text.isOpaqueId(value)) {
        problems.add(name, "invalid_format", "must be letters, digits and . _ : - only");
      }
    }

    void instant(String name) {
      String value = string(name, true, 64, false);
      if (value == null || value.length() > 64) {
        return;
      }
      try {
        Instant.parse(value);
      } catch (DateTimeParseException e) {
        problems.add(
            name, "invalid_format", "must be an ISO-8601 UTC instant such as 2026-11-24T10:00:00Z");
      }
    }
  }

  static void checkText(
      Problems problems, String path, String value, int maxChars, boolean multiline) {
    if (value.length() > maxChars) {
      problems.add(
          path,
          "too_long",
          "has " + value.length() + " characters, at most " + maxChars + " allowed");
    }
    if (!Text.wellFormedUnicode(value)) {
      problems.add(path, "invalid_unicode", "contains an unpaired UTF-16 surrogate");
    }
    if (!multiline && Text.hasLineBreak(value)) {
      problems.add(path, "header_injection", "must not contain CR or LF");
    }
    if (Text.hasOtherControl(value)) {
      problems.add(path, "control_character", "must not contain control characters");
    }
  }

  static String typeName(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** to, cc and bcc: types, syntax, count, duplicates across the three lists. */
  private record Recipients(JsonNode root, Problems problems, IntentLimits limits) {

    void check(boolean toRequired) {
      Set<String> seen = new HashSet<>();
      int total = 0;
      for (String list : List.of("to", "cc", "bcc")) {
        total += checkList(list, seen);
      }
      if (toRequired && countOf("to") == 0) {
        problems.add("to", "required", "at least one recipient is required");
      }
      if (total > limits.maxRecipients()) {
        problems.add(
            "to",
            "too_many",
            total + " recipients, at most " + limits.maxRecipients() + " allowed");
      }
    }

    private int countOf(String list) {
      JsonNode node = root.get(list);
      return node != null && node.isArray() ? node.size() : 0;
    }

    private int checkList(String list, Set<String> seen) {
      JsonNode node = root.get(list);
      if (node == null || node.isNull()) {
        return 0;
      }
      if (!node.isArray()) {
        problems.add(list, "type", "must be an array of addresses, not " + typeName(node));
        return 0;
      }
      for (int i = 0; i < node.size(); i++) {
        checkAddress(list + "[" + i + "]", node.get(i), seen);
      }
      return node.size();
    }

    private void checkAddress(String path, JsonNode item, Set<String> seen) {
      if (!item.isTextual()) {
        problems.add(path, "type", "must be a string, not " + typeName(item));
        return;
      }
      String address = item.textValue();
      if (Text.hasLineBreak(address)) {
        problems.add(path, "header_injection", "must not contain CR or LF");
      } else if (!Text.isAddress(address)) {
        problems.add(path, "invalid_address", "is not an email address (local@domain.tld)");
      } else if (!seen.add(address.toLowerCase(Locale.ROOT))) {
        problems.add(path, "duplicate", "appears more than once among to, cc and bcc");
      }
    }
  }
}
