package dev.mailgate.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.agent.IntentSigner;
import dev.mailgate.events.EventHeaders;
import dev.mailgate.testsupport.KafkaBroker;
import dev.mailgate.testsupport.TopicIO;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What agents do on Kafka: publish intents (key = mailbox id, headers {@code event_id} and {@code
 * event_type}) and read what MailGate tells them, from the beginning of a topic.
 */
final class Bus {

  private Bus() {}

  static void publish(String topic, String key, byte[] value, String eventType) {
    TopicIO.send(
        topic,
        key,
        value,
        Map.of(
            EventHeaders.EVENT_ID,
            UUID.randomUUID().toString(),
            EventHeaders.EVENT_TYPE,
            eventType));
  }

  /** The agent team whose Kafka principal publishes the tests' intents. */
  static final String AGENT_TEAM = "e2e-agents";

  /**
   * Publishes as an agent would: through an agent principal (the broker lets agents write intents
   * and nothing else), signed with a credential for the intent's team, role and mailbox.
   */
  static void publishIntent(JsonNode intent) {
    try {
      byte[] value = Http.JSON.writeValueAsBytes(intent);
      IntentSigner signer =
          Agents.signerFor(
              intent.path("team").asText(),
              intent.path("role").asText(),
              intent.path("mailbox_id").asText());
      TopicIO.send(
          KafkaBroker.shared().agentProperties(AGENT_TEAM),
          "mail.intents",
          intent.path("mailbox_id").asText(),
          value,
          Map.of(
              EventHeaders.EVENT_ID,
              UUID.randomUUID().toString(),
              EventHeaders.EVENT_TYPE,
              "intent.submitted",
              EventHeaders.INTENT_AGENT,
              signer.agentId(),
              EventHeaders.INTENT_SIGNATURE,
              signer.signature(value)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every record of {@code topic} so far, whole (headers and raw value). */
  static List<ConsumerRecord<String, byte[]>> records(String topic) {
    return TopicIO.records(topic);
  }

  /** The JSON values of {@code topic} so far that match. */
  static List<JsonNode> values(String topic, Predicate<JsonNode> match) {
    List<JsonNode> values = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records(topic)) {
      try {
        JsonNode value = Http.JSON.readTree(record.value());
        if (value != null && match.test(value)) {
          values.add(value);
        }
      } catch (IOException e) {
        // Not JSON (a test's malformed record): never a match.
      }
    }
    return values;
  }

  /** The decisions about one intent, oldest first. */
  static List<String> decisionStates(String intentId) {
    return values("mail.decisions", d -> intentId.equals(d.path("intent_id").asText())).stream()
        .map(d -> d.path("state").asText())
        .toList();
  }
}
