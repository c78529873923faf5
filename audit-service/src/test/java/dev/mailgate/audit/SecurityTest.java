package dev.mailgate.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import dev.mailgate.events.Actor;
import dev.mailgate.events.EventTypes;
import dev.mailgate.events.InboundEmail;
import dev.mailgate.events.Topics;
import dev.mailgate.testsupport.PostgresTestResource;
import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(AuditKafkaResource.class)
@WithTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "mailgate_audit"))
class SecurityTest {

  private static final String PROBLEM = "application/problem+json";

  private Flow mine;
  private Flow theirs;
  private String reviewer;

  @BeforeEach
  void recordTwoMailboxes() {
    mine = Flow.fresh();
    theirs = Flow.fresh();
    mine.publish();
    theirs.publish();
    reviewer = TestTokens.reviewer("rita", mine.mailbox());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given()
                        .auth()
                        .oauth2(TestTokens.admin("a"))
                        .queryParam("intent_id", theirs.intentId())
                        .get("/audit/events")
                        .jsonPath()
                        .getList("items")
                        .size()
                    == 6);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/audit/events",
        "/audit/export",
        "/audit/chains/verify",
        "/audit/intents/int-1/timeline",
        "/audit/threads/thr-1",
        "/audit/chains/mbx_a/verify"
      })
  void withoutAValidTokenNothingIsServed(String path) {
    problem(given().get(path), 401);
    problem(
        given()
            .auth()
            .oauth2(TestTokens.expired("rita", Set.of("reviewer"), List.of("*")))
            .get(path),
        401);
    problem(
        given()
            .auth()
            .oauth2(TestTokens.signedByStranger("rita", Set.of("admin"), List.of("*")))
            .get(path),
        401);
    problem(given().auth().oauth2("not.a.token").get(path), 401);
    problem(
        given().auth().oauth2(TestTokens.token("bot", Set.of("agent"), List.of("*"))).get(path),
        path.startsWith("/audit/threads/") ? 404 : 403);
  }

  @Test
  void anAgentReadsItsOwnMailboxesThreadsAndNothingElse() {
    // The role that caused the email (the token's role claim) sees the thread it wrote.
    String agent = agentOfRole("ProductManager", mine.mailbox());

    given()
        .auth()
        .oauth2(agent)
        .get("/audit/threads/{id}", mine.threadId())
        .then()
        .statusCode(200)
        .body("entries", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()));
    problem(given().auth().oauth2(agent).get("/audit/threads/{id}", theirs.threadId()), 404);
    problem(given().auth().oauth2(agent).get("/audit/events"), 403);
    problem(given().auth().oauth2(agent).get("/audit/intents/{id}/timeline", mine.intentId()), 403);
    problem(given().auth().oauth2(agent).get("/audit/chains/verify"), 403);
  }

  @Test
  void anAgentSeesOnlyTheInboundMailItsRoleMayReadAndNeverHeldMail() {
    String mailbox = mine.mailbox();
    InboundEmail reply = mine.reply("em_" + UUID.randomUUID(), 10);
    InboundEmail held = mine.reply("em_" + UUID.randomUUID(), 11);
    Trail.publish(
        Topics.INBOUND,
        mailbox,
        UUID.randomUUID().toString(),
        EventTypes.INBOUND_RELEASED,
        reply.released(Actor.policy(), Map.of("*", false, "Sales", true)));
    Trail.publish(
        Topics.INBOUND_RECEIVED,
        mailbox,
        UUID.randomUUID().toString(),
        EventTypes.INBOUND_RECEIVED,
        held);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(reviewer)
                    .get("/audit/threads/{id}", mine.threadId())
                    .then()
                    .statusCode(200)
                    .body(
                        "entries.event.event_type",
                        org.hamcrest.Matchers.hasItems("inbound.released", "inbound.received")));

    // A role the grants let read: the released reply and the thread's outbound steps, not the
    // mail still held.
    List<String> sales =
        given()
            .auth()
            .oauth2(agentOfRole("sales", mailbox))
            .get("/audit/threads/{id}", mine.threadId())
            .then()
            .statusCode(200)
            .extract()
            .path("entries.event.event_type");
    assertThat(sales).contains("inbound.released", "intent.submitted", "mail.approved");
    assertThat(sales).doesNotContain("inbound.received");

    // A role the grants refuse, which wrote nothing in the thread: nothing at all.
    problem(
        given()
            .auth()
            .oauth2(agentOfRole("Engineer", mailbox))
            .get("/audit/threads/{id}", mine.threadId()),
        404);
    // Without a role claim the subject is the role.
    problem(
        given()
            .auth()
            .oauth2(TestTokens.agent("Intern", mailbox))
            .get("/audit/threads/{id}", mine.threadId()),
        404);
    // The role that wrote the email sees its own steps, not the reply it may not read.
    List<String> writer =
        given()
            .auth()
            .oauth2(agentOfRole("Product Manager", mailbox))
            .get("/audit/threads/{id}", mine.threadId())
            .then()
            .statusCode(200)
            .extract()
            .path("entries.event.event_type");
    assertThat(writer).contains("intent.submitted").doesNotContain("inbound.released");
    // A role claim that names no role is refused, never read as the subject.
    problem(
        given()
            .auth()
            .oauth2(
                TestTokens.sign(
                    TestTokens.claims("sales", Set.of("agent"), List.of(mailbox))
                        .claim("role", List.of("sales", "Engineer"))))
            .get("/audit/threads/{id}", mine.threadId()),
        403);
  }

  private static String agentOfRole(String role, String mailbox) {
    return TestTokens.sign(
        TestTokens.claims("agent-bot", Set.of("agent"), List.of(mailbox)).claim("role", role));
  }

  @Test
  void aReviewerSeesOnlyTheMailboxesOfTheToken() {
    given()
        .auth()
        .oauth2(reviewer)
        .queryParam("limit", 1000)
        .get("/audit/events")
        .then()
        .statusCode(200)
        .body("items.mailbox_id", everyItem(is(mine.mailbox())));
    given()
        .auth()
        .oauth2(reviewer)
        .queryParam("intent_id", theirs.intentId())
        .get("/audit/events")
        .then()
        .statusCode(200)
        .body("items", hasSize(0));
    given()
        .auth()
        .oauth2(reviewer)
        .get("/audit/intents/{id}/timeline", mine.intentId())
        .then()
        .statusCode(200)
        .body("events", hasSize(6));

    problem(
        given()
            .auth()
            .oauth2(reviewer)
            .queryParam("mailbox", theirs.mailbox())
            .get("/audit/events"),
        403);
    problem(
        given().auth().oauth2(reviewer).get("/audit/intents/{id}/timeline", theirs.intentId()),
        404);
    problem(given().auth().oauth2(reviewer).get("/audit/threads/{id}", theirs.threadId()), 404);
    problem(given().auth().oauth2(reviewer).get("/audit/chains/{c}/verify", theirs.mailbox()), 403);
    problem(given().auth().oauth2(reviewer).get("/audit/chains/verify"), 403);
    problem(
        given()
            .auth()
            .oauth2(reviewer)
            .queryParam("mailbox", theirs.mailbox())
            .get("/audit/export"),
        403);
    String export =
        given()
            .auth()
            .oauth2(reviewer)
            .get("/audit/export")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(export)
        .contains(mine.intentId())
        .doesNotContain(theirs.intentId(), theirs.mailbox());
  }

  @Test
  void sqlIshLabelsAreJustValuesThatMatchNothing() {
    given()
        .auth()
        .oauth2(reviewer)
        .queryParam("role", "x' OR '1'='1")
        .get("/audit/events")
        .then()
        .statusCode(200)
        .body("items", hasSize(0));
    given()
        .auth()
        .oauth2(reviewer)
        .queryParam("team", "acme-run-42') or 1=1 --")
        .get("/audit/events")
        .then()
        .statusCode(200)
        .body("items", hasSize(0));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mailbox=mbx' OR 1=1--",
        "intent_id=x;drop table audit_event",
        "event_type=decision.held' union select",
        "from=yesterday",
        "to=2026-13-45T99:00:00Z",
        "limit=100000",
        "limit=-1",
        "limit=abc",
        "cursor=JyBvciAxPTE=",
        "format=xml",
        "thread_id=a\u0000b",
        "role=x\r\nSet-Cookie:x"
      })
  void hostileFilterValuesAreCleanBadRequests(String param) {
    String[] pair = param.split("=", 2);
    String body =
        problem(
                given()
                    .auth()
                    .oauth2(reviewer)
                    .urlEncodingEnabled(true)
                    .queryParam(pair[0], pair[1])
                    .get("/audit/export"),
                400)
            .extract()
            .asString();
    assertThat(body)
        .doesNotContain(pair[1])
        .doesNotContainIgnoringCase("exception")
        .doesNotContainIgnoringCase("sql");
  }

  @Test
  void oversizedValuesAreCleanBadRequests() {
    for (String param :
        List.of("role", "team", "agent", "action", "mailbox", "intent_id", "cursor")) {
      problem(
          given().auth().oauth2(reviewer).queryParam(param, "x".repeat(2000)).get("/audit/events"),
          400);
    }
    problem(
        given().auth().oauth2(reviewer).get("/audit/intents/{id}/timeline", "i".repeat(500)), 400);
    problem(
        given()
            .auth()
            .oauth2(TestTokens.admin("a"))
            .get("/audit/chains/{c}/verify", "c".repeat(500)),
        400);
  }

  private static ValidatableResponse problem(
      io.restassured.response.Response response, int status) {
    return response
        .then()
        .statusCode(status)
        .contentType(PROBLEM)
        .body("status", is(status))
        .body("title", org.hamcrest.Matchers.notNullValue())
        .body("type", org.hamcrest.Matchers.equalTo("about:blank"));
  }
}
