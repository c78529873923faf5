package dev.mailgate.approval.domain;

import dev.mailgate.events.DecisionState;
import java.time.Instant;
import java.util.UUID;

/**
 * A recent intent of the same mailbox that shares recipients or the thread with a new one; roles
 * compare by {@code roleKey} ({@link dev.mailgate.events.RoleNames#key}, stored with the intent).
 * Its {@code topicTerms} are null when it was stored before topics were kept: then it is compared
 * the old way (any other role is a conflict).
 */
public record Candidate(
    String intentId,
    String role,
    String roleKey,
    DecisionState state,
    String contentHash,
    String recipientsHash,
    String subjectKey,
    long fingerprint,
    UUID conflictId,
    Instant receivedAt,
    String threadKey,
    String topicTerms,
    String facts) {

  public static Candidate of(Intent intent) {
    return new Candidate(
        intent.intentId,
        intent.role,
        intent.roleKey,
        intent.state,
        intent.contentHash,
        intent.recipientsHash,
        intent.subjectKey,
        intent.fingerprint == null ? 0 : intent.fingerprint,
        intent.conflictId,
        intent.receivedAt,
        intent.threadKey,
        intent.topicTerms,
        intent.facts);
  }
}
