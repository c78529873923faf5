package dev.mailgate.agent;

/**
 * Who asks for an email: the team (run), the role's profile, its name, the action and the message
 * that triggered the step, and optionally why.
 */
public record Provenance(
    String team,
    String role,
    String agent,
    String action,
    String triggerMessageId,
    String reasoning) {

  public Provenance(String team, String role, String agent, String action) {
    this(team, role, agent, action, null, null);
  }

  public Provenance triggeredBy(String messageId) {
    return new Provenance(team, role, agent, action, messageId, reasoning);
  }

  public Provenance because(String why) {
    return new Provenance(team, role, agent, action, triggerMessageId, why);
  }
}
