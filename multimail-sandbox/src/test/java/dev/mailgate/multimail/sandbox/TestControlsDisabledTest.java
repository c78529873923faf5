package dev.mailgate.multimail.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the default configuration the test controls do not exist; the API still works. */
@QuarkusTest
@TestProfile(TestControlsDisabledTest.ControlsOff.class)
class TestControlsDisabledTest {

  /** Test controls off, as in production. */
  public static class ControlsOff implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("sandbox.test-controls.enabled", "false");
    }
  }

  @Test
  void controlsAnswer404AndTheApiStillServes() {
    given().post("/sandbox/reset").then().statusCode(404).body("error", equalTo("Not found"));
    given().get("/sandbox/deliveries").then().statusCode(404);
    given()
        .auth()
        .oauth2(SandboxControls.KEY)
        .get("/v1/mailboxes/mbx_auto")
        .then()
        .statusCode(200)
        .body("oversight_mode", equalTo("autonomous"))
        .body("is_active", equalTo(1))
        .body("created_at", instanceOf(Long.class))
        .body("$", not(hasKey("active")));
  }
}
