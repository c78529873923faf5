package dev.mailgate.events.signing;

import dev.mailgate.events.ApprovedEmail;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/** Signs approved emails with an Ed25519 private key; thread-safe. */
public final class ApprovalSigner {

  private final PrivateKey key;
  private final PublicKey publicKey;
  private final String keyId;

  public ApprovalSigner(PrivateKey key) {
    this.key = key;
    this.publicKey = ApprovalKeys.publicKeyOf(key);
    this.keyId = ApprovalKeys.keyId(publicKey);
  }

  /** A signer from a PKCS#8 PEM private key. */
  public static ApprovalSigner fromPem(String pem) {
    return new ApprovalSigner(ApprovalKeys.privateKey(pem));
  }

  /** The id verifiers know this key's public half by. */
  public String keyId() {
    return keyId;
  }

  /** The public half, for verifiers. */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** The signature of {@code email}'s canonical form. */
  public ApprovalSignature sign(ApprovedEmail email) {
    try {
      Signature signature = Signature.getInstance(ApprovalKeys.ALGORITHM);
      signature.initSign(key);
      signature.update(ApprovalCanonicalForm.of(email));
      return new ApprovalSignature(
          keyId, Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not sign the approval", e);
    }
  }

  /** The record headers that carry the signature of {@code email}. */
  public Map<String, String> headers(ApprovedEmail email) {
    ApprovalSignature signature = sign(email);
    return Map.of(
        ApprovalSignature.KEY_HEADER,
        signature.keyId(),
        ApprovalSignature.SIGNATURE_HEADER,
        signature.signature());
  }
}
