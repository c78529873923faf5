package dev.mailgate.approval.service.inbound;

import dev.mailgate.approval.domain.InboundItem;
import dev.mailgate.approval.domain.InboundItemRepository;
import dev.mailgate.approval.domain.Mailbox;
import dev.mailgate.approval.domain.OversightMode;
import dev.mailgate.approval.domain.PolicyRepository;
import dev.mailgate.approval.service.review.ReviewException;
import dev.mailgate.approval.service.review.ReviewService;
import dev.mailgate.events.Actor;
import dev.mailgate.events.DecisionEvent;
import dev.mailgate.events.DecisionState;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.EventTypes;
import dev.mailgate.events.InboundEmail;
import dev.mailgate.events.Topics;
import dev.mailgate.outbox.EventPublisher;
import dev.mailgate.outbox.consumer.Received;
import dev.mailgate.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Inbound oversight: mail of a {@code gated_all} mailbox (or of a mailbox without a policy) is held
 * for a reviewer; everything else is released to the agents at once on {@code mail.inbound}. A
 * reviewer's rejection is a {@code mail.decisions} event carrying the {@code email_id}, so the
 * audit shows it with its reason. A redelivered email (same id) is a no-op. A released email
 * carries the mailbox's read grants at release, which decide which roles are handed it.
 */
@ApplicationScoped
public class InboundGate {

  /** This consumer's name in {@code processed_event} and dead letters. */
  public static final String CONSUMER = "approval-service.inbound";

  private final InboundItemRepository inbound;
  private final PolicyRepository policies;
  private final EventPublisher events;

  private final Clock clock;

  public InboundGate(
      InboundItemRepository inbound,
      PolicyRepository policies,
      EventPublisher events,
      Clock clock) {
    this.clock = clock;
    this.inbound = inbound;
    this.policies = policies;
    this.events = events;
  }

  /** Holds or releases each email of a batch, in the caller's transaction. */
  public void receive(List<Received<InboundEmail>> emails) {
    Set<String> seen = new HashSet<>();
    for (Received<InboundEmail> email : emails) {
      if (seen.add(email.payload().emailId())
          && inbound.findByIdOptional(email.payload().emailId()).isEmpty()) {
        receive(email.payload());
      }
    }
  }

  private void receive(InboundEmail email) {
    InboundItem item = new InboundItem();
    item.emailId = email.emailId();
    item.mailboxId = email.mailboxId();
    item.threadId = email.threadId();
    item.payload = EventJson.mapper().valueToTree(email);
    item.receivedAt = clock.instant();
    Optional<Mailbox> mailbox = policies.mailbox(email.mailboxId());
    if (mailbox.isEmpty()) {
      item.state = "held";
      item.reason = "unknown mailbox " + email.mailboxId() + ": held until a reviewer decides";
    } else if (mailbox.get().oversightMode == OversightMode.GATED_ALL) {
      item.state = "held";
      item.reason = "mailbox is gated_all: inbound mail waits for a reviewer";
    } else {
      release(item, Actor.policy());
    }
    inbound.persist(item);
  }

  @Transactional
  public InboundItem release(String emailId, Caller reviewer) {
    InboundItem item = heldForUpdate(emailId, reviewer);
    release(item, Actor.reviewer(reviewer.subject()));
    return item;
  }

  @Transactional
  public InboundItem reject(String emailId, String reason, Caller reviewer) {
    String why = ReviewService.requireReason(reason);
    InboundItem item = heldForUpdate(emailId, reviewer);
    item.state = "rejected";
    item.reason = why;
    item.decidedBy = reviewer.subject();
    item.decidedAt = clock.instant();
    DecisionEvent event =
        new DecisionEvent(
            emailId,
            item.mailboxId,
            DecisionState.REJECTED,
            Actor.reviewer(reviewer.subject()),
            why,
            List.of(),
            null,
            null,
            List.of(),
            emailId,
            null,
            null,
            null,
            item.decidedAt);
    events.publish(
        Topics.DECISIONS, item.mailboxId, EventTypes.decision(DecisionState.REJECTED), event);
    return item;
  }

  @Transactional
  public List<InboundItem> held(Caller reviewer, int limit) {
    return inbound.held(reviewer.scope().restriction(), limit);
  }

  private void release(InboundItem item, Actor actor) {
    item.state = "released";
    item.decidedBy = actor.id();
    item.decidedAt = clock.instant();
    InboundEmail email = EventJson.mapper().convertValue(item.payload, InboundEmail.class);
    InboundEmail released = email.released(actor, readGrants(item.mailboxId));
    events.publish(Topics.INBOUND, item.mailboxId, EventTypes.INBOUND_RELEASED, released);
  }

  /** The mailbox's read grants as they stand now: role (or {@code *}) to whether it may read. */
  private Map<String, Boolean> readGrants(String mailboxId) {
    Map<String, Boolean> grants = new TreeMap<>();
    policies.grants(mailboxId).forEach(g -> grants.put(g.role, g.canRead));
    return grants;
  }

  private InboundItem heldForUpdate(String emailId, Caller reviewer) {
    InboundItem item = inbound.findForUpdate(emailId).orElse(null);
    if (item == null || !reviewer.mayActOn(item.mailboxId)) {
      throw new ReviewException(
          ReviewException.Kind.NOT_FOUND, "no inbound email " + emailId + " in your mailboxes");
    }
    if (!"held".equals(item.state)) {
      throw new ReviewException(
          ReviewException.Kind.NOT_PENDING, "inbound email " + emailId + " is " + item.state);
    }
    return item;
  }
}
