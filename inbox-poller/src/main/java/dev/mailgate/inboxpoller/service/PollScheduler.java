package dev.mailgate.inboxpoller.service;

import dev.mailgate.inboxpoller.config.PollerConfig;
import dev.mailgate.multimail.client.error.MultiMailException;
import dev.mailgate.outbox.loop.Backoff;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Polls every configured mailbox on its own timer (interval + jitter, backoff after failures,
 * {@code Retry-After} honoured): Vert.x timers, the polls on a worker pool of {@code threads}, so a
 * slow or failing mailbox holds one worker and delays nobody else. Webhooks {@link #trigger} an
 * immediate poll.
 */
@ApplicationScoped
public class PollScheduler {

  private final PollerConfig config;
  private final MailboxPoller poller;
  private final MailboxHealth health;
  private final Vertx vertx;
  private final Backoff backoff;
  private final Map<String, MailboxSchedule> schedules = new LinkedHashMap<>();
  private volatile WorkerExecutor workers;
  private volatile boolean running;

  private final Clock clock;

  public PollScheduler(
      PollerConfig config, MailboxPoller poller, MailboxHealth health, Vertx vertx, Clock clock) {
    this.clock = clock;
    this.config = config;
    this.poller = poller;
    this.health = health;
    this.vertx = vertx;
    this.backoff =
        new Backoff(
            config.backoff().initial(), config.backoff().max(), Duration.ofHours(1), new Random());
    for (String mailboxId : config.mailboxes().orElse(List.of())) {
      Optional<PollerConfig.MailboxOverride> own =
          Optional.ofNullable(config.overrides().get(mailboxId));
      schedules.put(
          mailboxId,
          new MailboxSchedule(
              mailboxId,
              own.flatMap(PollerConfig.MailboxOverride::interval).orElse(config.interval()),
              own.flatMap(PollerConfig.MailboxOverride::jitter).orElse(config.jitter())));
    }
  }

  void onStart(@Observes StartupEvent event) {
    if (schedules.isEmpty()) {
      Log.warn("no mailboxes configured (mailgate.poller.mailboxes): nothing to poll");
    } else if (config.enabled()) {
      start();
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    stop();
  }

  /** Starts polling every mailbox, each after a random part of its jitter. */
  public synchronized void start() {
    if (running) {
      return;
    }
    workers =
        vertx.createSharedWorkerExecutor(
            "inbox-poller", Math.max(1, config.threads()), 10, TimeUnit.MINUTES);
    running = true;
    for (MailboxSchedule schedule : schedules.values()) {
      schedule(schedule, schedule.afterSuccess().minus(schedule.interval));
    }
    Log.infof("polling %d mailboxes", schedules.size());
  }

  /** Stops polling; the polls running now finish on their own. */
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    schedules.values().forEach(MailboxSchedule::cancel);
    workers.close();
  }

  public boolean isRunning() {
    return running;
  }

  /** The configured mailbox ids. */
  public List<String> mailboxes() {
    return List.copyOf(schedules.keySet());
  }

  /**
   * Polls the mailbox as soon as its backoff allows (right after the running poll, if one is);
   * false for a mailbox this service does not poll.
   */
  public boolean trigger(String mailboxId) {
    MailboxSchedule schedule = schedules.get(mailboxId);
    if (schedule == null) {
      return false;
    }
    if (running && !schedule.requestAgainIfBusy()) {
      schedule(schedule, schedule.waitForTrigger(clock.instant()));
    }
    return true;
  }

  private void schedule(MailboxSchedule schedule, Duration delay) {
    synchronized (schedule) {
      if (!running) {
        return;
      }
      WorkerExecutor pool = workers;
      long timer =
          vertx.setTimer(
              Math.max(1, delay.toMillis()),
              id -> pool.executeBlocking(() -> run(schedule), false));
      schedule.next(() -> vertx.cancelTimer(timer));
    }
  }

  private Void run(MailboxSchedule schedule) {
    if (!schedule.begin()) {
      return null;
    }
    Duration next;
    try {
      PollResult result = poller.poll(schedule.mailboxId);
      health.succeeded(schedule.mailboxId, result);
      schedule.backOffUntil(Instant.MIN);
      next = schedule.afterSuccess();
    } catch (LeaseLostException e) {
      // Another poll (thread or instance) took the mailbox over and published the page: no fault.
      Log.debugf("poll of %s superseded: %s", schedule.mailboxId, e.getMessage());
      next = schedule.afterSuccess();
    } catch (Exception e) {
      int failures = health.failed(schedule.mailboxId, e);
      Optional<Duration> retryAfter =
          e instanceof MultiMailException m ? m.retryAfter() : Optional.empty();
      next = backoff.delay(failures, retryAfter);
      schedule.backOffUntil(clock.instant().plus(next));
      Log.warnf(
          "polling %s failed (%d in a row), next try in %d ms: %s",
          schedule.mailboxId, failures, next.toMillis(), e.getMessage());
    }
    if (schedule.end()) {
      next = schedule.waitForTrigger(clock.instant());
    }
    schedule(schedule, next);
    return null;
  }
}
