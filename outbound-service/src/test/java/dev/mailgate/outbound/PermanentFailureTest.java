package dev.mailgate.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refusals end as {@code failed} plus a dead letter; unreadable records never stop the consumer.
 */
@QuarkusTest
@OutboundTestResources
class PermanentFailureTest {

  private static final String DLQ = Topics.dlq(Topics.APPROVED);

  @BeforeEach
  void calm() {
    Sandbox.calm();
  }

  @Test
  void readOnlyMailboxFailsWithMultiMailsTextAndIsDeadLettered() {
    String mailbox =
        Sandbox.mailbox("mbx_ro_" + UUID.randomUUID().toString().substring(0, 8), "read_only");
    String intent = Bus.publish(Bus.approved(mailbox));

    JsonNode failed = single(intent);

    assertThat(failed.path("status").asText()).isEqualTo("failed");
    assertThat(failed.path("http_status").asInt()).isEqualTo(403);
    assertThat(failed.path("error").asText()).contains("read_only");
    ConsumerRecord<String, byte[]> dead = deadLetter(intent);
    assertThat(dead.key()).isEqualTo(mailbox);
    assertThat(Bus.header(dead, EventHeaders.DLQ_REASON)).contains("403").contains("read_only");
    assertThat(Bus.header(dead, EventHeaders.DLQ_TOPIC)).isEqualTo(Topics.APPROVED);
    assertThat(Sandbox.deliveries(intent)).isZero();
  }

  @Test
  void unknownMailboxAndUnknownReplyTargetFail() {
    String unknown = Bus.publish(Bus.approved("mbx_nobody_" + UUID.randomUUID()));
    ObjectNode reply = Bus.approved(Sandbox.mailbox("mbx_reply404"));
    reply.put("kind", "reply");
    reply.put("reply_to_email_id", "no-such-email");
    String orphan = Bus.publish(reply);

    var outcomes = Bus.awaitFinal(List.of(unknown, orphan));

    assertThat(outcomes.get(unknown))
        .extracting(n -> n.path("http_status").asInt())
        .containsExactly(404);
    assertThat(outcomes.get(orphan))
        .extracting(n -> n.path("status").asText())
        .containsExactly("failed");
    assertThat(Bus.header(deadLetter(unknown), EventHeaders.DLQ_REASON)).contains("404");
    assertThat(Bus.header(deadLetter(orphan), EventHeaders.DLQ_REASON)).contains("404");
  }

  @Test
  void badRequestFromMultiMailFails() {
    ObjectNode email = Bus.approved(Sandbox.mailbox("mbx_400"));
    email.putArray("to").add("not an address");
    String intent = Bus.publish(email);

    JsonNode failed = single(intent);

    assertThat(failed.path("http_status").asInt()).isEqualTo(400);
    assertThat(Bus.header(deadLetter(intent), EventHeaders.DLQ_REASON)).contains("400");
  }

  @Test
  void incompleteApprovalFailsWithoutCallingMultiMail() {
    ObjectNode reply = Bus.approved(Sandbox.mailbox("mbx_incomplete"));
    reply.put("kind", "reply"); // but no reply_to_email_id
    String intent = Bus.publish(reply);

    JsonNode failed = single(intent);

    assertThat(failed.path("status").asText()).isEqualTo("failed");
    assertThat(failed.path("error").asText()).contains("reply_to_email_id");
    assertThat(Bus.header(deadLetter(intent), EventHeaders.DLQ_REASON))
        .contains("reply_to_email_id");
  }

  @Test
  void unreadableRecordsAreDeadLetteredAndTheConsumerCarriesOn() {
    String mailbox = Sandbox.mailbox("mbx_poison");
    byte[] garbage = ("{not json " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    byte[] array = "[1,2,3]".getBytes(StandardCharsets.UTF_8);
    byte[] noIds =
        ("{\"kind\":\"send\",\"marker\":\"" + UUID.randomUUID() + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    Bus.send(mailbox, garbage, UUID.randomUUID().toString());
    Bus.send(mailbox, array, UUID.randomUUID().toString());
    Bus.send(mailbox, noIds, UUID.randomUUID().toString());
    Bus.send(mailbox, new byte[0], UUID.randomUUID().toString());
    String after = Bus.publish(Bus.approved(mailbox));

    assertThat(Bus.statuses(Bus.awaitFinal(List.of(after)).get(after))).containsExactly("accepted");
    for (byte[] poison : List.of(garbage, noIds)) {
      List<ConsumerRecord<String, byte[]>> dead =
          Bus.records(DLQ, r -> Arrays.equals(r.value(), poison));
      assertThat(dead).hasSize(1);
      assertThat(Bus.header(dead.get(0), EventHeaders.DLQ_REASON))
          .startsWith("not an approved email");
    }
    assertThat(Bus.records(DLQ, r -> mailbox.equals(r.key()))).hasSize(4);
  }

  private static JsonNode single(String intent) {
    List<JsonNode> outcomes = Bus.awaitFinal(List.of(intent)).get(intent);
    assertThat(outcomes).hasSize(1);
    return outcomes.get(0);
  }

  private static ConsumerRecord<String, byte[]> deadLetter(String intent) {
    List<ConsumerRecord<String, byte[]>> dead =
        Bus.await(DLQ, 1, n -> intent.equals(Bus.intent(n)));
    assertThat(dead).hasSize(1);
    return dead.get(0);
  }
}
