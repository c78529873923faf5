package dev.mailgate.audit.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Turns any Kafka record into an audit row: what can be read is read, what cannot is kept (raw
 * bytes as base64) and explained in {@code error}. Never throws on bad input.
 */
public final class EventExtractor {

  /** The chain of events that name no valid mailbox; '~' cannot start a mailbox id. */
  public static final String UNATTRIBUTED = "~unattributed";

  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private EventExtractor() {}

  /** The row for {@code record}, without its chain position and hashes. */
  public static AuditEvent extract(IncomingRecord record, Instant recordedAt) {
    List<String> problems = new ArrayList<>();
    AuditEvent e = new AuditEvent();
    boolean deadLetter = Topics.isDlq(record.topic());
    e.sourceTopic = Text.safe(record.topic(), 249);
    e.sourcePartition = record.partition();
    e.sourceOffset = record.offset();
    e.recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
    e.kafkaKey = record.key() == null ? null : Text.safe(utf8(record.key()), 512);
    e.headers = headers(record);
    e.eventId = validEventId(record);
    if (e.eventId == null && record.header(EventHeaders.EVENT_ID) != null) {
      problems.add("the event_id header is not a valid id");
    }
    e.dedupKey = dedupKey(record);
    String topic = deadLetter ? originalTopic(record) : record.topic();
    if (deadLetter) {
      e.deadLetterReason = Text.safe(record.header(EventHeaders.DLQ_REASON), 4000);
      e.deadLetterTopic = Text.safe(record.header(EventHeaders.DLQ_TOPIC), 249);
      e.rawValue = base64(record.value());
    }
    JsonNode payload = payload(record.value(), e, problems);
    PayloadFields fields =
        new PayloadFields(
            payload != null && payload.isObject() ? payload : JsonNodeFactory.instance.objectNode(),
            problems);
    readFields(e, fields, topic);
    if (e.mailboxId == null) {
      e.mailboxId = e.kafkaKey != null ? Text.safe(e.kafkaKey, 128) : null;
    }
    e.chainKey =
        e.mailboxId != null && PayloadFields.ID.matcher(e.mailboxId).matches()
            ? e.mailboxId
            : UNATTRIBUTED;
    String type = record.header(EventHeaders.EVENT_TYPE);
    e.eventType =
        type != null && PayloadFields.TOKEN.matcher(type).matches()
            ? type
            : orElse(fields.derivedEventType(topic), "unknown");
    e.occurredAt = occurredAt(fields.occurredAt(), record.timestamp(), e.recordedAt);
    e.error = problems.isEmpty() ? null : Text.safe(String.join("; ", problems), 2000);
    return e;
  }

  /**
   * The row for a record whose full row could not be stored: only where it was read, its raw bytes
   * and why, in the chain of unattributed events.
   */
  public static AuditEvent unreadable(IncomingRecord record, Instant recordedAt, String reason) {
    AuditEvent e = new AuditEvent();
    e.sourceTopic = Text.safe(record.topic(), 249);
    e.sourcePartition = record.partition();
    e.sourceOffset = record.offset();
    e.eventId = validEventId(record);
    e.dedupKey = dedupKey(record);
    e.recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
    e.occurredAt = e.recordedAt;
    e.eventType = "unknown";
    e.chainKey = UNATTRIBUTED;
    e.rawValue = base64(record.value());
    e.error = Text.safe("the event could not be stored as read: " + reason, 2000);
    return e;
  }

  private static String validEventId(IncomingRecord record) {
    String eventId = record.header(EventHeaders.EVENT_ID);
    return eventId != null && PayloadFields.ID.matcher(eventId).matches() ? eventId : null;
  }

