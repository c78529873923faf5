package dev.mailgate.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Bounds an inbound email before MailGate publishes it, whatever a sender put in it: subject,
 * address lists and attachment list are cut to MultiMail's own limits, and the markdown to a size
 * that keeps the whole record well under Kafka's default 1 MiB. A cut email says so ({@code
 * truncated}, the original markdown's size and SHA-256); MultiMail keeps the whole of it.
 */
public final class InboundLimits {

  public static final int MAX_SUBJECT_CHARS = 998;
  public static final int MAX_ADDRESSES = 100;
  public static final int MAX_ADDRESS_CHARS = 320;
  public static final int MAX_ATTACHMENTS = 100;
  public static final int MAX_MARKDOWN_BYTES = 800_000;

  private InboundLimits() {}

  /** The email itself when it fits, else a cut copy that says what was left out. */
  public static InboundEmail bounded(InboundEmail email) {
    byte[] markdown =
        email.markdown() == null ? new byte[0] : email.markdown().getBytes(StandardCharsets.UTF_8);
    boolean cut =
        length(email.subject()) > MAX_SUBJECT_CHARS
            || length(email.from()) > MAX_ADDRESS_CHARS
            || tooMany(email.to())
            || tooMany(email.cc())
            || email.attachments().size() > MAX_ATTACHMENTS
            || markdown.length > MAX_MARKDOWN_BYTES;
    if (!cut) {
      return email;
    }
    return new InboundEmail(
        email.emailId(),
        email.mailboxId(),
        email.threadId(),
        cutText(email.from(), MAX_ADDRESS_CHARS),
        cutList(email.to()),
        cutList(email.cc()),
        cutText(email.subject(), MAX_SUBJECT_CHARS),
        email.markdown() == null ? null : cutUtf8(email.markdown(), MAX_MARKDOWN_BYTES),
        email.attachments().size() > MAX_ATTACHMENTS
            ? email.attachments().subList(0, MAX_ATTACHMENTS)
            : email.attachments(),
        email.receivedAt(),
        email.releasedBy(),
        true,
        (long) markdown.length,
        sha256(markdown),
        email.readGrants());
  }

  private static boolean tooMany(List<String> addresses) {
    return addresses.size() > MAX_ADDRESSES
        || addresses.stream().anyMatch(a -> length(a) > MAX_ADDRESS_CHARS);
  }

  private static List<String> cutList(List<String> addresses) {
    return addresses.stream().limit(MAX_ADDRESSES).map(a -> cutText(a, MAX_ADDRESS_CHARS)).toList();
  }

  private static int length(String text) {
    return text == null ? 0 : text.length();
  }

  private static String cutText(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }

  /** The longest prefix of whole characters whose UTF-8 encoding has at most {@code max} bytes. */
  static String cutUtf8(String text, int max) {
    int bytes = 0;
    int i = 0;
    while (i < text.length()) {
      int codePoint = text.codePointAt(i);
      int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
      if (bytes + size > max) {
        break;
      }
      bytes += size;
      i += Character.charCount(codePoint);
    }
    return text.substring(0, i);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
