package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Bus.intent;
import static dev.mailgate.approval.Bus.publish;
import static dev.mailgate.approval.ConsoleClient.csrf;
import static dev.mailgate.approval.ConsoleClient.form;
import static dev.mailgate.approval.ConsoleClient.session;
import static dev.mailgate.approval.ConsoleClient.with;
import static dev.mailgate.approval.Reviews.as;
import static dev.mailgate.approval.Reviews.held;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.mailgate.approval.console.ConsoleQueries;
import dev.mailgate.approval.console.QueueFilter;
import dev.mailgate.events.Topics;
import dev.mailgate.support.security.Caller;
import dev.mailgate.support.security.MailboxScope;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The console's decisions beyond one item: bulk approve and reject, resolving a conflict by keeping
 * one, releasing and rejecting held inbound mail, and the two-person rule on the admin page.
 */
@QuarkusTest
@ApprovalTestResources
class ConsoleActionsTest {

  @Inject ConsoleQueries queries;

  @Test
  void theQueueFiltersByTextRoleAndScopeAndPagesByExpiry() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String first = held("Engineer", "pg1@customer.example.com", "Paging " + tag + " one", "First");
    String second = held("Architect", "pg2@customer.example.com", "Paging " + tag + " two", "2nd");
    Caller carol =
        new Caller("carol", "carol", Set.of("reviewer"), MailboxScope.of(Set.of("mbx_gated")));
    Caller erin =
        new Caller("erin", "erin", Set.of("reviewer"), MailboxScope.of(Set.of("mbx_all")));

