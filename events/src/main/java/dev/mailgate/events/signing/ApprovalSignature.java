package dev.mailgate.events.signing;

import dev.mailgate.events.EventHeaders;
import java.util.HashMap;
import java.util.Map;

/**
 * The record headers that carry an approval signature on {@code mail.approved}: the signing key's
 * id, the Ed25519 signature (base64url, no padding) over the root of the hash tree of the approvals
 * signed together, and the record's proof that its canonical form ({@link ApprovalCanonicalForm})
 * is a leaf of that tree (base64url; empty when it was signed alone).
 */
public record ApprovalSignature(String keyId, String signature, String proof) {

  /** Header: the id of the key that signed the approval. */
  public static final String KEY_HEADER = EventHeaders.SIGNATURE_KEY;

  /** Header: the signature, base64url without padding. */
  public static final String SIGNATURE_HEADER = EventHeaders.SIGNATURE;

  /** Header: the record's hash-tree proof, base64url without padding; absent or empty alone. */
  public static final String PROOF_HEADER = EventHeaders.SIGNATURE_PROOF;

  /** As record headers. */
  public Map<String, String> headers() {
    Map<String, String> headers = new HashMap<>();
    headers.put(KEY_HEADER, keyId);
    headers.put(SIGNATURE_HEADER, signature);
    if (!proof.isEmpty()) {
      headers.put(PROOF_HEADER, proof);
    }
    return Map.copyOf(headers);
  }
}
