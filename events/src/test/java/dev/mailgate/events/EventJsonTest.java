package dev.mailgate.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {

  @Test
  void writesSnakeCaseIsoUtcInstantsAndLeavesNullsOut() {
    DeliveryOutcome outcome =
        new DeliveryOutcome(
            "i-1",
            "mbx",
            OutcomeStatus.QUOTA_EXHAUSTED,
            1,
            null,
            null,
            null,
            429,
            "quota",
            Instant.parse("2026-12-01T00:00:00Z"),
            Instant.ofEpochMilli(1_764_000_000_123L));

    JsonNode json = EventJson.mapper().valueToTree(outcome);

    assertThat(json.get("intent_id").asText()).isEqualTo("i-1");
    assertThat(json.get("status").asText()).isEqualTo("quota_exhausted");
    assertThat(json.get("retry_at").asText()).isEqualTo("2026-12-01T00:00:00Z");
    assertThat(json.get("occurred_at").asText()).isEqualTo("2025-11-24T16:00:00.123Z");
    assertThat(json.has("provider_email_id")).isFalse();
  }

  @Test
  void ignoresUnknownFieldsAndReadsOffsetsAsUtc() throws Exception {
    String json =
        "{\"email_id\":\"e1\",\"mailbox_id\":\"m\",\"from\":\"a@b.example\","
            + "\"received_at\":\"2026-11-24T12:00:00+02:00\",\"added_later\":{\"x\":1}}";

    InboundEmail email = EventJson.mapper().readValue(json, InboundEmail.class);

    assertThat(email.receivedAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
    assertThat(email.to()).isEmpty();
  }

  @Test
  void enumsTravelAsTheirLowerCaseNames() throws Exception {
    DecisionEvent decision =
        EventJson.mapper()
            .readValue(
                "{\"intent_id\":\"i\",\"mailbox_id\":\"m\",\"state\":\"expired\","
                    + "\"actor\":{\"type\":\"system\",\"id\":\"approval-service\"},"
                    + "\"occurred_at\":\"2026-11-24T10:00:00Z\"}",
                DecisionEvent.class);

    assertThat(decision.state()).isEqualTo(DecisionState.EXPIRED);
    assertThat(decision.actor()).isEqualTo(Actor.system("approval-service"));
    assertThat(EventTypes.decision(decision.state())).isEqualTo("decision.expired");
  }

  @Test
  void recordsCopyTheirListsSoEventsStayImmutable() {
    List<String> to = new java.util.ArrayList<>(List.of("a@b.example"));
    EmailIntent intent =
        new EmailIntent(
            "i",
            IntentKind.SEND,
            "m",
            "t",
            "r",
            "a",
            "act",
            null,
            null,
            to,
            null,
            null,
            "s",
            "b",
            null,
            null,
            null,
            Instant.EPOCH);
    to.add("c@d.example");

    assertThat(intent.to()).containsExactly("a@b.example");
    assertThat(intent.recipients()).containsExactly("a@b.example");
  }

  @Test
  void topicsKnowTheirPayloadsAndDeadLetterTopics() {
    assertThat(Payload.ofTopic(Topics.INBOUND)).contains(Payload.INBOUND_EMAIL);
    assertThat(Payload.ofTopic("mail.unknown")).isEmpty();
    assertThat(Topics.dlq(Topics.INTENTS)).isEqualTo("mail.intents.dlq");
    assertThat(Topics.isDlq("mail.intents.dlq")).isTrue();
  }
}
