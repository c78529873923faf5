package dev.mailgate.approval;

import static dev.mailgate.approval.Bus.awaitJson;
import static dev.mailgate.approval.Bus.forIntent;
import static dev.mailgate.approval.Bus.intent;
import static dev.mailgate.approval.Bus.publish;
import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailgate.events.Topics;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Test shortcuts: put an intent in the review queue, call the review API as someone. */
final class Reviews {

  private Reviews() {}

  /** Publishes an intent to mbx_gated and waits until it is held; returns its id. */
  static String held(String role, String to, String subject, String body) {
    return held(intent("mbx_gated", role, to, subject, body));
  }

  static String held(ObjectNode intent) {
    String id = publish(intent);
    awaitJson(Topics.DECISIONS, 2, forIntent(id));
    return id;
  }

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }
}
