package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Bus.intent;
import static dev.mailgate.approval.Reviews.as;
import static dev.mailgate.approval.Reviews.held;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A reviewer's edit is bounded like an intent: one that would make the approved email too large to
 * publish is refused with 400 and changes nothing, and the queue goes on.
 */
@QuarkusTest
@ApprovalTestResources
class OversizedEditTest {

  private static final String ERIN = TestTokens.reviewer("erin", "mbx_gated");

  @Test
  void anEditTooLargeForTheBrokerIsRefusedAndTheQueueGoesOn() {
    ObjectNode withAttachment =
        intent("mbx_gated", "Engineer", "big-edit@customer.example.com", "Report", "See attached.");
    withAttachment
        .putArray("attachments")
        .addObject()
        .put("name", "report.pdf")
        .put("content_type", "application/pdf")
        .put("content_base64", Base64.getEncoder().encodeToString(new byte[500 * 1024]));
    String id = held(withAttachment);

    as(ERIN)
        .body(Map.of("markdown", "中".repeat(200_000), "reason", "longer"))
        .post("/api/reviews/{id}/approve", id)
        .then()
        .statusCode(400)
        .body("detail", containsString("at most 1000000"));
    as(ERIN)
        .body(Map.of("subject", "x".repeat(200_000)))
        .post("/api/reviews/{id}/approve", id)
        .then()
        .statusCode(400)
        .body("detail", containsString("subject"));
    as(ERIN)
        .get("/api/reviews/{id}", id)
        .then()
        .statusCode(200)
        .body("item.state", equalTo("held"));

    String next = held("Engineer", "after-big-edit@customer.example.com", "Next", "Next one");
    as(ERIN).post("/api/reviews/{id}/approve", next).then().statusCode(200);
    assertThat(awaitJson(Topics.APPROVED, 1, forIntent(next))).hasSize(1);
    assertThat(Bus.read(Topics.APPROVED, forIntent(id))).isEmpty();
  }
}
