package dev.mailgate.outbound.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mailgate.events.ApprovedEmail;
import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.IntentKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reads {@code mail.approved} records: a delivery to try, a refusal, or unreadable bytes. */
public final class ApprovedReader {

  /** A record as read. Exactly one of {@code work} and {@code malformed} is set. */
  public record Read(
      ConsumerRecord<String, byte[]> record, String eventId, Work work, String malformed) {

    /** Readable enough to report on, but not deliverable (e.g. a reply without its email id). */
    public boolean invalid() {
      return work != null && problem(work.email()) != null;
    }
  }

  private ApprovedReader() {}

  public static Read read(ConsumerRecord<String, byte[]> record) {
    String eventId = eventId(record);
    byte[] value = record.value();
    if (value == null || value.length == 0) {
      return new Read(record, eventId, null, "empty record");
    }
    ApprovedEmail email;
    try {
      email = EventJson.mapper().readValue(value, ApprovedEmail.class);
    } catch (JsonProcessingException e) {
      return new Read(record, eventId, null, "not an approved email: " + e.getOriginalMessage());
    } catch (IOException e) {
      return new Read(record, eventId, null, "unreadable record: " + e.getMessage());
    }
    if (email == null || blank(email.intentId()) || blank(email.mailboxId())) {
      return new Read(record, eventId, null, "not an approved email: intent_id and mailbox_id");
    }
    return new Read(record, eventId, new Work(email, eventId, value, 0, 0, false), null);
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

  private static String eventId(ConsumerRecord<String, byte[]> record) {
    Header header = record.headers().lastHeader(EventHeaders.EVENT_ID);
    if (header != null && header.value() != null && header.value().length > 0) {
      return new String(header.value(), StandardCharsets.UTF_8);
    }
    // Without an event id the record's position identifies a redelivery.
    return record.topic() + "/" + record.partition() + "@" + record.offset();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
