package dev.mailgate.agent;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The client's configuration split in two: Kafka client properties (passed through as given: {@code
 * security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}, ...) and MailGate's own
 * {@code mailgate.*} settings, which never reach Kafka.
 */
record ClientConfig(Properties kafka, Optional<IntentSigner> signer) {

  static final String PREFIX = "mailgate.";

  static ClientConfig of(Map<?, ?> config) {
    Properties kafka = new Properties();
    Map<String, String> settings = new HashMap<>();
    config.forEach(
        (k, v) -> {
          String key = String.valueOf(k);
          if (key.startsWith(PREFIX)) {
            settings.put(key, String.valueOf(v));
          } else {
            kafka.put(key, v);
          }
        });
    if (kafka.getProperty("bootstrap.servers", "").isBlank()) {
      throw new IllegalArgumentException("bootstrap.servers is required");
    }
    return new ClientConfig(kafka, IntentSigner.from(settings));
  }

  static Properties load(Path file) {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return properties;
  }
}
