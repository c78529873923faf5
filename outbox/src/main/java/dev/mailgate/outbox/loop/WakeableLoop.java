package dev.mailgate.outbox.loop;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs a step over and over on a thread of the given executor: at once again while the step says
 * more work waits, after {@code idle} when it does not (sooner when {@link #wake()} is called), and
 * after a growing backoff while it fails. The step's failures are logged, never fatal.
 */
public final class WakeableLoop {

  /** One round of work. */
  @FunctionalInterface
  public interface Step {
    /** Does some work; returns whether more is waiting right now. */
    boolean run() throws Exception;
  }

  private final String name;
  private final Duration idle;
  private final Backoff backoff;
  private final Step step;
  private final Semaphore wakeUps = new Semaphore(0);
  private final Semaphore stopped = new Semaphore(0);
  private volatile boolean running;

  public WakeableLoop(String name, Duration idle, Duration maxBackoff, Step step) {
    this.name = name;
    this.idle = idle;
    this.backoff = Backoff.between(Duration.ofMillis(100), maxBackoff);
    this.step = step;
  }

  /** Starts the loop on one of the executor's threads, which it keeps until {@link #stop}. */
  public void start(Executor executor) {
    running = true;
    executor.execute(this::loop);
  }

  /** Asks the loop to run its step now instead of waiting. */
  public void wake() {
    wakeUps.release();
  }

  /** Stops the loop and waits up to {@code timeout} for the current step to finish. */
  public void stop(Duration timeout) {
    if (!running) {
      return;
    }
    running = false;
    wakeUps.release();
    try {
      stopped.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A backoff is not cut short by wake-ups (each commit would end it), only by {@link #stop}. */
  private void sleepThroughWakeUps(Duration pause) throws InterruptedException {
    long deadline = System.nanoTime() + pause.toNanos();
    long left;
    while (running && (left = deadline - System.nanoTime()) > 0) {
      wakeUps.tryAcquire(left, TimeUnit.NANOSECONDS);
    }
    wakeUps.drainPermits();
  }

  private void loop() {
    String previous = Thread.currentThread().getName();
    Thread.currentThread().setName(name);
    int failures = 0;
    try {
      while (running) {
        try {
          boolean more = step.run();
          failures = 0;
          if (!more) {
            wakeUps.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS);
            wakeUps.drainPermits();
          }
        } catch (InterruptedException e) {
          throw e;
        } catch (Exception | LinkageError e) {
          Duration pause = backoff.delay(++failures);
          Log.warnf(
              "%s failed (%d in a row), trying again in %d ms: %s",
              name, failures, pause.toMillis(), e.toString());
          sleepThroughWakeUps(pause);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      Thread.currentThread().setName(previous);
      stopped.release();
    }
  }
}
