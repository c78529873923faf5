package dev.mailgate.audit.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.audit.domain.AuditEvent;
import dev.mailgate.audit.domain.CanonicalJson;
import java.time.Instant;

/** One audited event as the API shows it. */
public record TrailEntry(
    long id,
    String eventId,
    String eventType,
    Instant occurredAt,
    Instant recordedAt,
    String mailboxId,
    String team,
    String role,
    String agent,
    String action,
    String triggerMessageId,
    String reasoning,
    String intentId,
    String threadId,
    String providerEmailId,
    Actor actor,
    Source source,
    DeadLetter deadLetter,
    String error,
    JsonNode payload,
    String rawValueBase64,
    Link chain) {

  /** Who caused the event. */
  public record Actor(String type, String id) {}

  /** Where the event was read. */
  public record Source(String topic, int partition, long offset) {}

  /** Why the event was dead-lettered, for records of a {@code .dlq} topic. */
  public record DeadLetter(String reason, String topic) {}

  /** The event's link in its hash chain. */
  public record Link(String key, long position, String hash) {}

  static TrailEntry of(AuditEvent e) {
    return new TrailEntry(
        e.id,
        e.eventId,
        e.eventType,
        e.occurredAt,
        e.recordedAt,
        e.mailboxId,
        e.team,
        e.role,
        e.agent,
        e.action,
        e.triggerMessageId,
        e.reasoning,
        e.intentId,
        e.threadId,
        e.providerEmailId,
        e.actorType == null && e.actorId == null ? null : new Actor(e.actorType, e.actorId),
        new Source(e.sourceTopic, e.sourcePartition, e.sourceOffset),
        e.deadLetterReason == null && e.deadLetterTopic == null
            ? null
            : new DeadLetter(e.deadLetterReason, e.deadLetterTopic),
        e.error,
        payload(e.payload),
        e.rawValue,
        new Link(e.chainKey, e.chainSeq, e.hash));
  }

  private static JsonNode payload(String json) {
    try {
      return json == null ? null : CanonicalJson.parse(json);
    } catch (Exception ex) {
      return null;
    }
  }
}
