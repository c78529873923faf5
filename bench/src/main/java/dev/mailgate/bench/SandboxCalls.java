package dev.mailgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.function.ToIntFunction;

/**
 * When MultiMail took each email, from the sandbox's delivery log ({@code /sandbox/deliveries}, its
 * test controls): the idempotency key is the intent id. Without the sandbox (a real MultiMail) the
 * stage stays empty and the report says so.
 */
final class SandboxCalls {

  private SandboxCalls() {}

  /** Marks {@link Stage#CALL}; returns how many deliveries of the run the sandbox logged. */
  static int mark(Api api, String sandboxUrl, Timeline timeline, ToIntFunction<String> indexOf) {
    if (sandboxUrl.isEmpty()) {
      return 0;
    }
    Api.Answer answer = api.call("GET", sandboxUrl + "/sandbox/deliveries", null, null);
    if (answer.status() != 200) {
      return 0;
    }
    int found = 0;
    for (JsonNode delivery : answer.body().path("deliveries")) {
      int n = indexOf.applyAsInt(delivery.path("idempotency_key").asText(""));
      if (n >= 0) {
        timeline.mark(
            Stage.CALL, n, Instant.parse(delivery.path("delivered_at").asText()).toEpochMilli());
        found++;
      }
    }
    return found;
  }
}
