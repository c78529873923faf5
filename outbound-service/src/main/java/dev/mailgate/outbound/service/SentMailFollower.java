package dev.mailgate.outbound.service;

import dev.mailgate.events.DeliveryOutcome;
import dev.mailgate.events.EventTypes;
import dev.mailgate.events.OutcomeStatus;
import dev.mailgate.events.Topics;
import dev.mailgate.multimail.client.MultiMailClient;
import dev.mailgate.multimail.client.error.MultiMailException;
import dev.mailgate.multimail.client.error.MultiMailNotFoundException;
import dev.mailgate.outbound.config.OutboundConfig;
import dev.mailgate.outbound.domain.FollowedEmail;
import dev.mailgate.outbound.domain.FollowedEmailRepository;
import dev.mailgate.outbox.AfterCommit;
import dev.mailgate.outbox.EventPublisher;
import dev.mailgate.outbox.consumer.Infrastructure;
import dev.mailgate.outbox.consumer.Problems;
import dev.mailgate.outbox.loop.WakeableLoop;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Follows sent email to its final status at MultiMail and tells the agent on {@code mail.outcomes}:
 * {@code delivered}, {@code bounced}, {@code rejected_by_provider} (MultiMail's reviewer rejected
 * it, sending failed, or it was cancelled), and once {@code held_by_provider} when MultiMail holds
 * it for its own reviewer. MultiMail is asked less and less often (from {@code first-check},
 * doubling to {@code max-interval}) until the status is final or {@code follow-for} has passed.
 * Emails are taken under a lease, so instances share the table; the outcome and the row's change
 * commit together, so a crash repeats a look, never an announcement.
 */
@ApplicationScoped
public class SentMailFollower {

  private final FollowedEmailRepository followed;
  private final MultiMailClient client;
  private final EventPublisher events;
  private final DeliveryMetrics metrics;
  private final AfterCommit afterCommit;
  private final Infrastructure infrastructure;
  private final OutboundConfig.Follow config;
  private final Clock clock;
  private final ManagedExecutor executor;
  private final WakeableLoop loop;

  public SentMailFollower(
      FollowedEmailRepository followed,
      MultiMailClient client,
      EventPublisher events,
      DeliveryMetrics metrics,
      AfterCommit afterCommit,
      Infrastructure infrastructure,
      OutboundConfig config,
      Clock clock,
      ManagedExecutor executor) {
    this.followed = followed;
    this.client = client;
    this.events = events;
    this.metrics = metrics;
    this.afterCommit = afterCommit;
    this.infrastructure = infrastructure;
    this.config = config.follow();
    this.clock = clock;
    this.executor = executor;
    this.loop =
        new WakeableLoop(
            "outbound-follow",
            this.config.pollInterval(),
            Duration.ofSeconds(30),
            () -> followDue() >= this.config.batchSize());
  }

  void start(@Observes StartupEvent event) {
    if (config.enabled()) {
      loop.start(executor);
    }
  }

  void stop(@Observes ShutdownEvent event) {
    if (config.enabled()) {
      loop.stop(Duration.ofSeconds(5));
    }
  }

  /**
   * Starts following an email MultiMail accepted for {@code intentId}, in the caller's transaction
   * (the one that announces {@code accepted}).
   */
  public void follow(
      String intentId,
      String mailboxId,
      String providerEmailId,
      String threadId,
      int attempt,
      Instant now) {
    if (!config.enabled() || providerEmailId == null || followed.findById(intentId) != null) {
      return;
    }
    FollowedEmail email = new FollowedEmail();
    email.intentId = intentId;
    email.mailboxId = mailboxId;
    email.providerEmailId = providerEmailId;
    email.threadId = threadId;
    email.attempt = attempt;
    // Not the accepting answer's status: a first look that finds it held must announce it.
    email.lastStatus = null;
    email.nextCheckAt = now.plus(config.firstCheck());
    email.followUntil = now.plus(config.followFor());
    followed.persist(email);
  }

