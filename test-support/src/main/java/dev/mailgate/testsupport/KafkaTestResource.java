package dev.mailgate.testsupport;

import dev.mailgate.events.access.KafkaAccess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Points a {@code @QuarkusTest} at the JVM's shared {@link KafkaBroker}, authenticated as the
 * service under test: the principal named like its {@code quarkus.application.name} (or the init
 * argument {@code principal}), with exactly that service's ACLs. Use with
 * {@code @WithTestResource(KafkaTestResource.class)}.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

  /** Init argument: the service principal to connect as. */
  public static final String PRINCIPAL = "principal";

  private String principal;

  @Override
  public void init(Map<String, String> initArgs) {
    principal = initArgs.get(PRINCIPAL);
  }

  @Override
  public Map<String, String> start() {
    String name = principal != null ? principal : applicationName();
    KafkaAccess.Service service =
        KafkaAccess.Service.named(name)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no Kafka principal for application " + name + " (see KafkaAccess)"));
    return KafkaBroker.quarkusConfig(KafkaBroker.shared().serviceProperties(service));
  }

  /** {@code quarkus.application.name} of the first application.properties that names one. */
  static String applicationName() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = KafkaTestResource.class.getClassLoader();
    }
    try {
      Enumeration<URL> files = loader.getResources("application.properties");
      while (files.hasMoreElements()) {
        Optional<String> name = name(files.nextElement());
        if (name.isPresent()) {
          return name.get();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "unknown";
  }

  private static Optional<String> name(URL file) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = file.openStream()) {
      properties.load(in);
    }
    return Optional.ofNullable(properties.getProperty("quarkus.application.name"));
  }

  @Override
  public void stop() {
    // Shared by every test of the JVM; it stops when the JVM exits.
  }
}
