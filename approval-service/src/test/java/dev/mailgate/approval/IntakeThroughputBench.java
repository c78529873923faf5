package dev.mailgate.approval;

import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.KafkaBroker;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (no Test suffix). Run on demand: {@code ./mvnw -pl approval-service verify
 * -Dtest=IntakeThroughputBench -Dbench.intents=50000}. Publishes intents to an autonomous mailbox
 * as fast as the producer goes and reports how many the service decided per second, end to end
 * (consume, validate, policy, dedup, store, outbox).
 */
@QuarkusTest
@ApprovalTestResources
class IntakeThroughputBench {

  @Inject DataSource dataSource;

  @Test
  void autonomousIntakeRate() throws Exception {
    int count = Integer.getInteger("bench.intents", 50_000);
    String role = "Bench" + UUID.randomUUID().toString().substring(0, 8);
    Properties props = KafkaBroker.shared().clientProperties();
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    Instant began = Instant.now();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
      for (int i = 0; i < count; i++) {
        var intent =
            Bus.intent(
                "mbx_auto",
                role,
                "c" + i + "@customer.example.com",
                "Note " + i,
                "Body of note " + i);
        producer.send(
            new ProducerRecord<>(
                Topics.INTENTS, "mbx_auto", intent.toString().getBytes(StandardCharsets.UTF_8)));
      }
    }
    Duration produced = Duration.between(began, Instant.now());
    Awaitility.await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> decided(role) >= count);
    Duration total = Duration.between(began, Instant.now());
    System.out.printf(
        "intents=%d produced in %d ms, decided in %d ms: %.0f intents/s%n",
        count, produced.toMillis(), total.toMillis(), count * 1000.0 / total.toMillis());
  }

  private long decided(String role) throws Exception {
    try (var connection = dataSource.getConnection();
        var query = connection.prepareStatement("SELECT count(*) FROM intent WHERE role = ?")) {
      query.setString(1, role);
      try (var rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
