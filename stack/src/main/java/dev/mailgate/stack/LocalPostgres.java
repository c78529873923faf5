package dev.mailgate.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts the local stack's PostgreSQL from embedded binaries (they run as root too) on a data
 * directory that survives restarts, creates the {@code mailgate} role and one database per service,
 * and exits. The server keeps running on its own (no shutdown hook; its output goes straight to the
 * log file); {@code ./mailgate down} stops it through the pid in {@code postmaster.pid}.
 *
 * <p>Usage: {@code LocalPostgres <data-dir> <port> <log-file> <database>...}
 */
public final class LocalPostgres {

  private LocalPostgres() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: LocalPostgres <data-dir> <port> <log-file> <database>...");
      System.exit(2);
    }
    Path data = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    File log = new File(args[2]);
    List<String> databases = List.of(args).subList(3, args.length);
    Files.createDirectories(data.getParent());

    EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setOverrideWorkingDirectory(data.getParent().resolve("runtime").toFile())
        .setPort(port)
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setServerConfig("max_connections", "200")
        .setRegisterShutdownHook(false)
        .setOutputRedirector(Redirect.appendTo(log))
        .setErrorRedirector(Redirect.appendTo(log))
        .start();

    String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    Databases.ensure(url, "postgres", "postgres", "mailgate", databases);
    System.out.println("PostgreSQL ready on 127.0.0.1:" + port + ", data in " + data);
    System.exit(0);
  }
}
