package dev.mailgate.events;

/** What became of a delivery attempt ({@code mail.outcomes}). */
public enum OutcomeStatus implements WireEnum {
  /** MultiMail took the email (or recognised the idempotency key). Final. */
  ACCEPTED,
  /** MultiMail refused it permanently; {@code error} has MultiMail's text. Final. */
  FAILED,
  /** The monthly quota is used up; delivery of the mailbox waits. Announced once per period. */
  QUOTA_EXHAUSTED,
  /** A transient failure; another try follows at {@code retry_at}. */
  RETRYING,
  /**
   * An earlier try may have reached MultiMail and its idempotency window has passed, so another try
   * could send a second email: delivery stops until an operator resolves it (delivered, send again,
   * or failed). Final unless an operator acts.
   */
  UNKNOWN,
  /**
   * After {@link #ACCEPTED}: MultiMail reports the email delivered ({@code delivered_at}). Final.
   */
  DELIVERED,
  /**
   * After {@link #ACCEPTED}: MultiMail reports a bounce ({@code bounced_at}); {@code error} has the
   * bounce type. Final.
   */
  BOUNCED,
  /**
   * After {@link #ACCEPTED}: MultiMail holds the email for its own reviewer ({@code
   * pending_send_approval}: the mailbox is gated at MultiMail too). {@link #DELIVERED} or {@link
   * #REJECTED_BY_PROVIDER} follows.
   */
  HELD_BY_PROVIDER,
  /**
   * After {@link #ACCEPTED}: MultiMail did not send it: its reviewer rejected it ({@code
   * rejected}), sending failed ({@code send_failed}) or it was cancelled; {@code provider_status}
   * says which. Final.
   */
  REJECTED_BY_PROVIDER
}
