package dev.mailgate.multimail.sandbox.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ThreadLocalRandom;

/** Holds the configured faults and decides, per request, which one applies. */
@ApplicationScoped
public class FaultInjector {

  /** What to do with one request, after waiting {@code delayMs}. */
  public enum Outcome {
    PASS,
    RESET,
    THROTTLE,
    ERROR
  }

  /** The decision for one request. */
  public record Decision(long delayMs, Outcome outcome, Faults faults) {}

  private Faults faults = Faults.NONE;
  private int throttleLeft;
  private int resetLeft;

  public synchronized void set(Faults newFaults) {
    faults = newFaults;
    throttleLeft = newFaults.throttleNext();
    resetLeft = newFaults.resetNext();
  }

  public synchronized Faults current() {
    return new Faults(
        faults.errorRate(),
        faults.errorStatus(),
        faults.latencyMs(),
        throttleLeft,
        faults.retryAfterSeconds(),
        resetLeft);
  }

  public synchronized void clear() {
    set(Faults.NONE);
  }

  public synchronized Decision next() {
    Outcome outcome = Outcome.PASS;
    if (resetLeft > 0) {
      resetLeft--;
      outcome = Outcome.RESET;
    } else if (throttleLeft > 0) {
      throttleLeft--;
      outcome = Outcome.THROTTLE;
    } else if (faults.errorRate() > 0
        && ThreadLocalRandom.current().nextDouble() < faults.errorRate()) {
      outcome = Outcome.ERROR;
    }
    return new Decision(faults.latencyMs(), outcome, faults);
  }
}