    var one = queries.list(QueueFilter.of("held", null, null, null, tag, "expiry", null), carol, 1);
    assertThat(one.items()).extracting(i -> i.intentId).containsExactly(first);
    String after = one.next().orElseThrow().encode();
    var two =
        queries.list(QueueFilter.of("held", null, null, null, tag, "expiry", after), carol, 1);
    assertThat(two.items()).extracting(i -> i.intentId).containsExactly(second);
    assertThat(two.next()).isEmpty();
    assertThat(
            queries
                .list(QueueFilter.of(null, null, null, "Architect", tag, null, null), carol, 10)
                .items())
        .extracting(i -> i.intentId)
        .containsExactly(second);
    assertThat(
            queries.list(QueueFilter.of(null, null, null, null, tag, null, null), erin, 10).items())
        .isEmpty();
    assertThat(
            queries
                .list(QueueFilter.of(null, null, null, null, "PG2@customer", null, null), carol, 50)
                .items())
        .extracting(i -> i.intentId)
        .contains(second)
        .doesNotContain(first);
    assertThat(queries.counts(erin))
        .extracting(ConsoleQueries.Count::mailboxId)
        .doesNotContain("mbx_gated");
  }

  @Test
  void bulkDecisionsReportEachItemAndARejectionNeedsAReason() {
    String a = held("Engineer", "bulk1@customer.example.com", "Bulk one", "1");
    String b = held("Engineer", "bulk2@customer.example.com", "Bulk two", "2");
    String c = held("Engineer", "bulk3@customer.example.com", "Bulk three", "3");
    String carol = session(TestTokens.reviewer("carol", "mbx_gated"));
    String token = csrf(carol);

    form(carol)
        .formParam("_csrf", token)
        .formParam("action", "reject")
        .formParam("id", a, b)
        .post("/console/bulk")
        .then()
        .statusCode(400);
    form(carol)
        .formParam("_csrf", token)
        .formParam("action", "reject")
        .formParam("reason", "duplicate outreach")
        .formParam("id", a, b)
        .post("/console/bulk")
        .then()
        .statusCode(200)
        .body(containsString("rejected"));
    String results =
        form(carol)
            .formParam("_csrf", token)
            .formParam("action", "approve")
            .formParam("id", b, c)
            .post("/console/bulk")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(results).contains("not pending").contains("approved");
    stateIs(a, "rejected");
    stateIs(b, "rejected");
    stateIs(c, "approved");
  }

  @Test
  void aConflictIsShownSideBySideAndResolvedByKeepingOne() {
    String pm =
        publish(
            intent(
                "mbx_gated",
                "ProductManager",
                "cf@customer.example.com",
                "Launch",
                "On December 3."));
    String arch =
        publish(
            intent(
                "mbx_gated", "Architect", "cf@customer.example.com", "Launch", "On December 10."));
    awaitJson(Topics.DECISIONS, 3, forIntent(pm));
    String conflictId =
        awaitJson(Topics.DECISIONS, 2, forIntent(arch)).get(1).path("conflict_id").asText();
    String carol = session(TestTokens.reviewer("carol", "mbx_gated"));

    with(carol)
        .get("/console/queue?view=conflict")
        .then()
        .body(containsString(pm))
        .body(containsString(arch));
    String page =
        with(carol).get("/console/items/{id}", pm).then().statusCode(200).extract().asString();
    assertThat(page)
        .contains("data-member=\"" + pm + "\"", "data-member=\"" + arch + "\"")
        .contains("<span class=\"differs\">On December 10.</span>")
        .contains("id=\"conflict-facts\"")
        .contains("Architect says December 10", "ProductManager says December 3")
        .contains("/console/conflicts/" + conflictId + "/resolve");

    form(carol)
        .formParam("_csrf", csrf(carol))
        .formParam("keep", arch)
        .post("/console/conflicts/{c}/resolve", conflictId)
        .then()
        .statusCode(303);
    stateIs(arch, "approved");
    stateIs(pm, "rejected");
  }

  @Test
  void heldInboundMailIsReleasedOrRejectedFromTheQueue() {
    String release = inbound("mbx_all");
    String reject = inbound("mbx_all");
    String ivy = session(TestTokens.reviewer("ivy", "mbx_all"));
    Awaitility.await()
        .until(
            () ->
                with(ivy)
                    .get("/console/queue?view=inbound")
                    .then()
                    .extract()
                    .asString()
                    .contains(reject));
    with(ivy)
        .get("/console/queue?view=inbound")
        .then()
        .body(containsString("Invoice &lt;b&gt;now&lt;/b&gt;"))
        .body(not(containsString("<b>now")));
    String token = csrf(ivy);

    form(ivy)
        .formParam("_csrf", token)
        .post("/console/inbound/{id}/release", release)
        .then()
        .statusCode(303);
    form(ivy)
        .formParam("_csrf", token)
        .formParam("reason", "")
        .post("/console/inbound/{id}/reject", reject)
        .then()
        .statusCode(400);
    form(ivy)
        .formParam("_csrf", token)
        .formParam("reason", "phishing")
        .post("/console/inbound/{id}/reject", reject)
        .then()
        .statusCode(303);
    awaitJson(Topics.INBOUND, 1, n -> release.equals(n.path("email_id").asText()));
    with(ivy)
        .get("/console/queue?view=inbound")
        .then()
        .body(not(containsString(release)))
        .body(not(containsString(reject)));
  }

  @Test
  void raisingAutonomyOnTheAdminPageWaitsForASecondAdministrator() {
    String mailbox = "mbx_console_" + UUID.randomUUID().toString().substring(0, 8);
    as(TestTokens.admin("root"))
        .body(Map.of("address", "console@example.org", "oversight_mode", "gated_send"))
        .put("/api/mailboxes/{id}", mailbox)
        .then()
        .statusCode(200);
    String ada = session(TestTokens.token("ada", Set.of("admin", "reviewer"), List.of(mailbox)));
    String bo = session(TestTokens.token("bo", Set.of("admin", "reviewer"), List.of(mailbox)));
    String reviewerOnly = session(TestTokens.reviewer("rita", mailbox));

    with(reviewerOnly).get("/console/admin").then().statusCode(403);
    with(ada).get("/console/admin").then().statusCode(200).body(containsString(mailbox));
    form(ada)
        .formParam("_csrf", adminCsrf(ada))
        .formParam("mode", "autonomous")
        .post("/console/admin/{id}/mode", mailbox)
        .then()
        .statusCode(303);
    modeIs(mailbox, "gated_send");
    String change =
        as(TestTokens.admin("root"))
            .get("/api/mailboxes/{id}/mode-changes", mailbox)
            .then()
            .extract()
            .jsonPath()
            .getString("[0].id");

    form(ada)
        .formParam("_csrf", adminCsrf(ada))
        .post("/console/admin/{id}/mode-changes/{c}/confirm", mailbox, change)
        .then()
        .statusCode(403)
        .body(containsString("second administrator"));
    form(bo)
        .formParam("_csrf", adminCsrf(bo))
        .post("/console/admin/{id}/mode-changes/{c}/confirm", mailbox, change)
        .then()
        .statusCode(303);
    modeIs(mailbox, "autonomous");

    form(ada)
        .formParam("_csrf", adminCsrf(ada))
        .formParam("role", "Support")
        .formParam("send", "1")
        .post("/console/admin/{id}/grants", mailbox)
        .then()
        .statusCode(303);
    form(ada)
        .formParam("_csrf", adminCsrf(ada))
        .formParam("pattern", "not a pattern")
        .formParam("effect", "allow")
        .post("/console/admin/{id}/rules", mailbox)
        .then()
        .statusCode(400)
        .body(containsString("pattern must be an address"));
    form(ada)
        .formParam("_csrf", adminCsrf(ada))
        .formParam("pattern", "*@partner.example.com")
        .formParam("effect", "deny")
        .post("/console/admin/{id}/rules", mailbox)
        .then()
        .statusCode(303);
    as(TestTokens.admin("root"))
        .get("/api/mailboxes/{id}", mailbox)
        .then()
        .body("grants.find { it.role == 'Support' }.send", equalTo(true))
        .body("rules[0].pattern", equalTo("*@partner.example.com"));
  }

  private static String adminCsrf(String session) {
    return csrf(session);
  }

  private static String inbound(String mailbox) {
    String id = "em-" + UUID.randomUUID();
    String json =
        "{\"email_id\":\""
            + id
            + "\",\"mailbox_id\":\""
            + mailbox
            + "\",\"thread_id\":\"thr-"
            + id
            + "\",\"from\":\"customer@example.com\",\"to\":[\"x@example.org\"],"
            + "\"subject\":\"Invoice <b>now</b>\",\"markdown\":\"Pay\","
            + "\"received_at\":\"2026-11-24T12:00:00Z\"}";
    Bus.send(Topics.INBOUND_RECEIVED, mailbox, json.getBytes(StandardCharsets.UTF_8));
    return id;
  }

  private static void modeIs(String mailbox, String mode) {
    as(TestTokens.admin("root"))
        .get("/api/mailboxes/{id}", mailbox)
        .then()
        .body("mailbox.oversight_mode", equalTo(mode));
  }

  private static void stateIs(String id, String state) {
    as(TestTokens.reviewer("auditor", "mbx_gated", "mbx_all"))
        .get("/api/reviews/{id}", id)
        .then()
        .statusCode(200)
        .body("item.state", equalTo(state));
  }

  @Test
  void monitoredMailIsAcknowledgedFromItsPageAndInBulk() {
    String one =
        publish(intent("mbx_monitored", "Engineer", "cack1@customer.example.com", "Shipped", "v6"));
    String two =
        publish(intent("mbx_monitored", "Engineer", "cack2@customer.example.com", "Shipped", "v7"));
    awaitJson(Topics.DECISIONS, 2, forIntent(one));
    awaitJson(Topics.DECISIONS, 2, forIntent(two));
    String frank = session(TestTokens.reviewer("frank", "mbx_monitored"));
    String token = csrf(frank);

    String page =
        with(frank).get("/console/items/{id}", one).then().statusCode(200).extract().asString();
    assertThat(page)
        .contains("id=\"acknowledge-form\"")
        .contains("The trail cannot be shown: audit-service cannot be reached");
    with(frank)
        .get("/console/items/{id}/chain", one)
        .then()
        .statusCode(200)
        .body(containsString("data-status=\"unknown\""));

    form(frank)
        .formParam("_csrf", token)
        .formParam("note", "looks right <b>ok</b>")
        .post("/console/items/{id}/acknowledge", one)
        .then()
        .statusCode(303);
    String after =
        with(frank).get("/console/items/{id}", one).then().statusCode(200).extract().asString();
    assertThat(after)
        .contains("Acknowledged after sending by <strong>frank</strong>")
        .contains("looks right &lt;b&gt;ok&lt;/b&gt;")
        .doesNotContain("id=\"acknowledge-form\"");

    String results =
        form(frank)
            .formParam("_csrf", token)
            .formParam("action", "acknowledge")
            .formParam("id", one, two)
            .post("/console/bulk")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(results).contains("acknowledged by frank").contains("acknowledged");
    with(frank)
        .get("/console/queue/rows?view=monitored")
        .then()
        .statusCode(200)
        .body(not(containsString(one)))
        .body(not(containsString(two)));
  }
}
