package dev.mailgate.approval.service.decision;

import dev.mailgate.approval.domain.Intent;
import dev.mailgate.approval.service.notify.ReviewNotifications;
import dev.mailgate.approval.service.review.ReviewMetrics;
import dev.mailgate.events.Actor;
import dev.mailgate.events.ApprovedEmail;
import dev.mailgate.events.Attachment;
import dev.mailgate.events.DecisionEvent;
import dev.mailgate.events.DecisionState;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.EventTypes;
import dev.mailgate.events.Problem;
import dev.mailgate.events.Topics;
import dev.mailgate.outbox.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Changes an intent's state and writes what that implies — a {@code mail.decisions} event, and for
 * an approval the final content on {@code mail.approved}, signed ({@link ApprovalSigning}) — in the
 * caller's transaction.
 */
@ApplicationScoped
public class Decisions {

  private static final Logger LOG = Logger.getLogger(Decisions.class);

  private final EventPublisher events;
  private final ApprovalSigning signing;
  private final ReviewMetrics metrics;
  private final ReviewNotifications notifications;

  private final Clock clock;

  public Decisions(
      EventPublisher events,
      ApprovalSigning signing,
      ReviewMetrics metrics,
      ReviewNotifications notifications,
      Clock clock) {
    this.clock = clock;
    this.events = events;
    this.signing = signing;
    this.metrics = metrics;
    this.notifications = notifications;
  }

  /** Moves {@code intent} to {@code state} and announces it. */
  public void decide(Intent intent, DecisionState state, Actor actor, String reason) {
    decide(intent, state, actor, reason, List.of());
  }

  /**
   * As {@link #decide(Intent, DecisionState, Actor, String)}; an approval's {@code mail.approved}
   * record also carries {@code copies} in {@code bcc} (the oversight copy of monitored mail), which
   * the intent itself does not list among its recipients.
   */
  public void decide(
      Intent intent, DecisionState state, Actor actor, String reason, List<String> copies) {
    intent.state = state;
    intent.reason = reason;
    intent.decidedBy = actor.id();
    intent.decidedAt = clock.instant();
    announce(intent, state, actor, reason, List.of());
    if (state == DecisionState.APPROVED) {
      signing.publish(approved(intent, actor, copies));
    }
    metrics.decided(state, actor, intent.receivedAt, intent.decidedAt);
    if (actor.type() == Actor.Type.REVIEWER) {
      // A person's decision is worth a line (the pipeline's own are counted, not logged).
      LOG.infof("%s by reviewer %s: %s", state.wire(), actor.id(), oneLine(reason));
    }
    if (state == DecisionState.HELD || state == DecisionState.CONFLICT) {
      notifications.held(intent);
    }
  }

  /** A reviewer's text for a log line: control characters (a forged next line) out, 200 at most. */
  private static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    String flat = text.replaceAll("\\p{Cntrl}", " ");
    return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
  }

  /**
   * Announces that a reviewer acknowledged a monitored intent after it was sent: its state is
   * repeated, unchanged, under the event type {@link EventTypes#REVIEW_ACKNOWLEDGED}.
   */
  public void acknowledged(Intent intent, Actor reviewer, String reason) {
    publish(intent, intent.state, reviewer, reason, List.of(), EventTypes.REVIEW_ACKNOWLEDGED);
  }

  /** Announces a state without changing the row (e.g. {@code accepted} before the decision). */
  public void announce(
      Intent intent, DecisionState state, Actor actor, String reason, List<Problem> problems) {
    publish(intent, state, actor, reason, problems, EventTypes.decision(state));
  }

  private void publish(
      Intent intent,
      DecisionState state,
      Actor actor,
      String reason,
      List<Problem> problems,
      String eventType) {
    DecisionEvent event =
        new DecisionEvent(
            intent.intentId,
            intent.mailboxId == null ? "" : intent.mailboxId,
            state,
            actor,
            reason,
            problems,
            intent.relatedIntentId,
            intent.conflictId == null ? null : intent.conflictId.toString(),
            state == DecisionState.APPROVED ? intent.editedFields : List.of(),
            null,
            intent.team,
            intent.role,
            intent.agent,
            clock.instant());
    events.publish(Topics.DECISIONS, intent.mailboxId, eventType, event);
  }

  /** The intent's bcc plus each copy not already a recipient (compared case-insensitively). */
  private static List<String> withCopies(Intent intent, List<String> copies) {
    if (copies.isEmpty()) {
      return intent.bcc;
    }
    List<String> recipients = intent.recipients();
    List<String> bcc = new java.util.ArrayList<>(intent.bcc);
    copies.stream()
        .filter(c -> !recipients.contains(c.toLowerCase(java.util.Locale.ROOT)))
        .forEach(bcc::add);
    return bcc;
  }

  private ApprovedEmail approved(Intent intent, Actor actor, List<String> copies) {
    List<Attachment> attachments =
        intent.attachments == null || intent.attachments.isNull()
            ? List.of()
            : Arrays.asList(
                EventJson.mapper().convertValue(intent.attachments, Attachment[].class));
    return new ApprovedEmail(
        intent.intentId,
        intent.kind,
        intent.mailboxId,
        intent.team,
        intent.role,
        intent.agent,
        intent.action,
        intent.to,
        intent.cc,
        withCopies(intent, copies),
        intent.subject,
        intent.markdown,
        attachments,
        intent.replyToEmailId,
        intent.threadId,
        actor,
        intent.editedFields,
        clock.instant());
  }
}
