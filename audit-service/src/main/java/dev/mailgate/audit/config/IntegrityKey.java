package dev.mailgate.audit.config;

import dev.mailgate.audit.domain.ChainHash;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;

/**
 * The integrity key ({@code mailgate.audit.integrity.key} or {@code .key-file}): links every new
 * chain row and, through a derived key, signs the anchors. Loaded at startup; the service does not
 * start without a valid one.
 */
@Startup
@ApplicationScoped
public class IntegrityKey {

  static final String HOW =
      " (set MAILGATE_AUDIT_INTEGRITY_KEY or MAILGATE_AUDIT_INTEGRITY_KEY_FILE to base64 of at"
          + " least 32 random bytes, e.g. openssl rand -base64 32)";

  private final ChainHash links;
  private final SecretKeySpec anchorKey;

  public IntegrityKey(AuditConfig config) {
    byte[] key = decode(load(config.integrity()));
    this.links = new ChainHash(key);
    this.anchorKey = new SecretKeySpec(links.derive("anchor"), "HmacSHA256");
  }

  /** Computes and checks chain links. */
  public ChainHash links() {
    return links;
  }

  /** The key anchors are signed with: HMAC(integrity key, "anchor"). */
  public SecretKeySpec anchorKey() {
    return anchorKey;
  }

  private static String load(AuditConfig.Integrity integrity) {
    if (integrity.key().isPresent() && !integrity.key().get().isBlank()) {
      return integrity.key().get();
    }
    if (integrity.keyFile().isPresent()) {
      Path file = integrity.keyFile().get();
      try {
        return Files.readString(file, StandardCharsets.US_ASCII);
      } catch (IOException e) {
        throw new IllegalStateException(
            "the audit integrity key file " + file + " cannot be read: " + e.getMessage() + HOW);
      }
    }
    throw new IllegalStateException("the audit integrity key is not configured" + HOW);
  }

  private static byte[] decode(String text) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the audit integrity key is not valid base64" + HOW);
    }
    if (key.length < 32) {
      throw new IllegalStateException(
          "the audit integrity key holds " + key.length + " bytes, fewer than 32" + HOW);
    }
    return key;
  }
}
