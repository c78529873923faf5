package dev.mailgate.events.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailgate.events.ApprovedEmail;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One signature covers a batch; each record verifies alone, and only with its own proof. */
class ApprovalBatchSignatureTest {

  private static final ApprovalSigner SIGNER =
      ApprovalSigner.fromPem(ApprovalTestKeys.pem(ApprovalTestKeys.PRIVATE));

  @Test
  void everyEmailOfABatchVerifiesAloneWithOneSignatureForAll() {
    for (int size : List.of(1, 2, 3, 5, 8, 13, 500)) {
      List<ApprovedEmail> emails = batch(size);
      List<ApprovalSignature> signatures = SIGNER.signAll(emails);
      ApprovalVerifier verifier = verifier();

      assertThat(new HashSet<>(signatures.stream().map(ApprovalSignature::signature).toList()))
          .hasSize(1);
      for (int i = 0; i < size; i++) {
        assertThat(verifier.verify(emails.get(i), signatures.get(i).headers()))
            .as("email %d of %d", i, size)
            .isEmpty();
      }
    }
  }

  @Test
  void anotherRecordsProofOrAnAlteredProofDoesNotVerify() {
    List<ApprovedEmail> emails = batch(6);
    List<ApprovalSignature> signatures = SIGNER.signAll(emails);
    ApprovalVerifier verifier = verifier();

    assertThat(code(verifier, emails.get(0), signatures.get(1).headers()))
        .isEqualTo(ApprovalVerifier.Rejection.BAD_SIGNATURE);
    Map<String, String> noProof = new HashMap<>(signatures.get(2).headers());
    noProof.remove(ApprovalSignature.PROOF_HEADER);
    assertThat(code(verifier, emails.get(2), noProof))
        .isEqualTo(ApprovalVerifier.Rejection.BAD_SIGNATURE);
    Map<String, String> cut = new HashMap<>(signatures.get(3).headers());
    cut.put(ApprovalSignature.PROOF_HEADER, cut.get(ApprovalSignature.PROOF_HEADER).substring(4));
    assertThat(code(verifier, emails.get(3), cut)).isEqualTo(ApprovalVerifier.Rejection.MALFORMED);
    Map<String, String> flipped = new HashMap<>(signatures.get(4).headers());
    String proof = flipped.get(ApprovalSignature.PROOF_HEADER);
    flipped.put(
        ApprovalSignature.PROOF_HEADER, (proof.charAt(0) == 'A' ? "B" : "A") + proof.substring(1));
    assertThat(code(verifier, emails.get(4), flipped)).isNotNull();
    assertThat(
            code(
                verifier,
                Approvals.withSubject(emails.get(5), "changed"),
                signatures.get(5).headers()))
        .isEqualTo(ApprovalVerifier.Rejection.BAD_SIGNATURE);
  }

  @Test
  void aRememberedRootDoesNotLetAnAlteredEmailThrough() {
    List<ApprovedEmail> emails = batch(4);
    List<ApprovalSignature> signatures = SIGNER.signAll(emails);
    ApprovalVerifier verifier = verifier();
    assertThat(verifier.verify(emails.get(0), signatures.get(0).headers())).isEmpty();

    assertThat(
            code(verifier, Approvals.withSubject(emails.get(1), "x"), signatures.get(1).headers()))
        .isEqualTo(ApprovalVerifier.Rejection.BAD_SIGNATURE);
    assertThat(verifier.verify(emails.get(1), signatures.get(1).headers())).isEmpty();
  }

  private static List<ApprovedEmail> batch(int size) {
    List<ApprovedEmail> emails = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      emails.add(Approvals.withSubject(Approvals.email(), "Subject " + i));
    }
    return emails;
  }

  private static ApprovalVerifier verifier() {
    return ApprovalVerifier.fromPem(List.of(ApprovalTestKeys.pem(ApprovalTestKeys.PUBLIC)));
  }

  private static String code(
      ApprovalVerifier verifier, ApprovedEmail email, Map<String, String> headers) {
    return verifier.verify(email, headers).map(ApprovalVerifier.Rejection::code).orElse(null);
  }
}
