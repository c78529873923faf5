package dev.mailgate.testsupport;

/**
 * The services' management interface in {@code @QuarkusTest}s: health, metrics and OpenAPI are
 * served there, on their own port, never on the API port ({@code quarkus.management.enabled}).
 */
public final class Management {

  /** {@code quarkus.management.test-port}: Quarkus' default, which the services keep. */
  public static final int TEST_PORT = 9001;

  private Management() {}
}
