package dev.mailgate.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged app ({@code <module>/target/quarkus-app/quarkus-run.jar}) as a real process on a
 * fixed port, configured only through its environment; it can be killed with SIGKILL and started
 * again with the same settings. Output goes to {@code target/e2e-logs/<name>.log}.
 */
final class ServiceProcess {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String name;
  private final Path jar;
  private final int port;
  private final int managementPort;
  private final Map<String, String> env;
  private Process process;

  ServiceProcess(
      String name, String module, int port, int managementPort, Map<String, String> env) {
    this.name = name;
    this.jar = Repository.root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    this.port = port;
    this.managementPort = managementPort;
    this.env = env;
  }

  String name() {
    return name;
  }

  /** Sets one more variable of the environment, for the next {@link #start()}. */
  void environment(String name, String value) {
    env.put(name, value);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Health, metrics and OpenAPI: the management interface, on a port of its own. */
  String managementUrl() {
    return "http://127.0.0.1:" + managementPort;
  }

  /** Starts the process; {@link #awaitReady()} waits for its readiness check. */
  synchronized void start() {
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: run ./mvnw package -DskipTests first");
    }
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-jar",
            jar.toString());
    builder.environment().putAll(env);
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
    builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
    builder.environment().put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  void awaitReady() {
    await("readiness of " + name + " (log: " + log() + ")")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(250))
        .until(this::ready);
  }

  /** SIGKILL: no shutdown hook, no offset commit, no goodbye. */
  synchronized void kill() {
    process.destroyForcibly();
    waitFor(process);
  }

  /** SIGTERM, then SIGKILL after 20 s. */
  synchronized void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private boolean ready() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          name
              + " exited with "
              + process.exitValue()
              + "; the end of "
              + log()
              + ":\n"
              + logTail(20));
    }
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
              .timeout(Duration.ofSeconds(2))
              .build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Path log() {
    return logOf(name);
  }

  /** Where the process named {@code name} writes its output. */
  static Path logOf(String name) {
    Path dir = Path.of(System.getProperty("mailgate.e2e.logs", "target/e2e-logs"));
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir.resolve(name + ".log");
  }

  private static void waitFor(Process process) {
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The last {@code lines} lines of the log, so a failed start says why where the build shows it.
   */
  private String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log());
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }
}
