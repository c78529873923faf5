package dev.mailgate.approval.service.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.approval.domain.ModeChange;
import dev.mailgate.approval.domain.ModeChangeRepository;
import dev.mailgate.approval.domain.OversightMode;
import dev.mailgate.approval.domain.PolicyRepository;
import dev.mailgate.events.Actor;
import dev.mailgate.events.EventJson;
import dev.mailgate.support.problem.ApiProblem;
import dev.mailgate.support.security.Identities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The two-person rule for raising a mailbox's autonomy: one administrator requests, a different one
 * confirms within a day; each step is a {@code mail.policies} event in the same transaction.
 */
@ApplicationScoped
public class ModeChanges {

  /** How long a request waits for its confirmation. */
  public static final Duration VALID_FOR = Duration.ofHours(24);

  private final ModeChangeRepository changes;
  private final PolicyRepository policies;
  private final PolicyEvents events;
  private final Clock clock;

  public ModeChanges(
      ModeChangeRepository changes, PolicyRepository policies, PolicyEvents events, Clock clock) {
    this.changes = changes;
    this.policies = policies;
    this.events = events;
    this.clock = clock;
  }

  /** Records a pending raise of {@code mailboxId} from {@code from} to {@code to}. */
  @Transactional
  ModeChange request(String mailboxId, OversightMode from, OversightMode to, Actor actor) {
    ModeChange change = new ModeChange();
    change.id = UUID.randomUUID();
    change.mailboxId = mailboxId;
    change.fromMode = from;
    change.toMode = to;
    change.requestedBy = actor.id();
    change.requestedAt = clock.instant();
    change.state = ModeChange.PENDING;
    changes.persist(change);
    events.changed(mailboxId, "mode.raise.requested", actor, null, json(change));
    return change;
  }

  /** A mailbox's pending raises. */
  @Transactional
  public List<ModeChange> pending(String mailboxId) {
    return changes.pending(mailboxId);
  }

  /**
   * Confirms a pending raise: only by an administrator other than the requester (identities
   * compared normalised), only while the mailbox is still in the mode the request started from.
   */
  @Transactional
  public ModeChange confirm(String mailboxId, UUID changeId, Actor actor) {
    ModeChange change = pendingChange(mailboxId, changeId);
    if (Identities.same(change.requestedBy, actor.id())) {
      throw ApiProblem.forbidden(
          "a second administrator must confirm raising the autonomy of " + mailboxId);
    }
    if (change.requestedAt.plus(VALID_FOR).isBefore(clock.instant())) {
      throw ApiProblem.conflict("the request is older than " + VALID_FOR.toHours() + " h");
    }
    var mailbox =
        policies.mailbox(mailboxId).orElseThrow(() -> new UnknownMailboxException(mailboxId));
    if (mailbox.oversightMode != change.fromMode) {
      throw ApiProblem.conflict(
          "the mailbox is "
              + mailbox.oversightMode.wire()
              + " now, not "
              + change.fromMode.wire()
              + " as when the raise was asked for");
    }
    var before = PolicyAdmin.json(mailbox);
    mailbox.oversightMode = change.toMode;
    mailbox.updatedAt = clock.instant();
    events.changed(mailboxId, "mailbox.updated", actor, before, PolicyAdmin.json(mailbox));
    close(change, ModeChange.CONFIRMED, actor, "mode.raise.confirmed");
    return change;
  }

  /** Withdraws a pending raise (any administrator of the mailbox). */
  @Transactional
  public ModeChange cancel(String mailboxId, UUID changeId, Actor actor) {
    ModeChange change = pendingChange(mailboxId, changeId);
    close(change, ModeChange.CANCELLED, actor, "mode.raise.cancelled");
    return change;
  }

  private ModeChange pendingChange(String mailboxId, UUID changeId) {
    ModeChange change = changes.findById(changeId);
    if (change == null || !change.mailboxId.equals(mailboxId)) {
      throw ApiProblem.notFound("no mode change " + changeId + " for " + mailboxId);
    }
    if (!ModeChange.PENDING.equals(change.state)) {
      throw ApiProblem.conflict("mode change " + changeId + " is " + change.state);
    }
    return change;
  }

  private void close(ModeChange change, String state, Actor actor, String event) {
    var before = json(change);
    change.state = state;
    change.decidedBy = actor.id();
    change.decidedAt = clock.instant();
    events.changed(change.mailboxId, event, actor, before, json(change));
  }

  /** A mode change as the API and the events show it. */
  public record View(
      String id,
      String mailboxId,
      String from,
      String to,
      String requestedBy,
      Instant requestedAt,
      String state,
      String decidedBy,
      Instant decidedAt) {

    public static View of(ModeChange change) {
      return new View(
          change.id.toString(),
          change.mailboxId,
          change.fromMode.wire(),
          change.toMode.wire(),
          change.requestedBy,
          change.requestedAt,
          change.state,
          change.decidedBy,
          change.decidedAt);
    }
  }

  private static JsonNode json(ModeChange change) {
    return EventJson.mapper().valueToTree(View.of(change));
  }
}
