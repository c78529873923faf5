package dev.mailgate.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest}'s datasource at its own database on the JVM's shared {@link
 * PostgresServer}. The database is named by the init argument {@value #DATABASE}:
 * {@code @WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name =
 * "database", value = "mailgate_approval"))}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

  /** The init argument that names the database. */
  public static final String DATABASE = "database";

  private String database = "mailgate_test";

  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.getOrDefault(DATABASE, database);
  }

  @Override
  public Map<String, String> start() {
    return PostgresServer.shared().database(database).quarkusConfig();
  }

  @Override
  public void stop() {
    // Shared by every test of the JVM; it stops when the JVM exits.
  }
}
