package dev.mailgate.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresServerTest {

  @RegisterExtension static PostgresExtension postgres = new PostgresExtension("support_probe");

  @Test
  void flywayMigratesAndARowRoundTrips(PostgresDatabase db) throws SQLException {
    Flyway flyway =
        Flyway.configure().dataSource(db.jdbcUrl(), db.username(), db.password()).load();
    MigrateResult first = flyway.migrate();
    MigrateResult again = flyway.migrate();

    assertThat(first.migrationsExecuted + again.migrationsExecuted).isEqualTo(1);
    assertThat(again.migrationsExecuted).isZero();
    try (Connection connection = db.connect()) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO probe (id, label, payload) VALUES (?, ?, ?::jsonb)"
                  + " ON CONFLICT (id) DO NOTHING")) {
        insert.setLong(1, 42);
        insert.setString(2, "héllo ✉");
        insert.setString(3, "{\"to\": [\"a@example.com\"]}");
        insert.executeUpdate();
      }
      try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT label, payload->'to'->>0 FROM probe WHERE id = 42");
          ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString(1)).isEqualTo("héllo ✉");
        assertThat(row.getString(2)).isEqualTo("a@example.com");
      }
    }
  }

  @Test
  void eachServiceGetsItsOwnDatabaseOnOneServer() throws SQLException {
    PostgresDatabase approval = PostgresServer.shared().database("support_one");
    PostgresDatabase audit = PostgresServer.shared().database("support_two");

    assertThat(approval.jdbcUrl()).isNotEqualTo(audit.jdbcUrl());
    try (Connection connection = approval.connect();
        ResultSet row = connection.createStatement().executeQuery("SELECT current_database()")) {
      row.next();
      assertThat(row.getString(1)).isEqualTo("support_one");
    }
    assertThat(PostgresServer.shared().database("support_one")).isEqualTo(approval);
  }

  @Test
  void refusesDatabaseNamesThatAreNotPlainIdentifiers() {
    assertThatThrownBy(() -> PostgresServer.shared().database("x; DROP DATABASE postgres"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theServerIsStartedOncePerJvm() {
    assertThat(PostgresServer.shared()).isSameAs(PostgresServer.shared());
  }
}
