package dev.mailgate.outbound.service;

import dev.mailgate.events.ApprovedEmail;
import dev.mailgate.events.IntentKind;
import dev.mailgate.outbox.consumer.Parser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code mail.approved} values, and says what makes a readable one undeliverable. */
public final class ApprovedReader {

  private ApprovedReader() {}

  /** The approved email; throws when the bytes are not one (then the record is dead-lettered). */
  public static ApprovedEmail read(byte[] value) throws IOException {
    return Parser.json(
        value,
        ApprovedEmail.class,
        "an approved email",
        e -> !blank(e.intentId()) && !blank(e.mailboxId()),
        "intent_id and mailbox_id are");
  }

  /** What makes a readable approved email undeliverable, or null. */
  public static String problem(ApprovedEmail email) {
    List<String> missing = new ArrayList<>();
    if (email.kind() == null) {
      missing.add("kind");
    } else if (email.kind() == IntentKind.REPLY && blank(email.replyToEmailId())) {
      missing.add("reply_to_email_id");
    } else if (email.kind() == IntentKind.SEND
        && (email.to().isEmpty() || blank(email.subject()))) {
      missing.add("to and subject");
    }
    if (blank(email.markdown())) {
      missing.add("markdown");
    }
    return missing.isEmpty()
        ? null
        : "invalid approved email, missing " + String.join(", ", missing);
  }

  private static boolean blank(String value) {
    return Parser.blank(value);
  }
}
