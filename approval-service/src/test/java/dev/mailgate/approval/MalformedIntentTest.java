package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Bus.intent;
import static dev.mailgate.approval.Bus.publish;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.EventHeaders;
import dev.mailgate.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A stream of hostile records mixed with good ones: the good ones are decided, nothing stops. */
@QuarkusTest
@ApprovalTestResources
class MalformedIntentTest {

  @Test
  void badRecordsAreDeadLetteredOrRejectedWithReasonsAndGoodOnesFlowOn() {
    String marker = UUID.randomUUID().toString();
    List<String> good = new ArrayList<>();
    good.add(publish(intent("mbx_auto", "Engineer", "m1@customer.example.com", "ok 1", "fine")));
    Bus.send(
        Topics.INTENTS, "mbx_auto", ("not json at all " + marker).getBytes(StandardCharsets.UTF_8));
    Bus.send(Topics.INTENTS, "mbx_auto", new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'});
    ObjectNode wrongTypes = intent("mbx_auto", "Engineer", "m2@customer.example.com", "x", "y");
    wrongTypes.put("to", 42);
    String wrongTypesId = publish(wrongTypes);
    ObjectNode injection =
        intent(
            "mbx_auto",
            "Engineer",
            "m3@customer.example.com",
            "Hi\r\nBcc: all@evil.example.com",
            "z");
    String injectionId = publish(injection);
    ObjectNode huge =
        intent("mbx_auto", "Engineer", "m4@customer.example.com", "A".repeat(1_000_000), "z");
    Bus.send(Topics.INTENTS, "mbx_auto", huge.toString().getBytes(StandardCharsets.UTF_8));
    good.add(
        publish(intent("mbx_auto", "Engineer", "m5@customer.example.com", "ok 2", "fine too")));

    for (String id : good) {
      assertThat(awaitJson(Topics.DECISIONS, 2, forIntent(id)).get(1).get("state").asText())
          .isEqualTo("approved");
    }
    JsonNode typed = awaitJson(Topics.DECISIONS, 1, forIntent(wrongTypesId)).get(0);
    assertThat(typed.get("state").asText()).isEqualTo("invalid");
    assertThat(typed.at("/problems/0/path").asText()).isEqualTo("to");
    JsonNode injected = awaitJson(Topics.DECISIONS, 1, forIntent(injectionId)).get(0);
    assertThat(injected.get("state").asText()).isEqualTo("invalid");
    assertThat(injected.at("/problems/0/code").asText()).isEqualTo("header_injection");

    List<ConsumerRecord<String, byte[]>> dlq =
        Bus.await(Topics.dlq(Topics.INTENTS), 1, node -> true);
    assertThat(dlq)
        .anySatisfy(
            r -> {
              assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains(marker);
              assertThat(Bus.header(r, EventHeaders.DLQ_REASON)).contains("not valid JSON");
            });
    assertThat(Bus.await(Topics.dlq(Topics.INTENTS), 4, node -> true))
        .anySatisfy(
            r ->
                assertThat(Bus.header(r, EventHeaders.DLQ_REASON))
                    .contains("at most 1000000 allowed"))
        .anySatisfy(
            r -> assertThat(Bus.header(r, EventHeaders.DLQ_REASON)).contains("must be an array"));
    assertThat(Bus.read(Topics.APPROVED, forIntent(injectionId))).isEmpty();
  }
}
