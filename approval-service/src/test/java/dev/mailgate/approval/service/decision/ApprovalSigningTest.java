package dev.mailgate.approval.service.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailgate.approval.config.SigningConfig;
import dev.mailgate.events.signing.ApprovalKeys;
import dev.mailgate.events.signing.ApprovalSigner;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Without a usable signing key the service refuses to start, and says what to configure. */
class ApprovalSigningTest {

  @Test
  void noKeyStopsTheStartWithWhatToSet() {
    assertThatThrownBy(() -> load(config(null, null)))
        .hasMessageContaining("MAILGATE_APPROVAL_SIGNING_PRIVATE_KEY_FILE");
  }

  @Test
  void anUnreadableOrWrongKeyStopsTheStartWithTheReason() {
    assertThatThrownBy(() -> load(config(null, "/nonexistent/key.pem")))
        .hasMessageContaining("cannot read the key file /nonexistent/key.pem");
    assertThatThrownBy(() -> load(config(null, "classpath:mailgate-test-keys/approval-public.pem")))
        .hasMessageContaining("not an Ed25519 private key");
  }

  @Test
  void theTestKeyLoadsFromAFileOrFromText() {
    ApprovalSigner fromFile =
        load(config(null, "classpath:mailgate-test-keys/approval-private.pem"));
    assertThat(fromFile.keyId()).isEqualTo("3524dd7ba9281dd8");
    String pem =
        dev.mailgate.testsupport.ApprovalTestKeys.pem(
            dev.mailgate.testsupport.ApprovalTestKeys.PRIVATE);
    assertThat(load(config(pem, null)).keyId()).isEqualTo("3524dd7ba9281dd8");
  }

  /** What the service does with its configuration at start. */
  private static ApprovalSigner load(SigningConfig config) {
    return new ApprovalSigner(ApprovalKeys.privateKey(ApprovalSigning.pem(config)));
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
