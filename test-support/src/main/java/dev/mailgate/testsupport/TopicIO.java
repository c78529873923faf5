package dev.mailgate.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Tests' plain access to topics of the JVM's {@link KafkaBroker}: produce as an agent or a service
 * would, and read a topic exactly up to its current end (no consumer group, no waiting for quiet).
 * As the admin principal, unless a test passes a principal's client properties.
 */
public final class TopicIO {

  private static KafkaProducer<String, byte[]> producer;
  private static KafkaProducer<String, byte[]> gzipProducer;
  private static final Map<String, KafkaProducer<String, byte[]>> producers = new HashMap<>();

  private TopicIO() {}

  /** Sends one record and waits for the broker's acknowledgement. */
  public static RecordMetadata send(
      String topic, String key, byte[] value, Map<String, String> headers) {
    try {
      return sendAsync(topic, key, value, headers).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the broker refused a test record", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends one record as the principal of {@code client} (e.g. {@link KafkaBroker#agentProperties})
   * and waits for the broker's acknowledgement.
   */
  public static RecordMetadata send(
      Properties client, String topic, String key, byte[] value, Map<String, String> headers) {
    KafkaProducer<String, byte[]> as;
    synchronized (TopicIO.class) {
      as =
          producers.computeIfAbsent(
              client.getProperty(SaslConfigs.SASL_JAAS_CONFIG, ""),
              login -> {
                Properties props = new Properties();
                props.putAll(client);
                props.put(ProducerConfig.ACKS_CONFIG, "all");
                return new KafkaProducer<>(
                    props, new StringSerializer(), new ByteArraySerializer());
              });
    }
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
    headers.forEach(
        (name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
    try {
      return as.send(record).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the broker refused a test record", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends one record without waiting (flushes are the caller's, or the next {@link #send}). */
  public static synchronized Future<RecordMetadata> sendAsync(
      String topic, String key, byte[] value, Map<String, String> headers) {
    if (producer == null) {
      var props = KafkaBroker.shared().clientProperties();
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
    headers.forEach(
        (name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
    return producer.send(record);
  }

  /**
   * Sends one record gzip-compressed, with no client-side size limit: how a producer gets a record
   * larger than the broker's limit past it when its content compresses well.
   */
  public static synchronized RecordMetadata sendGzipped(String topic, String key, byte[] value) {
    if (gzipProducer == null) {
      var props = KafkaBroker.shared().clientProperties();
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
      props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(64 * 1024 * 1024));
      props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024));
      gzipProducer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
    try {
      return gzipProducer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the broker refused a test record", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every record on {@code topic} right now, partition by partition in offset order. */
  public static List<ConsumerRecord<String, byte[]>> records(String topic) {
    List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            KafkaBroker.shared().clientProperties(),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(read::add);
      }
    }
    return read;
  }

  /** A header's text, or null. */
  public static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
