package dev.mailgate.audit;

import dev.mailgate.events.Actor;
import dev.mailgate.events.ApprovedEmail;
import dev.mailgate.events.DecisionEvent;
import dev.mailgate.events.DecisionState;
import dev.mailgate.events.DeliveryOutcome;
import dev.mailgate.events.EmailIntent;
import dev.mailgate.events.EventTypes;
import dev.mailgate.events.InboundEmail;
import dev.mailgate.events.IntentKind;
import dev.mailgate.events.OutcomeStatus;
import dev.mailgate.events.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One intent's life as MailGate's services publish it, with fresh ids per test. */
record Flow(String mailbox, String intentId, String threadId, Instant start) {

  static Flow fresh() {
    String id = UUID.randomUUID().toString();
    return new Flow(
        "mbx_" + id.substring(0, 8),
        "int_" + id,
        "thr_" + id,
        Instant.parse("2026-11-24T10:00:00Z"));
  }

  Flow inMailbox(String other) {
    return new Flow(other, intentId, threadId, start);
  }

  EmailIntent intent() {
    return new EmailIntent(
        intentId,
        IntentKind.SEND,
        mailbox,
        "acme-run-42",
        "ProductManager",
        "Alice",
        "SendEmail",
        "msg-9f1c",
        "customer asked for ETA",
        List.of("customer@example.com"),
        List.of(),
        List.of(),
        "Project update",
        "ETA is Friday.",
        List.of(),
        null,
        null,
        start);
  }

  DecisionEvent decision(DecisionState state, Actor actor, int second) {
    return new DecisionEvent(
        intentId,
        mailbox,
        state,
        actor,
        null,
        List.of(),
        null,
        null,
        List.of(),
        null,
        "acme-run-42",
        "ProductManager",
        "Alice",
        start.plusSeconds(second));
  }

  ApprovedEmail approved() {
    return new ApprovedEmail(
        intentId,
        IntentKind.SEND,
        mailbox,
        "acme-run-42",
        "ProductManager",
        "Alice",
        "SendEmail",
        List.of("customer@example.com"),
        List.of(),
        List.of(),
        "Project update",
        "ETA is Friday.",
        List.of(),
        null,
        null,
        Actor.reviewer("rita"),
        List.of(),
        start.plusSeconds(3));
  }

  DeliveryOutcome outcome() {
    return new DeliveryOutcome(
        intentId,
        mailbox,
        OutcomeStatus.ACCEPTED,
        1,
        "em_" + intentId,
        threadId,
        "sent",
        200,
        null,
        null,
        start.plusSeconds(4));
  }

  InboundEmail reply(String emailId, int second) {
    return new InboundEmail(
        emailId,
        mailbox,
        threadId,
        "customer@example.com",
        List.of("support@example.com"),
        List.of(),
        "Re: Project update",
        "Thanks",
        List.of(),
        start.plusSeconds(second),
        null);
  }

  /** Publishes the whole flow, the last step first: arrival order must not make the timeline. */
  List<String> publish() {
    String[] ids = new String[6];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = UUID.randomUUID().toString();
    }
    Trail.publish(
        Topics.OUTCOMES, mailbox, ids[5], EventTypes.outcome(OutcomeStatus.ACCEPTED), outcome());
    Trail.publish(Topics.APPROVED, mailbox, ids[4], EventTypes.MAIL_APPROVED, approved());
    Trail.publish(
        Topics.DECISIONS,
        mailbox,
        ids[3],
        EventTypes.decision(DecisionState.APPROVED),
        decision(DecisionState.APPROVED, Actor.reviewer("rita"), 3));
    Trail.publish(
        Topics.DECISIONS,
        mailbox,
        ids[2],
        EventTypes.decision(DecisionState.HELD),
        decision(DecisionState.HELD, Actor.policy(), 2));
    Trail.publish(
        Topics.DECISIONS,
        mailbox,
        ids[1],
        EventTypes.decision(DecisionState.ACCEPTED),
        decision(DecisionState.ACCEPTED, Actor.policy(), 1));
    Trail.publish(Topics.INTENTS, mailbox, ids[0], EventTypes.INTENT_SUBMITTED, intent());
    return List.of(ids);
  }
}
