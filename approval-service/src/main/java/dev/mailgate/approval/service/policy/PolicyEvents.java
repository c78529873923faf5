package dev.mailgate.approval.service.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailgate.events.Actor;
import dev.mailgate.events.EventJson;
import dev.mailgate.events.EventTypes;
import dev.mailgate.events.PolicyChange;
import dev.mailgate.events.Topics;
import dev.mailgate.outbox.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/** Publishes each policy change as a {@code mail.policies} event, in the caller's transaction. */
@ApplicationScoped
public class PolicyEvents {

  private final EventPublisher events;
  private final Clock clock;

  public PolicyEvents(EventPublisher events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  void changed(String mailboxId, String change, Actor actor, JsonNode before, JsonNode after) {
    PolicyChange event =
        new PolicyChange(
            UUID.randomUUID().toString(), mailboxId, change, actor, before, after, clock.instant());
    events.publish(Topics.POLICIES, mailboxId, EventTypes.POLICY_CHANGED, event);
  }

  /** For other capabilities whose changes are policy (agent credentials). */
  public void publishChange(
      String mailboxId, String change, Actor actor, JsonNode before, JsonNode after) {
    changed(mailboxId, change, actor, before, after);
  }

  static JsonNode json(Object view) {
    return EventJson.mapper().valueToTree(view);
  }
}
