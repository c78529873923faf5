package dev.mailgate.outbound;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@OutboundTestResources
class ReadinessTest {

  @Test
  void isReadyWithMultiMailReachable() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", is("UP"))
        .body("checks.name", hasItem("multimail"));
  }

  @Test
  void publishesItsApiDescriptionAndMetrics() {
    given().when().get("/q/openapi").then().statusCode(200);
    given()
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("mailgate_outbound_paused_mailboxes"));
  }
}
