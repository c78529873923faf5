package dev.mailgate.approval.service.intake;

import dev.mailgate.approval.domain.ContentKeys;
import dev.mailgate.approval.domain.Intent;
import dev.mailgate.approval.domain.IntentRepository;
import dev.mailgate.approval.domain.OversightMode;
import dev.mailgate.approval.domain.PolicyRepository;
import dev.mailgate.approval.service.decision.Decisions;
import dev.mailgate.events.Actor;
import dev.mailgate.events.DecisionState;
import dev.mailgate.events.EmailIntent;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.Problem;
import dev.mailgate.events.validation.IntentReader;
import dev.mailgate.outbox.consumer.DeadLetters;
import dev.mailgate.outbox.consumer.Problems;
import dev.mailgate.outbox.consumer.Received;
import dev.mailgate.outbox.logging.LogContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Takes a batch of {@code mail.intents} records in the caller's transaction: stores each new intent
 * (a replayed {@code intent_id} is a no-op), decides it, and writes every resulting event to the
 * outbox. Records that are not intents at all, or whose id is unusable, go to the dead-letter topic
 * with the reason; an invalid intent with a readable id is also decided {@code invalid}.
 */
@ApplicationScoped
public class IntentIntake {

  /** This consumer's name in {@code processed_event} and dead letters. */
  public static final String CONSUMER = "approval-service.intents";

  private final IntentRepository intents;
  private final PolicyRepository policies;
  private final OversightDecider decider;
  private final ConflictGroups conflicts;
  private final Decisions decisions;
  private final DeadLetters deadLetters;
  private final AgentBinding binding;
  private final ReplyRecipients replies;
  private final Clock clock;

  public IntentIntake(
      IntentRepository intents,
      PolicyRepository policies,
      OversightDecider decider,
      ConflictGroups conflicts,
      Decisions decisions,
      DeadLetters deadLetters,
      AgentBinding binding,
      ReplyRecipients replies,
      Clock clock) {
    this.intents = intents;
    this.policies = policies;
    this.decider = decider;
    this.conflicts = conflicts;
    this.decisions = decisions;
    this.deadLetters = deadLetters;
    this.binding = binding;
    this.replies = replies;
    this.clock = clock;
  }

