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
    String mine = capitalised(fact.mine());
    String theirs = capitalised(fact.theirs());
    return new FactDifference(
        fact.kind(),
        fact.key(),
        mine,
        theirs,
        role,
        otherRole,
        otherIntentId,
        role + " says " + mine + "; " + otherRole + " says " + theirs + about);
  }

  private static final java.util.regex.Pattern NAMES =
      java.util.regex.Pattern.compile(
          "\\b(january|february|march|april|may|june|july|august|september|october|november"
              + "|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday"
              + "|wednesday|thursday|friday|saturday|sunday)\\b|\\b(usd|eur|gbp|chf)\\b");

  /** Month, weekday and currency names as people write them ("December 3", not "december 3"). */
  static String capitalised(String text) {
    return NAMES
        .matcher(text)
        .replaceAll(
            m ->
                m.group(2) != null
                    ? m.group().toUpperCase(java.util.Locale.ROOT)
                    : Character.toUpperCase(m.group().charAt(0)) + m.group().substring(1));
  }

  /** The same difference seen from the other member. */
  public FactDifference mirrored(String intentId) {
    return of(new ConflictFact(kind, key, theirs, mine), otherRole, role, intentId);
  }
}
