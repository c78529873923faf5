package dev.mailgate.multimail.client.model;

/**
 * MultiMail's answer to a send or reply: 202 {@code pending_scan} for a new email, 200 {@code
 * already_sent} with the original id when the idempotency key was seen before.
 */
public record SendResult(
    String id, String status, String threadId, String message, Boolean idempotent) {

  /** True when this was an idempotent replay of an earlier send (nothing new was sent). */
  public boolean isReplay() {
    return Boolean.TRUE.equals(idempotent) || "already_sent".equals(status);
  }
}
