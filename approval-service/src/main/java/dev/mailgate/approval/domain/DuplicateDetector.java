package dev.mailgate.approval.domain;

import dev.mailgate.events.RoleNames;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides duplicate or conflict from the candidates (recent live intents of the mailbox sharing a
 * recipient or the thread). A duplicate is the same content to the same recipient set from any
 * role. A near-identical message (SimHash) is a conflict from any role. Otherwise, in {@code topic}
 * scope, a conflict needs the same subject matter — the same thread, very similar topic terms, or a
 * subject term of one in the other ("anchored") with similar terms, or with less similar terms when
 * the facts contradict or are restated — and then: another role writing anything, or the same role
 * contradicting itself without saying it corrects, or repeating itself in other words. In {@code
 * any_role} scope any other role is a conflict, as before topics.
 */
public final class DuplicateDetector {

  /** Facts two emails must share (same dates, amounts, ...) to count as saying the same thing. */
  static final int SHARED_FACTS = 2;

  private DuplicateDetector() {}

  /** {@code roleKey}: the new intent's {@link RoleNames#key}, compared with each candidate's. */
  public static Assessment assess(
      String roleKey,
      String threadKey,
      ContentKeys keys,
      List<Candidate> candidates,
      ConflictRules rules) {
    for (Candidate candidate : candidates) {
      if (keys.recipientsHash().equals(candidate.recipientsHash())
          && keys.contentHash().equals(candidate.contentHash())) {
        return new Assessment.Duplicate(candidate.intentId());
      }
    }
    List<Fact> mine = null;
    List<Candidate> conflicting = new ArrayList<>();
    List<Assessment.Disagreement> disagreements = new ArrayList<>();
    String why = null;
    for (Candidate candidate : candidates) {
      String reason;
      if (rules.scope() == ConflictScope.ANY_ROLE || candidate.topicTerms() == null) {
        reason = anyRoleReason(roleKey, keys, candidate, rules.nearDuplicateBits());
      } else {
        mine = mine == null ? Fact.decode(keys.facts()) : mine;
        List<Fact> theirs = Fact.decode(candidate.facts());
        List<ConflictFact> differing = ConflictFact.between(mine, theirs);
        reason = topicReason(roleKey, threadKey, keys, mine, theirs, differing, candidate, rules);
        if (reason != null && !differing.isEmpty()) {
          disagreements.add(new Assessment.Disagreement(candidate, differing));
        }
      }
      if (reason != null) {
        conflicting.add(candidate);
        why = why == null ? reason : why;
      }
    }
    return conflicting.isEmpty()
        ? new Assessment.Unique()
        : new Assessment.Conflict(conflicting, why, disagreements);
  }

  private static String topicReason(
      String roleKey,
      String threadKey,
      ContentKeys keys,
      List<Fact> mine,
      List<Fact> theirs,
      List<ConflictFact> differing,
      Candidate candidate,
      ConflictRules rules) {
    if (SimHash.distance(keys.fingerprint(), candidate.fingerprint())
        <= rules.nearDuplicateBits()) {
      return "a near-identical message is already on its way";
    }
    double similarity = TopicTerms.similarity(keys.topicTerms(), candidate.topicTerms());
    boolean sameThread = threadKey != null && threadKey.equals(candidate.threadKey());
    boolean contradiction = !differing.isEmpty();
    int shared = ConflictFact.shared(mine, theirs);
    boolean restates = shared >= SHARED_FACTS && !contradiction;
    boolean anchored = TopicTerms.anchored(keys.topicTerms(), candidate.topicTerms());
    boolean sameTopic =
        sameThread
            || similarity >= rules.duplicateSimilarity()
            || (anchored && similarity >= rules.topicSimilarity())
            || (anchored
                && (contradiction || restates)
                && similarity >= rules.contradictionSimilarity());
    if (!sameTopic) {
      return null;
    }
    boolean repeats = !contradiction && (similarity >= rules.duplicateSimilarity() || restates);
    String what = sameThread ? "in the same thread" : "about the same subject";
    if (sameRole(roleKey, candidate)) {
      if (contradiction && mine.stream().noneMatch(f -> f.kind().equals("correction"))) {
        return "this role already wrote " + what + " and said otherwise: " + describe(differing);
      }
      if (repeats) {
        return "this role already wrote the same " + what + " in other words";
      }
      return null;
    }
    if (contradiction) {
      return "role "
          + candidate.role()
          + " wrote "
          + what
          + " and says otherwise: "
          + describe(differing);
    }
    if (repeats) {
      return "role " + candidate.role() + " already wrote the same " + what + " in other words";
    }
    return "role " + candidate.role() + " is writing " + what + " to the same recipients";
  }

  private static boolean sameRole(String roleKey, Candidate candidate) {
    return roleKey != null && !roleKey.isEmpty() && roleKey.equals(candidate.roleKey());
  }

  private static String anyRoleReason(
      String roleKey, ContentKeys keys, Candidate candidate, int nearDuplicateBits) {
    if (!sameRole(roleKey, candidate)) {
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

  private static String describe(List<ConflictFact> facts) {
    return facts.stream().map(ConflictFact::describe).collect(Collectors.joining("; "));
  }
}
