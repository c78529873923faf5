package dev.mailgate.approval.service;

import dev.mailgate.approval.domain.ContentKeys;
import dev.mailgate.approval.domain.Intent;
import dev.mailgate.approval.domain.IntentRecipient;
import dev.mailgate.approval.domain.IntentRepository;
import dev.mailgate.approval.domain.OversightMode;
import dev.mailgate.approval.domain.PolicyRepository;
import dev.mailgate.events.Actor;
import dev.mailgate.events.DecisionState;
import dev.mailgate.events.validation.IntentReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Takes a batch of {@code mail.intents} records in the caller's transaction: stores each new intent
 * (a replayed {@code intent_id} is a no-op), decides it, and writes every resulting event to the
 * outbox. Records that are not intents at all go to the dead-letter topic.
 */
@ApplicationScoped
public class IntentIntake {

  private final IntentReader reader;
  private final IntentRepository intents;
  private final PolicyRepository policies;
  private final OversightDecider decider;
  private final ConflictGroups conflicts;
  private final Decisions decisions;
  private final DeadLetters deadLetters;
  private final EntityManager em;

  public IntentIntake(
      IntentReader reader,
      IntentRepository intents,
      PolicyRepository policies,
      OversightDecider decider,
      ConflictGroups conflicts,
      Decisions decisions,
      DeadLetters deadLetters,
      EntityManager em) {
    this.reader = reader;
    this.intents = intents;
    this.policies = policies;
    this.decider = decider;
    this.conflicts = conflicts;
    this.decisions = decisions;
    this.deadLetters = deadLetters;
    this.em = em;
  }

  /** Processes the records in order; call inside a transaction. */
  public void take(List<ConsumerRecord<String, byte[]>> records) {
    List<IntentReader.Result> results = records.stream().map(r -> reader.read(r.value())).toList();
    Set<String> existing =
        intents.existingIds(
            results.stream().map(IntentIntake::idOf).filter(java.util.Objects::nonNull).toList());
    Instant now = Instant.now();
    List<Intent> rows = new ArrayList<>(results.size());
    for (IntentReader.Result result : results) {
      rows.add(
          result instanceof IntentReader.Valid valid
              ? IntentRows.valid(valid.intent(), now)
              : null);
    }
    BatchContext batch =
        new BatchContext(
            policies, intents, rows.stream().filter(java.util.Objects::nonNull).toList(), now);
    for (int i = 0; i < records.size(); i++) {
      IntentReader.Result result = results.get(i);
      String id = idOf(result);
      boolean replay = id != null && (existing.contains(id) || batch.seen(id));
      if (result instanceof IntentReader.Invalid invalid) {
        rejectInvalid(records.get(i), invalid, replay, now, batch);
      } else if (!replay) {
        accept(rows.get(i), now, batch);
      }
    }
    for (Intent intent : batch.storedIntents()) {
      em.persist(intent);
      if (IntentRepository.LIVE.contains(intent.state)) {
        intent.recipients().forEach(r -> em.persist(IntentRecipient.of(intent, r)));
      }
    }
  }

  private void accept(Intent intent, Instant now, BatchContext batch) {
    ContentKeys keys = IntentRows.keysOf(intent);
    decisions.announce(
        intent, DecisionState.ACCEPTED, new Actor(Actor.Type.ROLE, intent.role), null, List.of());
    OversightDecider.Verdict verdict = decider.decide(intent, keys, batch);
    intent.relatedIntentId = verdict.relatedIntentId();
    if (verdict.state() == DecisionState.CONFLICT) {
      conflicts.join(intent, verdict.conflictsWith(), batch);
    }
    if (verdict.state() == DecisionState.HELD || verdict.state() == DecisionState.CONFLICT) {
      long ttl = batch.policy(intent.mailboxId).orElseThrow().mailbox().reviewTtlSeconds;
      intent.expiresAt = now.plus(Duration.ofSeconds(ttl));
    }
    intent.reviewAfter =
        verdict.state() == DecisionState.APPROVED
            && batch.policy(intent.mailboxId).orElseThrow().mailbox().oversightMode
                == OversightMode.MONITORED;
    decisions.decide(intent, verdict.state(), Actor.policy(), verdict.reason());
    batch.stored(intent);
  }

  private void rejectInvalid(
      ConsumerRecord<String, byte[]> record,
      IntentReader.Invalid invalid,
      boolean replay,
      Instant now,
      BatchContext batch) {
    if (DeadLetters.isMalformed(invalid)) {
      deadLetters.send(record, DeadLetters.summary(invalid.problems()));
    }
    if (replay || invalid.intentId().isEmpty()) {
      return;
    }
    Intent intent =
        IntentRows.invalid(
            invalid.intentId().get(), invalid.mailboxId().orElse(null), invalid.problems(), now);
    intent.state = DecisionState.INVALID;
    intent.reason = "the intent failed validation: " + DeadLetters.summary(invalid.problems());
    intent.decidedBy = Actor.policy().id();
    intent.decidedAt = now;
    decisions.announce(
        intent, DecisionState.INVALID, Actor.policy(), intent.reason, invalid.problems());
    batch.stored(intent);
  }

  private static String idOf(IntentReader.Result result) {
    if (result instanceof IntentReader.Valid valid) {
      return valid.intent().intentId();
    }
    return ((IntentReader.Invalid) result).intentId().orElse(null);
  }
}
