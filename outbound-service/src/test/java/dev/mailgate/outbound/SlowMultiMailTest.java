package dev.mailgate.outbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.testsupport.Management;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MultiMail answering in 0.7 s per call (the tests time a call out at 1 s), with one mailbox's
 * whole polled batch waiting: working through it takes longer than the connector's default 60 s
 * limit for unacknowledged records, and the channel must survive that — every email delivered once,
 * and the records after still flow.
 */
@QuarkusTest
@OutboundTestResources
class SlowMultiMailTest {

  private static final int EMAILS = 90;

  @AfterEach
  void calm() {
    Sandbox.calm();
  }

  @Test
  void aBatchSlowerThanAMinuteDoesNotFailTheChannel() {
    String mailbox = Sandbox.mailbox("mbx_slow");
    Sandbox.faults("{\"latency_ms\": 700}");
    List<JsonNode> emails = new ArrayList<>();
    for (int i = 0; i < EMAILS; i++) {
      emails.add(Bus.approved(mailbox));
    }
    List<String> ids = Bus.publishAll(emails);

    Bus.awaitFinal(ids, Duration.ofMinutes(3));
    Sandbox.calm();
    String after = Bus.publish(Bus.approved(mailbox));

    assertThat(Bus.statuses(Bus.awaitFinal(List.of(after)).get(after))).containsExactly("accepted");
    for (String id : ids) {
      assertThat(Sandbox.deliveries(id)).as("deliveries of %s", id).isEqualTo(1);
    }
    given().port(Management.TEST_PORT).get("/q/health/ready").then().statusCode(200);
  }
}