  /**
   * Looks at one batch of due emails; returns how many were taken. The batch stops early when
   * MultiMail is rate limiting, failing or unreachable (the rest waits for the lease to end, which
   * spaces the next looks out) and before half the lease is used, so no other instance takes an
   * email this one still answers for.
   */
  public int followDue() {
    Instant now = clock.instant();
    // The database keeps microseconds: the lease is compared with what it stored.
    Instant leaseUntil = now.plus(config.lease()).truncatedTo(ChronoUnit.MICROS);
    List<Look> due =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    followed.claimDue(now, leaseUntil, config.batchSize()).stream()
                        .map(Look::of)
                        .toList());
    if (due.isEmpty()) {
      return 0;
    }
    Instant askUntil = now.plus(config.lease().dividedBy(2));
    Map<String, Answer> answers = new HashMap<>();
    for (Look look : due) {
      Answer answer = ask(look);
      answers.put(look.intentId(), answer);
      if (answer instanceof Answer.Failed failed && failed.stopsTheBatch()
          || clock.instant().isAfter(askUntil)) {
        break;
      }
    }
    infrastructure.retrying(
        "outbound-service follow-ups",
        () -> QuarkusTransaction.requiringNew().run(() -> record(due, answers, leaseUntil)));
    return due.size();
  }

  private Answer ask(Look look) {
    try {
      return new Answer.Read(SentStatus.of(client.getEmail(look.mailboxId(), look.emailId())));
    } catch (MultiMailNotFoundException e) {
      return new Answer.Gone(e.getMessage());
    } catch (MultiMailException e) {
      return new Answer.Failed(e.getMessage(), e.kind() != MultiMailException.Kind.REFUSED);
    } catch (RuntimeException e) {
      return new Answer.Failed(String.valueOf(e), true);
    }
  }

  private void record(List<Look> due, Map<String, Answer> answers, Instant leaseUntil) {
    Instant now = clock.instant();
    for (Look look : due) {
      Answer answer = answers.get(look.intentId());
      if (answer == null) {
        continue; // not asked: taken again when the lease ends
      }
      FollowedEmail row =
          followed.findByIdOptional(look.intentId(), LockModeType.PESSIMISTIC_WRITE).orElse(null);
      if (row == null || !leaseUntil.equals(row.nextCheckAt)) {
        continue; // gone, or no longer ours: another instance answers for it now
      }
      if (answer instanceof Answer.Read read) {
        SentStatus status = read.status();
        if (status.isFinal()) {
          announce(row, status, now);
          followed.delete(row);
          continue;
        }
        if (status.outcome().isPresent()
            && !Objects.equals(status.providerStatus(), row.lastStatus)) {
          announce(row, status, now);
        }
        row.lastStatus = status.providerStatus();
      } else if (answer instanceof Answer.Gone gone) {
        Log.warnf(
            "MultiMail no longer knows email %s of intent %s (%s): no longer followed",
            row.providerEmailId, row.intentId, gone.error());
        afterCommit.run(() -> metrics.outcome("follow_lost"));
        followed.delete(row);
        continue;
      } else if (answer instanceof Answer.Failed failed) {
        Log.debugf("could not look at email %s: %s", row.providerEmailId, failed.error());
      }
      reschedule(row, now);
    }
  }

  private void reschedule(FollowedEmail row, Instant now) {
    row.checks++;
    long factor = 1L << Math.min(row.checks, 20);
    Duration wait = config.firstCheck().multipliedBy(factor);
    Instant next = now.plus(wait.compareTo(config.maxInterval()) > 0 ? config.maxInterval() : wait);
    if (next.isAfter(row.followUntil)) {
      Log.infof(
          "email %s of intent %s still %s after %s: no longer followed",
          row.providerEmailId, row.intentId, row.lastStatus, config.followFor());
      afterCommit.run(() -> metrics.outcome("follow_expired"));
      followed.delete(row);
      return;
    }
    row.nextCheckAt = next;
  }

  private void announce(FollowedEmail row, SentStatus status, Instant now) {
    OutcomeStatus outcome = status.outcome().orElseThrow();
    if (outcome == OutcomeStatus.HELD_BY_PROVIDER) {
      Log.warnf(
          "mailbox %s is gated at MultiMail: email %s, approved by MailGate, waits for MultiMail's"
              + " reviewer too. Set the mailbox's oversight mode at MultiMail (its trust ladder) to"
              + " let MailGate's decision stand, or expect every email to be reviewed twice.",
          row.mailboxId, row.providerEmailId);
    }
    events.publish(
        Topics.OUTCOMES,
        row.mailboxId,
        EventTypes.outcome(outcome),
        new DeliveryOutcome(
            row.intentId,
            row.mailboxId,
            outcome,
            row.attempt,
            row.providerEmailId,
            row.threadId,
            status.providerStatus(),
            null,
            Problems.shorten(status.detail()),
            null,
            now));
    afterCommit.run(() -> metrics.outcome(outcome.wire()));
  }

  /** What is needed to ask MultiMail, copied out of the claiming transaction. */
  private record Look(String intentId, String mailboxId, String emailId) {
    static Look of(FollowedEmail email) {
      return new Look(email.intentId, email.mailboxId, email.providerEmailId);
    }
  }

  private sealed interface Answer {
    record Read(SentStatus status) implements Answer {}

    record Gone(String error) implements Answer {}

    /** {@code stopsTheBatch}: MultiMail is rate limiting, failing or out of reach. */
    record Failed(String error, boolean stopsTheBatch) implements Answer {}
  }
}
