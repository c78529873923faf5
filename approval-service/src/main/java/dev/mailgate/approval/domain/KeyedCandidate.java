package dev.mailgate.approval.domain;

import dev.mailgate.events.DecisionState;
import java.time.Instant;
import java.util.UUID;

/**
 * A {@link Candidate} with the key it was found by (a recipient or a thread key): the row of the
 * candidate lookups, built by the query itself ({@code select new}).
 */
public record KeyedCandidate(String key, Candidate candidate) {

  /**
   * The query's constructor: the key, then the candidate's columns in {@link Candidate}'s order.
   */
  public KeyedCandidate(
      String key,
      String intentId,
      String role,
      String roleKey,
      DecisionState state,
      String contentHash,
      String recipientsHash,
      String subjectKey,
      Long fingerprint,
      UUID conflictId,
      Instant receivedAt,
      String threadKey,
      String topicTerms,
      String facts) {
    this(
        key,
        new Candidate(
            intentId,
            role,
            roleKey,
            state,
            contentHash,
            recipientsHash,
            subjectKey,
            fingerprint == null ? 0 : fingerprint,
            conflictId,
            receivedAt,
            threadKey,
            topicTerms,
            facts));
  }
}
