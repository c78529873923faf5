package dev.mailgate.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.EventJson;
import dev.mailgate.testsupport.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
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
import org.awaitility.Awaitility;

/** Test access to the real broker: publish intents as an agent would, read what MailGate wrote. */
final class Bus {

  private static KafkaProducer<String, byte[]> producer;

  private Bus() {}

  static ObjectNode intent(String mailbox, String role, String to, String subject, String body) {
    ObjectNode intent = EventJson.mapper().createObjectNode();
    intent.put("intent_id", UUID.randomUUID().toString());
    intent.put("kind", "send");
    intent.put("mailbox_id", mailbox);
    intent.put("team", "team-test");
    intent.put("role", role);
    intent.put("agent", role + "-agent");
    intent.put("action", "SendEmail");
    intent.put("trigger_message_id", "msg-1");
    intent.putArray("to").add(to);
    intent.put("subject", subject);
    intent.put("markdown", body);
    intent.put("created_at", Instant.now().toString());
    return intent;
  }

  static String publish(JsonNode intent) {
    send(
        dev.mailgate.events.Topics.INTENTS,
        intent.path("mailbox_id").asText("x"),
        intent.toString().getBytes(StandardCharsets.UTF_8));
    return intent.path("intent_id").asText();
  }

  static synchronized void send(String topic, String key, byte[] value) {
    if (producer == null) {
      Properties props = KafkaBroker.shared().clientProperties();
      props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
      props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
      producer = new KafkaProducer<>(props);
    }
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until {@code topic} holds at least {@code count} records matching, and returns them all.
   */
  static List<ConsumerRecord<String, byte[]>> await(
      String topic, int count, Predicate<JsonNode> matching) {
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              found.clear();
              found.addAll(read(topic, matching));
              return found.size() >= count;
            });
    return found;
  }

  /** The JSON values of {@link #await}. */
  static List<JsonNode> awaitJson(String topic, int count, Predicate<JsonNode> matching) {
    return await(topic, count, matching).stream().map(r -> json(r.value())).toList();
  }

  /** Everything on {@code topic} that matches, right now. */
  static List<ConsumerRecord<String, byte[]>> read(String topic, Predicate<JsonNode> matching) {
    Properties props = KafkaBroker.shared().clientProperties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(topic));
      int emptyPolls = 0;
      while (emptyPolls < 2) {
        var records =
            consumer.poll(Duration.ofMillis(read.isEmpty() && emptyPolls == 0 ? 1500 : 300));
        emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
        records.forEach(
            r -> {
              if (matching.test(json(r.value()))) {
                read.add(r);
              }
            });
      }
    }
    return read;
  }

  static Predicate<JsonNode> forIntent(String intentId) {
    return node -> intentId.equals(node.path("intent_id").asText(null));
  }

  static JsonNode json(byte[] value) {
    try {
      return EventJson.mapper().readTree(value);
    } catch (Exception e) {
      return EventJson.mapper().createObjectNode();
    }
  }

  static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
