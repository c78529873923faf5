package dev.mailgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailgate.events.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.ToIntFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Follows {@code mail.decisions}, {@code mail.approved} and {@code mail.outcomes} from their ends
 * (positions taken before the first intent is published) and marks, from each record's Kafka
 * timestamp, when the run's intents reached the stage; runs on its own thread until closed.
 */
final class StageWatcher implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaConsumer<String, byte[]> consumer;
  private final Timeline timeline;
  private final ToIntFunction<String> indexOf;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile int held;
  private final List<String> heldIds = new ArrayList<>();

  StageWatcher(Properties admin, Timeline timeline, ToIntFunction<String> indexOf) {
    this.consumer = Clients.consumer(admin);
    this.timeline = timeline;
    this.indexOf = indexOf;
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(Topics.DECISIONS, Topics.APPROVED, Topics.OUTCOMES)) {
      for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    this.thread = new Thread(this::loop, "bench-stage-watcher");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** How many of the run's intents were held for review (the review benchmark's intents). */
  int held() {
    return held;
  }

  synchronized List<String> heldIds() {
    return List.copyOf(heldIds);
  }

  private void loop() {
    while (running) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
        take(record);
      }
    }
    consumer.close(Duration.ofSeconds(2));
  }

  private void take(ConsumerRecord<String, byte[]> record) {
    JsonNode value;
    try {
      value = JSON.readTree(record.value());
    } catch (IOException e) {
      return;
    }
    String intentId = value.path("intent_id").asText("");
    int n = indexOf.applyAsInt(intentId);
    if (n < 0) {
      return;
    }
    long at = record.timestamp();
    switch (record.topic()) {
      case Topics.DECISIONS -> {
        String state = value.path("state").asText();
        if ("approved".equals(state)) {
          timeline.mark(Stage.DECISION, n, at);
        } else if ("held".equals(state)) {
          synchronized (this) {
            heldIds.add(intentId);
            held = heldIds.size();
          }
        }
      }
      case Topics.APPROVED -> timeline.mark(Stage.APPROVED, n, at);
      case Topics.OUTCOMES -> {
        if ("accepted".equals(value.path("status").asText())) {
          timeline.mark(Stage.OUTCOME, n, at);
        }
      }
      default -> {}
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(5_000);
  }

  static Properties load(java.nio.file.Path file) throws IOException {
    Properties props = new Properties();
    try (var in = java.nio.file.Files.newInputStream(file)) {
      props.load(in);
    }
    // Only Kafka client settings: the agent's own keys (mailgate.*) stay out of the client config.
    props.keySet().removeIf(k -> k.toString().startsWith("mailgate."));
    return props;
  }

  static Map<String, String> mailgateSettings(java.nio.file.Path file) throws IOException {
    Properties props = new Properties();
    try (var in = java.nio.file.Files.newInputStream(file)) {
      props.load(in);
    }
    Map<String, String> settings = new java.util.HashMap<>();
    props.forEach((k, v) -> settings.put(k.toString(), v.toString()));
    return settings;
  }
}
