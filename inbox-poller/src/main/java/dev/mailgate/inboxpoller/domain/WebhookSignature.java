package dev.mailgate.inboxpoller.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MultiMail's webhook signature: {@code X-MultiMail-Signature: sha256=<hex>}, the HMAC-SHA256 of
 * the raw body keyed by the UTF-8 bytes of the whole {@code whsec_...} secret.
 */
public final class WebhookSignature {

  private static final String PREFIX = "sha256=";

  private WebhookSignature() {}

  /** The header value MultiMail sends for {@code body}. */
  public static String sign(String secret, byte[] body) {
    return PREFIX + HexFormat.of().formatHex(hmac(secret, body));
  }

  /** Whether {@code header} signs {@code body}; compared in constant time. */
  public static boolean matches(String secret, byte[] body, String header) {
    if (secret == null || secret.isEmpty() || header == null || !header.startsWith(PREFIX)) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim().toLowerCase());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(hmac(secret, body), given);
  }

  /** Hex SHA-256 of the body: the identity of a notification for replay detection. */
  public static String sha256Hex(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  private static byte[] hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
