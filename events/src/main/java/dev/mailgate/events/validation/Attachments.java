package dev.mailgate.events.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;

/** The {@code attachments} of an intent: shape, names, types, base64 content and total size. */
record Attachments(JsonNode root, Problems problems, IntentLimits limits) {

  void check() {
    JsonNode list = root.get("attachments");
    if (list == null || list.isNull()) {
      return;
    }
    if (!list.isArray()) {
      problems.add(
          "attachments", "type", "must be an array, not " + IntentValidator.typeName(list));
      return;
    }
    if (list.size() > limits.maxAttachments()) {
      problems.add(
          "attachments",
          "too_many",
          list.size() + " attachments, at most " + limits.maxAttachments() + " allowed");
      return;
    }
    long totalBytes = 0;
    for (int i = 0; i < list.size(); i++) {
      totalBytes += checkOne("attachments[" + i + "]", list.get(i));
    }
    if (totalBytes > limits.maxAttachmentBytes()) {
      problems.add(
          "attachments",
          "too_large",
          totalBytes + " bytes in all, at most " + limits.maxAttachmentBytes() + " allowed");
    }
  }

  private long checkOne(String path, JsonNode item) {
    if (!item.isObject()) {
      problems.add(path, "type", "must be an object, not " + IntentValidator.typeName(item));
      return 0;
    }
    String name = text(item, path, "name", 255);
    if (name != null && (name.contains("/") || name.contains("\\") || name.isBlank())) {
      problems.add(path + ".name", "invalid_format", "must be a file name without path separators");
    }
    String type = text(item, path, "content_type", 255);
    if (type != null && !Text.isMimeType(type)) {
      problems.add(
          path + ".content_type", "invalid_format", "must be a MIME type such as application/pdf");
    }
    String content = text(item, path, "content_base64", Integer.MAX_VALUE);
    if (content == null) {
      return 0;
    }
    try {
      return Base64.getDecoder().decode(content).length;
    } catch (IllegalArgumentException e) {
      problems.add(path + ".content_base64", "invalid_format", "is not valid base64");
      return 0;
    }
  }

  private String text(JsonNode item, String path, String field, int maxChars) {
    JsonNode node = item.get(field);
    String fieldPath = path + "." + field;
    if (node == null || node.isNull()) {
      problems.add(fieldPath, "required", "is required");
      return null;
    }
    if (!node.isTextual()) {
      problems.add(fieldPath, "type", "must be a string, not " + IntentValidator.typeName(node));
      return null;
    }
    IntentValidator.checkText(problems, fieldPath, node.textValue(), maxChars, false);
    return node.textValue();
  }
}
