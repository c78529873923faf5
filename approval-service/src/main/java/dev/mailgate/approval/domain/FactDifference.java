package dev.mailgate.approval.domain;

/**
 * A contradiction as reviewers see it on an intent of a conflict group: what this intent ({@code
 * role}) says, what the other member ({@code otherRole}, {@code otherIntentId}) says, and both in
 * one sentence ({@code says}: "Architect says December 10; ProductManager says December 3").
 */
public record FactDifference(
    String kind,
    String key,
    String mine,
    String theirs,
    String role,
    String otherRole,
    String otherIntentId,
    String says) {

  public static FactDifference of(
      ConflictFact fact, String role, String otherRole, String otherIntentId) {
    String about = fact.key().isEmpty() ? "" : " (" + fact.kind() + ": " + fact.key() + ")";
    return new FactDifference(
        fact.kind(),
        fact.key(),
        fact.mine(),
        fact.theirs(),
        role,
        otherRole,
        otherIntentId,
        role + " says " + fact.mine() + "; " + otherRole + " says " + fact.theirs() + about);
  }

  /** The same difference seen from the other member. */
  public FactDifference mirrored(String intentId) {
    return of(new ConflictFact(kind, key, theirs, mine), otherRole, role, intentId);
  }
}
