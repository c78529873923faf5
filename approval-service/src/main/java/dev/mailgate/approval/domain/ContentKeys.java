package dev.mailgate.approval.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The keys duplicate and conflict detection compare: a hash of the normalised content, a hash of
 * the recipient set, the normalised subject, the SimHash fingerprint, the topic terms ({@link
 * TopicTerms}) and the stated facts ({@link Fact#encode}).
 */
public record ContentKeys(
    String contentHash,
    String recipientsHash,
    String subjectKey,
    long fingerprint,
    String topicTerms,
    String facts) {

  private static final Pattern REPLY_PREFIX = Pattern.compile("^((re|fwd?|aw|wg)\\s*:\\s*)+");

  public static ContentKeys of(String subject, String markdown, Collection<String> recipients) {
    String normalisedSubject = subjectKey(subject);
    String normalisedBody = normalise(markdown);
    String own = Boilerplate.strip(markdown);
    String recipientSet =
        String.join(
            ",",
            recipients.stream().map(r -> r.toLowerCase(Locale.ROOT)).sorted().distinct().toList());
    return new ContentKeys(
        sha256(normalisedSubject + "\n" + normalisedBody),
        sha256(recipientSet),
        normalisedSubject,
        SimHash.of((normalisedSubject + " " + normalisedBody).trim()),
        TopicTerms.ofOwn(subject, own),
        Fact.encode(withCorrection(subject, own, FactExtractor.ofOwn(subject, own))));
  }

  private static final Pattern CORRECTION =
      Pattern.compile(
          "\\b(?=[cteiwmpsra])(correction|corrected|to correct|correcting|erratum|i misspoke|we misspoke|misstated"
              + "|please disregard|ignore (my|our) (previous|last|earlier)|should have said"
              + "|(made|was) a mistake|was wrong|was incorrect|revised|amended)\\b");

  /** A message that says it corrects an earlier one carries a {@code correction} fact. */
  private static java.util.List<Fact> withCorrection(
      String subject, String own, java.util.List<Fact> facts) {
    String text = (subject == null ? "" : subject) + "\n" + own;
    java.util.regex.Matcher m = CORRECTION.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.find()) {
      return facts;
    }
    java.util.List<Fact> all = new java.util.ArrayList<>(facts);
    all.add(new Fact("correction", "", "yes", m.group()));
    return all;
  }

  /** Lower case, punctuation and markup to single spaces. */
  public static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    boolean gap = false;
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      i += Character.charCount(cp);
      if (isWordChar(cp)) {
        if (gap && out.length() > 0) {
          out.append(' ');
        }
        gap = false;
        out.appendCodePoint(cp);
      } else {
        gap = true;
      }
    }
    return out.toString();
  }

  /** A letter or a number in any script: what {@code [\\p{L}\\p{N}]} matches. */
  private static boolean isWordChar(int cp) {
    if (Character.isLetter(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /** The subject without reply/forward prefixes, normalised. */
  public static String subjectKey(String subject) {
    if (subject == null) {
      return "";
    }
    String lower = subject.toLowerCase(Locale.ROOT).trim();
    return normalise(REPLY_PREFIX.matcher(lower).replaceFirst(""));
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