  /** Processes the records in order; call inside a transaction. */
  public void take(List<Received<IntentReader.Result>> records) {
    Set<String> existing =
        intents.existingIds(
            records.stream().map(r -> idOf(r.payload())).filter(Objects::nonNull).toList());
    Instant now = clock.instant();
    List<String> refusals = binding.refusals(records);
    List<Intent> rows = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      rows.add(
          records.get(i).payload() instanceof IntentReader.Valid valid && refusals.get(i) == null
              ? IntentRows.valid(valid.intent(), now)
              : null);
    }
    Map<Intent, Problem> unresolved =
        replies.resolve(rows.stream().filter(Objects::nonNull).toList());
    BatchContext batch =
        new BatchContext(
            policies,
            intents,
            rows.stream().filter(r -> r != null && !unresolved.containsKey(r)).toList(),
            now);
    for (int i = 0; i < records.size(); i++) {
      Received<IntentReader.Result> record = records.get(i);
      String id = idOf(record.payload());
      try (LogContext context = LogContext.of(record.ref());
          LogContext intent = LogContext.intent(id, null)) {
        boolean replay = id != null && (existing.contains(id) || batch.seen(id));
        if (record.payload() instanceof IntentReader.Invalid invalid) {
          rejectInvalid(record, invalid, replay, now, batch);
        } else if (!replay && refusals.get(i) != null) {
          rejectUnbound(
              ((IntentReader.Valid) record.payload()).intent(), refusals.get(i), now, batch);
        } else if (!replay && unresolved.containsKey(rows.get(i))) {
          rejectUnresolved(rows.get(i), unresolved.get(rows.get(i)), now, batch);
        } else if (!replay) {
          accept(rows.get(i), now, batch);
        }
      }
    }
    batch.storedIntents().forEach(intents::store);
  }

  private void accept(Intent intent, Instant now, BatchContext batch) {
    ContentKeys keys = intent.keys();
    decisions.announce(
        intent, DecisionState.ACCEPTED, new Actor(Actor.Type.ROLE, intent.role), null, List.of());
    OversightDecider.Verdict verdict = decider.decide(intent, keys, batch);
    intent.relatedIntentId = verdict.relatedIntentId();
    if (verdict.state() == DecisionState.CONFLICT) {
      conflicts.join(intent, verdict.conflictsWith(), verdict.disagreements(), batch);
    }
    if (verdict.state() == DecisionState.HELD || verdict.state() == DecisionState.CONFLICT) {
      long ttl = batch.policy(intent.mailboxId).orElseThrow().mailbox().reviewTtlSeconds;
      intent.expiresAt = now.plus(Duration.ofSeconds(ttl));
    }
    intent.reviewAfter =
        verdict.state() == DecisionState.APPROVED
            && batch.policy(intent.mailboxId).orElseThrow().mailbox().oversightMode
                == OversightMode.MONITORED;
    decisions.decide(
        intent, verdict.state(), Actor.policy(), verdict.reason(), oversightCopy(intent, batch));
    batch.stored(intent);
  }

  /**
   * Monitored mail that leaves without a reviewer goes in copy (bcc) to the mailbox's oversight
   * address, as MultiMail's {@code monitored} does; only on {@code mail.approved}, never among the
   * intent's recipients, so no rule, limit or cooldown counts it.
   */
  private static List<String> oversightCopy(Intent intent, BatchContext batch) {
    String address =
        intent.reviewAfter
            ? batch.policy(intent.mailboxId).orElseThrow().mailbox().oversightAddress
            : null;
    return address == null ? List.of() : List.of(address);
  }

  /** An intent its credentials do not cover: rejected with the reason, the policy never runs. */
  private void rejectUnbound(EmailIntent source, String reason, Instant now, BatchContext batch) {
    Intent intent = IntentRows.valid(source, now);
    intent.state = DecisionState.REJECTED;
    intent.reason = reason;
    intent.decidedBy = Actor.policy().id();
    intent.decidedAt = now;
    decisions.announce(intent, DecisionState.REJECTED, Actor.policy(), reason, List.of());
    batch.stored(intent);
  }

  /**
   * A reply whose recipient cannot be resolved ({@link ReplyRecipients}): invalid, with the problem
   * the agent can act on; the policy never runs.
   */
  private void rejectUnresolved(Intent intent, Problem problem, Instant now, BatchContext batch) {
    intent.state = DecisionState.INVALID;
    intent.reason = "the reply cannot be sent: " + problem.message();
    intent.problems = EventJson.mapper().valueToTree(List.of(problem));
    intent.decidedBy = Actor.policy().id();
    intent.decidedAt = now;
    decisions.announce(
        intent, DecisionState.INVALID, Actor.policy(), intent.reason, List.of(problem));
    batch.stored(intent);
  }

  private void rejectInvalid(
      Received<IntentReader.Result> record,
      IntentReader.Invalid invalid,
      boolean replay,
      Instant now,
      BatchContext batch) {
    if (isMalformed(invalid) || invalid.intentId().isEmpty()) {
      deadLetters.send(CONSUMER, record, summary(invalid.problems()));
    }
    if (replay || invalid.intentId().isEmpty()) {
      return;
    }
    Intent intent =
        IntentRows.invalid(
            invalid.intentId().get(), invalid.mailboxId().orElse(null), invalid.problems(), now);
    intent.state = DecisionState.INVALID;
    intent.reason = "the intent failed validation: " + summary(invalid.problems());
    intent.decidedBy = Actor.policy().id();
    intent.decidedAt = now;
    decisions.announce(
        intent, DecisionState.INVALID, Actor.policy(), intent.reason, invalid.problems());
    batch.stored(intent);
  }

  /** Problems that mean the record is not a readable intent, as opposed to a refused one. */
  private static final Set<String> MALFORMED =
      Set.of("malformed_json", "type", "empty", "too_large");

  static boolean isMalformed(IntentReader.Invalid invalid) {
    return invalid.problems().stream().anyMatch(p -> MALFORMED.contains(p.code()));
  }

  static String summary(List<Problem> problems) {
    return Problems.shorten(
        problems.stream()
            .map(p -> p.path() + ": " + p.message())
            .collect(Collectors.joining("; ")));
  }

  private static String idOf(IntentReader.Result result) {
    if (result instanceof IntentReader.Valid valid) {
      return valid.intent().intentId();
    }
    return ((IntentReader.Invalid) result).intentId().orElse(null);
  }
}
