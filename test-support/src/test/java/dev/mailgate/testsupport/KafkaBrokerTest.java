package dev.mailgate.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaExtension.class)
class KafkaBrokerTest {

  @Test
  void recordsRoundTripInOrderPerKey(KafkaBroker broker) throws Exception {
    String topic = "support.roundtrip";
    broker.createTopics(3, List.of(topic));
    Properties producerProps = broker.clientProperties();
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
      for (int i = 0; i < 50; i++) {
        producer.send(new ProducerRecord<>(topic, "mbx_" + (i % 3), "m" + i)).get();
      }
    }

    List<ConsumerRecord<String, String>> read = readAll(broker, topic, 50);

    assertThat(read).hasSize(50);
    for (String key : List.of("mbx_0", "mbx_1", "mbx_2")) {
      List<Integer> sequence =
          read.stream()
              .filter(r -> r.key().equals(key))
              .map(r -> Integer.parseInt(r.value().substring(1)))
              .toList();
      assertThat(sequence).isSorted().hasSizeGreaterThanOrEqualTo(16);
    }
  }

  @Test
  void createTopicsIsIdempotent(KafkaBroker broker) throws Exception {
    broker.createTopics(2, List.of("support.twice"));
    broker.createTopics(2, List.of("support.twice"));

    try (Admin admin = Admin.create(broker.clientProperties())) {
      var description =
          admin.describeTopics(Set.of("support.twice")).allTopicNames().get().get("support.twice");
      assertThat(description.partitions()).hasSize(2);
    }
  }

  @Test
  void theBrokerIsStartedOncePerJvm(KafkaBroker broker) {
    assertThat(KafkaBroker.shared()).isSameAs(broker);
    assertThat(broker.startupTime()).isPositive();
  }

  static List<ConsumerRecord<String, String>> readAll(KafkaBroker broker, String topic, int count) {
    Properties props = broker.clientProperties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "support-" + topic);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    List<ConsumerRecord<String, String>> read = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (read.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(read::add);
      }
    }
    return read;
  }
}
