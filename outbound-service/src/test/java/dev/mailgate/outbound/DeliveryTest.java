package dev.mailgate.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.Topics;
import dev.mailgate.multimail.client.model.SendRequest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The happy path and the exactly-once-in-effect guarantee through replays and crashes. */
@QuarkusTest
@OutboundTestResources
class DeliveryTest {

  @BeforeEach
  void calm() {
    Sandbox.calm();
  }

  @Test
  void sendIsDeliveredOnceAndAcceptedWithProviderIds() {
    String mailbox = Sandbox.mailbox("mbx_send");
    String intent = Bus.publish(Bus.approved(mailbox));

    List<JsonNode> outcomes = Bus.awaitFinal(List.of(intent)).get(intent);

    assertThat(Bus.statuses(outcomes)).endsWith("accepted").doesNotContain("failed");
    JsonNode accepted = outcomes.get(outcomes.size() - 1);
    assertThat(accepted.path("mailbox_id").asText()).isEqualTo(mailbox);
    assertThat(accepted.path("provider_email_id").asText()).isNotBlank();
    assertThat(accepted.path("thread_id").asText()).isNotBlank();
    assertThat(accepted.path("provider_status").asText()).isEqualTo("pending_scan");
    assertThat(accepted.path("attempt").asInt()).isEqualTo(outcomes.size());
    assertThat(Sandbox.deliveries(intent)).isEqualTo(1);

    ConsumerRecord<String, byte[]> record =
        Bus.read(Topics.OUTCOMES, n -> intent.equals(Bus.intent(n)) && isAccepted(n)).get(0);
    assertThat(record.key()).isEqualTo(mailbox);
    assertThat(UUID.fromString(Bus.header(record, EventHeaders.EVENT_ID))).isNotNull();
    assertThat(Bus.header(record, EventHeaders.EVENT_TYPE)).isEqualTo("outcome.accepted");
  }

  @Test
  void replyGoesToTheEmailsThread() {
    String mailbox = Sandbox.mailbox("mbx_reply");
    String parent = Sandbox.inbound(mailbox);
    ObjectNode reply = Bus.approved(mailbox);
    reply.put("kind", "reply");
    reply.put("reply_to_email_id", parent);
    // as approval-service writes a reply: the resolved recipient and the thread's subject, which
    // the reply endpoint cannot carry, and a reviewer's body and cc edits, which it must
    reply.putArray("to").add("customer@example.com");
    reply.put("subject", "Re: Question");
    reply.put("markdown", "The reviewer's wording.");
    reply.putArray("cc").add("billing@example.org");
    String intent = Bus.publish(reply);

    List<JsonNode> outcomes = Bus.awaitFinal(List.of(intent)).get(intent);
    JsonNode accepted = outcomes.get(outcomes.size() - 1);

    assertThat(accepted.path("status").asText()).isEqualTo("accepted");
    assertThat(accepted.path("thread_id").asText()).isNotBlank();
    assertThat(Sandbox.deliveries(intent)).isEqualTo(1);
    var sent = Sandbox.client().getEmail(mailbox, accepted.path("provider_email_id").asText());
    assertThat(sent.markdown()).isEqualTo("The reviewer's wording.");
    assertThat(sent.cc()).containsExactly("billing@example.org");
    assertThat(sent.to()).containsExactly("customer@example.com");
  }

  @Test
  void aRepublishedApprovalIsNotSentTwice() {
    String mailbox = Sandbox.mailbox("mbx_replay");
    ObjectNode email = Bus.approved(mailbox);
    String intent = Bus.publish(email);
    Bus.awaitFinal(List.of(intent));

    // e.g. approval-service's relay publishing again under a new event id, or a replay long after
    // MultiMail forgot the idempotency key: the intent is known as sent and not called again
    Bus.publish(email);
    String marker = Bus.publish(Bus.approved(mailbox)); // consumed after it, same partition
    Bus.awaitFinal(List.of(marker));

    assertThat(Bus.read(Topics.OUTCOMES, n -> intent.equals(Bus.intent(n)) && isAccepted(n)))
        .hasSize(1);
    assertThat(Sandbox.deliveries(intent)).isEqualTo(1);
  }

  private static boolean isAccepted(JsonNode outcome) {
    return "accepted".equals(outcome.path("status").asText());
  }

  @Test
  void aRedeliveredRecordIsANoOp() {
    String mailbox = Sandbox.mailbox("mbx_redeliver");
    ObjectNode email = Bus.approved(mailbox);
    String eventId = UUID.randomUUID().toString();
    String intent = Bus.publish(email, eventId);
    Bus.awaitFinal(List.of(intent));

    Bus.publish(email, eventId); // the same record again, as after a lost offset commit
    String marker = Bus.publish(Bus.approved(mailbox)); // delivered after it, same partition
    Bus.awaitFinal(List.of(marker));

    assertThat(Bus.read(Topics.OUTCOMES, n -> intent.equals(Bus.intent(n)) && isAccepted(n)))
        .hasSize(1);
    assertThat(Sandbox.deliveries(intent)).isEqualTo(1);
  }

  @Test
  void aCrashBetweenTheCallAndTheCommitDoesNotSendTwice() {
    // The state a crash leaves behind: MultiMail has the email (the call went through), nothing
    // was recorded and the offset was not committed, so the record is consumed again.
    String mailbox = Sandbox.mailbox("mbx_crash");
    ObjectNode email = Bus.approved(mailbox);
    String intent = email.path("intent_id").asText();
    var first =
        Sandbox.client()
            .send(
                mailbox,
                SendRequest.builder()
                    .to("customer@example.com")
                    .subject(email.path("subject").asText())
                    .markdown(email.path("markdown").asText())
                    .idempotencyKey(intent)
                    .build());

    Bus.publish(email);

    List<JsonNode> outcomes = Bus.awaitFinal(List.of(intent)).get(intent);
    JsonNode accepted = outcomes.get(outcomes.size() - 1);
    assertThat(accepted.path("provider_status").asText()).isEqualTo("already_sent");
    assertThat(accepted.path("provider_email_id").asText()).isEqualTo(first.id());
    assertThat(Sandbox.deliveries(intent)).isEqualTo(1);
  }
}
