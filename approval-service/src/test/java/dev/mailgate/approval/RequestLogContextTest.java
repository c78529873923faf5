package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Bus.intent;
import static dev.mailgate.approval.Bus.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailgate.approval.service.decision.Decisions;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * A line written while a reviewer's request is handled carries the intent and mailbox it is about
 * in the MDC (the {@code mdc} field of the JSON logs), and the next request starts without them.
 */
@QuarkusTest
@ApprovalTestResources
class RequestLogContextTest {

  private static final String ADMIN = TestTokens.admin("mdc-admin");
  private static final String MAILBOX = "mbx_mdc";

  /** A decision's log line and the MDC it was written with. */
  record Line(String message, String intentId, String mailboxId) {}

  @Test
  void aReviewersDecisionIsLoggedWithItsIntentAndMailbox() {
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType("application/json")
        .body(Map.of("address", "mdc@example.org", "oversight_mode", "gated_send"))
        .put("/api/mailboxes/" + MAILBOX)
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType("application/json")
        .body(Map.of("send", true, "read", true))
        .put("/api/mailboxes/" + MAILBOX + "/grants/Analyst")
        .then()
        .statusCode(200);
    String id = publish(intent(MAILBOX, "Analyst", "mdc@customer.example.com", "Log", "Me."));
    awaitJson(Topics.DECISIONS, 2, forIntent(id));

    List<Line> lines = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
              lines.add(
                  new Line(
                      ext.getFormattedMessage(),
                      ext.getMdc("intent_id"),
                      ext.getMdc("mailbox_id")));
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger(Decisions.class.getName());
    logger.addHandler(capture);
    try {
      given()
          .auth()
          .oauth2(TestTokens.reviewer("rita", MAILBOX))
          .contentType("application/json")
          .body(Map.of("reason", "logged"))
          .post("/api/reviews/" + id + "/reject")
          .then()
          .statusCode(200);
    } finally {
      logger.removeHandler(capture);
    }

    assertThat(lines)
        .filteredOn(line -> line.message().startsWith("rejected by reviewer rita"))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.intentId()).isEqualTo(id);
              assertThat(line.mailboxId()).isNull(); // a review's path names the intent only
            });
  }
}
