package dev.mailgate.approval.domain;

/**
 * A mailbox's thresholds for duplicate and conflict detection. Similarities are Jaccard
 * similarities of {@link TopicTerms} (0 to 1).
 *
 * @param scope {@code topic}, or {@code any_role} for "any second role is a conflict"
 * @param topicSimilarity at or above, with a subject term of one email in the other: the same
 *     subject matter
 * @param contradictionSimilarity at or above, with a subject term of one in the other, when the
 *     facts contradict or at least two are restated: the same subject matter
 * @param duplicateSimilarity at or above: the same subject matter whatever the subjects; with no
 *     contradiction, the same message reworded
 * @param nearDuplicateBits at most this SimHash distance: a near-identical message
 */
public record ConflictRules(
    ConflictScope scope,
    double topicSimilarity,
    double contradictionSimilarity,
    double duplicateSimilarity,
    int nearDuplicateBits) {

  public static final double DEFAULT_TOPIC_SIMILARITY = 0.1;
  public static final double DEFAULT_CONTRADICTION_SIMILARITY = 0.08;
  public static final double DEFAULT_DUPLICATE_SIMILARITY = 0.5;

  /** The defaults: topic scope, the thresholds above, 3 bits. */
  public static ConflictRules defaults() {
    return new ConflictRules(
        ConflictScope.TOPIC,
        DEFAULT_TOPIC_SIMILARITY,
        DEFAULT_CONTRADICTION_SIMILARITY,
        DEFAULT_DUPLICATE_SIMILARITY,
        3);
  }

  public static ConflictRules of(Mailbox m) {
    return new ConflictRules(
        m.conflictScope,
        m.topicSimilarity,
        m.contradictionSimilarity,
        m.duplicateSimilarity,
        m.nearDuplicateBits);
  }
}
