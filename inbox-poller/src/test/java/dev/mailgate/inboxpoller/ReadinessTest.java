package dev.mailgate.inboxpoller;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@PollerTestResources
class ReadinessTest {

  @Test
  void isReadyWithItsOwnDatabase() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", is("UP"))
        .body("checks.name", hasItem("Database connections health check"));
  }

  @Test
  void publishesItsApiDescriptionAndMetrics() {
    given().when().get("/q/openapi").then().statusCode(200);
    given().when().get("/q/metrics").then().statusCode(200);
  }
}
