package dev.mailgate.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailgate.testsupport.KafkaBroker;
import dev.mailgate.testsupport.KafkaExtension;
import dev.mailgate.testsupport.PostgresDatabase;
import dev.mailgate.testsupport.PostgresExtension;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

@ExtendWith(KafkaExtension.class)
class OutboxRelayTest {

  @RegisterExtension static PostgresExtension postgres = new PostgresExtension("outbox_relay");

  private final OutboxStore store = new OutboxStore();
  private PGSimpleDataSource dataSource;
  private String topic;

  @BeforeEach
  void migrate(PostgresDatabase db, KafkaBroker broker) throws Exception {
    Flyway.configure().dataSource(db.jdbcUrl(), db.username(), db.password()).load().migrate();
    dataSource = new PGSimpleDataSource();
    dataSource.setUrl(db.jdbcUrl());
    dataSource.setUser(db.username());
    dataSource.setPassword(db.password());
    try (Connection c = dataSource.getConnection()) {
      c.createStatement().execute("DELETE FROM outbox_event");
      c.createStatement().execute("DELETE FROM outbox_parked");
    }
    topic = "outbox.test." + UUID.randomUUID();
    broker.createTopics(1, List.of(topic));
  }

  @Test
  void storedEventsArePublishedInOrderWithTheirHeadersAfterARestart(KafkaBroker broker)
      throws Exception {
    List<OutboxMessage> stored = store(30);

    int published;
    try (KafkaProducer<String, byte[]> producer = producer(broker)) {
      published = new OutboxRelay(dataSource, producer, 7).drain();
    }

    List<ConsumerRecord<String, byte[]>> read = consume(broker, 30);
    assertThat(published).isEqualTo(30);
    assertThat(read)
        .extracting(r -> header(r, "event_id"))
        .containsExactlyElementsOf(stored.stream().map(m -> m.eventId().toString()).toList());
    assertThat(header(read.get(0), "event_type")).isEqualTo("test.happened");
    assertThat(header(read.get(0), "dead-letter-reason")).isEqualTo("because 0");
    assertThat(new String(read.get(29).value(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":29}");
    assertThat(backlog()).isZero();
  }

  @Test
  void whenKafkaIsUnreachableNothingIsLostAndALaterRelayPublishesIt(KafkaBroker broker)
      throws Exception {
    store(5);

    try (KafkaProducer<String, byte[]> dead = deadProducer()) {
      assertThatThrownBy(() -> new OutboxRelay(dataSource, dead, 100).relayOnce())
          .isInstanceOf(OutboxRelayException.class);
    }
    assertThat(backlog()).isEqualTo(5);

    try (KafkaProducer<String, byte[]> producer = producer(broker)) {
      assertThat(new OutboxRelay(dataSource, producer, 100).drain()).isEqualTo(5);
    }
    assertThat(consume(broker, 5)).hasSize(5);
    assertThat(backlog()).isZero();
  }

  @Test
  void aRecordTheBrokerRefusesIsParkedWithoutHoldingUpOrRepublishingTheOthers(KafkaBroker broker)
      throws Exception {
    broker.createTopics(1, List.of(topic + ".dlq"));
    List<OutboxMessage> before = store(3);
    OutboxMessage huge =
        new OutboxMessage(
            UUID.randomUUID(), topic, "mbx", "test.huge", new byte[1_500_000], Map.of());
    try (Connection c = dataSource.getConnection()) {
      store.insert(c, List.of(huge));
    }
    List<OutboxMessage> after = store(3);

    try (KafkaProducer<String, byte[]> producer = producer(broker)) {
      OutboxRelay relay = new OutboxRelay(dataSource, producer, 100, "outbox-test");
      assertThat(relay.drain()).isEqualTo(7); // six records and the reference to the parked one
      assertThat(relay.drain()).isZero();
    }

    List<OutboxMessage> expected = new ArrayList<>(before);
    expected.addAll(after);
    assertThat(consume(broker, 6))
        .extracting(r -> header(r, "event_id"))
        .containsExactlyElementsOf(expected.stream().map(m -> m.eventId().toString()).toList());
    List<ConsumerRecord<String, byte[]>> dlq = consume(broker, topic + ".dlq", 1);
    assertThat(dlq).hasSize(1);
    assertThat(dlq.get(0).value()).isEmpty();
    assertThat(header(dlq.get(0), "event_id")).isEqualTo(huge.eventId().toString());
    assertThat(header(dlq.get(0), "dead-letter-reason")).contains("RecordTooLargeException");
    assertThat(header(dlq.get(0), "dead-letter-value-size")).isEqualTo("1500000");
    assertThat(header(dlq.get(0), "dead-letter-value-sha256"))
        .isEqualTo(Digest.sha256(huge.payload()));
    try (Connection c = dataSource.getConnection()) {
      List<OutboxStore.Parked> parked = store.parked(c, 10);
      assertThat(parked)
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.message().eventId()).isEqualTo(huge.eventId());
                assertThat(p.message().payload()).hasSize(1_500_000);
                assertThat(p.error()).contains("RecordTooLargeException");
              });
      assertThat(store.backlog(c)).isZero();
    }
  }

  @Test
  void twoRelaysAtOncePublishEveryEventExactlyOnceInOrder(KafkaBroker broker) throws Exception {
    List<OutboxMessage> stored = store(400);

    try (KafkaProducer<String, byte[]> a = producer(broker);
        KafkaProducer<String, byte[]> b = producer(broker)) {
      CompletableFuture<Integer> first = drainAsync(new OutboxRelay(dataSource, a, 20));
      CompletableFuture<Integer> second = drainAsync(new OutboxRelay(dataSource, b, 20));
      int leftover = new OutboxRelay(dataSource, a, 20).drain();
      assertThat(first.get() + second.get() + leftover).isEqualTo(400);
    }

    assertThat(consume(broker, 400))
        .extracting(r -> header(r, "event_id"))
        .containsExactlyElementsOf(stored.stream().map(m -> m.eventId().toString()).toList());
  }

  private CompletableFuture<Integer> drainAsync(OutboxRelay relay) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return relay.drain();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private List<OutboxMessage> store(int count) throws Exception {
    List<OutboxMessage> messages = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] payload = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
      messages.add(
          new OutboxMessage(
              UUID.randomUUID(),
              topic,
              "mbx",
              "test.happened",
              payload,
              Map.of("dead-letter-reason", "because " + i)));
    }
    try (Connection c = dataSource.getConnection()) {
      store.insert(c, messages);
    }
    return messages;
  }

  private long backlog() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      return store.backlog(c);
    }
  }

  private static KafkaProducer<String, byte[]> producer(KafkaBroker broker) {
    Properties props = broker.clientProperties(); // authenticated: the broker refuses anyone else
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(props);
  }

  private static KafkaProducer<String, byte[]> deadProducer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "300");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(props);
  }

  private List<ConsumerRecord<String, byte[]>> consume(KafkaBroker broker, int count) {
    return consume(broker, topic, count);
  }

  private List<ConsumerRecord<String, byte[]>> consume(
      KafkaBroker broker, String topic, int count) {
    Properties props = broker.clientProperties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (read.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(read::add);
      }
      // one more poll proves nothing beyond `count` was published
      consumer.poll(Duration.ofMillis(300)).forEach(read::add);
    }
    return read;
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
