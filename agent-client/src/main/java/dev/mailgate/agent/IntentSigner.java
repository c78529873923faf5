package dev.mailgate.agent;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.common.header.Headers;

/**
 * Signs intent record values so approval-service can verify which agent published them: headers
 * {@code mailgate_agent} (the agent id) and {@code mailgate_signature} = base64url without padding
 * of HMAC-SHA256(key, "mailgate-intent-v1\n" + agent id + "\n" + the exact value bytes), where the
 * key is the base64url-decoded {@code mailgate.agent.signing.key}.
 */
public final class IntentSigner {

  public static final String AGENT_ID = "mailgate.agent.id";
  public static final String SIGNING_KEY = "mailgate.agent.signing.key";
  public static final String AGENT_HEADER = "mailgate_agent";
  public static final String SIGNATURE_HEADER = "mailgate_signature";
  private static final byte[] DOMAIN = "mailgate-intent-v1\n".getBytes(StandardCharsets.UTF_8);
  private static final int MIN_KEY_BYTES = 16;

  private final String agentId;
  private final SecretKeySpec key;

  public IntentSigner(String agentId, String signingKey) {
    if (agentId == null || agentId.isBlank()) {
      throw new IllegalArgumentException(AGENT_ID + " must not be blank");
    }
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(signingKey.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(SIGNING_KEY + " must be base64url (not shown)");
    }
    if (raw.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          SIGNING_KEY + " must decode to at least " + MIN_KEY_BYTES + " bytes");
    }
    this.agentId = agentId;
    this.key = new SecretKeySpec(raw, "HmacSHA256");
  }

  /** The signer the settings describe; empty when neither key is set (intents go unsigned). */
  public static Optional<IntentSigner> from(Map<String, String> settings) {
    String agent = settings.get(AGENT_ID);
    String key = settings.get(SIGNING_KEY);
    if (agent == null && key == null) {
      return Optional.empty();
    }
    if (agent == null || key == null) {
      throw new IllegalArgumentException(
          AGENT_ID + " and " + SIGNING_KEY + " go together: set both or neither");
    }
    return Optional.of(new IntentSigner(agent, key));
  }

  public String agentId() {
    return agentId;
  }

  /** The base64url (unpadded) signature of {@code value}. */
  public String signature(byte[] value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(DOMAIN);
      mac.update(agentId.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) '\n');
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  void sign(Headers headers, byte[] value) {
    headers.add(AGENT_HEADER, agentId.getBytes(StandardCharsets.UTF_8));
    headers.add(SIGNATURE_HEADER, signature(value).getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return "IntentSigner[agentId=" + agentId + ", key=***]";
  }
}
