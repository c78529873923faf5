package dev.mailgate.approval.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.approval.domain.ConflictFacts;
import dev.mailgate.approval.domain.FactDifference;
import dev.mailgate.approval.domain.Intent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An intent as reviewers see it. Attachments are listed by name and type, not content; {@code
 * conflict_facts} says what this member of a conflict group states differently from the others;
 * {@code review_after} marks monitored mail still waiting to be acknowledged.
 */
public record ReviewItem(
    String intentId,
    String mailboxId,
    String kind,
    String team,
    String role,
    String agent,
    String action,
    String triggerMessageId,
    String reasoning,
    List<String> to,
    List<String> cc,
    List<String> bcc,
    String subject,
    String markdown,
    List<String> attachments,
    String replyToEmailId,
    String threadId,
    String state,
    String reason,
    String conflictId,
    String relatedIntentId,
    Instant receivedAt,
    Instant expiresAt,
    String decidedBy,
    Instant decidedAt,
    List<String> editedFields,
    JsonNode originalContent,
    String deliveryStatus,
    String providerEmailId,
    String deliveryError,
    List<FactDifference> conflictFacts,
    boolean reviewAfter,
    String acknowledgedBy,
    Instant acknowledgedAt,
    String acknowledgement) {

  public static ReviewItem of(Intent i) {
    List<String> attachments = new ArrayList<>();
    if (i.attachments != null) {
      i.attachments.forEach(
          a ->
              attachments.add(
                  a.path("name").asText() + " (" + a.path("content_type").asText() + ")"));
    }
    return new ReviewItem(
        i.intentId,
        i.mailboxId,
        i.kind == null ? null : i.kind.wire(),
        i.team,
        i.role,
        i.agent,
        i.action,
        i.triggerMessageId,
        i.reasoning,
        i.to,
        i.cc,
        i.bcc,
        i.subject,
        i.markdown,
        attachments,
        i.replyToEmailId,
        i.threadId,
        i.state.wire(),
        i.reason,
        i.conflictId == null ? null : i.conflictId.toString(),
        i.relatedIntentId,
        i.receivedAt,
        i.expiresAt,
        i.decidedBy,
        i.decidedAt,
        i.editedFields,
        i.originalContent,
        i.deliveryStatus,
        i.providerEmailId,
        i.deliveryError,
        ConflictFacts.read(i),
        i.reviewAfter,
        i.acknowledgedBy,
        i.acknowledgedAt,
        i.acknowledgement);
  }
}
