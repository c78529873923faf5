package dev.mailgate.audit.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A row's link over the previous row's hash and the row's canonical content (every stored column
 * except the surrogate id, the hash and the link version, its chain position included). Version
 * {@value #KEYED} (every new row): HMAC-SHA256 with the integrity key, which the database does not
 * hold, so whoever can write the tables cannot forge a link. Version {@value #UNKEYED}: plain
 * SHA-256, the rows written before keys existed, still verified as they were chained.
 */
public final class ChainHash {

  /** The hash a chain starts from. */
  public static final String GENESIS = "0".repeat(64);

  /** Link version of the rows chained with plain SHA-256 (before the integrity key). */
  public static final short UNKEYED = 1;

  /** Link version of the rows chained with HMAC-SHA256 under the integrity key. */
  public static final short KEYED = 2;

  private static final String HMAC = "HmacSHA256";
  private static final JsonFactory FACTORY = new JsonFactory();

  private final SecretKeySpec key;

  /** Links under {@code key} (at least 32 bytes). */
  public ChainHash(byte[] key) {
    if (key == null || key.length < 32) {
      throw new IllegalArgumentException("the integrity key must hold at least 32 bytes");
    }
    this.key = new SecretKeySpec(key, HMAC);
  }

  /** The link {@code event} must carry given its stored {@code prevHash}, content and version. */
  public String of(AuditEvent event) {
    String input = event.prevHash + "\n" + canonicalContent(event);
    return event.linkVersion == UNKEYED ? sha256(input) : hmac(key, input);
  }

  /** A key for another purpose, derived from this one: HMAC(key, purpose). */
  public byte[] derive(String purpose) {
    return HexFormat.of().parseHex(hmac(key, purpose));
  }

  /** HMAC-SHA256 of {@code text} under {@code key}, hex. */
  public static String hmac(SecretKeySpec key, String text) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  }

  /** A plain SHA-256 link, as rows of version {@value #UNKEYED} carry. */
  public static String unkeyed(AuditEvent event) {
    return sha256(event.prevHash + "\n" + canonicalContent(event));
  }

  static String canonicalContent(AuditEvent e) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartArray();
      g.writeString(e.chainKey);
      g.writeNumber(e.chainSeq);
      g.writeString(e.dedupKey);
      g.writeString(e.eventId);
      g.writeString(e.eventType);
      g.writeString(e.sourceTopic);
      g.writeNumber(e.sourcePartition);
      g.writeNumber(e.sourceOffset);
      for (String text :
          new String[] {
            e.kafkaKey,
            e.team,
            e.role,
            e.agent,
            e.action,
            e.triggerMessageId,
            e.reasoning,
            e.mailboxId,
            e.intentId,
            e.threadId,
            e.providerEmailId,
            e.actorType,
            e.actorId
          }) {
        g.writeString(text);
      }
      g.writeString(instant(e.occurredAt));
      g.writeString(instant(e.recordedAt));
      g.writeString(CanonicalJson.canonicalize(e.payload));
      g.writeString(e.rawValue);
      g.writeString(CanonicalJson.canonicalize(e.headers));
      g.writeString(e.deadLetterReason);
      g.writeString(e.deadLetterTopic);
      g.writeString(e.error);
      g.writeEndArray();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out.toString();
  }

  private static String instant(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
