package dev.mailgate.approval.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailgate.approval.config.SigningConfig;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Without a usable signing key the service refuses to start, and says what to configure. */
class ApprovalSigningTest {

  @Test
  void noKeyStopsTheStartWithWhatToSet() {
    assertThatThrownBy(() -> new ApprovalSigning(config(null, null)))
        .hasMessageContaining("MAILGATE_APPROVAL_SIGNING_PRIVATE_KEY_FILE");
  }

  @Test
  void anUnreadableOrWrongKeyStopsTheStartWithTheReason() {
    assertThatThrownBy(() -> new ApprovalSigning(config(null, "/nonexistent/key.pem")))
        .hasMessageContaining("cannot read the key file /nonexistent/key.pem");
    assertThatThrownBy(
            () ->
                new ApprovalSigning(
                    config(null, "classpath:mailgate-test-keys/approval-public.pem")))
        .hasMessageContaining("not an Ed25519 private key");
  }

  @Test
  void theTestKeyLoadsFromAFileOrFromText() {
    ApprovalSigning fromFile =
        new ApprovalSigning(config(null, "classpath:mailgate-test-keys/approval-private.pem"));
    assertThat(fromFile.keyId()).isEqualTo("3524dd7ba9281dd8");
    String pem =
        dev.mailgate.testsupport.ApprovalTestKeys.pem(
            dev.mailgate.testsupport.ApprovalTestKeys.PRIVATE);
    assertThat(new ApprovalSigning(config(pem, null)).keyId()).isEqualTo("3524dd7ba9281dd8");
  }

  private static SigningConfig config(String key, String file) {
    return new SigningConfig() {
      @Override
      public Optional<String> privateKey() {
        return Optional.ofNullable(key);
      }

      @Override
      public Optional<String> privateKeyFile() {
        return Optional.ofNullable(file);
      }
    };
  }
}
