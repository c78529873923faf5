package dev.mailgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The sandbox mimics MultiMail's limits (1,200 requests a minute, a monthly quota); a benchmark
 * measures MailGate, not those, so for the run they are lifted through the sandbox's test controls
 * and put back afterwards. Against a real MultiMail nothing is changed.
 */
final class SandboxLimits {

  private SandboxLimits() {}

  /** The limits before, or null when there is no sandbox to change. */
  static JsonNode lift(Api api, String sandboxUrl) {
    if (sandboxUrl.isEmpty()) {
      return null;
    }
    Api.Answer before = api.call("GET", sandboxUrl + "/sandbox/limits", null, null);
    if (before.status() != 200) {
      return null;
    }
    api.call(
            "PUT",
            sandboxUrl + "/sandbox/limits",
            null,
            Map.of("monthly_quota", Integer.MAX_VALUE, "rate_limit_requests", Integer.MAX_VALUE))
        .expect(200);
    return before.body();
  }

  static void restore(Api api, String sandboxUrl, JsonNode before) {
    if (before == null) {
      return;
    }
    api.call(
        "PUT",
        sandboxUrl + "/sandbox/limits",
        null,
        Map.of(
            "monthly_quota", before.path("monthly_quota").asInt(),
            "rate_limit_requests", before.path("rate_limit_requests").asInt(),
            "rate_limit_window_seconds", before.path("rate_limit_window_seconds").asLong()));
  }
}
