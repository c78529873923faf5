package dev.mailgate.approval.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * The Ed25519 key that signs every {@code mail.approved} record ({@code
 * mailgate.approval.signing.*}); one of the two is required, outbound-service delivers nothing
 * unsigned. Made with {@code openssl genpkey -algorithm ed25519}; its public half ({@code openssl
 * pkey -pubout}) goes to outbound-service.
 */
@ConfigMapping(prefix = "mailgate.approval.signing")
public interface SigningConfig {

  /** The private key as PKCS#8 PEM text ({@code MAILGATE_APPROVAL_SIGNING_PRIVATE_KEY}). */
  Optional<String> privateKey();

  /**
   * A file holding it ({@code MAILGATE_APPROVAL_SIGNING_PRIVATE_KEY_FILE}); {@code classpath:} in
   * tests.
   */
  Optional<String> privateKeyFile();
}
