package dev.mailgate.audit.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

/**
 * A signed checkpoint of one chain, kept outside the database: the chain reached {@code position}
 * with link {@code hash} at {@code anchoredAt}. The MAC (HMAC-SHA256 under a key derived from the
 * integrity key) makes an anchor unforgeable by whoever can write the topic or the file.
 */
public record Anchor(String chain, long position, String hash, Instant anchoredAt, String mac) {

  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  /** A new anchor, signed with {@code key}. */
  public static Anchor sign(
      SecretKeySpec key, String chain, long position, String hash, Instant at) {
    return new Anchor(
        chain, position, hash, at, ChainHash.hmac(key, signed(chain, position, hash, at)));
  }

  /** The anchor in {@code json} if it is well formed and its MAC verifies with {@code key}. */
  public static Optional<Anchor> read(SecretKeySpec key, byte[] json) {
    try {
      JsonNode node = CanonicalJson.parse(json);
      if (!node.path("chain").isTextual()
          || !node.path("position").canConvertToLong()
          || !node.path("hash").isTextual()
          || !node.path("anchored_at").isTextual()
          || !node.path("mac").isTextual()) {
        return Optional.empty();
      }
      Anchor anchor =
          new Anchor(
              node.get("chain").textValue(),
              node.get("position").longValue(),
              node.get("hash").textValue(),
              Instant.parse(node.get("anchored_at").textValue()),
              node.get("mac").textValue());
      return anchor.verifies(key) ? Optional.of(anchor) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** Whether the MAC is the one {@code key} gives over the other fields. */
  public boolean verifies(SecretKeySpec key) {
    if (position < 0 || !HASH.matcher(hash).matches() || mac == null) {
      return false;
    }
    byte[] expected =
        ChainHash.hmac(key, signed(chain, position, hash, anchoredAt))
            .getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, mac.getBytes(StandardCharsets.US_ASCII));
  }

  /** The record value on the anchors topic and the line in the anchors file. */
  public String json() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("chain", chain);
    node.put("position", position);
    node.put("hash", hash);
    node.put("anchored_at", anchoredAt.toString());
    node.put("mac", mac);
    return CanonicalJson.write(node);
  }

  private static String signed(String chain, long position, String hash, Instant at) {
    return "mailgate-audit-anchor/1\n" + chain + "\n" + position + "\n" + hash + "\n" + at;
  }
}
