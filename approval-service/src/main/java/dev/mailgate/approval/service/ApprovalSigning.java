package dev.mailgate.approval.service;

import dev.mailgate.approval.config.SigningConfig;
import dev.mailgate.events.ApprovedEmail;
import dev.mailgate.events.signing.ApprovalKeys;
import dev.mailgate.events.signing.ApprovalSigner;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Signs approved content with this service's Ed25519 key, loaded at start: without a usable key the
 * service does not start. Only {@link Decisions} calls it, for content this service decided;
 * nothing read from Kafka is ever signed.
 */
@Startup
@Singleton
public class ApprovalSigning {

  private final ApprovalSigner signer;

  public ApprovalSigning(SigningConfig config) {
    this.signer = new ApprovalSigner(ApprovalKeys.privateKey(pem(config)));
    Log.infof("mail.approved records are signed with Ed25519 key %s", signer.keyId());
  }

  /** The signature headers of {@code email}. */
  Map<String, String> headers(ApprovedEmail email) {
    return signer.headers(email);
  }

  /** The id of the signing key, for operators. */
  public String keyId() {
    return signer.keyId();
  }

  private static String pem(SigningConfig config) {
    if (config.privateKey().isPresent()) {
      return config.privateKey().get();
    }
    return ApprovalKeys.read(
        config
            .privateKeyFile()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "approval-service needs its Ed25519 signing key: set"
                            + " MAILGATE_APPROVAL_SIGNING_PRIVATE_KEY_FILE (a PKCS#8 PEM file from"
                            + " `openssl genpkey -algorithm ed25519`) or"
                            + " MAILGATE_APPROVAL_SIGNING_PRIVATE_KEY (its PEM text);"
                            + " `./mailgate up` makes one under .stack/keys")));
  }
}
