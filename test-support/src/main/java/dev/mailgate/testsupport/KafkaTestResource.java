package dev.mailgate.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the JVM's shared {@link KafkaBroker}. Use with
 * {@code @WithTestResource(KafkaTestResource.class)}.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return KafkaBroker.shared().quarkusConfig();
  }

  @Override
  public void stop() {
    // Shared by every test of the JVM; it stops when the JVM exits.
  }
}
