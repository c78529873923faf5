package dev.mailgate.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.KafkaBroker;
import dev.mailgate.testsupport.KafkaExtension;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Signed intents and pass-through Kafka properties, checked against the shared test vector. */
@ExtendWith(KafkaExtension.class)
class SigningTest {

  private static final String KEY = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA";
  private final String mailbox = "mbx_" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void topics(KafkaBroker broker) {
    broker.createTopics(4, Topics.ALL);
  }

  @Test
  void theSharedTestVectorSignsToTheExpectedHeader() throws Exception {
    JsonNode vector;
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("mailgate/fixtures/intent-signature.json")) {
      vector = EventJson.mapper().readTree(in);
    }
    IntentSigner signer =
        new IntentSigner(vector.get("agent_id").asText(), vector.get("signing_key").asText());
    byte[] value = vector.get("value").asText().getBytes(StandardCharsets.UTF_8);

    assertThat(signer.signature(value)).isEqualTo(vector.get("mailgate_signature").asText());
    assertThat(signer.agentId()).isEqualTo(vector.get("mailgate_agent").asText());
    assertThat(signer.toString()).doesNotContain(KEY);
  }

  @Test
  void aSignedIntentCarriesTheAgentAndTheSignatureOfItsExactBytes(
      KafkaBroker broker, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("agent.properties");
    KafkaBroker.writeProperties(broker.agentProperties(PublishTest.TEAM), file);
    Files.writeString(
        file,
        "client.id=signed-java\nmailgate.agent.id=acme.pm\nmailgate.agent.signing.key="
            + KEY
            + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    Receipt receipt;
    try (MailGateClient client = MailGateClient.fromProperties(file)) {
      assertThat(client.agentId()).contains("acme.pm");
      receipt = client.publish(draft("Café ☕"));
    }

    ConsumerRecord<String, byte[]> record = recordOf(broker, receipt);
    assertThat(header(record, IntentSigner.AGENT_HEADER)).isEqualTo("acme.pm");
    assertThat(header(record, IntentSigner.SIGNATURE_HEADER))
        .isEqualTo(new IntentSigner("acme.pm", KEY).signature(record.value()));
  }

  @Test
  void withoutSigningSettingsIntentsGoUnsigned(KafkaBroker broker) {
    Receipt receipt;
    try (MailGateClient client = new MailGateClient(broker.agentProperties(PublishTest.TEAM))) {
      assertThat(client.agentId()).isEmpty();
      receipt = client.publish(draft("Unsigned"));
    }
    ConsumerRecord<String, byte[]> record = recordOf(broker, receipt);
    assertThat(record.headers().lastHeader(IntentSigner.AGENT_HEADER)).isNull();
    assertThat(record.headers().lastHeader(IntentSigner.SIGNATURE_HEADER)).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "acme.pm, null, set both or neither",
        "null, " + KEY + ", set both or neither",
        "' ', " + KEY + ", must not be blank",
        "acme.pm, not base64 !, must be base64url",
        "acme.pm, c2hvcnQ, at least 16 bytes"
      })
  void incompleteOrMalformedSigningSettingsAreRefused(String agent, String key, String message) {
    Map<String, String> config = new java.util.HashMap<>();
    config.put("bootstrap.servers", "127.0.0.1:1");
    if (agent != null) {
      config.put(IntentSigner.AGENT_ID, agent);
    }
    if (key != null) {
      config.put(IntentSigner.SIGNING_KEY, key);
    }
    assertThatThrownBy(() -> new MailGateClient(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .message()
        .doesNotContain(KEY);
  }

  @Test
  void securityPropertiesReachTheKafkaClient(KafkaBroker broker) {
    Map<String, String> config =
        Map.of(
            "bootstrap.servers", broker.bootstrapServers(),
            "security.protocol", "SASL_PLAINTEXT",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required"
                    + " username=\"u\" password=\"p\";",
            "max.block.ms", "3000",
            "delivery.timeout.ms", "3000",
            "request.timeout.ms", "2000");
    try (MailGateClient client = new MailGateClient(config)) {
      // Credentials the broker does not know: the login fails, nothing is acknowledged.
      assertThatThrownBy(() -> client.publish(draft("SASL"), Duration.ofSeconds(8)))
          .isInstanceOf(PublishException.class);
    }
  }

  private EmailDraft draft(String subject) {
    return EmailDraft.send(
        PublishTest.WHO, mailbox, List.of("customer@example.com"), subject, "Ships Dec 3.");
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static ConsumerRecord<String, byte[]> recordOf(KafkaBroker broker, Receipt receipt) {
    return TopicDump.all(broker, Topics.INTENTS).stream()
        .filter(r -> r.partition() == receipt.partition() && r.offset() == receipt.offset())
        .findFirst()
        .orElseThrow();
  }
}
