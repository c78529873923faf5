package dev.mailgate.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The packaged MultiMail sandbox ({@code multimail-sandbox/target/quarkus-app/quarkus-run.jar}) as
 * a real process, started on a free loopback port on first use, with its test controls on, and
 * stopped when the test JVM exits. The module building it comes earlier in the reactor; a module's
 * tests that use it need that jar (run {@code ./mvnw package -pl multimail-sandbox} once when
 * building a single module). Override the jar with {@code -Dmailgate.sandbox.jar=...}.
 */
public final class SandboxProcess {

  /** The API key the sandbox accepts. */
  public static final String API_KEY = "mm_test_key";

  private static SandboxProcess shared;

  private final Process process;
  private final int port;
  private final Duration startup;
  private final HttpClient http = HttpClient.newHttpClient();

  private SandboxProcess(Process process, int port, Duration startup) {
    this.process = process;
    this.port = port;
    this.startup = startup;
  }

  /** The sandbox of this JVM, started now if it is not running yet. */
  public static synchronized SandboxProcess shared() {
    if (shared == null) {
      shared = start(Map.of());
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "sandbox-stop"));
    }
    return shared;
  }

  /**
   * A sandbox of its own (e.g. to restart it); {@code env} adds settings such as {@code
   * SANDBOX_MAILBOXES}. The caller stops it.
   */
  public static SandboxProcess start(Map<String, String> env) {
    long began = System.nanoTime();
    int port = FreePorts.next();
    ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx256m", "-jar", jar().toString());
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    builder.environment().put("SANDBOX_API_KEYS", API_KEY);
    builder.environment().put("SANDBOX_TEST_CONTROLS_ENABLED", "true");
    builder.environment().put("SANDBOX_WEBHOOKS_INITIAL_BACKOFF", "200ms");
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    builder.redirectOutput(logFile(port));
    try {
      SandboxProcess sandbox = new SandboxProcess(builder.start(), port, Duration.ZERO);
      sandbox.awaitReady();
      return new SandboxProcess(sandbox.process, port, Duration.ofNanos(System.nanoTime() - began));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the sandbox", e);
    }
  }

  /** e.g. {@code http://127.0.0.1:40123}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public Duration startupTime() {
    return startup;
  }

  /**
   * Calls a test control ({@code /sandbox/...}) or API path with a JSON body (or none); returns the
   * response body, failing on a non-2xx answer.
   */
  public String call(String method, String path, String jsonBody) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + API_KEY)
            .header("Content-Type", "application/json")
            .method(
                method,
                jsonBody == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(jsonBody));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            method + " " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the process (SIGTERM, then SIGKILL after 10 s). */
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the sandbox exited with " + process.exitValue() + "; see " + logFile(port).file());
      }
      try {
        HttpRequest ready =
            HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    process.destroyForcibly();
    throw new IllegalStateException("the sandbox was not ready within 60 s");
  }

  private static Path jar() {
    Optional<String> configured = Optional.ofNullable(System.getProperty("mailgate.sandbox.jar"));
    if (configured.isPresent()) {
      return Path.of(configured.get());
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("multimail-sandbox/target/quarkus-app/quarkus-run.jar");
      if (Files.exists(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "multimail-sandbox is not packaged: run ./mvnw package -pl multimail-sandbox");
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static ProcessBuilder.Redirect logFile(int port) {
    File log =
        Path.of(System.getProperty("java.io.tmpdir"), "mailgate-sandbox-" + port + ".log").toFile();
    return ProcessBuilder.Redirect.to(log);
  }
}
