package dev.mailgate.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.EventJson;
import dev.mailgate.testsupport.TopicIO;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

/** Test access to the real broker: publish intents as an agent would, read what MailGate wrote. */
final class Bus {

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

  /** A reply intent to {@code emailId}: no to, no subject (both come from the original). */
  static ObjectNode reply(String mailbox, String role, String emailId, String body) {
    ObjectNode reply = intent(mailbox, role, "unused@example.com", "unused", body);
    reply.put("kind", "reply");
    reply.put("reply_to_email_id", emailId);
    reply.putArray("to");
    reply.remove("subject");
    return reply;
  }

  /** An inbound email fetched for {@code mailbox}, released to the agents; returns its id. */
  static String released(String mailbox, String from, String subject) {
    String id = inbound(mailbox, from, subject);
    awaitJson(
        dev.mailgate.events.Topics.INBOUND,
        1,
        node -> id.equals(node.path("email_id").asText(null)));
    return id;
  }

  static String inbound(String mailbox, String from, String subject) {
    String id = "em-" + UUID.randomUUID();
    ObjectNode email = EventJson.mapper().createObjectNode();
    email.put("email_id", id);
    email.put("mailbox_id", mailbox);
    email.put("thread_id", "thr-" + id);
    email.put("from", from);
    email.putArray("to").add(mailbox + "@example.org");
    email.put("subject", subject);
    email.put("markdown", "Hello, please answer.");
    email.put("received_at", "2026-11-24T12:00:00Z");
    Bus.send(
        dev.mailgate.events.Topics.INBOUND_RECEIVED,
        mailbox,
        email.toString().getBytes(StandardCharsets.UTF_8));
    return id;
  }

  static String publish(JsonNode intent) {
    send(
        dev.mailgate.events.Topics.INTENTS,
        intent.path("mailbox_id").asText("x"),
        intent.toString().getBytes(StandardCharsets.UTF_8));
    return intent.path("intent_id").asText();
  }

  static void send(String topic, String key, byte[] value) {
    TopicIO.send(topic, key, value, Map.of());
  }

  /**
   * Waits until {@code topic} holds at least {@code count} records matching, and returns them all.
   */
  static List<ConsumerRecord<String, byte[]>> await(
      String topic, int count, Predicate<JsonNode> matching) {
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
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
    return TopicIO.records(topic).stream().filter(r -> matching.test(json(r.value()))).toList();
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
    return TopicIO.header(record, name);
  }
}
