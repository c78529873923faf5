package dev.mailgate.approval.service.review;

import dev.mailgate.approval.domain.Intent;
import dev.mailgate.approval.domain.IntentRepository;
import dev.mailgate.approval.service.decision.Decisions;
import dev.mailgate.events.Actor;
import dev.mailgate.events.DecisionState;
import dev.mailgate.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A reviewer's decisions on held intents. Each is one transaction that locks the intent row, so two
 * reviewers acting at once produce one decision and the second gets a 409.
 */
@ApplicationScoped
public class ReviewService {

  private final IntentRepository intents;
  private final Decisions decisions;
  private final EditApplier edits;

  private final Clock clock;

  public ReviewService(
      IntentRepository intents, Decisions decisions, EditApplier edits, Clock clock) {
    this.clock = clock;
    this.intents = intents;
    this.decisions = decisions;
    this.edits = edits;
  }

  @Transactional
  public Intent approve(String intentId, Edits changes, String reason, Caller reviewer) {
    Intent intent = pendingForUpdate(intentId, reviewer);
    refuseOwn(intent, reviewer, "approves");
    edits.apply(intent, changes);
    decisions.decide(
        intent,
        DecisionState.APPROVED,
        Actor.reviewer(reviewer.subject()),
        reasonOr(reason, "approved"));
    return intent;
  }

  @Transactional
  public Intent reject(String intentId, String reason, Caller reviewer) {
    String why = requireReason(reason);
    Intent intent = pendingForUpdate(intentId, reviewer);
    decisions.decide(intent, DecisionState.REJECTED, Actor.reviewer(reviewer.subject()), why);
    return intent;
  }

  /**
   * Records that {@code reviewer} looked at a monitored intent after it was sent: it leaves the
   * monitored listing, and the acknowledgement (with the note, if any) goes to the trail. Like an
   * approval, nobody acknowledges their own email.
   */
  @Transactional
  public Intent acknowledge(String intentId, String note, Caller reviewer) {
    Intent intent = inScopeForUpdate(intentId, reviewer);
    if (!intent.reviewAfter) {
      throw new ReviewException(
          ReviewException.Kind.NOT_PENDING,
          intent.acknowledgedBy == null
              ? "intent " + intentId + " is not monitored mail waiting to be acknowledged"
              : "intent "
                  + intentId
                  + " was acknowledged by "
                  + intent.acknowledgedBy
                  + " at "
                  + intent.acknowledgedAt);
    }
    refuseOwn(intent, reviewer, "reviews");
    String text = note == null || note.isBlank() ? null : reasonOr(note, null);
    intent.reviewAfter = false;
    intent.acknowledgedBy = reviewer.subject();
    intent.acknowledgedAt = clock.instant();
    intent.acknowledgement = text;
    decisions.acknowledged(
        intent,
        Actor.reviewer(reviewer.subject()),
        text == null ? "reviewed after sending" : "reviewed after sending: " + text);
    return intent;
  }

  /**
   * Keeps some members of a conflict group (approved) and rejects the other pending ones as
   * superseded.
   */
  @Transactional
  public List<Intent> resolveConflict(
      UUID conflictId, List<String> keep, String reason, Caller reviewer) {
    List<Intent> group = intents.conflictGroupForUpdate(conflictId);
    if (group.isEmpty() || group.stream().noneMatch(i -> reviewer.mayActOn(i.mailboxId))) {
      throw new ReviewException(ReviewException.Kind.NOT_FOUND, "no conflict group " + conflictId);
    }
    if (group.stream().anyMatch(i -> !reviewer.mayActOn(i.mailboxId))) {
      throw new ReviewException(
          ReviewException.Kind.FORBIDDEN, "the group spans mailboxes you do not review");
    }
    if (keep == null || keep.isEmpty()) {
      throw new ReviewException(
          ReviewException.Kind.INVALID, "keep must name at least one intent of the group");
    }
    for (String id : keep) {
      Intent kept =
          group.stream()
              .filter(i -> i.intentId.equals(id))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ReviewException(
                          ReviewException.Kind.INVALID,
                          "intent " + id + " is not in conflict group " + conflictId));
      if (!kept.isPending()) {
        throw new ReviewException(
            ReviewException.Kind.NOT_PENDING,
            "intent " + id + " is " + kept.state.wire() + ", not pending");
      }
      if (reviewer.is(kept.agent)) {
        throw new ReviewException(
            ReviewException.Kind.FORBIDDEN, "nobody approves their own email");
      }
    }
    Actor actor = Actor.reviewer(reviewer.subject());
    for (Intent member : group) {
      if (keep.contains(member.intentId)) {
        decisions.decide(
            member,
            DecisionState.APPROVED,
            actor,
            reasonOr(reason, "kept when resolving the conflict"));
      } else if (member.isPending()) {
        member.relatedIntentId = keep.get(0);
        decisions.decide(
            member,
            DecisionState.REJECTED,
            actor,
            "superseded by "
                + keep.get(0)
                + (reason == null || reason.isBlank() ? "" : ": " + reason));
      }
    }
    return group;
  }

  private static void refuseOwn(Intent intent, Caller reviewer, String verb) {
    if (reviewer.is(intent.agent)) {
      throw new ReviewException(
          ReviewException.Kind.FORBIDDEN,
          "intent "
              + intent.intentId
              + " was asked for by "
              + intent.agent
              + ": nobody "
              + verb
              + " their own email");
    }
  }

  private Intent inScopeForUpdate(String intentId, Caller reviewer) {
    return intents
        .findForUpdate(intentId)
        .filter(i -> reviewer.mayActOn(i.mailboxId))
        .orElseThrow(
            () ->
                new ReviewException(
                    ReviewException.Kind.NOT_FOUND,
                    "no intent " + intentId + " in your mailboxes"));
  }

  private Intent pendingForUpdate(String intentId, Caller reviewer) {
    Intent intent = inScopeForUpdate(intentId, reviewer);
    if (!intent.isPending()) {
      throw new ReviewException(
          ReviewException.Kind.NOT_PENDING,
          "intent " + intentId + " is " + intent.state.wire() + ", not pending review");
    }
    return intent;
  }

  /** The reason, trimmed; a reviewer must always give one. */
  public static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new ReviewException(
          ReviewException.Kind.INVALID, "a rejection needs a reason the agent can act on");
    }
    if (reason.length() > 2_000) {
      throw new ReviewException(
          ReviewException.Kind.INVALID, "reason is longer than 2000 characters");
    }
    return reason;
  }

  private static String reasonOr(String reason, String fallback) {
    if (reason != null && reason.length() > 2_000) {
      throw new ReviewException(
          ReviewException.Kind.INVALID, "reason is longer than 2000 characters");
    }
    return reason == null || reason.isBlank() ? fallback : reason;
  }
}
