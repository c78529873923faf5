package dev.mailgate.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import dev.mailgate.testsupport.Management;
import dev.mailgate.testsupport.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AuditKafkaResource.class)
@WithTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "mailgate_audit"))
class ReadinessTest {

  @Test
  void isReadyWithItsOwnDatabase() {
    given()
        .port(Management.TEST_PORT)
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", is("UP"))
        .body("checks.name", hasItem("Database connections health check"));
  }

  @Test
  void publishesItsApiDescriptionAndMetrics() {
    given().port(Management.TEST_PORT).when().get("/q/openapi").then().statusCode(200);
    given().port(Management.TEST_PORT).when().get("/q/metrics").then().statusCode(200);
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
