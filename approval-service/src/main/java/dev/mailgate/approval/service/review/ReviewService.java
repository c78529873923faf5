package dev.mailgate.approval.service.review;

import dev.mailgate.approval.domain.Intent;
import dev.mailgate.approval.domain.IntentRepository;
import dev.mailgate.approval.service.Decisions;
import dev.mailgate.events.Actor;
import dev.mailgate.events.DecisionState;
import dev.mailgate.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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

  public ReviewService(IntentRepository intents, Decisions decisions, EditApplier edits) {
    this.intents = intents;
    this.decisions = decisions;
    this.edits = edits;
  }

  @Transactional
  public Intent approve(String intentId, Edits changes, String reason, Caller reviewer) {
    Intent intent = pendingForUpdate(intentId, reviewer);
    if (reviewer.is(intent.agent)) {
      throw new ReviewException(
          ReviewException.Kind.FORBIDDEN,
          "intent "
              + intentId
              + " was asked for by "
              + intent.agent
              + ": nobody approves their own email");
    }
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

  private Intent pendingForUpdate(String intentId, Caller reviewer) {
    Intent intent =
        intents
            .findForUpdate(intentId)
            .filter(i -> reviewer.mayActOn(i.mailboxId))
            .orElseThrow(
                () ->
                    new ReviewException(
                        ReviewException.Kind.NOT_FOUND,
                        "no intent " + intentId + " in your mailboxes"));
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
