package dev.mailgate.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Ed25519 test key pairs that sign {@code mail.approved} records in tests (PEM, as openssl
 * writes them, under {@code mailgate-test-keys/}): {@link #PRIVATE}/{@link #PUBLIC}, configured in
 * every service's test profile, and {@link #NEXT_PRIVATE}/{@link #NEXT_PUBLIC} for key rotation.
 * Test keys only; they protect nothing.
 */
public final class ApprovalTestKeys {

  public static final String PRIVATE = "mailgate-test-keys/approval-private.pem";
  public static final String PUBLIC = "mailgate-test-keys/approval-public.pem";
  public static final String NEXT_PRIVATE = "mailgate-test-keys/approval-next-private.pem";
  public static final String NEXT_PUBLIC = "mailgate-test-keys/approval-next-public.pem";

  private ApprovalTestKeys() {}

  /** The PEM text of one of the keys above. */
  public static String pem(String resource) {
    try (InputStream in = ApprovalTestKeys.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no test key " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One of the keys above as a file, for a service process that reads it from disk. */
  public static Path file(String resource) {
    try {
      Path file = Files.createTempFile("mailgate-approval-key-", ".pem");
      file.toFile().deleteOnExit();
      Files.writeString(file, pem(resource));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
