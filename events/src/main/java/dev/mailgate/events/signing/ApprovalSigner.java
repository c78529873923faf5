package dev.mailgate.events.signing;

import dev.mailgate.events.ApprovedEmail;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Signs approved emails with an Ed25519 private key: a batch with one signature over the root of
 * the hash tree of their canonical forms (one Ed25519 operation per batch, not per email), each
 * email with its own proof. Thread-safe.
 */
public final class ApprovalSigner {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

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

  /** The signatures of {@code emails}, signed together, in their order. */
  public List<ApprovalSignature> signAll(List<ApprovedEmail> emails) {
    if (emails.isEmpty()) {
      return List.of();
    }
    List<byte[]> leaves = new ArrayList<>(emails.size());
    emails.forEach(email -> leaves.add(ApprovalMerkle.leaf(ApprovalCanonicalForm.of(email))));
    List<List<byte[]>> levels = ApprovalMerkle.levels(leaves);
    byte[] root = levels.get(levels.size() - 1).get(0);
    String signature = BASE64URL.encodeToString(ed25519(ApprovalMerkle.signed(root)));
    List<ApprovalSignature> signatures = new ArrayList<>(emails.size());
    for (int i = 0; i < emails.size(); i++) {
      signatures.add(
          new ApprovalSignature(
              keyId, signature, BASE64URL.encodeToString(ApprovalMerkle.proof(levels, i))));
    }
    return signatures;
  }

  /** The signature of {@code email} alone. */
  public ApprovalSignature sign(ApprovedEmail email) {
    return signAll(List.of(email)).get(0);
  }

  /** The record headers that carry the signature of {@code email} alone. */
  public Map<String, String> headers(ApprovedEmail email) {
    return sign(email).headers();
  }

  private byte[] ed25519(byte[] message) {
    try {
      Signature signature = Signature.getInstance(ApprovalKeys.ALGORITHM);
      signature.initSign(key);
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not sign the approvals", e);
    }
  }
}
