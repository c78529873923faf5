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
  RETRYING
}
