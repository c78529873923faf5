package dev.mailgate.events;

/** Who caused a state change: an agent role, the mailbox policy, a reviewer, or MailGate itself. */
public record Actor(Type type, String id) {

  /** The kinds of actor. */
  public enum Type implements WireEnum {
    ROLE,
    POLICY,
    REVIEWER,
    SYSTEM
  }

  /** The mailbox's oversight policy. */
  public static Actor policy() {
    return new Actor(Type.POLICY, "policy");
  }

  /** A human reviewer, by the {@code sub} of their token. */
  public static Actor reviewer(String subject) {
    return new Actor(Type.REVIEWER, subject);
  }

  /** A MailGate component, by its name (e.g. {@code outbound-service}). */
  public static Actor system(String component) {
    return new Actor(Type.SYSTEM, component);
  }
}
