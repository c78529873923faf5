package dev.mailgate.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.IntentKind;
import dev.mailgate.events.Problem;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.KafkaBroker;
import dev.mailgate.testsupport.KafkaExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaExtension.class)
class PublishTest {

  /** The agent team these tests authenticate as (its Kafka principal: agent-acme). */
  static final String TEAM = "acme";

  static final Provenance WHO =
      new Provenance("acme-run-42", "ProductManager", "Alice", "SendEmail")
          .triggeredBy("9f1c2b7e4d0a4e5f8a1b3c6d9e2f4a7b");

  private final String mailbox = "mbx_" + UUID.randomUUID().toString().substring(0, 8);
  private MailGateClient client;

  @BeforeEach
  void connect(KafkaBroker broker) {
    broker.createTopics(4, Topics.ALL);
    client = new MailGateClient(broker.agentProperties(TEAM));
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void aPublishedIntentIsSchemaValidKeyedByMailboxWithHeaders(KafkaBroker broker) throws Exception {
    EmailDraft draft =
        EmailDraft.send(
            WHO.because("customer asked for an ETA"),
            mailbox,
            List.of("customer@example.com"),
            "Export ETA",
            "Ships **December 3**.");

    Receipt receipt = client.publish(draft);

    ConsumerRecord<String, byte[]> record = recordOf(broker, receipt);
    assertThat(record.key()).isEqualTo(mailbox);
    assertThat(header(record, "event_type")).isEqualTo("intent.submitted");
    assertThat(UUID.fromString(header(record, "event_id")).version()).isEqualTo(4);
    JsonNode value = EventJson.mapper().readTree(record.value());
    assertThat(PythonClientTest.intentSchema().validate(value)).isEmpty();
    assertThat(value.get("intent_id").asText()).isEqualTo(draft.intentId());
    assertThat(value.get("trigger_message_id").asText()).isEqualTo(WHO.triggerMessageId());
    assertThat(value.has("reply_to_email_id")).isFalse();
  }

  @Test
  void publishingTheSameDraftAgainSendsTheSameIntent(KafkaBroker broker) throws Exception {
    EmailDraft draft =
        EmailDraft.send(WHO, mailbox, List.of("customer@example.com"), "Hi", "Hello");

    Receipt first = client.publish(draft);
    Receipt retry = client.publish(draft);

    assertThat(retry.eventId()).isNotEqualTo(first.eventId());
    assertThat(recordOf(broker, retry).value()).isEqualTo(recordOf(broker, first).value());
    assertThat(retry.intentId()).isEqualTo(first.intentId()).isEqualTo(draft.intentId());
  }

  @Test
  void badArgumentsAreRefusedWithEveryProblemBeforeAnythingIsPublished(KafkaBroker broker) {
    assertThatThrownBy(() -> EmailDraft.send(WHO, mailbox, List.of(), "Hi", "Hello"))
        .isInstanceOf(InvalidIntentException.class)
        .hasMessageContaining("to: at least one recipient is required (required)");
    assertThatThrownBy(
            () ->
                EmailDraft.send(
                    WHO, mailbox, List.of("a@example.com"), "Hi\r\nBcc: x@evil.example", "x"))
        .satisfies(e -> assertThat(codes(e)).containsExactly("subject:header_injection"));
    assertThatThrownBy(() -> EmailDraft.reply(WHO, mailbox, null, "Thanks"))
        .satisfies(e -> assertThat(codes(e)).containsExactly("reply_to_email_id:required"));
    List<String> tooMany = IntStream.range(0, 51).mapToObj(i -> "r" + i + "@example.com").toList();
    assertThatThrownBy(() -> EmailDraft.send(WHO, mailbox, tooMany, "Hi", "x"))
        .satisfies(e -> assertThat(codes(e)).containsExactly("to:too_many"));
    assertThatThrownBy(
            () ->
                EmailDraft.of(
                    IntentKind.SEND,
                    new Provenance("", "PM", "Alice", "SendEmail"),
                    "mbx a",
                    List.of("Alice <a@example.com>"),
                    List.of(),
                    "Hi",
                    "x",
                    null,
                    null))
        .satisfies(
            e ->
                assertThat(codes(e))
                    .contains(
                        "team:required", "mailbox_id:invalid_format", "to[0]:invalid_address"));

    assertThat(TopicDump.all(broker, Topics.INTENTS)).noneMatch(r -> mailbox.equals(r.key()));
  }

  @Test
  void idsAreUniqueTimeOrderedUlids() {
    assertThat(IntentIds.newUlid()).matches("[0-9A-HJKMNP-TV-Z]{26}");
    assertThat(IntentIds.ulid(1)).isLessThan(IntentIds.ulid(2));
    assertThat(IntStream.range(0, 1000).mapToObj(i -> IntentIds.newUlid()).distinct())
        .hasSize(1000);
  }

  private static List<String> codes(Throwable e) {
    return ((InvalidIntentException) e)
        .problems().stream().map((Problem p) -> p.path() + ":" + p.code()).toList();
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
