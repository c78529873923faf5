package dev.mailgate.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Creates the services' databases that do not exist yet, owned by the connecting user, on a
 * PostgreSQL given by URL (external setups: {@code MAILGATE_DATABASE_URL}).
 *
 * <p>Usage: {@code Databases <jdbc-url-of-an-existing-database> <user> <password> <database>...}
 */
public final class Databases {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  private Databases() {}

  public static void main(String[] args) throws SQLException {
    if (args.length < 4) {
      System.err.println("usage: Databases <jdbc-url> <user> <password> <database>...");
      System.exit(2);
    }
    ensure(args[0], args[1], args[2], args[1], List.of(args).subList(3, args.length));
  }

  /** Creates {@code owner} (password = name) if missing, then the missing databases it owns. */
  static void ensure(String url, String user, String password, String owner, List<String> databases)
      throws SQLException {
    if (!NAME.matcher(owner).matches()) {
      throw new IllegalArgumentException("not a plain role name: " + owner);
    }
    try (Connection admin = DriverManager.getConnection(url, user, password)) {
      if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", owner)) {
        execute(admin, "CREATE ROLE " + owner + " LOGIN PASSWORD '" + owner + "'");
      }
      for (String database : databases) {
        if (!NAME.matcher(database).matches()) {
          throw new IllegalArgumentException("not a plain database name: " + database);
        }
        if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
          execute(admin, "CREATE DATABASE " + database + " OWNER " + owner);
          System.out.println("created database " + database);
        }
      }
    }
  }

  private static boolean exists(Connection connection, String query, String name)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(query)) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
