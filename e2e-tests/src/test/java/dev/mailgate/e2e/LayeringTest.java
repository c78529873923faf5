package dev.mailgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Kafka stays at the edge: consumers under {@code messaging/} turn records into contract objects,
 * and nothing under a service's {@code service/} or {@code domain/} packages sees a Kafka type, so
 * service logic runs and is tested without a broker.
 */
class LayeringTest {

  private static final List<String> SERVICES =
      List.of("approval-service", "outbound-service", "inbox-poller", "audit-service");

  private static final Pattern KAFKA_IMPORT =
      Pattern.compile(
          "^import\\s+(static\\s+)?(org\\.apache\\.kafka|io\\.smallrye\\.reactive\\.messaging\\.kafka)\\.",
          Pattern.MULTILINE);

  @Test
  void noServiceOrDomainClassImportsKafka() {
    List<Path> inner = innerLayerSources();
    assertThat(inner).as("service/ and domain/ sources found").hasSizeGreaterThan(50);

    List<String> offenders = new ArrayList<>();
    for (Path file : inner) {
      if (KAFKA_IMPORT.matcher(read(file)).find()) {
        offenders.add(Repository.root().relativize(file).toString());
      }
    }
    assertThat(offenders).as("service/ and domain/ classes that import Kafka").isEmpty();
  }

  @Test
  void theRuleSeesAKafkaImport() {
    assertThat(KAFKA_IMPORT.matcher("package x;\n\nimport org.apache.kafka.clients.X;\n").find())
        .isTrue();
    assertThat(
            KAFKA_IMPORT
                .matcher("import io.smallrye.reactive.messaging.kafka.api.KafkaMetadata;\n")
                .find())
        .isTrue();
    assertThat(KAFKA_IMPORT.matcher("// see org.apache.kafka.clients\nimport java.util.List;\n"))
        .matches(m -> !m.find());
  }

  private static List<Path> innerLayerSources() {
    List<Path> found = new ArrayList<>();
    for (String service : SERVICES) {
      Path sources = Repository.root().resolve(service).resolve("src/main/java");
      try (Stream<Path> files = Files.walk(sources)) {
        files
            .filter(f -> f.toString().endsWith(".java"))
            .filter(f -> isInner(sources.relativize(f)))
            .forEach(found::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }

  private static boolean isInner(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.equals("service") || name.equals("domain")) {
        return true;
      }
    }
    return false;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
