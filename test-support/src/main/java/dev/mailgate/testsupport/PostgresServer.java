package dev.mailgate.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server (embedded binaries, started by the test JVM), started on first use and
 * shared by every test of the JVM. Each service gets its own database on it, as in production.
 */
public final class PostgresServer {

  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  private static final String USER = "postgres";
  private static final String PASSWORD = "postgres";

  private static PostgresServer shared;

  private final Path dataDirectory;
  private final int port;
  private final Duration startup;
  private volatile EmbeddedPostgres postgres;

  private PostgresServer(EmbeddedPostgres postgres, Path dataDirectory, Duration startup) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
    this.port = postgres.getPort();
    this.startup = startup;
  }

  /** The server of this JVM, started now if it is not running yet. */
  public static synchronized PostgresServer shared() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "postgres-stop"));
    }
    return shared;
  }

  private static PostgresServer start() {
    long began = System.nanoTime();
    try {
      Path data = Files.createTempDirectory("mailgate-pg-");
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(data.toFile())
              .setCleanDataDirectory(false)
              .start();
      return new PostgresServer(postgres, data, Duration.ofNanos(System.nanoTime() - began));
    } catch (IOException e) {
      throw new IllegalStateException("the embedded PostgreSQL did not start", e);
    }
  }

  /**
   * Stops the server as an operator would for maintenance (fast shutdown: every session is cut);
   * the data stays. For tests of what the services do while their database is away.
   */
  public synchronized void stop() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new IllegalStateException("the embedded PostgreSQL did not stop", e);
    }
  }

  /** Starts the server again on the same port with the same data after {@link #stop}. */
  public synchronized void restart() {
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory.toFile())
              .setCleanDataDirectory(false)
              .setPort(port)
              .start();
    } catch (IOException e) {
      throw new IllegalStateException("the embedded PostgreSQL did not start again", e);
    }
  }

  /** How long the server took to accept connections. */
  public Duration startupTime() {
    return startup;
  }

  /** The database {@code name}, created if it does not exist yet. */
  public synchronized PostgresDatabase database(String name) {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
      ensurePassword(admin);
      if (!exists(admin, name)) {
        try (Statement create = admin.createStatement()) {
          create.execute("CREATE DATABASE " + name);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    String url = "jdbc:postgresql://localhost:" + port + "/" + name;
    return new PostgresDatabase(name, url, USER, PASSWORD);
  }

  private static void ensurePassword(Connection admin) throws SQLException {
    try (Statement alter = admin.createStatement()) {
      alter.execute("ALTER ROLE " + USER + " PASSWORD '" + PASSWORD + "'");
    }
  }

  private static boolean exists(Connection admin, String name) throws SQLException {
    try (PreparedStatement query =
        admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  private void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      // The JVM is exiting; the data directory is throwaway.
    }
    try (var files = Files.walk(dataDirectory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Best effort: a temporary directory.
    }
  }
}
