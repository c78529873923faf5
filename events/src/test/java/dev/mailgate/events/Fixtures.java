package dev.mailgate.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The golden fixtures shipped in the jar under {@code mailgate/fixtures}. */
final class Fixtures {

  record Fixture(String fileName, Payload payload, byte[] bytes) {
    JsonNode tree() {
      try {
        return EventJson.mapper().readTree(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String toString() {
      return fileName;
    }
  }

  /** Test vectors beside the event fixtures that are not events (checked by the agent clients). */
  private static final Set<String> NOT_EVENTS = Set.of("intent-signature.json");

  private Fixtures() {}

  static List<Fixture> all() {
    URL dir = Fixtures.class.getClassLoader().getResource("mailgate/fixtures");
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      return files
          .filter(f -> !NOT_EVENTS.contains(f.getFileName().toString()))
          .sorted()
          .map(Fixtures::load)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode schema(Payload payload) {
    try (InputStream in =
        Fixtures.class.getClassLoader().getResourceAsStream(payload.schemaResource())) {
      return EventJson.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Fixture load(Path file) {
    String name = file.getFileName().toString();
    String stem = name.substring(0, name.indexOf('.'));
    Payload payload =
        Stream.of(Payload.values())
            .filter(p -> p.schemaName().equals(stem))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no payload for fixture " + name));
    try {
      return new Fixture(name, payload, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
