package dev.mailgate.multimail.sandbox.api;

import dev.mailgate.multimail.sandbox.service.FaultInjector;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Applies injected faults to {@code /v1/*} at the HTTP layer, before REST and auth: latency (a
 * timer, no blocked thread), 429 bursts, 5xx, and connection resets (the TCP connection is closed
 * without an answer).
 */
@ApplicationScoped
public class FaultFilter {

  private final FaultInjector faults;

  public FaultFilter(FaultInjector faults) {
    this.faults = faults;
  }

  void register(@Observes Filters filters) {
    filters.register(this::handle, 100);
  }

  private void handle(RoutingContext context) {
    if (!context.normalizedPath().startsWith("/v1/")) {
      context.next();
      return;
    }
    FaultInjector.Decision decision = faults.next();
    if (decision.delayMs() > 0) {
      context.request().pause();
      context.vertx().setTimer(decision.delayMs(), timer -> apply(context, decision));
    } else {
      apply(context, decision);
    }
  }

  private static void apply(RoutingContext context, FaultInjector.Decision decision) {
    switch (decision.outcome()) {
      case RESET -> context.request().connection().close();
      case THROTTLE ->
          answer(
              context,
              429,
              "Rate limit exceeded (sandbox fault). Retry later.",
              decision.faults().retryAfterSeconds());
      case ERROR ->
          answer(
              context,
              decision.faults().errorStatus(),
              "Service temporarily unavailable (sandbox fault)",
              null);
      default -> context.next();
    }
  }

  private static void answer(RoutingContext context, int status, String error, Long retryAfter) {
    var response = context.response().setStatusCode(status);
    response.putHeader("Content-Type", "application/json");
    if (retryAfter != null) {
      response.putHeader("Retry-After", String.valueOf(retryAfter));
    }
    response.end(new JsonObject().put("error", error).encode());
  }
}
