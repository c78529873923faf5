package dev.mailgate.inboxpoller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.KafkaBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads what the poller published on {@code mail.inbound-received}, with plain kafka-clients. */
final class Bus {

  private Bus() {}

  /** Every record of the mailbox, in partition (publication) order. */
  static List<ConsumerRecord<String, byte[]>> inbound(String mailbox) {
    Properties props = KafkaBroker.shared().clientProperties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(Topics.INBOUND_RECEIVED));
      int emptyPolls = 0;
      while (emptyPolls < 2) {
        var records =
            consumer.poll(Duration.ofMillis(emptyPolls == 0 && read.isEmpty() ? 1500 : 300));
        emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
        records.forEach(
            r -> {
              if (mailbox.equals(r.key())) {
                read.add(r);
              }
            });
      }
    }
    return read;
  }

  /** The email ids published for the mailbox, in publication order. */
  static List<String> emailIds(String mailbox) {
    return inbound(mailbox).stream().map(r -> json(r).path("email_id").asText()).toList();
  }

  /** Waits until every one of {@code ids} is published for the mailbox; returns all published. */
  static List<String> awaitEmailIds(String mailbox, List<String> ids) {
    List<String> seen = new ArrayList<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              seen.clear();
              seen.addAll(emailIds(mailbox));
              return seen.containsAll(ids);
            });
    return seen;
  }

  static JsonNode json(ConsumerRecord<String, byte[]> record) {
    try {
      return EventJson.mapper().readTree(record.value());
    } catch (IOException e) {
      return EventJson.mapper().createObjectNode();
    }
  }

  static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
