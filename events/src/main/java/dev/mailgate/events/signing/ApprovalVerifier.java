package dev.mailgate.events.signing;

import dev.mailgate.events.ApprovedEmail;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks approval signatures against one or more trusted Ed25519 public keys, each known by its
 * {@linkplain ApprovalKeys#keyId key id}: during a key rotation both the old and the new key
 * verify. Thread-safe.
 */
public final class ApprovalVerifier {

  /** Why a record's approval does not verify: a short code (a metric tag) and the details. */
  public record Rejection(String code, String reason) {

    public static final String MISSING = "missing_signature";
    public static final String UNKNOWN_KEY = "unknown_key";
    public static final String MALFORMED = "malformed_signature";
    public static final String BAD_SIGNATURE = "bad_signature";
  }

  private static final int REMEMBERED_ROOTS = 4_096;

  private final Map<String, PublicKey> keys = new LinkedHashMap<>();

  /** Verified (key id, root, signature) triples, least recently used first. */
  private final Map<String, Boolean> verified =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED_ROOTS;
        }
      };

  public ApprovalVerifier(Collection<PublicKey> trusted) {
    if (trusted.isEmpty()) {
      throw new IllegalArgumentException("at least one approval public key is required");
    }
    trusted.forEach(key -> keys.put(ApprovalKeys.keyId(key), key));
  }

  /** A verifier of PEM (X.509) public keys. */
  public static ApprovalVerifier fromPem(List<String> pems) {
    return new ApprovalVerifier(pems.stream().map(ApprovalKeys::publicKey).toList());
  }

  /** The ids of the trusted keys. */
  public List<String> keyIds() {
    return List.copyOf(keys.keySet());
  }

  /** Why {@code email} with these record headers is not signed by a trusted key, or empty. */
  public Optional<Rejection> verify(ApprovedEmail email, Map<String, String> headers) {
    String keyId = headers.get(ApprovalSignature.KEY_HEADER);
    String encoded = headers.get(ApprovalSignature.SIGNATURE_HEADER);
    if (blank(keyId) || blank(encoded)) {
      return reject(
          Rejection.MISSING,
          "unsigned approval: no "
              + ApprovalSignature.KEY_HEADER
              + " and "
              + ApprovalSignature.SIGNATURE_HEADER
              + " headers");
    }
    PublicKey key = keys.get(keyId);
    if (key == null) {
      return reject(
          Rejection.UNKNOWN_KEY,
          "approval signed by unknown key "
              + printable(keyId)
              + " (trusted: "
              + keys.keySet()
              + ")");
    }
    byte[] signature;
    byte[] proof;
    try {
      signature = Base64.getUrlDecoder().decode(encoded);
      String proofText = headers.get(ApprovalSignature.PROOF_HEADER);
      proof = proofText == null ? new byte[0] : Base64.getUrlDecoder().decode(proofText.strip());
    } catch (IllegalArgumentException e) {
      return reject(Rejection.MALFORMED, "approval signature or proof is not base64url");
    }
    byte[] canonical;
    try {
      canonical = ApprovalCanonicalForm.of(email);
    } catch (IllegalArgumentException e) {
      return reject(Rejection.BAD_SIGNATURE, "approval cannot be signed: " + e.getMessage());
    }
    byte[] root = ApprovalMerkle.root(ApprovalMerkle.leaf(canonical), proof);
    if (root == null) {
      return reject(Rejection.MALFORMED, "approval signature proof is malformed");
    }
    if (!valid(keyId, key, root, signature)) {
      return reject(
          Rejection.BAD_SIGNATURE,
          "approval signature does not match its content (key " + keyId + "): altered or forged");
    }
    return Optional.empty();
  }

  private boolean valid(String keyId, PublicKey key, byte[] root, byte[] signature) {
    String triple =
        keyId + ":" + HexFormat.of().formatHex(root) + ":" + HexFormat.of().formatHex(signature);
    synchronized (verified) {
      if (verified.get(triple) != null) {
        return true;
      }
    }
    boolean valid;
    try {
      Signature verifier = Signature.getInstance(ApprovalKeys.ALGORITHM);
      verifier.initVerify(key);
      verifier.update(ApprovalMerkle.signed(root));
      valid = verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      valid = false;
    }
    if (valid) {
      synchronized (verified) {
        verified.put(triple, Boolean.TRUE);
      }
    }
    return valid;
  }

  private static Optional<Rejection> reject(String code, String reason) {
    return Optional.of(new Rejection(code, reason));
  }

  private static String printable(String text) {
    String cut = text.length() > 64 ? text.substring(0, 64) + "…" : text;
    return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
