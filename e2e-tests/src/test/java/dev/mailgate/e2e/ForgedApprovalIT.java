package dev.mailgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.EventHeaders;
import dev.mailgate.testsupport.TestTokens;
import dev.mailgate.testsupport.TopicIO;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Whoever can write {@code mail.approved} still cannot send: a record without approval-service's
 * signature, or a signed one with its content changed, is dead-lettered with the reason, audited,
 * and never reaches MultiMail.
 */
class ForgedApprovalIT {

  private static final Duration PIPELINE = Duration.ofSeconds(60);

  @Test
  void forgedAndAlteredApprovalsAreNeverDeliveredAndAreAudited() throws IOException {
    Instant since = Instant.now().minusSeconds(5);
    ConsumerRecord<String, byte[]> honest = deliveredApproval();

    ObjectNode altered = (ObjectNode) Http.JSON.readTree(honest.value());
    altered.put("intent_id", Intents.newId());
    altered.putArray("to").add("victim-" + UUID.randomUUID() + "@example.com");
    byte[] alteredBytes = Http.JSON.writeValueAsBytes(altered);
    Map<String, String> signature = new java.util.HashMap<>();
    for (String name :
        List.of(EventHeaders.SIGNATURE_KEY, EventHeaders.SIGNATURE, EventHeaders.SIGNATURE_PROOF)) {
      String value = TopicIO.header(honest, name);
      if (value != null) {
        signature.put(name, value);
      }
    }
    assertThat(signature).containsKeys(EventHeaders.SIGNATURE_KEY, EventHeaders.SIGNATURE);
    publish(alteredBytes, signature);
    ObjectNode unsigned = (ObjectNode) Http.JSON.readTree(honest.value());
    unsigned.put("intent_id", Intents.newId());
    byte[] unsignedBytes = Http.JSON.writeValueAsBytes(unsigned);
    publish(unsignedBytes, Map.of());

    assertRefusedAndAudited(alteredBytes, "does not match its content", since);
    assertRefusedAndAudited(unsignedBytes, "unsigned approval", since);
    String after = deliveredApproval().key();
    assertThat(after).isEqualTo(MailGate.AUTONOMOUS);
    assertThat(Deliveries.count(altered.path("intent_id").asText())).isZero();
    assertThat(Deliveries.count(unsigned.path("intent_id").asText())).isZero();
  }

  /** An autonomous intent, delivered; its signed mail.approved record. */
  private static ConsumerRecord<String, byte[]> deliveredApproval() {
    ObjectNode intent =
        Intents.send(MailGate.AUTONOMOUS, "SalesAgent", Intents.recipient(), "Quote", "Attached.");
    String id = intent.path("intent_id").asText();
    Bus.publishIntent(intent);
    await("the delivery of " + id).atMost(PIPELINE).until(() -> Deliveries.count(id) == 1);
    return Bus.records("mail.approved").stream()
        .filter(r -> id.equals(json(r.value()).path("intent_id").asText()))
        .findFirst()
        .orElseThrow();
  }

  private static void publish(byte[] value, Map<String, String> signature) {
    Map<String, String> headers = new java.util.HashMap<>(signature);
    headers.put(EventHeaders.EVENT_ID, UUID.randomUUID().toString());
    headers.put(EventHeaders.EVENT_TYPE, "mail.approved");
    TopicIO.send("mail.approved", MailGate.AUTONOMOUS, value, headers);
  }

  private static void assertRefusedAndAudited(byte[] value, String reason, Instant since) {
    ConsumerRecord<String, byte[]> dead =
        await("the forged record on mail.approved.dlq")
            .atMost(PIPELINE)
            .until(
                () ->
                    Bus.records("mail.approved.dlq").stream()
                        .filter(r -> java.util.Arrays.equals(r.value(), value))
                        .toList(),
                found -> !found.isEmpty())
            .get(0);
    assertThat(TopicIO.header(dead, EventHeaders.DLQ_REASON)).contains(reason);

    String base64 = Base64.getEncoder().encodeToString(value);
    JsonNode audited =
        await("the forged record in the audit")
            .atMost(PIPELINE)
            .until(() -> audited(since, base64), entry -> entry != null);
    assertThat(audited.path("dead_letter").path("reason").asText())
        .startsWith("not delivered")
        .contains(reason);
  }

  private static JsonNode audited(Instant since, String rawBase64) {
    String url =
        MailGate.shared().auditUrl()
            + "/audit/events?mailbox="
            + MailGate.AUTONOMOUS
            + "&event_type=mail.approved&from="
            + since
            + "&limit=1000";
    for (JsonNode entry : Http.get(url, TestTokens.admin("audit.reader")).body().path("items")) {
      if ("mail.approved.dlq".equals(entry.path("source").path("topic").asText())
          && rawBase64.equals(entry.path("raw_value_base64").asText())) {
        return entry;
      }
    }
    return null;
  }

  private static JsonNode json(byte[] value) {
    try {
      return Http.JSON.readTree(value);
    } catch (IOException e) {
      return Http.JSON.createObjectNode();
    }
  }
}
