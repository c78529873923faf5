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
 * the recipient set, the normalised subject, and the SimHash fingerprint.
 */
public record ContentKeys(
    String contentHash, String recipientsHash, String subjectKey, long fingerprint) {

  private static final Pattern REPLY_PREFIX = Pattern.compile("^((re|fwd?|aw|wg)\\s*:\\s*)+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  public static ContentKeys of(String subject, String markdown, Collection<String> recipients) {
    String normalisedSubject = subjectKey(subject);
    String normalisedBody = normalise(markdown);
    String recipientSet =
        String.join(
            ",",
            recipients.stream().map(r -> r.toLowerCase(Locale.ROOT)).sorted().distinct().toList());
    return new ContentKeys(
        sha256(normalisedSubject + "\n" + normalisedBody),
        sha256(recipientSet),
        normalisedSubject,
        SimHash.of((normalisedSubject + " " + normalisedBody).trim()));
  }

  /** Lower case, punctuation and markup to single spaces. */
  public static String normalise(String text) {
    if (text == null) {
      return "";
    }
    return NON_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
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
