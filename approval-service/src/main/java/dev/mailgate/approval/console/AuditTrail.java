package dev.mailgate.approval.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads an item's audit timeline and its mailbox's chain verification from audit-service, as the
 * signed-in reviewer: the session's own token is the bearer, so audit-service applies the same
 * mailbox scope it applies to every caller. Slow or absent audit-service makes the trail say so,
 * never the page fail. Chain results are kept for a short while per mailbox, since verifying walks
 * the whole chain.
 */
@ApplicationScoped
public class AuditTrail {

  static final int MAX_STEPS = 200;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConsoleConfig config;
  private final HttpClient http;
  private final Map<String, Cached> chains = new ConcurrentHashMap<>();

  private final Clock clock;

  public AuditTrail(ConsoleConfig config, Clock clock) {
    this.clock = clock;
    this.config = config;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.auditTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The audited events of {@code intentId}, oldest first, or why they cannot be shown. */
  Models.Trail timeline(String intentId, ConsoleSession session) {
    Reply reply = get("/audit/intents/" + encode(intentId) + "/timeline", session);
    if (reply.problem() != null) {
      return new Models.Trail(List.of(), reply.problem(), false);
    }
    List<Models.Step> steps = new ArrayList<>();
    for (JsonNode event : reply.body().path("events")) {
      if (steps.size() == MAX_STEPS) {
        break;
      }
      steps.add(step(event));
    }
    return new Models.Trail(steps, null, reply.body().path("events").size() > MAX_STEPS);
  }

  /** Whether {@code mailboxId}'s hash chain verifies, as a badge. */
  Models.Chain chain(String mailboxId, ConsoleSession session) {
    Cached cached = chains.get(mailboxId);
    if (cached != null && cached.at().plus(config.chainCache()).isAfter(clock.instant())) {
      return cached.chain();
    }
    Reply reply = get("/audit/chains/" + encode(mailboxId) + "/verify", session);
    if (reply.problem() != null) {
      return new Models.Chain("unknown", "Chain not verified: " + reply.problem());
    }
    Models.Chain chain = badge(reply.body());
    chains.put(mailboxId, new Cached(chain, clock.instant()));
    return chain;
  }

  static Models.Chain badge(JsonNode report) {
    long rows = report.path("rows_checked").asLong();
    if (report.path("intact").asBoolean(false)) {
      JsonNode anchored = report.path("anchored_position");
      return new Models.Chain(
          "intact",
          "Chain intact: "
              + rows
              + " events verified"
              + (anchored.isNumber()
                  ? ", anchored at " + anchored.asLong()
                  : ", not yet anchored"));
    }
    JsonNode at = report.path("first_break");
    return new Models.Chain(
        "broken",
        "Chain BROKEN: "
            + at.path("kind").asText("altered")
            + " at position "
            + at.path("position").asText("?")
            + (at.hasNonNull("detail") ? " (" + at.path("detail").asText() + ")" : ""));
  }

  private static Models.Step step(JsonNode event) {
    JsonNode payload = event.path("payload");
    JsonNode actor = event.path("actor");
    String type = actor.path("type").asText("");
    String id = actor.path("id").asText("");
    String who =
        id.isEmpty() ? event.path("role").asText("") : id.equals(type) ? id : type + " " + id;
    String detail =
        first(
            payload.path("reason"),
            payload.path("error"),
            event.path("dead_letter").path("reason"),
            event.path("error"),
            payload.path("provider_email_id"));
    return new Models.Step(
        event.path("occurred_at").asText(""),
        event.path("event_type").asText("unknown"),
        who.strip(),
        detail,
        event.path("chain").path("position").asLong(-1));
  }

  private static String first(JsonNode... candidates) {
    for (JsonNode c : candidates) {
      if (c.isValueNode() && !c.asText().isBlank()) {
        String text = c.asText();
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
      }
    }
    return "";
  }

  private Reply get(String path, ConsoleSession session) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(config.auditUrl() + path))
            .timeout(config.auditTimeout())
            .header("Authorization", "Bearer " + session.rawToken())
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return switch (response.statusCode()) {
        case 200 -> new Reply(JSON.readTree(response.body()), null);
        case 401 ->
            new Reply(null, "audit-service refuses your token (it must name mailgate-audit)");
        case 403 -> new Reply(null, "your token does not grant this mailbox's trail");
        case 404 -> new Reply(null, "audit-service has no record of it yet");
        default -> new Reply(null, "audit-service answered " + response.statusCode());
      };
    } catch (HttpTimeoutException e) {
      return new Reply(null, "audit-service did not answer in time");
    } catch (IOException e) {
      Log.debugf("audit-service unreachable at %s: %s", config.auditUrl(), e.getMessage());
      return new Reply(null, "audit-service cannot be reached");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(null, "interrupted");
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private record Reply(JsonNode body, String problem) {}

  private record Cached(Models.Chain chain, Instant at) {}
}
