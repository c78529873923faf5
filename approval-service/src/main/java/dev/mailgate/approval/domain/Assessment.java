package dev.mailgate.approval.domain;

import java.util.List;

/** What duplicate and conflict detection concluded about a new intent. */
public sealed interface Assessment {

  /** Nothing like it in the window. */
  record Unique() implements Assessment {}

  /** The same content to the same recipients: suppressed, linked to the original. */
  record Duplicate(String originalIntentId) implements Assessment {}

  /**
   * Collides with these recent intents: grouped and held. {@code disagreements} lists, per member
   * whose facts contradict the new intent's, what differs.
   */
  record Conflict(List<Candidate> with, String why, List<Disagreement> disagreements)
      implements Assessment {}

  /** How the new intent contradicts one earlier intent. */
  record Disagreement(Candidate other, List<ConflictFact> facts) {}
}
