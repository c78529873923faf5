package dev.mailgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.EventHeaders;
import dev.mailgate.testsupport.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Records that are not events at all go to their topic's dead-letter topic with the reason, are in
 * the audit trail, and the pipeline keeps running.
 */
class DeadLetterIT {

  private static final Duration PIPELINE = Duration.ofSeconds(60);

  @Test
  void aMalformedIntentGoesToTheDeadLetterTopicAndTheAudit() {
    assertDeadLettered("mail.intents", "intent.submitted");
  }

  @Test
  void aMalformedApprovedEmailGoesToTheDeadLetterTopicAndTheAudit() {
    assertDeadLettered("mail.approved", "mail.approved");
  }

  private static void assertDeadLettered(String topic, String eventType) {
    assertDeadLettered(
        topic, eventType, topic.equals("mail.intents") ? "approval-service" : "outbound-service");
  }

  private static void assertDeadLettered(String topic, String eventType, String consumer) {
    String marker = "not json " + UUID.randomUUID() + " {";
    Instant published = Instant.now().minusSeconds(5);
    Bus.publish(topic, MailGate.AUTONOMOUS, marker.getBytes(StandardCharsets.UTF_8), eventType);

    ConsumerRecord<String, byte[]> dead =
        await("the record on " + topic + ".dlq")
            .atMost(PIPELINE)
            .until(() -> find(topic + ".dlq", marker), found -> !found.isEmpty())
            .get(0);
    assertThat(dead.key()).isEqualTo(MailGate.AUTONOMOUS);
    assertThat(header(dead, EventHeaders.DLQ_REASON)).isNotBlank();

    String base64 = Base64.getEncoder().encodeToString(marker.getBytes(StandardCharsets.UTF_8));
    JsonNode audited =
        await("the dead letter in the audit")
            .atMost(PIPELINE)
            .until(
                () -> audited(topic + ".dlq", eventType, published, base64),
                entry -> entry != null);
    assertThat(audited.path("dead_letter").path("reason").asText()).isNotBlank();

    String position =
        header(dead, EventHeaders.DLQ_TOPIC)
            + "/"
            + header(dead, EventHeaders.DLQ_PARTITION)
            + "@"
            + header(dead, EventHeaders.DLQ_OFFSET);
    JsonNode line =
        await("the " + consumer + " log line about it, as JSON with the record in its MDC")
            .atMost(PIPELINE)
            .until(() -> jsonLogLine(consumer, position), found -> found != null);
    assertThat(line.path("level").asText()).isEqualTo("WARN");
    assertThat(line.path("mdc").path("mailbox_id").asText()).isEqualTo(MailGate.AUTONOMOUS);
    assertThat(line.path("mdc").path("event_id").asText()).isNotBlank();

    assertStillFlowing();
  }

  /** The JSON log line of {@code service} whose MDC names the record at {@code position}. */
  private static JsonNode jsonLogLine(String service, String position) throws IOException {
    for (String text : Files.readAllLines(ServiceProcess.logOf(service))) {
      if (text.startsWith("{") && text.contains(position)) {
        JsonNode line = Http.JSON.readTree(text);
        if (position.equals(line.path("mdc").path("record").asText())) {
          return line;
        }
      }
    }
    return null;
  }

  private static List<ConsumerRecord<String, byte[]>> find(String topic, String marker) {
    return Bus.records(topic).stream()
        .filter(r -> new String(r.value(), StandardCharsets.UTF_8).equals(marker))
        .toList();
  }

  /** The audited dead letter, among this mailbox's events of its type since it was published. */
  private static JsonNode audited(
      String dlqTopic, String eventType, Instant since, String rawBase64) {
    String url =
        MailGate.shared().auditUrl()
            + "/audit/events?mailbox="
            + MailGate.AUTONOMOUS
            + "&event_type="
            + eventType
            + "&from="
            + since
            + "&limit=1000";
    Http.Reply page = Http.get(url, TestTokens.admin("audit.reader"));
    for (JsonNode entry : page.body().path("items")) {
      if (dlqTopic.equals(entry.path("source").path("topic").asText())
          && rawBase64.equals(entry.path("raw_value_base64").asText())) {
        return entry;
      }
    }
    return null;
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** After a poison record, the next good intent still goes through. */
  private static void assertStillFlowing() {
    var intent =
        Intents.send(
            MailGate.AUTONOMOUS, "SalesAgent", Intents.recipient(), "After poison", "Still here.");
    Bus.publishIntent(intent);
    String id = intent.path("intent_id").asText();
    await("a good intent after the poison one")
        .atMost(PIPELINE)
        .until(() -> Deliveries.count(id) == 1);
  }
}
