package dev.mailgate.approval.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides duplicate or conflict from the candidates (recent live intents of the mailbox sharing a
 * recipient or the thread). A duplicate is the same content to the same recipient set from any
 * role; a conflict is another role writing to the same people or thread, or the same role writing a
 * near-identical message or about the same subject.
 */
public final class DuplicateDetector {

  private DuplicateDetector() {}

  public static Assessment assess(
      String role, ContentKeys keys, List<Candidate> candidates, int nearDuplicateBits) {
    for (Candidate candidate : candidates) {
      if (keys.recipientsHash().equals(candidate.recipientsHash())
          && keys.contentHash().equals(candidate.contentHash())) {
        return new Assessment.Duplicate(candidate.intentId());
      }
    }
    List<Candidate> conflicting = new ArrayList<>();
    String why = null;
    for (Candidate candidate : candidates) {
      String reason = conflictReason(role, keys, candidate, nearDuplicateBits);
      if (reason != null) {
        conflicting.add(candidate);
        why = why == null ? reason : why;
      }
    }
    return conflicting.isEmpty()
        ? new Assessment.Unique()
        : new Assessment.Conflict(conflicting, why);
  }

  private static String conflictReason(
      String role, ContentKeys keys, Candidate candidate, int nearDuplicateBits) {
    if (!role.equals(candidate.role())) {
      return "role " + candidate.role() + " is writing to the same recipients or thread";
    }
    if (SimHash.distance(keys.fingerprint(), candidate.fingerprint()) <= nearDuplicateBits) {
      return "a near-identical message is already on its way";
    }
    if (!keys.subjectKey().isEmpty() && keys.subjectKey().equals(candidate.subjectKey())) {
      return "another message about the same subject is already on its way";
    }
    return null;
  }
}
