package dev.mailgate.multimail.sandbox.service;

/**
 * Faults applied to {@code /v1/*} requests. {@code errorRate} in 0..1 answers {@code errorStatus};
 * {@code latencyMs} delays every request; the next {@code throttleNext} requests get 429 with
 * {@code Retry-After: retryAfterSeconds}; the next {@code resetNext} requests have their connection
 * closed without an answer.
 */
public record Faults(
    double errorRate,
    int errorStatus,
    long latencyMs,
    int throttleNext,
    long retryAfterSeconds,
    int resetNext) {

  public static final Faults NONE = new Faults(0, 503, 0, 0, 1, 0);

  public Faults {
    if (errorRate < 0 || errorRate > 1) {
      throw new IllegalArgumentException("error_rate must be between 0 and 1");
    }
    if (errorStatus < 500 || errorStatus > 599) {
      throw new IllegalArgumentException("error_status must be 5xx");
    }
    if (latencyMs < 0 || throttleNext < 0 || resetNext < 0 || retryAfterSeconds < 0) {
      throw new IllegalArgumentException("latency_ms, throttle_next, reset_next must be >= 0");
    }
  }
}
