package dev.mailgate.outbox.deadletter;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics by position, without a consumer group: one record at a partition and offset, or a
 * whole topic from its start to its current end. For operators' dead-letter tools.
 */
@ApplicationScoped
public class DeadLetterTopics {

  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration METADATA = Duration.ofSeconds(10);

  private final Map<String, Object> kafka;

  public DeadLetterTopics(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
    this.kafka = kafka;
  }

  /** How many records each topic holds now. */
  public Map<String, Long> counts(List<String> topics) {
    Map<String, Long> counts = new HashMap<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      for (String topic : topics) {
        List<TopicPartition> partitions = partitions(consumer, topic);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
        counts.put(topic, partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum());
      }
    }
    return counts;
  }

  /** The record at {@code offset} of {@code partition}, while the broker retains it. */
  public Optional<ConsumerRecord<String, byte[]>> read(String topic, int partition, long offset) {
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      TopicPartition tp = new TopicPartition(topic, partition);
      if (!partitions(consumer, topic).contains(tp)) {
        return Optional.empty();
      }
      consumer.assign(List.of(tp));
      long begin = consumer.beginningOffsets(List.of(tp)).get(tp);
      long end = consumer.endOffsets(List.of(tp)).get(tp);
      if (offset < begin || offset >= end) {
        return Optional.empty();
      }
      consumer.seek(tp, offset);
      long deadline = System.nanoTime() + METADATA.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          if (record.offset() == offset) {
            return Optional.of(record);
          }
        }
      }
      return Optional.empty();
    }
  }

  /** Reads {@code topic} from its start to its current end while {@code more} says so. */
  public void readAll(String topic, Predicate<ConsumerRecord<String, byte[]>> more) {
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          boolean before = record.offset() < end.get(new TopicPartition(topic, record.partition()));
          if (before && !more.test(record)) {
            return;
          }
        }
      }
    }
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    return consumer.partitionsFor(topic, METADATA).stream()
        .map(p -> new TopicPartition(topic, p.partition()))
        .toList();
  }

  private KafkaConsumer<String, byte[]> consumer() {
    Map<String, Object> props = new HashMap<>(kafka);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-admin");
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }
}
