package dev.mailgate.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.EventHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What agents do on Kafka: publish intents (key = mailbox id, headers {@code event_id} and {@code
 * event_type}) and read what MailGate tells them, from the beginning of a topic.
 */
final class Bus {

  private Bus() {}

  static void publish(String topic, String key, byte[] value, String eventType) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, MailGate.shared().bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
      record
          .headers()
          .add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
          .add(EventHeaders.EVENT_TYPE, eventType.getBytes(StandardCharsets.UTF_8));
      producer.send(record).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not publish to " + topic, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void publishIntent(JsonNode intent) {
    try {
      publish(
          "mail.intents",
          intent.path("mailbox_id").asText(),
          Http.JSON.writeValueAsBytes(intent),
          "intent.submitted");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every record of {@code topic} so far, whole (headers and raw value). */
  static List<ConsumerRecord<String, byte[]>> records(String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, MailGate.shared().bootstrapServers());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(topic)) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(all::add);
      }
    }
    return all;
  }

  /** The JSON values of {@code topic} so far that match. */
  static List<JsonNode> values(String topic, Predicate<JsonNode> match) {
    List<JsonNode> values = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records(topic)) {
      try {
        JsonNode value = Http.JSON.readTree(record.value());
        if (value != null && match.test(value)) {
          values.add(value);
        }
      } catch (IOException e) {
        // Not JSON (a test's malformed record): never a match.
      }
    }
    return values;
  }

  /** The decisions about one intent, oldest first. */
  static List<String> decisionStates(String intentId) {
    return values("mail.decisions", d -> intentId.equals(d.path("intent_id").asText())).stream()
        .map(d -> d.path("state").asText())
        .toList();
  }
}
