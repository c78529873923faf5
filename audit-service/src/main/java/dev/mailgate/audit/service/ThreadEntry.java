package dev.mailgate.audit.service;

/**
 * One event of a thread view.
 *
 * @param direction {@code inbound} (mail that arrived) or {@code outbound} (an intent's steps)
 * @param causedBy for outbound events: the role, action and reasoning step behind the intent
 */
public record ThreadEntry(String direction, Cause causedBy, TrailEntry event) {

  /** Who caused an outbound email, from its intent. */
  public record Cause(
      String team,
      String role,
      String agent,
      String action,
      String triggerMessageId,
      String reasoning) {}
}
