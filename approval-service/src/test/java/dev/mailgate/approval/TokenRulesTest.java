package dev.mailgate.approval;

import static dev.mailgate.approval.Reviews.as;
import static dev.mailgate.approval.Reviews.held;
import static org.hamcrest.Matchers.equalTo;

import dev.mailgate.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Beyond a valid signature: audience, lifetime, token id, revocation and subject, each refused with
 * 401 and leaving the item as it was.
 */
@QuarkusTest
@ApprovalTestResources
class TokenRulesTest {

  private static JwtClaimsBuilder reviewerOfGated() {
    return TestTokens.claims("carol", Set.of("reviewer"), List.of("mbx_gated"));
  }

  @Test
  void aTokenForAnotherServiceIsRefused() {
    String id = held("Engineer", "aud@customer.example.com", "Audience", "Body");
    String forAudit = TestTokens.sign(reviewerOfGated().audience("mailgate-audit"));
    String noAudience =
        TestTokens.sign(
            TestTokens.claims("carol", Set.of("reviewer"), List.of("mbx_gated"))
                .audience(Set.of()));

    as(forAudit).post("/api/reviews/{id}/approve", id).then().statusCode(401);
    as(noAudience).get("/api/reviews/{id}", id).then().statusCode(401);
    stillHeld(id);
  }

  @Test
  void aTokenIssuedForLongerThanTheMaximumIsRefusedWhileUnexpired() {
    String tenYears =
        TestTokens.sign(reviewerOfGated().issuedAt(Instant.now()).expiresIn(Duration.ofDays(3650)));
    String aDay =
        TestTokens.sign(reviewerOfGated().issuedAt(Instant.now()).expiresIn(Duration.ofHours(24)));

    as(tenYears).get("/api/reviews").then().statusCode(401);
    as(aDay).get("/api/reviews").then().statusCode(200);
  }

  @Test
  void aTokenWithoutIdOrSubjectIsA401NotA500() {
    long now = Instant.now().getEpochSecond();
    String noJti =
        TestTokens.signExactly(
            "{\"iss\":\"mailgate\",\"aud\":[\"mailgate-approval\"],\"sub\":\"carol\","
                + "\"groups\":[\"reviewer\"],\"mailboxes\":[\"mbx_gated\"],\"iat\":"
                + now
                + ",\"exp\":"
                + (now + 3600)
                + "}");
    String noSubject =
        TestTokens.signExactly(
            "{\"iss\":\"mailgate\",\"aud\":[\"mailgate-approval\"],\"upn\":\"carol\","
                + "\"jti\":\"j-1\",\"groups\":[\"reviewer\"],\"mailboxes\":[\"mbx_gated\"],"
                + "\"iat\":"
                + now
                + ",\"exp\":"
                + (now + 3600)
                + "}");
    String upnOnly =
        TestTokens.sign(
            TestTokens.claims(null, Set.of("reviewer"), List.of("mbx_gated"))
                .upn("carol")
                .expiresIn(Duration.ofHours(1)));
    String blankSubject =
        TestTokens.sign(
            TestTokens.claims(" \u200B ", Set.of("reviewer"), List.of("mbx_gated"))
                .expiresIn(Duration.ofHours(1)));

    as(noJti).get("/api/reviews").then().statusCode(401);
    as(noSubject).get("/api/reviews").then().statusCode(401);
    as(upnOnly).get("/api/reviews").then().statusCode(401);
    as(blankSubject).get("/api/reviews").then().statusCode(401);
  }

  @Test
  void aRevokedTokenIsRefusedFromItsNextRequest() throws IOException {
    String jti = UUID.randomUUID().toString();
    String token = TestTokens.sign(reviewerOfGated().claim("jti", jti).expiresIn(3600));
    as(token).get("/api/reviews").then().statusCode(200);

    Path revoked = Path.of("target/revoked-tokens");
    Files.writeString(
        revoked,
        "# revoked by the test\n" + jti + "\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);

    as(token).get("/api/reviews").then().statusCode(401);
    as(TestTokens.reviewer("carol", "mbx_gated")).get("/api/reviews").then().statusCode(200);
  }

  private static void stillHeld(String id) {
    as(TestTokens.reviewer("carol", "mbx_gated"))
        .get("/api/reviews/{id}", id)
        .then()
        .statusCode(200)
        .body("item.state", equalTo("held"));
  }
}
