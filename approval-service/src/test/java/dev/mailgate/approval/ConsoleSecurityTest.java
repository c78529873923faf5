package dev.mailgate.approval;

import static dev.mailgate.approval.ConsoleClient.COOKIE;
import static dev.mailgate.approval.ConsoleClient.csrf;
import static dev.mailgate.approval.ConsoleClient.form;
import static dev.mailgate.approval.ConsoleClient.session;
import static dev.mailgate.approval.ConsoleClient.signIn;
import static dev.mailgate.approval.ConsoleClient.with;
import static dev.mailgate.approval.Reviews.as;
import static dev.mailgate.approval.Reviews.held;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The console's session, CSRF and scope rules: a session only from a token the REST API would
 * accept, kept in an HttpOnly SameSite=Strict cookie; no state change without the session's CSRF
 * token from the same origin; a reviewer of one mailbox sees nothing of another.
 */
@QuarkusTest
@ApprovalTestResources
class ConsoleSecurityTest {

  @Test
  void aValidTokenOpensAStrictHttpOnlySessionAndRefusedTokensDoNot() {
    Response ok = signIn(TestTokens.reviewer("carol", "mbx_gated"));
    assertThat(ok.statusCode()).isEqualTo(204);
    String setCookie = ok.header("Set-Cookie");
    assertThat(setCookie)
        .contains(COOKIE + "=")
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Strict")
        .contains("Path=/console");

    List<String> refused =
        List.of(
            TestTokens.expired("carol", Set.of("reviewer"), List.of("mbx_gated")),
            TestTokens.signedByStranger("carol", Set.of("reviewer"), List.of("mbx_gated")),
            TestTokens.sign(
                TestTokens.claims("carol", Set.of("reviewer"), List.of("mbx_gated"))
                    .audience("mailgate-audit")
                    .expiresIn(3600)),
            TestTokens.agent("bot", "mbx_gated"),
            "not-a-token");
    for (String token : refused) {
      Response no = signIn(token);
      assertThat(no.statusCode()).isEqualTo(401);
      assertThat(no.cookie(COOKIE)).isNullOrEmpty();
    }
    with("garbage").get("/console/queue").then().statusCode(401).body(containsString("Sign in"));
  }

  @Test
  void aRevokedTokenEndsTheSessionAndSignOutClearsTheCookie() throws IOException {
    String jti = UUID.randomUUID().toString();
    String token =
        TestTokens.sign(
            TestTokens.claims("rita", Set.of("reviewer"), List.of("mbx_gated"))
                .claim("jti", jti)
                .expiresIn(3600));
    String session = session(token);
    with(session).get("/console/queue").then().statusCode(200);
    String signOut =
        form(session)
            .formParam("_csrf", csrf(session))
            .post("/console/sign-out")
            .then()
            .statusCode(303)
            .extract()
            .header("Set-Cookie");
    assertThat(signOut).contains(COOKIE + "=;").contains("Max-Age=0");

    Files.writeString(
        Path.of("target/revoked-tokens"),
        jti + "\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    with(session).get("/console/queue").then().statusCode(401);
  }

  @Test
  void aChangeNeedsTheSessionsCsrfTokenAndTheSameOrigin() {
    String id = held("Engineer", "csrf@customer.example.com", "CSRF target", "Body");
    String carol = session(TestTokens.reviewer("carol", "mbx_gated"));
    String other = session(TestTokens.reviewer("dave", "mbx_gated"));
    String token = csrf(carol);

    form(carol)
        .formParam("reason", "no")
        .post("/console/items/{id}/reject", id)
        .then()
        .statusCode(403);
    form(carol)
        .formParam("_csrf", csrf(other))
        .formParam("reason", "no")
        .post("/console/items/{id}/reject", id)
        .then()
        .statusCode(403);
    form(carol)
        .header("Origin", "https://evil.example.com")
        .formParam("_csrf", token)
        .formParam("reason", "no")
        .post("/console/items/{id}/reject", id)
        .then()
        .statusCode(403);
    form(carol)
        .header("Sec-Fetch-Site", "cross-site")
        .formParam("_csrf", token)
        .post("/console/items/{id}/approve", id)
        .then()
        .statusCode(403);
    stateIs(id, "held");

    form(carol)
        .formParam("_csrf", token)
        .formParam("reason", "wrong customer")
        .post("/console/items/{id}/reject", id)
        .then()
        .statusCode(303);
    stateIs(id, "rejected");
  }

  @Test
  void aReviewerOfOneMailboxSeesAndDecidesNothingOfAnother() {
    String gated = held("Engineer", "scope@customer.example.com", "Only for gated eyes", "Body");
    String allReviewer = session(TestTokens.reviewer("erin", "mbx_all"));

    with(allReviewer)
        .get("/console/queue")
        .then()
        .statusCode(200)
        .body(not(containsString("Only for gated eyes")))
        .body(not(containsString("mbx_gated")));
    with(allReviewer)
        .get("/console/queue?mailbox=mbx_gated")
        .then()
        .body(not(containsString(gated)));
    with(allReviewer).get("/console/items/{id}", gated).then().statusCode(404);
    form(allReviewer)
        .formParam("_csrf", csrf(allReviewer))
        .post("/console/items/{id}/approve", gated)
        .then()
        .statusCode(404);
    with(allReviewer).get("/console/admin").then().statusCode(403);
    stateIs(gated, "held");
  }

  @Test
  void hostileContentIsShownAsTextUnderAStrictPolicy() {
    var intent =
        Bus.intent(
            "mbx_gated",
            "Engineer",
            "hostile@customer.example.com",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(2)> [click](javascript:alert(3)) **bold** \"><svg onload=alert(4)>");
    intent.put("reasoning", "<iframe src=javascript:alert(5)>");
    String id = held(intent);
    String carol = session(TestTokens.reviewer("carol", "mbx_gated"));

    String item =
        with(carol)
            .get("/console/items/{id}", id)
            .then()
            .statusCode(200)
            .header("Content-Security-Policy", containsString("script-src 'self'"))
            .header("Content-Security-Policy", containsString("default-src 'none'"))
            .header("X-Content-Type-Options", equalTo("nosniff"))
            .extract()
            .asString();
    assertThat(item)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("&lt;img src=x onerror=alert(2)&gt;")
        .contains("<strong>bold</strong>")
        .doesNotContain("<script>alert")
        .doesNotContain("<img")
        .doesNotContain("<svg")
        .doesNotContain("<iframe")
        .doesNotContain("href=\"javascript");
    assertThat(item.replaceAll("<script src=\"/console/static/console.js\" defer></script>", ""))
        .doesNotContain("<script");
    with(carol)
        .get("/console/queue")
        .then()
        .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
        .body(not(containsString("<script>alert(1)")));
    io.restassured.RestAssured.given()
        .get("/console/static/console.js")
        .then()
        .statusCode(200)
        .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
  }

  private static void stateIs(String id, String state) {
    as(TestTokens.reviewer("auditor", "mbx_gated"))
        .get("/api/reviews/{id}", id)
        .then()
        .statusCode(200)
        .body("item.state", equalTo(state));
  }
}
