package dev.mailgate.approval.service.review;

import dev.mailgate.approval.config.ApprovalConfig;
import dev.mailgate.approval.domain.ExpiryAction;
import dev.mailgate.approval.domain.Intent;
import dev.mailgate.approval.domain.IntentRepository;
import dev.mailgate.approval.domain.Mailbox;
import dev.mailgate.approval.domain.PolicyRepository;
import dev.mailgate.approval.service.decision.Decisions;
import dev.mailgate.events.Actor;
import dev.mailgate.events.DecisionState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/**
 * Ends reviews nobody made in time, so nothing hangs: each pending item past its mailbox's review
 * TTL gets the mailbox's expiry action (by default rejected with reason "expired") and the agent is
 * told. Rows are locked with SKIP LOCKED, so several instances share the work without overlap.
 */
@ApplicationScoped
public class ExpiryService {

  private static final Actor SYSTEM = Actor.system("approval-service");

  private final IntentRepository intents;
  private final PolicyRepository policies;
  private final Decisions decisions;
  private final ApprovalConfig config;

  private final Clock clock;

  public ExpiryService(
      IntentRepository intents,
      PolicyRepository policies,
      Decisions decisions,
      ApprovalConfig config,
      Clock clock) {
    this.clock = clock;
    this.intents = intents;
    this.policies = policies;
    this.decisions = decisions;
    this.config = config;
  }

  @Scheduled(
      every = "${mailgate.approval.expiry-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void expireDue() {
    int expired;
    do {
      expired = QuarkusTransaction.requiringNew().call(this::expireBatch);
    } while (expired == config.expiryBatchSize());
  }

  int expireBatch() {
    List<Intent> due = intents.expiredForUpdate(clock.instant(), config.expiryBatchSize());
    for (Intent intent : due) {
      ExpiryAction action =
          policies
              .mailbox(intent.mailboxId)
              .map((Mailbox m) -> m.expiryAction)
              .orElse(ExpiryAction.REJECT);
      if (action == ExpiryAction.APPROVE) {
        decisions.decide(
            intent, DecisionState.APPROVED, SYSTEM, "approved when its review time ran out");
      } else {
        decisions.decide(intent, DecisionState.EXPIRED, SYSTEM, "expired");
      }
    }
    return due.size();
  }
}
