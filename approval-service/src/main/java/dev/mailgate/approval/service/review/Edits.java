package dev.mailgate.approval.service.review;

import java.util.ArrayList;
import java.util.List;

/**
 * A reviewer's changes to an intent before approving it; absent fields stay as the agent wrote
 * them.
 */
public record Edits(
    String subject, String markdown, List<String> to, List<String> cc, List<String> bcc) {

  public static Edits none() {
    return new Edits(null, null, null, null, null);
  }

  /** The fields this edit changes, by their contract names. */
  List<String> fields() {
    List<String> fields = new ArrayList<>();
    if (subject != null) {
      fields.add("subject");
    }
    if (markdown != null) {
      fields.add("markdown");
    }
    if (to != null) {
      fields.add("to");
    }
    if (cc != null) {
      fields.add("cc");
    }
    if (bcc != null) {
      fields.add("bcc");
    }
    return fields;
  }
}
