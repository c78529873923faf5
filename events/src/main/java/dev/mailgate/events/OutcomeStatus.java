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
  UNKNOWN
}
