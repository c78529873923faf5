package dev.mailgate.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension for plain tests: one database on the JVM's shared {@link PostgresServer},
 * injected as a {@link PostgresDatabase} parameter. Register it with its database name:
 * {@code @RegisterExtension static PostgresExtension db = new PostgresExtension("mailgate_x");}
 */
public class PostgresExtension implements BeforeAllCallback, ParameterResolver {

  private final String databaseName;

  public PostgresExtension(String databaseName) {
    this.databaseName = databaseName;
  }

  /** The database, created on first use. */
  public PostgresDatabase database() {
    return PostgresServer.shared().database(databaseName);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    database();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PostgresDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return database();
  }
}
