package dev.mailgate.events.signing;

import dev.mailgate.events.EventHeaders;

/**
 * The record headers that carry an approval signature on {@code mail.approved}: the signing key's
 * id and the Ed25519 signature (base64url, no padding) over {@link ApprovalCanonicalForm}.
 */
public record ApprovalSignature(String keyId, String signature) {

  /** Header: the id of the key that signed the approval. */
  public static final String KEY_HEADER = EventHeaders.SIGNATURE_KEY;

  /** Header: the signature, base64url without padding. */
  public static final String SIGNATURE_HEADER = EventHeaders.SIGNATURE;
}
