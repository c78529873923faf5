package dev.mailgate.approval.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Yes/no statements: "will ship" / "will not ship", "is included" / "is not included", "supports" /
 * "does not support". The key is the verb or adjective stem, the value {@code yes} or {@code no}; a
 * key an email states both ways is left out as ambiguous.
 */
final class Statements {

  /** Words after a number that are not a unit of anything. */
  static final Set<String> NOT_UNITS =
      Set.of(
          "and", "or", "to", "the", "of", "in", "at", "on", "for", "with", "from", "by", "percent",
          "per", "more", "than", "times", "time", "out", "are", "is", "was", "were", "will", "have",
          "has", "our", "your", "you", "new", "this", "that", "which", "who");

  private static final String NEG = "(not\\s+|n't\\s+|no longer\\s+|never\\s+)?";
  private static final String ADVERB = "(?:(?:also|still|now|definitely|certainly|then|only)\\s+)?";
  private static final Set<String> STATES =
      Set.of(
          "included",
          "available",
          "supported",
          "covered",
          "required",
          "affected",
          "possible",
          "ready",
          "free",
          "refundable",
          "compatible",
          "delayed",
          "cancelled",
          "canceled",
          "confirmed",
          "postponed",
          "live",
          "complete",
          "completed",
          "fixed",
          "resolved",
          "approved",
          "eligible",
          "enabled",
          "active",
          "charged",
          "billed",
          "waived",
          "extended",
          "on track",
          "open",
          "closed",
          "final",
          "mandatory",
          "optional",
          "guaranteed");
  private static final Map<String, String> OPPOSITES =
      Map.of(
          "excluded", "included",
          "unavailable", "available",
          "unsupported", "supported",
          "ineligible", "eligible",
          "disabled", "enabled",
          "incompatible", "compatible",
          "optional", "required");
  private static final Set<String> VAGUE_VERBS =
      Set.of(
          "be",
          "have",
          "need",
          "get",
          "let",
          "see",
          "keep",
          "follow",
          "send",
          "receive",
          "update",
          "try",
          "make",
          "take",
          "reach",
          "hear",
          "do",
          "continue",
          "also",
          "still",
          "now",
          "you",
          "share",
          "provide",
          "work",
          "look",
          "check",
          "contact",
          "find",
          "want",
          "like",
          "help",
          "notify",
          "inform",
          "confirm",
          "review",
          "come",
          "give",
          "know");
  private static final Pattern STATE =
      Pattern.compile(
          "\\b(?=[iawbhrs])(?:is|are|was|were|be|will be|has been|have been|isn't|aren't|wasn't|weren't"
              + "|won't be|will not be|remains?|stays?)\\s+"
              + ADVERB
              + NEG
              + "(on track|[a-z]+)\\b");
  private static final Pattern WILL =
      Pattern.compile(
          "\\b(?=[wcs])(will|won't|can|cannot|can't|shall)\\s+" + ADVERB + NEG + "([a-z]+)\\b");
  private static final Pattern NEGATION =
      Pattern.compile("\\bnot\\b|n't\\b|\\bno longer\\b|\\bnever\\b|\\bcannot\\b");

  /** "does not include" and "includes"; the bare "include" or "support" is too often a noun. */
  private static final Pattern ACTION =
      Pattern.compile(
          "\\b(?=[dscoraie])(?:(?:does|do|did)\\s*(?:not|n't)\\s+"
              + "(include|support|cover|offer|require|charge|apply|allow|ship|renew|expire)"
              + "|(includes|supports|covers|offers|requires|charges|applies|allows|ships|renews"
              + "|expires))\\b");

  private static final Pattern AFTER_MODAL =
      Pattern.compile("\\b(will|won't|can|cannot|can't|shall|to)\\s$");

  private Statements() {}

  static List<Fact> of(String text) {
    Map<String, String> values = new HashMap<>();
    Map<String, String> texts = new HashMap<>();
    Matcher m = STATE.matcher(text);
    while (m.find()) {
      String word = m.group(2);
      boolean negated = NEGATION.matcher(m.group()).find();
      String base = OPPOSITES.get(word);
      if (base != null) {
        negated = !negated;
        word = base;
      }
      if (STATES.contains(word)) {
        put(values, texts, key(word), negated, m.group());
      }
    }
    m = WILL.matcher(text);
    while (m.find()) {
      String verb = m.group(3);
      if (verb.equals("be") || VAGUE_VERBS.contains(verb) || verb.equals("not")) {
        continue;
      }
      boolean negated = NEGATION.matcher(m.group()).find();
      put(values, texts, key(verb), negated, m.group());
    }
    m = ACTION.matcher(text);
    while (m.find()) {
      if (m.group(2) != null
          && AFTER_MODAL.matcher(text.substring(Math.max(0, m.start() - 8), m.start())).find()) {
        continue; // "will ships" is no statement of its own; WILL has it
      }
      boolean negated = m.group(1) != null;
      put(values, texts, key(negated ? m.group(1) : m.group(2)), negated, m.group());
    }
    List<Fact> facts = new ArrayList<>();
    values.forEach(
        (k, v) -> {
          if (!v.equals("both")) {
            facts.add(new Fact("yes_no", k, v, texts.get(k)));
          }
        });
    facts.sort(java.util.Comparator.comparing(Fact::key));
    return facts;
  }

  private static void put(
      Map<String, String> values, Map<String, String> texts, String key, boolean no, String text) {
    String value = no ? "no" : "yes";
    values.merge(key, value, (a, b) -> a.equals(b) ? a : "both");
    texts.putIfAbsent(key, text.trim());
  }

  /** "included", "includes" and "include" share one key. */
  static String key(String word) {
    return word.replace(" ", "_").replaceAll("(ies|es|ed|e|s|d)$", "");
  }
}
