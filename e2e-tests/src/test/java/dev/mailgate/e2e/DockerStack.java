package dev.mailgate.e2e;

import dev.mailgate.testsupport.FreePorts;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.DockerComposeContainer;
import org.testcontainers.lifecycle.Startable;

/**
 * The repository's {@code docker-compose.yml} as a Docker user runs it: the images from {@code
 * ./mailgate images} (one Debian base, nothing pulled), fresh passwords and keys in the environment
 * where {@code ./mailgate docker-env} would put them in {@code .env}, every published port on a
 * free port of 127.0.0.1, and a project of its own, removed with its volumes afterwards.
 * Testcontainers drives Compose: Debian's {@code docker-compose} 1.29 when it is on the PATH, else
 * {@code docker compose}.
 */
final class DockerStack implements AutoCloseable {

  private static final SecureRandom RANDOM = new SecureRandom();

  final Path root;
  final Path logs;
  final String project;

  /** Compose's name of the project: Testcontainers adds a suffix to {@link #project}. */
  private String composeProject;

  final Map<String, String> env = new HashMap<>();
  private final Startable compose;

  private DockerStack(Path root, Path logs) {
    this.root = root;
    this.logs = logs;
    this.project = "mailgate-e2e-" + HexFormat.of().formatHex(bytes(4));
    env.put("COMPOSE_PROFILES", "sandbox");
    for (String principal : List.of("ADMIN", "BROKER", "APPROVAL", "OUTBOUND", "POLLER", "AUDIT")) {
      env.put("MAILGATE_KAFKA_" + principal + "_PASSWORD", HexFormat.of().formatHex(bytes(24)));
    }
    env.put("MAILGATE_DB_PASSWORD", HexFormat.of().formatHex(bytes(24)));
    env.put("MAILGATE_AUDIT_INTEGRITY_KEY", Base64.getEncoder().encodeToString(bytes(32)));
    for (String port :
        List.of("APPROVAL", "AUDIT", "OUTBOUND", "POLLER", "SANDBOX", "KAFKA_HOST")) {
      env.put("MAILGATE_" + port + "_PORT", Integer.toString(FreePorts.next()));
    }
    // The sandbox, whatever a developer's .env says (never a real MultiMail account).
    env.put("MULTIMAIL_BASE_URL", "http://multimail-sandbox:8090");
    env.put("MULTIMAIL_API_KEY", "mm_sandbox_key");
    env.put("MULTIMAIL_WEBHOOK_SECRET", "");
    // An empty env file instead of the repository's .env: only the settings above count. One
    // option word: Testcontainers keeps options in a set, so their order is not kept.
    String envFile = emptyFile(logs, project + ".env").toString();
    List<File> files = List.of(root.resolve("docker-compose.yml").toFile());
    this.compose =
        onPath("docker-compose")
            ? new DockerComposeContainer<>(project, files)
                .withEnv(env)
                .withOptions("--env-file=" + envFile)
                .withPull(false)
                .withRemoveVolumes(true)
            : new ComposeContainer(project, files)
                .withEnv(env)
                .withOptions("--env-file=" + envFile)
                .withPull(false)
                .withRemoveVolumes(true);
  }

