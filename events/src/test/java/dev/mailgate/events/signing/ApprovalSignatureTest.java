package dev.mailgate.events.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailgate.events.ApprovedEmail;
import java.security.KeyPairGenerator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApprovalSignatureTest {

  private static final ApprovalSigner SIGNER =
      ApprovalSigner.fromPem(ApprovalTestKeys.pem(ApprovalTestKeys.PRIVATE));
  private static final ApprovalSigner NEXT =
      ApprovalSigner.fromPem(ApprovalTestKeys.pem(ApprovalTestKeys.NEXT_PRIVATE));
  private static final ApprovalVerifier VERIFIER =
      ApprovalVerifier.fromPem(List.of(ApprovalTestKeys.pem(ApprovalTestKeys.PUBLIC)));

  private final ApprovedEmail email = Approvals.email();

  @Test
  void theKeyIdIsTheStartOfTheSha256OfThePublicKeyAsOpensslComputesIt() {
    // openssl pkey -pubin -in approval-public.pem -outform DER | sha256sum | cut -c1-16
    assertThat(SIGNER.keyId()).isEqualTo("3524dd7ba9281dd8");
    assertThat(VERIFIER.keyIds()).containsExactly("3524dd7ba9281dd8");
    assertThat(SIGNER.publicKey().getEncoded())
        .isEqualTo(
            ApprovalKeys.publicKey(ApprovalTestKeys.pem(ApprovalTestKeys.PUBLIC)).getEncoded());
  }

  @Test
  void aSignedApprovalVerifies() {
    assertThat(VERIFIER.verify(email, SIGNER.headers(email))).isEmpty();
  }

  @Test
  void anyChangedFieldBreaksTheSignature() {
    Map<String, String> headers = SIGNER.headers(email);
    for (ApprovedEmail changed :
        List.of(
            Approvals.withSubject(email, "Export ships Dec 11"),
            Approvals.withRecipients(email, email.to(), email.cc(), List.of("spy@evil.test")),
            Approvals.withThread(email, "em-9", email.threadId()),
            Approvals.withAttachments(email, List.of()))) {
      assertThat(VERIFIER.verify(changed, headers))
          .get()
          .extracting(ApprovalVerifier.Rejection::code)
          .isEqualTo(ApprovalVerifier.Rejection.BAD_SIGNATURE);
    }
  }

  @Test
  void missingUnknownAndMalformedSignaturesAreRejectedWithTheirCode() throws Exception {
    assertThat(code(Map.of())).isEqualTo(ApprovalVerifier.Rejection.MISSING);
    assertThat(code(NEXT.headers(email))).isEqualTo(ApprovalVerifier.Rejection.UNKNOWN_KEY);
    Map<String, String> garbled = new HashMap<>(SIGNER.headers(email));
    garbled.put(ApprovalSignature.SIGNATURE_HEADER, "not base64!");
    assertThat(code(garbled)).isEqualTo(ApprovalVerifier.Rejection.MALFORMED);
    Map<String, String> truncated = new HashMap<>(SIGNER.headers(email));
    truncated.put(ApprovalSignature.SIGNATURE_HEADER, "AAAA");
    assertThat(code(truncated)).isEqualTo(ApprovalVerifier.Rejection.BAD_SIGNATURE);

    var stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Map<String, String> byStranger =
        new HashMap<>(new ApprovalSigner(stranger.getPrivate()).headers(email));
    byStranger.put(ApprovalSignature.KEY_HEADER, SIGNER.keyId());
    assertThat(code(byStranger)).isEqualTo(ApprovalVerifier.Rejection.BAD_SIGNATURE);
  }

  @Test
  void duringARotationEveryConfiguredKeyVerifies() {
    ApprovalVerifier both =
        ApprovalVerifier.fromPem(
            List.of(
                ApprovalTestKeys.pem(ApprovalTestKeys.PUBLIC),
                ApprovalTestKeys.pem(ApprovalTestKeys.NEXT_PUBLIC)));
    assertThat(both.verify(email, SIGNER.headers(email))).isEmpty();
    assertThat(both.verify(email, NEXT.headers(email))).isEmpty();
  }

  @Test
  void keysThatAreNotEd25519PemAreRefusedWithTheReason() {
    assertThatThrownBy(() -> ApprovalKeys.privateKey(""))
        .hasMessageContaining("not an Ed25519 private key");
    assertThatThrownBy(() -> ApprovalKeys.privateKey(ApprovalTestKeys.pem(ApprovalTestKeys.PUBLIC)))
        .hasMessageContaining("PRIVATE KEY");
    assertThatThrownBy(() -> ApprovalKeys.publicKey("-----BEGIN PUBLIC KEY-----\nAAAA\n"))
        .hasMessageContaining("not an Ed25519 public key");
    assertThatThrownBy(() -> new ApprovalVerifier(List.of())).hasMessageContaining("at least one");
  }

  private String code(Map<String, String> headers) {
    return VERIFIER.verify(email, headers).orElseThrow().code();
  }
}
