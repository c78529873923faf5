package dev.mailgate.events.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Ed25519 test key pairs of test-support's {@code ApprovalTestKeys}, copied here because
 * test-support depends on this module (no cycle): the same PEM files, so key ids agree.
 */
final class ApprovalTestKeys {

  static final String PRIVATE = "mailgate-test-keys/approval-private.pem";
  static final String PUBLIC = "mailgate-test-keys/approval-public.pem";
  static final String NEXT_PRIVATE = "mailgate-test-keys/approval-next-private.pem";
  static final String NEXT_PUBLIC = "mailgate-test-keys/approval-next-public.pem";

  private ApprovalTestKeys() {}

  static String pem(String resource) {
    try (InputStream in = ApprovalTestKeys.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no test key " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
