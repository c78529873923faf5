package dev.mailgate.events;

/** Values of the {@link EventHeaders#EVENT_TYPE} header. */
public final class EventTypes {

  public static final String INTENT_SUBMITTED = "intent.submitted";
  public static final String MAIL_APPROVED = "mail.approved";
  public static final String INBOUND_RECEIVED = "inbound.received";
  public static final String INBOUND_RELEASED = "inbound.released";
  public static final String POLICY_CHANGED = "policy.changed";

  /**
   * On {@code mail.decisions}: a reviewer looked at a monitored email after it was sent. The
   * intent's state is unchanged (the event repeats it); the actor is the reviewer.
   */
  public static final String REVIEW_ACKNOWLEDGED = "review.acknowledged";

  private EventTypes() {}

  /** e.g. {@code decision.held}. */
  public static String decision(DecisionState state) {
    return "decision." + state.wire();
  }

  /** e.g. {@code outcome.quota_exhausted}. */
  public static String outcome(OutcomeStatus status) {
    return "outcome." + status.wire();
  }
}
