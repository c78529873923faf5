package dev.mailgate.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** One database on the shared embedded PostgreSQL server. */
public record PostgresDatabase(String name, String jdbcUrl, String username, String password) {

  /** A new connection to this database; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, username, password);
  }

  /** Properties that point a Quarkus datasource at this database. */
  public Map<String, String> quarkusConfig() {
    return Map.of(
        "quarkus.datasource.db-kind", "postgresql",
        "quarkus.datasource.jdbc.url", jdbcUrl,
        "quarkus.datasource.username", username,
        "quarkus.datasource.password", password);
  }
}
