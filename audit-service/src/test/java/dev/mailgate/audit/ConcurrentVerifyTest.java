package dev.mailgate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mailgate.audit.service.ChainReport;
import dev.mailgate.audit.service.ChainVerifier;
import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.EventTypes;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.KafkaBroker;
import dev.mailgate.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Verify while the chain grows: the walk stops at the head it read, so appends are no break. */
@QuarkusTest
@WithTestResource(AuditKafkaResource.class)
@WithTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "mailgate_audit"))
class ConcurrentVerifyTest {

  private static final int EVENTS = 4000;

  @Inject DataSource db;
  @Inject ChainVerifier verifier;

  @Test
  void verifyDuringAppendsReportsNoFalseBreak() {
    String mailbox = Flow.fresh().mailbox();
    CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> produce(mailbox));

    AtomicInteger whileAppending = new AtomicInteger();
    List<ChainReport> broken = new CopyOnWriteArrayList<>();
    AtomicReference<ChainReport> last = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(1))
        .until(
            () -> {
              ChainReport report = verifier.verify(mailbox).orElse(null);
              last.set(report);
              if (report != null && report.headPosition() > 0 && report.headPosition() < EVENTS) {
                whileAppending.incrementAndGet();
              }
              if (report != null && !report.intact() && broken.size() < 5) {
                broken.add(report);
              }
              return report != null && report.headPosition() >= EVENTS;
            });
    producing.join();
    ChainReport report = last.get();

    assertThat(whileAppending).as("verifications while the chain grew").hasPositiveValue();
    assertThat(broken).isEmpty();
    assertThat(report.intact()).isTrue();
    assertThat(report.rowsChecked()).isEqualTo(EVENTS);
    assertThat(Trail.rows(db, "chain_key = ?", mailbox)).hasSize(EVENTS);
  }

  private static void produce(String mailbox) {
    Properties props = KafkaBroker.shared().clientProperties();
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
      for (int i = 0; i < EVENTS; i++) {
        ProducerRecord<String, byte[]> record =
            new ProducerRecord<>(
                Topics.POLICIES,
                mailbox,
                Trail.json(Map.of("mailbox_id", mailbox, "change", "mailbox.updated", "n", i)));
        record.headers().add(EventHeaders.EVENT_ID, bytes(UUID.randomUUID().toString()));
        record.headers().add(EventHeaders.EVENT_TYPE, bytes(EventTypes.POLICY_CHANGED));
        producer.send(record);
        if (i % 500 == 499) {
          producer.flush();
        }
      }
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
