package dev.mailgate.audit.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Verifies every chain periodically ({@code mailgate.audit.self-check.every}), incrementally: the
 * rows appended since the position found intact last, that position's row and the chain's latest
 * anchor (an explicit verify through the API walks the whole chain). The result feeds the {@code
 * audit-chains} health check and the {@code mailgate_audit_chains_*} metrics.
 */
@ApplicationScoped
public class ChainSelfCheck {

  private final ChainVerifier verifier;
  private volatile Result last;

  private final Clock clock;

  public ChainSelfCheck(ChainVerifier verifier, MeterRegistry metrics, Clock clock) {
    this.clock = clock;
    this.verifier = verifier;
    metrics.gauge("mailgate.audit.chains.broken", this, c -> c.lastValue(Result::broken));
    metrics.gauge("mailgate.audit.chains.checked", this, c -> c.lastValue(r -> r.chains()));
    metrics.gauge("mailgate.audit.chains.rows.verified", this, c -> c.lastValue(Result::rows));
    metrics.gauge(
        "mailgate.audit.chains.last.check.seconds",
        this,
        c -> c.lastValue(r -> r.at().getEpochSecond()));
  }

  @Scheduled(
      identity = "audit-chain-self-check",
      every = "${mailgate.audit.self-check.every}",
      delayed = "30s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    run();
  }

  /** Verifies every chain now (incrementally) and keeps the result. */
  public Result run() {
    List<ChainReport> reports = verifier.verifyAllIncremental();
    List<ChainReport> broken = reports.stream().filter(r -> !r.intact()).toList();
    long rows = reports.stream().mapToLong(ChainReport::rowsChecked).sum();
    Result result = new Result(clock.instant(), reports.size(), broken.size(), rows, broken);
    broken.forEach(r -> Log.errorf("audit chain %s is broken: %s", r.chain(), r.firstBreak()));
    last = result;
    return result;
  }

  /** The last self-check's result, if one ran. */
  public Optional<Result> last() {
    return Optional.ofNullable(last);
  }

  private double lastValue(java.util.function.ToLongFunction<Result> value) {
    Result result = last;
    return result == null ? Double.NaN : value.applyAsLong(result);
  }

  /** What one self-check found. */
  public record Result(
      Instant at, int chains, int broken, long rows, List<ChainReport> brokenChains) {}
}
