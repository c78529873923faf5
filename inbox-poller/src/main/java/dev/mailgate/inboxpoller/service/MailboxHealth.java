package dev.mailgate.inboxpoller.service;

import dev.mailgate.inboxpoller.config.PollerConfig;
import dev.mailgate.multimail.client.error.MultiMailException;
import dev.mailgate.multimail.client.error.MultiMailQuotaExceededException;
import dev.mailgate.multimail.client.error.MultiMailRateLimitException;
import dev.mailgate.multimail.client.error.MultiMailServerException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How polling fares per mailbox, as seen by this instance: the lag since the last successful poll
 * (by any instance), failures in a row, and the metrics {@code mailgate_poller_lag_seconds}, {@code
 * mailgate_poller_emitted_total} and {@code mailgate_poller_errors_total}.
 */
@ApplicationScoped
public class MailboxHealth {

  /** A snapshot of one mailbox. */
  public record Status(
      String mailboxId,
      Instant lastSuccessAt,
      Instant lastFailureAt,
      int failuresInARow,
      String lastError,
      Duration lag) {}

  private record State(
      Instant lastSuccessAt, Instant lastFailureAt, int failuresInARow, String lastError) {}

  private final MeterRegistry registry;
  private final Instant startedAt;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  private final Clock clock;

  public MailboxHealth(MeterRegistry registry, PollerConfig config, Clock clock) {
    this.clock = clock;
    this.startedAt = clock.instant();
    this.registry = registry;
    for (String mailboxId : config.mailboxes().orElse(List.of())) {
      states.put(mailboxId, new State(null, null, 0, null));
      registry.gauge(
          "mailgate.poller.lag.seconds",
          Tags.of("mailbox", mailboxId),
          this,
          health -> health.lagOf(mailboxId).toMillis() / 1000.0);
    }
  }

  public void succeeded(String mailboxId, PollResult result) {
    states.compute(
        mailboxId,
        (id, s) ->
            new State(
                latest(s == null ? null : s.lastSuccessAt, result.lastSuccessAt()),
                s == null ? null : s.lastFailureAt,
                0,
                null));
    if (result.emitted() > 0) {
      registry.counter("mailgate.poller.emitted", "mailbox", mailboxId).increment(result.emitted());
    }
  }

  /** Records a failure; returns how many polls of the mailbox failed in a row. */
  public int failed(String mailboxId, Exception error) {
    registry
        .counter("mailgate.poller.errors", "mailbox", mailboxId, "kind", kind(error))
        .increment();
    State next =
        states.compute(
            mailboxId,
            (id, s) ->
                new State(
                    s == null ? null : s.lastSuccessAt,
                    clock.instant(),
                    s == null ? 1 : s.failuresInARow + 1,
                    error.getMessage()));
    return next.failuresInARow;
  }

  public List<Status> all() {
    return states.keySet().stream().sorted().map(this::status).toList();
  }

  public Status status(String mailboxId) {
    State s = states.getOrDefault(mailboxId, new State(null, null, 0, null));
    return new Status(
        mailboxId,
        s.lastSuccessAt,
        s.lastFailureAt,
        s.failuresInARow,
        s.lastError,
        lagOf(mailboxId));
  }

  private Duration lagOf(String mailboxId) {
    State s = states.get(mailboxId);
    Instant since = s == null || s.lastSuccessAt == null ? startedAt : s.lastSuccessAt;
    return Duration.between(since, clock.instant());
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  static String kind(Exception error) {
    if (error instanceof MultiMailRateLimitException
        || error instanceof MultiMailQuotaExceededException) {
      return "rate_limited";
    }
    if (error instanceof MultiMailServerException) {
      return "server";
    }
    if (error instanceof MultiMailException e) {
      return e.status() == 0 ? "unreachable" : "status_" + e.status();
    }
    return "internal";
  }
}
