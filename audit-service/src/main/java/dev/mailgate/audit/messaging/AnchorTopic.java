package dev.mailgate.audit.messaging;

import dev.mailgate.events.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Owns topic {@value Topics#AUDIT_ANCHORS}: writes anchors (key = chain) and reads the topic by
 * position, without a consumer group, from its start to its current end (each call continues where
 * the last one stopped). The Kafka client settings are the service's ({@code kafka.*}).
 */
@ApplicationScoped
public class AnchorTopic {

  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Map<String, Object> kafka;
  private KafkaProducer<String, byte[]> producer;
  private KafkaConsumer<String, byte[]> consumer;
  private List<TopicPartition> assigned = List.of();

  public AnchorTopic(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
    this.kafka = kafka;
  }

  /** Writes one anchor and waits for the broker's acknowledgement. */
  public void publish(String chain, String json) {
    try {
      producer()
          .send(
              new ProducerRecord<>(
                  Topics.AUDIT_ANCHORS, chain, json.getBytes(StandardCharsets.UTF_8)))
          .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing an anchor", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the anchor could not be written: " + e, e);
    }
  }

  /** The values written since the last call (all of them on the first), up to the current end. */
  public synchronized List<byte[]> readNew() {
    KafkaConsumer<String, byte[]> reader = consumer();
    List<TopicPartition> partitions =
        reader.partitionsFor(Topics.AUDIT_ANCHORS, WAIT).stream()
            .map(p -> new TopicPartition(Topics.AUDIT_ANCHORS, p.partition()))
            .sorted(Comparator.comparingInt(TopicPartition::partition))
            .toList();
    if (!partitions.equals(assigned)) {
      Map<TopicPartition, Long> positions = new HashMap<>();
      assigned.forEach(p -> positions.put(p, reader.position(p)));
      reader.assign(partitions);
      for (TopicPartition p : partitions) {
        if (positions.containsKey(p)) {
          reader.seek(p, positions.get(p));
        } else {
          reader.seekToBeginning(List.of(p));
        }
      }
      assigned = partitions;
    }
    List<byte[]> values = new ArrayList<>();
    Map<TopicPartition, Long> end = reader.endOffsets(partitions, WAIT);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (partitions.stream().anyMatch(p -> reader.position(p, WAIT) < end.get(p))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the anchors topic could not be read to its end");
      }
      for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
        values.add(record.value());
      }
    }
    return values;
  }

  private synchronized KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      Map<String, Object> props = new HashMap<>(kafka);
      props.remove(ConsumerConfig.GROUP_ID_CONFIG);
      props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
      props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) WAIT.toMillis());
      props.put(ProducerConfig.CLIENT_ID_CONFIG, "audit-anchors-writer");
      producer = new KafkaProducer<>(props);
    }
    return producer;
  }

  private KafkaConsumer<String, byte[]> consumer() {
    if (consumer == null) {
      Map<String, Object> props = new HashMap<>(kafka);
      props.remove(ConsumerConfig.GROUP_ID_CONFIG);
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
      props.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-anchors-reader");
      consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
    return consumer;
  }

  @PreDestroy
  synchronized void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
    if (consumer != null) {
      consumer.close(Duration.ofSeconds(5));
    }
  }
}
