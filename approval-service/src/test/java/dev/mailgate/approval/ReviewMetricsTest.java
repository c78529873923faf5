package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Bus.intent;
import static dev.mailgate.approval.Bus.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailgate.approval.service.review.ReviewBacklog;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.Management;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The operators' figures after a known workload: what waits, for how long, who decided what. */
@QuarkusTest
@ApprovalTestResources
class ReviewMetricsTest {

  private static final String ADMIN = TestTokens.admin("metrics-admin");
  private static final String MAILBOX = "mbx_metrics";

  @Inject ReviewBacklog backlog;

  @Test
  void pendingItemsTheirAgeAndDecisionsByActorAreMeasured() {
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType("application/json")
        .body(Map.of("address", "metrics@example.org", "oversight_mode", "gated_send"))
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
    double approvedByReviewers =
        metric("mailgate_approval_decisions_total", "approved", "reviewer");
    List<String> held =
        List.of(
            publish(intent(MAILBOX, "Analyst", "m1@customer.example.com", "One", "First.")),
            publish(intent(MAILBOX, "Analyst", "m2@customer.example.com", "Two", "Second.")));
    held.forEach(id -> awaitJson(Topics.DECISIONS, 2, forIntent(id)));

    backlog.refresh();
    assertThat(pending()).isEqualTo(2.0);
    assertThat(gauge("mailgate_approval_reviews_oldest_age_seconds")).isGreaterThanOrEqualTo(0.0);
    assertThat(gauge("mailgate_approval_reviews_next_expiry_seconds")).isGreaterThan(0.0);

    given()
        .auth()
        .oauth2(TestTokens.reviewer("rita", MAILBOX))
        .contentType("application/json")
        .body(Map.of())
        .post("/api/reviews/" + held.get(0) + "/approve")
        .then()
        .statusCode(200);
    backlog.refresh();

    assertThat(pending()).isEqualTo(1.0);
    assertThat(metric("mailgate_approval_decisions_total", "approved", "reviewer"))
        .isEqualTo(approvedByReviewers + 1);
    assertThat(metric("mailgate_approval_decisions_total", "held", "policy"))
        .isGreaterThanOrEqualTo(2);
    assertThat(metrics())
        .contains(
            "mailgate_approval_time_to_decision_seconds_count{actor=\"reviewer\",state=\"approved\"");
  }

  private static double pending() {
    return gauge("mailgate_approval_reviews_pending");
  }

  private static double gauge(String name) {
    return value(name + "\\{mailbox=\"" + MAILBOX + "\",state=\"held\"\\}");
  }

  private static double metric(String name, String state, String actor) {
    return value(name + "\\{actor=\"" + actor + "\",state=\"" + state + "\"\\}");
  }

  private static double value(String series) {
    Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(metrics());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static String metrics() {
    return given()
        .port(Management.TEST_PORT)
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }
}
