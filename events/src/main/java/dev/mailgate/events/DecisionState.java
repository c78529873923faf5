package dev.mailgate.events;

/** The states an intent passes through in approval-service ({@code mail.decisions}). */
public enum DecisionState implements WireEnum {
  /** Stored and valid; policy is being applied. */
  ACCEPTED,
  /** Failed validation; {@code problems} says why. Final. */
  INVALID,
  /** Waiting for a human reviewer. */
  HELD,
  /** Cleared for delivery, by policy or by a reviewer. */
  APPROVED,
  /** Refused, by policy or by a reviewer; {@code reason} says why. Final. */
  REJECTED,
  /** Same content to the same recipients as {@code related_intent_id}; suppressed. Final. */
  DUPLICATE,
  /** Collides with other intents (see {@code conflict_id}); held for a reviewer. */
  CONFLICT,
  /** Nobody reviewed it within the mailbox's review TTL. Final. */
  EXPIRED
}