  private static Path emptyFile(Path dir, String name) {
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve(name), "");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Null when a Docker engine answers; else why not. */
  static String engineMissing() {
    try {
      Process info =
          new ProcessBuilder("docker", "info")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!info.waitFor(30, TimeUnit.SECONDS)) {
        info.destroyForcibly();
        return "no Docker engine answers (docker info timed out)";
      }
      if (info.exitValue() != 0) {
        return "no Docker engine answers (docker info failed)";
      }
    } catch (IOException e) {
      return "no docker client on the PATH";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable()
          ? null
          : "Testcontainers finds no Docker engine";
    } catch (RuntimeException e) {
      return "Testcontainers finds no Docker engine: " + e.getMessage();
    }
  }

  /**
   * Builds the images (reusing those there) and starts the stack; returns once all are ready. A
   * stack that does not come up is stopped again, its containers' logs saved.
   */
  static DockerStack start(Path root, Path logs) {
    DockerStack stack = new DockerStack(root, logs);
    stack.script(Duration.ofMinutes(20), "images.log", "images");
    try {
      stack.compose.start();
      stack.composeProject =
          stack
              .docker(
                  "ps",
                  "-a",
                  "--filter",
                  "label=com.docker.compose.service=kafka",
                  "--format",
                  "{{.Label \"com.docker.compose.project\"}}")
              .lines()
              .filter(name -> name.startsWith(stack.project))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalStateException("no Kafka container of " + stack.project));
      // Health is served on the management ports, which Compose does not publish: its own health
      // checks (docker-compose.yml) say when each service is ready.
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      for (String service :
          List.of(
              "approval-service",
              "outbound-service",
              "inbox-poller",
              "audit-service",
              "multimail-sandbox")) {
        stack.awaitHealthy(service, deadline);
      }
      return stack;
    } catch (RuntimeException e) {
      try {
        stack.close();
      } catch (RuntimeException stopping) {
        e.addSuppressed(stopping);
      }
      throw e;
    }
  }

  String url(String service) {
    return "http://127.0.0.1:" + env.get("MAILGATE_" + service + "_PORT");
  }

  String kafka() {
    return "127.0.0.1:" + env.get("MAILGATE_KAFKA_HOST_PORT");
  }

  /**
   * {@code ./mailgate}'s state directory for this stack: the token key it copies out of the stack
   * ({@code docker-keys/}) and the agent properties it writes ({@code agents/}).
   */
  Path state() {
    return logs.resolve(project + "-state");
  }

  /**
   * Runs {@code ./mailgate} in the repository with this stack's environment and project; returns
   * its standard output, or throws with its log.
   */
  String script(Duration timeout, String log, String... args) {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("mailgate").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
    builder.environment().putAll(env);
    builder
        .environment()
        .put("COMPOSE_PROJECT_NAME", composeProject == null ? project : composeProject);
    builder.environment().put("MAILGATE_STATE_DIR", state().toString());
    Path out = logs.resolve(project + "-" + log);
    try {
      Files.createDirectories(logs);
      Process process = builder.redirectErrorStream(true).redirectOutput(out.toFile()).start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "./mailgate " + String.join(" ", args) + " timed out; " + out);
      }
      String output = Files.readString(out);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "./mailgate " + String.join(" ", args) + " failed (" + out + "):\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code docker} with {@code args}; its output. Gives up after two minutes. */
  String docker(String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile("docker", ".out");
      try {
        Process process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new IllegalStateException(String.join(" ", command) + " timed out");
        }
        String output = Files.readString(out);
        if (process.exitValue() != 0) {
          throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output.strip();
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The container of {@code service} in this project. */
  String container(String service) {
    return docker(
        "ps",
        "-aq",
        "--filter",
        "label=com.docker.compose.project=" + composeProject,
        "--filter",
        "label=com.docker.compose.service=" + service);
  }

  private void awaitHealthy(String service, long deadline) {
    String id = container(service);
    while (!docker("inspect", "--format", "{{.State.Health.Status}}", id).equals("healthy")) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(service + " not healthy within 5 minutes of the start");
      }
      sleep(Duration.ofSeconds(1));
    }
  }

  /** The logs of every container of the project, for a failing run. */
  void saveLogs() {
    for (String service :
        List.of(
            "kafka",
            "kafka-topics",
            "postgres",
            "approval-service",
            "outbound-service",
            "inbox-poller",
            "audit-service",
            "multimail-sandbox")) {
      try {
        String id = container(service);
        if (!id.isEmpty()) {
          Files.writeString(
              logs.resolve(project + "-" + service + ".log"), docker("logs", "--tail", "400", id));
        }
      } catch (IOException | RuntimeException e) {
        // Best effort: the test's own failure says what went wrong.
      }
    }
  }

  @Override
  public void close() {
    if (composeProject != null) {
      saveLogs();
    }
    compose.stop();
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean onPath(String executable) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, executable))) {
        return true;
      }
    }
    return false;
  }

  private static byte[] bytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
