package dev.mailgate.approval.service.agents;

import dev.mailgate.approval.config.ApprovalConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Agents' intent-signing keys, derived from one secret outside the database: key = HMAC-SHA256
 * (secret, "mailgate-agent-key-v1\n" + agent id). Verifies the clients' signature: base64url
 * HMAC-SHA256(key, "mailgate-intent-v1\n" + agent id + "\n" + the record's value bytes).
 */
@Startup
@ApplicationScoped
public class AgentKeys {

  private static final int MIN_SECRET_BYTES = 32;
  private static final byte[] KEY_DOMAIN =
      "mailgate-agent-key-v1\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] INTENT_DOMAIN =
      "mailgate-intent-v1\n".getBytes(StandardCharsets.UTF_8);

  private final byte[] secret;

  public AgentKeys(ApprovalConfig config) {
    this.secret = secret(config.agents());
  }

  /** Whether a secret is configured (without one, no credential can be issued or verified). */
  public boolean configured() {
    return secret != null;
  }

  /** The agent's signing key, base64url without padding, as its clients are configured. */
  public String signingKey(String agentId) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key(agentId));
  }

  /** Whether {@code signature} is the agent's signature of {@code value}. */
  public boolean verifies(String agentId, byte[] value, String signature) {
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(signature.strip());
    } catch (IllegalArgumentException e) {
      return false;
    }
    byte[] expected =
        mac(key(agentId), INTENT_DOMAIN, (agentId + "\n").getBytes(StandardCharsets.UTF_8), value);
    return MessageDigest.isEqual(expected, given);
  }

  private byte[] key(String agentId) {
    if (secret == null) {
      throw new IllegalStateException("no agent secret configured");
    }
    return mac(secret, KEY_DOMAIN, agentId.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] mac(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (byte[] part : parts) {
        mac.update(part == null ? new byte[0] : part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static byte[] secret(ApprovalConfig.Agents agents) {
    String text =
        agents
            .secret()
            .or(
                () ->
                    agents
                        .secretFile()
                        .map(
                            f -> {
                              try {
                                return Files.readString(Path.of(f));
                              } catch (IOException e) {
                                throw new UncheckedIOException(
                                    "mailgate.approval.agents.secret-file unreadable: " + f, e);
                              }
                            }))
            .map(String::strip)
            .filter(t -> !t.isEmpty())
            .orElse(null);
    if (text == null) {
      if (agents.requireSignature()) {
        throw new IllegalStateException(
            "intents must be signed (mailgate.approval.agents.require-signature) but no agent"
                + " secret is configured: set MAILGATE_AGENT_SECRET_FILE or"
                + " mailgate.approval.agents.secret (base64, 32 bytes or more)");
      }
      return null;
    }
    byte[] raw;
    try {
      raw = Base64.getMimeDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the agent secret is not base64 (value not shown)");
    }
    if (raw.length < MIN_SECRET_BYTES) {
      throw new IllegalStateException(
          "the agent secret must decode to at least " + MIN_SECRET_BYTES + " bytes");
    }
    return raw;
  }
}
