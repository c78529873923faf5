package dev.mailgate.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every partition of some topics from a point in time (or the beginning), without a consumer
 * group: nothing is committed, each reader keeps its own positions.
 */
final class TopicReader implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<String, byte[]> consumer;

  TopicReader(Properties kafka, List<String> topics, Instant since) {
    Properties config = new Properties();
    config.putAll(kafka);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "mailgate-reader-" + UUID.randomUUID());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      consumer
          .partitionsFor(topic)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    if (since == null) {
      consumer.seekToBeginning(partitions);
    } else {
      seekTo(partitions, since);
    }
  }

  private void seekTo(List<TopicPartition> partitions, Instant since) {
    Map<TopicPartition, Long> times = new HashMap<>();
    partitions.forEach(p -> times.put(p, since.toEpochMilli()));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    for (TopicPartition partition : partitions) {
      OffsetAndTimestamp at = found.get(partition);
      consumer.seek(partition, at == null ? ends.get(partition) : at.offset());
    }
  }

  /** The current end offsets of every assigned partition. */
  Map<TopicPartition, Long> ends() {
    return consumer.endOffsets(consumer.assignment());
  }

  /** Whether every partition has been read up to {@code ends} (past transaction markers too). */
  boolean reached(Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  /** One poll, at most {@code remaining} (and at most 200 ms) long. */
  ConsumerRecords<String, byte[]> poll(Duration remaining) {
    return consumer.poll(remaining.compareTo(POLL) < 0 ? remaining : POLL);
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
