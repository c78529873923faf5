package dev.mailgate.outbound;

import dev.mailgate.events.access.KafkaAccess;
import dev.mailgate.testsupport.ApprovalTestKeys;
import dev.mailgate.testsupport.FreePorts;
import dev.mailgate.testsupport.KafkaBroker;
import dev.mailgate.testsupport.PostgresDatabase;
import dev.mailgate.testsupport.SandboxProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;

/** The packaged outbound-service as a real process against the test JVM's infrastructure. */
final class PackagedApp {

  private final Process process;
  private final int port;

  private PackagedApp(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static PackagedApp start(PostgresDatabase db, Path log) {
    int port = FreePorts.next();
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-jar",
            Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString());
    var env = builder.environment();
    env.put("QUARKUS_HTTP_PORT", Integer.toString(FreePorts.next()));
    // `port` is the management interface's: readiness is served there.
    env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(port));
    env.putAll(
        KafkaBroker.environment(
            KafkaBroker.shared().serviceProperties(KafkaAccess.Service.OUTBOUND)));
    env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
    env.put("QUARKUS_DATASOURCE_USERNAME", db.username());
    env.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
    env.put("MULTIMAIL_BASE_URL", SandboxProcess.shared().baseUrl());
    env.put("MULTIMAIL_API_KEY", SandboxProcess.API_KEY);
    env.put("MAILGATE_JWT_PUBLIC_KEY", "file:" + publicKey());
    env.put(
        "MAILGATE_OUTBOUND_APPROVAL_KEY_FILES",
        ApprovalTestKeys.file(ApprovalTestKeys.PUBLIC).toString());
    env.put("MAILGATE_OUTBOUND_RETRY_INITIAL_DELAY", "20ms");
    env.put("MAILGATE_OUTBOUND_RETRY_POLL_INTERVAL", "50ms");
    env.put("MAILGATE_OUTBOUND_RETRY_LEASE", "5s"); // a killed instance's claims come back soon
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      PackagedApp app = new PackagedApp(builder.start(), port);
      app.awaitReady();
      return app;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGKILL: no shutdown hooks, no offset commit, no outbox drain. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void stop() {
    process.destroy();
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newHttpClient();
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(
            () ->
                http.send(
                            HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                                .build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200);
  }

  private static Path publicKey() {
    try (InputStream in =
        PackagedApp.class
            .getClassLoader()
            .getResourceAsStream("mailgate-test-keys/publicKey.pem")) {
      Path file = Files.createTempFile("mailgate-jwt", ".pem");
      Files.write(file, in.readAllBytes());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
