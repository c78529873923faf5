package dev.mailgate.outbound;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import dev.mailgate.testsupport.Management;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@OutboundTestResources
class ReadinessTest {

  @Test
  void isReadyWithMultiMailReachable() {
    given()
        .port(Management.TEST_PORT)
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", is("UP"))
        .body("checks.name", hasItem("multimail"));
  }

  @Test
  void publishesItsApiDescriptionAndMetrics() {
    given().port(Management.TEST_PORT).when().get("/q/openapi").then().statusCode(200);
    given()
        .port(Management.TEST_PORT)
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("mailgate_outbound_paused_mailboxes"));
  }

  @Test
  void keepsHealthMetricsAndApiDescriptionOffTheApiPort() {
    for (String path : java.util.List.of("/q/health/ready", "/q/metrics", "/q/openapi")) {
      given()
          .when()
          .get(path)
          .then()
          .statusCode(org.hamcrest.Matchers.not(200))
          .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("# TYPE")));
    }
  }
}
