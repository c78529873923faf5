package dev.mailgate.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.EventJson;
import io.quarkus.test.common.http.TestHTTPResource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every service promises about its management interface, for a {@code @QuarkusTest} subclass
 * with the service's test resources: readiness (with the check that matters for the service),
 * metrics and the OpenAPI description are served on the management port, and none of them on the
 * API port.
 */
public abstract class ManagementInterfaceContract {

  private static final List<String> MANAGEMENT_PATHS =
      List.of("/q/health/ready", "/q/metrics", "/q/openapi");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TestHTTPResource("/")
  URI api;

  @TestHTTPResource(value = "/", management = true)
  URI management;

  /** The name of the readiness check this service must report (e.g. its database or MultiMail). */
  protected abstract String readinessCheck();

  /** A metric of the service's own that {@code /q/metrics} must list, or none. */
  protected String ownMetric() {
    return null;
  }

  @Test
  void isReadyWithWhatItDependsOn() throws Exception {
    HttpResponse<String> ready = get(management, "/q/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    JsonNode health = EventJson.mapper().readTree(ready.body());
    assertEquals("UP", health.path("status").asText(), ready.body());
    List<String> checks = new ArrayList<>();
    health.path("checks").forEach(c -> checks.add(c.path("name").asText()));
    assertTrue(checks.contains(readinessCheck()), "checks " + checks);
  }

  @Test
  void publishesItsApiDescriptionAndMetrics() throws Exception {
    assertEquals(200, get(management, "/q/openapi").statusCode());
    HttpResponse<String> metrics = get(management, "/q/metrics");
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.body().contains("# TYPE"), "Prometheus text format");
    if (ownMetric() != null) {
      assertTrue(metrics.body().contains(ownMetric()), ownMetric() + " is not listed");
    }
  }

  @Test
  void keepsHealthMetricsAndApiDescriptionOffTheApiPort() throws Exception {
    assertNotEquals(api.getPort(), management.getPort());
    for (String path : MANAGEMENT_PATHS) {
      HttpResponse<String> response = get(api, path);
      assertNotEquals(200, response.statusCode(), path + " on the API port");
      assertFalse(response.body().contains("# TYPE"), path + " leaks metrics on the API port");
    }
  }

  private static HttpResponse<String> get(URI base, String path)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