  /**
   * The audit identity of a record: its topic and the SHA-256 of everything it carries (topic, key,
   * value, every header in order, each length-prefixed). A redelivery, a producer retry or an
   * outbox re-publish of the same record maps to the same key; a record that reuses an event id
   * with other content does not. The event_id header is the producer's choice, so it is kept as
   * information only ('#' cannot occur in an id).
   */
  public static String dedupKey(IncomingRecord record) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      field(digest, record.topic().getBytes(StandardCharsets.UTF_8));
      field(digest, record.key());
      field(digest, record.value());
      for (IncomingRecord.RecordHeader header : record.headers()) {
        field(digest, header.name().getBytes(StandardCharsets.UTF_8));
        field(digest, header.value());
      }
      return Text.safe(record.topic(), 249) + "/#" + HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  private static void field(MessageDigest digest, byte[] bytes) {
    int length = bytes == null ? -1 : bytes.length;
    digest.update(
        new byte[] {
          (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length
        });
    if (bytes != null) {
      digest.update(bytes);
    }
  }

  private static void readFields(AuditEvent e, PayloadFields fields, String topic) {
    e.team = fields.text("team", 200);
    e.role = fields.text("role", 200);
    e.agent = fields.text("agent", 200);
    e.action = fields.text("action", 200);
    e.triggerMessageId = fields.text("trigger_message_id", 200);
    e.reasoning = fields.text("reasoning", 2000);
    e.mailboxId = fields.text("mailbox_id", 200);
    e.intentId = fields.text("intent_id", 200);
    e.threadId = fields.text("thread_id", 200);
    boolean inbound = Topics.INBOUND.equals(topic) || Topics.INBOUND_RECEIVED.equals(topic);
    e.providerEmailId = fields.text(inbound ? "email_id" : "provider_email_id", 200);
    String actorField = Actors.actorField(topic);
    String[] actor = actorField == null ? null : fields.actor(actorField);
    if (actor != null) {
      e.actorType = actor[0] == null ? null : actor[0].toLowerCase(Locale.ROOT);
      e.actorId = actor[1];
    } else if (Topics.INTENTS.equals(topic)) {
      e.actorType = "role";
      e.actorId = e.role;
    } else {
      e.actorType = "system";
      e.actorId = Actors.producer(topic);
    }
  }

  private static JsonNode payload(byte[] value, AuditEvent e, List<String> problems) {
    if (value == null || value.length == 0) {
      problems.add("the record has no value");
      return null;
    }
    try {
      JsonNode node = CanonicalJson.parse(value);
      String unstorable = CanonicalJson.unstorableReason(node);
      if (unstorable != null) {
        problems.add("payload kept as base64: " + unstorable);
        e.rawValue = base64(value);
        return null;
      }
      e.payload = CanonicalJson.write(node);
      if (!node.isObject()) {
        problems.add("the payload is not a JSON object");
      }
      return node;
    } catch (JsonProcessingException ex) {
      problems.add(
          "payload kept as base64: not JSON (" + Text.safe(ex.getOriginalMessage(), 200) + ")");
    } catch (IOException ex) {
      problems.add("payload kept as base64: not readable as UTF-8 JSON");
    }
    e.rawValue = base64(value);
    return null;
  }

  private static String headers(IncomingRecord record) {
    if (record.headers().isEmpty()) {
      return null;
    }
    ObjectNode headers = JsonNodeFactory.instance.objectNode();
    for (IncomingRecord.RecordHeader header : record.headers()) {
      byte[] value = header.value();
      String text = value == null ? null : utf8(value);
      boolean readable = text != null && Text.isStorable(text) && !text.contains("\uFFFD");
      headers.put(
          Text.safe(header.name(), 200),
          value == null ? null : Text.safe(readable ? text : "base64:" + base64(value), 4000));
    }
    return CanonicalJson.write(headers);
  }

  private static String originalTopic(IncomingRecord record) {
    String named = record.header(EventHeaders.DLQ_TOPIC);
    if (named != null && Topics.ALL.contains(named)) {
      return named;
    }
    return record.topic().substring(0, record.topic().length() - ".dlq".length());
  }

  private static Instant occurredAt(Instant fromPayload, long timestamp, Instant recordedAt) {
    if (inRange(fromPayload)) {
      return fromPayload.truncatedTo(ChronoUnit.MICROS);
    }
    Instant fromRecord = timestamp >= 0 ? Instant.ofEpochMilli(timestamp) : null;
    return inRange(fromRecord) ? fromRecord : recordedAt;
  }

  private static boolean inRange(Instant instant) {
    return instant != null && !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
  }

  private static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String base64(byte[] bytes) {
    return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
  }
}
