package dev.mailgate.multimail.sandbox;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;

/** The sandbox's /sandbox test controls and authenticated /v1 calls, over HTTP. */
final class SandboxControls {

  static final String KEY = "mm_test_key";

  private SandboxControls() {}

  static void reset() {
    given().post("/sandbox/reset").then().statusCode(204);
  }

  /** Injects an inbound email and returns its id. */
  static String inbound(String mailboxId, String from, String subject, String markdown) {
    return given()
        .contentType(ContentType.JSON)
        .body(
            Map.of("mailbox_id", mailboxId, "from", from, "subject", subject, "markdown", markdown))
        .post("/sandbox/inbound")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static void faults(Map<String, Object> faults) {
    given()
        .contentType(ContentType.JSON)
        .body(faults)
        .put("/sandbox/faults")
        .then()
        .statusCode(200);
  }

  static void limits(Map<String, Object> limits) {
    given()
        .contentType(ContentType.JSON)
        .body(limits)
        .put("/sandbox/limits")
        .then()
        .statusCode(200);
  }

  static void mailbox(String id, String address, String mode) {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("address", address, "oversight_mode", mode))
        .put("/sandbox/mailboxes/" + id)
        .then()
        .statusCode(200);
  }

  static int deliveriesOfKey(String idempotencyKey) {
    Integer count =
        given()
            .get("/sandbox/deliveries/counts")
            .then()
            .statusCode(200)
            .extract()
            .path("by_idempotency_key.'" + idempotencyKey + "'");
    return count == null ? 0 : count;
  }

  static int totalDeliveries() {
    return given().get("/sandbox/deliveries/counts").then().extract().path("total");
  }

  static ValidatableResponse post(String path, Object body) {
    return given().auth().oauth2(KEY).contentType(ContentType.JSON).body(body).post(path).then();
  }

  static ValidatableResponse get(String path) {
    return given().auth().oauth2(KEY).get(path).then();
  }
}
