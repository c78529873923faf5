package dev.mailgate.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every golden fixture survives a trip through a real broker, on every topic that carries it. A
 * plain broker of its own: the contract is about bytes, not access (test-support's authenticated
 * broker depends on this module).
 */
class FixturesOverKafkaTest {

  private static KafkaClusterTestKit cluster;

  @BeforeAll
  static void startBroker() throws Exception {
    cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    try (Admin admin = Admin.create(clientProperties())) {
      admin
          .createTopics(Topics.ALL.stream().map(t -> new NewTopic(t, 3, (short) 1)).toList())
          .all()
          .get();
    }
  }

  @AfterAll
  static void stopBroker() throws Exception {
    cluster.close();
  }

  private static Properties clientProperties() {
    Properties props = new Properties();
    props.put("bootstrap.servers", cluster.bootstrapServers());
    return props;
  }

  @Test
  void everyFixtureIsProducedToItsTopicsAndReadBackEqual() throws Exception {
    List<Sent> sent = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = producer()) {
      for (Fixtures.Fixture fixture : Fixtures.all()) {
        Record value = EventJson.mapper().readValue(fixture.bytes(), fixture.payload().type());
        String key = fixture.tree().get("mailbox_id").asText();
        for (String topic : fixture.payload().topics()) {
          String eventId = UUID.randomUUID().toString();
          ProducerRecord<String, byte[]> record =
              new ProducerRecord<>(topic, key, EventJson.mapper().writeValueAsBytes(value));
          record.headers().add(EventHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
          record
              .headers()
              .add(EventHeaders.EVENT_TYPE, fixture.fileName().getBytes(StandardCharsets.UTF_8));
          producer.send(record).get();
          sent.add(new Sent(eventId, topic, key, value));
        }
      }
    }

    Map<String, ConsumerRecord<String, byte[]>> received =
        consume(sent.size()).stream()
            .collect(Collectors.toMap(r -> header(r, EventHeaders.EVENT_ID), Function.identity()));

    assertThat(received).hasSize(sent.size());
    for (Sent expected : sent) {
      ConsumerRecord<String, byte[]> actual = received.get(expected.eventId());
      assertThat(actual.topic()).isEqualTo(expected.topic());
      assertThat(actual.key()).isEqualTo(expected.key());
      Record readBack = EventJson.mapper().readValue(actual.value(), expected.value().getClass());
      assertThat(readBack).isEqualTo(expected.value());
    }
  }

  private record Sent(String eventId, String topic, String key, Record value) {}

  private static KafkaProducer<String, byte[]> producer() {
    Properties props = clientProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(props);
  }

  private static List<ConsumerRecord<String, byte[]>> consume(int count) {
    Properties props = clientProperties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "fixtures-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(Topics.ALL);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (read.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(read::add);
      }
    }
    return read;
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
