package dev.mailgate.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.EventTypes;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.TopicIO;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

/**
 * Test access to the real broker: publish approved mail as approval-service would, read results.
 */
final class Bus {

  private static final Set<String> FINAL = Set.of("accepted", "failed");

  private Bus() {}

  /** An approved send from {@code mailbox} with a fresh intent id. */
  static ObjectNode approved(String mailbox) {
    ObjectNode email = EventJson.mapper().createObjectNode();
    String intentId = "it-" + UUID.randomUUID();
    email.put("intent_id", intentId);
    email.put("kind", "send");
    email.put("mailbox_id", mailbox);
    email.put("team", "team-test");
    email.put("role", "ProductManager");
    email.put("agent", "Alice");
    email.put("action", "SendEmail");
    email.putArray("to").add("customer@example.com");
    email.put("subject", "Update " + intentId);
    email.put("markdown", "Body of " + intentId);
    email.put("approved_at", Instant.now().toString());
    email.putObject("approved_by").put("type", "policy").put("id", "policy");
    return email;
  }

  /** Publishes with a fresh {@code event_id}; returns the intent id. */
  static String publish(JsonNode email) {
    return publish(email, UUID.randomUUID().toString());
  }

  static String publish(JsonNode email, String eventId) {
    send(
        email.path("mailbox_id").asText("x"),
        email.toString().getBytes(StandardCharsets.UTF_8),
        eventId);
    return email.path("intent_id").asText();
  }

  static synchronized void send(String key, byte[] value, String eventId) {
    try {
      sendAsync(key, value, eventId).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Publishes many approved emails without waiting for each acknowledgement; returns intents. */
  static synchronized List<String> publishAll(List<? extends JsonNode> emails) {
    List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
    for (JsonNode email : emails) {
      byte[] value = email.toString().getBytes(StandardCharsets.UTF_8);
      acks.add(
          sendAsync(email.path("mailbox_id").asText("x"), value, UUID.randomUUID().toString()));
    }
    try {
      for (var ack : acks) {
        ack.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return emails.stream().map(Bus::intent).toList();
  }

  /**
   * Publishes as approval-service does: with the signature of the test key when the value is an
   * approved email (anything else goes unsigned, as it is unreadable anyway).
   */
  private static java.util.concurrent.Future<?> sendAsync(
      String key, byte[] value, String eventId) {
    Map<String, String> headers = new HashMap<>(Signing.headers(value));
    headers.put(EventHeaders.EVENT_ID, eventId);
    headers.put(EventHeaders.EVENT_TYPE, EventTypes.MAIL_APPROVED);
    return TopicIO.sendAsync(Topics.APPROVED, key, value, headers);
  }

  /** Publishes {@code email} with exactly these headers (plus event id and type), e.g. forged. */
  static String publishWith(JsonNode email, Map<String, String> signature) {
    Map<String, String> headers = new HashMap<>(signature);
    headers.put(EventHeaders.EVENT_ID, UUID.randomUUID().toString());
    headers.put(EventHeaders.EVENT_TYPE, EventTypes.MAIL_APPROVED);
    TopicIO.send(
        Topics.APPROVED,
        email.path("mailbox_id").asText("x"),
        email.toString().getBytes(StandardCharsets.UTF_8),
        headers);
    return email.path("intent_id").asText();
  }

  /** Waits until each intent has a final outcome; returns every outcome of them, by intent. */
  static Map<String, List<JsonNode>> awaitFinal(Collection<String> intentIds) {
    return awaitFinal(intentIds, Duration.ofSeconds(60));
  }

  static Map<String, List<JsonNode>> awaitFinal(Collection<String> intentIds, Duration atMost) {
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    Awaitility.await()
        .atMost(atMost)
        .pollDelay(Duration.ZERO)
        .until(
            () -> {
              found.clear();
              found.addAll(read(Topics.OUTCOMES, n -> intentIds.contains(intent(n))));
              long done =
                  found.stream()
                      .map(r -> json(r.value()))
                      .filter(n -> FINAL.contains(n.path("status").asText()))
                      .map(Bus::intent)
                      .distinct()
                      .count();
              return done == intentIds.size();
            });
    return byIntent(found);
  }

  static Map<String, List<JsonNode>> byIntent(List<ConsumerRecord<String, byte[]>> records) {
    return records.stream().map(r -> json(r.value())).collect(Collectors.groupingBy(Bus::intent));
  }

  /** Waits for at least {@code count} matching records on {@code topic}; returns them all. */
  static List<ConsumerRecord<String, byte[]>> await(
      String topic, int count, Predicate<JsonNode> matching) {
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollDelay(Duration.ZERO)
        .until(
            () -> {
              found.clear();
              found.addAll(read(topic, matching));
              return found.size() >= count;
            });
    return found;
  }

  /** Everything on {@code topic} that matches, right now. */
  static List<ConsumerRecord<String, byte[]>> read(String topic, Predicate<JsonNode> matching) {
    return records(topic, r -> matching.test(json(r.value())));
  }

  /** Every record on {@code topic} that matches, right now. */
  static List<ConsumerRecord<String, byte[]>> records(
      String topic, Predicate<ConsumerRecord<String, byte[]>> matching) {
    return TopicIO.records(topic).stream().filter(matching).toList();
  }

  static String intent(JsonNode node) {
    return node.path("intent_id").asText(null);
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

  /** The statuses of one intent's outcomes, in order. */
  static List<String> statuses(List<JsonNode> outcomes) {
    return outcomes.stream().map(n -> n.path("status").asText()).toList();
  }
}
