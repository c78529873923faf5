package dev.mailgate.multimail.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Wrong, huge, hostile or missing input gets MultiMail's {"error"} with 400/401/404, never 500. */
@QuarkusTest
class BadInputTest {

  private static final String SEND = "/v1/mailboxes/mbx_auto/send";
  private static final String OK_SEND =
      "{\"to\":[\"a@example.com\"],\"subject\":\"s\",\"markdown\":\"m\"}";

  @BeforeEach
  void reset() {
    SandboxControls.reset();
  }

  static Stream<Arguments> badPosts() {
    String recipients51 =
        IntStream.range(0, 51)
            .mapToObj(i -> "\"r" + i + "@example.com\"")
            .collect(Collectors.joining(","));
    String huge = "x".repeat(300 * 1024);
    return Stream.of(
        Arguments.of(SEND, "{\"subject\":\"s\",\"markdown\":\"m\"}", 400, "to"),
        Arguments.of(SEND, "{\"to\":[\"a@example.com\"],\"markdown\":\"m\"}", 400, "subject"),
        Arguments.of(SEND, "{\"to\":[\"a@example.com\"],\"subject\":\"s\"}", 400, "markdown"),
        Arguments.of(
            SEND,
            "{\"to\":\"a@example.com\",\"subject\":\"s\",\"markdown\":\"m\"}",
            400,
            "expected an array"),
        Arguments.of(
            SEND,
            "{\"to\":[\"a@example.com\"],\"subject\":\"s\",\"markdown\":{\"x\":1}}",
            400,
            "markdown"),
        Arguments.of(
            SEND,
            "{\"to\":[\"a@example.com\"],\"subject\":\"s\",\"markdown\":\"m\",\"cc\":7}",
            400,
            "expected an array"),
        Arguments.of(
            SEND,
            "{\"to\":[" + recipients51 + "],\"subject\":\"s\",\"markdown\":\"m\"}",
            400,
            "51"),
        Arguments.of(
            SEND,
            "{\"to\":[\"a@example.com\"],\"subject\":\"s\",\"markdown\":\"" + huge + "\"}",
            400,
            "262144"),
        Arguments.of(
            SEND,
            "{\"to\":[\"not-an-address\"],\"subject\":\"s\",\"markdown\":\"m\"}",
            400,
            "address"),
        Arguments.of(
            SEND,
            "{\"to\":[\"a@example.com\\r\\nBcc: x@evil.com\"],\"subject\":\"s\",\"markdown\":\"m\"}",
            400,
            "address"),
        Arguments.of(
            SEND,
            "{\"to\":[\"a@example.com\"],\"subject\":\"s\\r\\nBcc: x@evil.com\",\"markdown\":\"m\"}",
            400,
            "line breaks"),
        Arguments.of(
            SEND,
            "{\"to\":[\"a@example.com\"],\"subject\":\"s\",\"markdown\":\"m\",\"attachments\":[{\"name\":\"a\"}]}",
            400,
            "content_type"),
        Arguments.of(
            SEND,
            "{\"to\":[\"a@example.com\"],\"subject\":\"s\",\"markdown\":\"m\",\"attachments\":[{\"name\":\"a\",\"content_type\":\"x/y\",\"content_base64\":\"***\"}]}",
            400,
            "base64"),
        Arguments.of(SEND, "{\"to\":[", 400, "JSON"),
        Arguments.of(SEND, "", 400, "required"),
        Arguments.of("/v1/mailboxes/nope/send", OK_SEND, 404, "Mailbox not found"),
        Arguments.of(
            "/v1/mailboxes/mbx_auto/reply/01NOPE", "{\"markdown\":\"m\"}", 404, "Email not found"),
        Arguments.of(
            "/v1/oversight/decide",
            "{\"email_id\":\"01NOPE\",\"action\":\"approve\"}",
            404,
            "pending"),
        Arguments.of(
            "/v1/oversight/decide",
            "{\"email_id\":\"01NOPE\",\"action\":\"maybe\"}",
            400,
            "action"),
        Arguments.of("/v1/oversight/decide", "[1,2]", 400, "required"),
        Arguments.of(
            "/v1/webhooks", "{\"url\":\"ftp://x\",\"events\":[\"email.received\"]}", 400, "url"),
        Arguments.of(
            "/v1/webhooks", "{\"url\":\"https://x.example\",\"events\":[]}", 400, "events"),
        Arguments.of(
            "/v1/webhooks",
            "{\"url\":\"https://x.example\",\"events\":[\"email.received\"],\"mailbox_id\":\"nope\"}",
            404,
            "Mailbox"));
  }

  @ParameterizedTest
  @MethodSource("badPosts")
  void badPostsGetMultiMailShapedErrors(String path, String body, int status, String errorPart) {
    given()
        .auth()
        .oauth2(SandboxControls.KEY)
        .contentType(ContentType.JSON)
        .body(body)
        .post(path)
        .then()
        .statusCode(status)
        .contentType(ContentType.JSON)
        .body("error", containsString(errorPart));
  }

  @ParameterizedTest
  @MethodSource("badQueries")
  void badQueriesGetMultiMailShapedErrors(String path, int status) {
    given()
        .auth()
        .oauth2(SandboxControls.KEY)
        .get(path)
        .then()
        .statusCode(status)
        .body("error", instanceOf(String.class));
  }

  static Stream<Arguments> badQueries() {
    String emails = "/v1/mailboxes/mbx_auto/emails";
    return Stream.of(
        Arguments.of(emails + "?limit=0", 400),
        Arguments.of(emails + "?limit=101", 400),
        Arguments.of(emails + "?limit=ten", 400),
        Arguments.of(emails + "?status=bogus", 400),
        Arguments.of(emails + "?direction=sideways", 400),
        Arguments.of(emails + "?cursor=garbage", 400),
        Arguments.of("/v1/mailboxes/nope/emails", 404),
        Arguments.of("/v1/mailboxes/nope", 404),
        Arguments.of("/v1/mailboxes/mbx_auto/threads/none", 404),
        Arguments.of("/v1/no-such-endpoint", 404));
  }

  @Test
  void missingOrWrongKeyIs401AndXApiKeyIsAccepted() {
    given().get("/v1/mailboxes").then().statusCode(401).body("error", containsString("API key"));
    given().auth().oauth2("mm_nope").get("/v1/mailboxes").then().statusCode(401);
    given().header("X-API-Key", SandboxControls.KEY).get("/v1/mailboxes").then().statusCode(200);
  }

  @Test
  void injectingIntoAnUnknownMailboxOrFromABadAddressIsRejected() {
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"mailbox_id\":\"nope\",\"from\":\"a@example.com\",\"subject\":\"s\",\"markdown\":\"m\"}")
        .post("/sandbox/inbound")
        .then()
        .statusCode(404)
        .body("error", equalTo("Mailbox not found"));
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"mailbox_id\":\"mbx_auto\",\"from\":\"nobody\",\"subject\":\"s\",\"markdown\":\"m\"}")
        .post("/sandbox/inbound")
        .then()
        .statusCode(400);
    given()
        .contentType(ContentType.JSON)
        .body("{\"error_rate\":2}")
        .put("/sandbox/faults")
        .then()
        .statusCode(400);
  }
}
