package dev.mailgate.events;

import java.time.Instant;
import java.util.List;

/**
 * One change of an intent's state ({@code mail.decisions}); agents match it by {@code intent_id}.
 *
 * @param reason why, in words the agent can act on (a reviewer's reason, a policy rule)
 * @param problems for {@link DecisionState#INVALID}: every validation problem found
 * @param relatedIntentId the original of a duplicate, or the intent that superseded this one
 * @param conflictId the group of intents held together as a conflict
 * @param editedFields for an approval with edits: the fields the reviewer changed
 * @param emailId for a decision about an inbound email (then also its {@code intent_id}): its
 *     MultiMail id
 */
public record DecisionEvent(
    String intentId,
    String mailboxId,
    DecisionState state,
    Actor actor,
    String reason,
    List<Problem> problems,
    String relatedIntentId,
    String conflictId,
    List<String> editedFields,
    String emailId,
    String team,
    String role,
    String agent,
    Instant occurredAt) {

  public DecisionEvent {
    problems = Lists.orEmpty(problems);
    editedFields = Lists.orEmpty(editedFields);
  }
}
