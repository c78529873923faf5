package dev.mailgate.inboxpoller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.TopicIO;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

/** Reads what the poller published on {@code mail.inbound-received}, with plain kafka-clients. */
final class Bus {

  private Bus() {}

  /** Every record of the mailbox, in partition (publication) order. */
  static List<ConsumerRecord<String, byte[]>> inbound(String mailbox) {
    return TopicIO.records(Topics.INBOUND_RECEIVED).stream()
        .filter(r -> mailbox.equals(r.key()))
        .toList();
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
    return TopicIO.header(record, name);
  }
}
