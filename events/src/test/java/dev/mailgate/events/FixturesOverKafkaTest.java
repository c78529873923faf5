package dev.mailgate.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailgate.testsupport.KafkaBroker;
import dev.mailgate.testsupport.KafkaExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every golden fixture survives a trip through a real broker, on every topic that carries it. */
@ExtendWith(KafkaExtension.class)
class FixturesOverKafkaTest {

  @Test
  void everyFixtureIsProducedToItsTopicsAndReadBackEqual(KafkaBroker broker) throws Exception {
    broker.createTopics(3, Topics.ALL);
    List<Sent> sent = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = producer(broker)) {
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
        consume(broker, sent.size()).stream()
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

  private static KafkaProducer<String, byte[]> producer(KafkaBroker broker) {
    Properties props = broker.clientProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(props);
  }

  private static List<ConsumerRecord<String, byte[]>> consume(KafkaBroker broker, int count) {
    Properties props = broker.clientProperties();
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
