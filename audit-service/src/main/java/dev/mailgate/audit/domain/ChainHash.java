package dev.mailgate.audit.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A row's link: SHA-256 over the previous row's hash and the row's canonical content (every stored
 * column except the surrogate id and the hash itself, its chain position included).
 */
public final class ChainHash {

  /** The hash a chain starts from. */
  public static final String GENESIS = "0".repeat(64);

  private static final JsonFactory FACTORY = new JsonFactory();

  private ChainHash() {}

  /** The hash {@code event} must carry given its stored {@code prevHash} and content. */
  public static String of(AuditEvent event) {
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
