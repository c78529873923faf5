package dev.mailgate.multimail.sandbox.domain;

/** Query of a mailbox listing; null fields do not filter. */
public record EmailFilter(
    Direction direction, EmailStatus status, String sinceId, int limit, String cursor) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  public boolean matches(Email email) {
    return (direction == null || email.direction() == direction)
        && (status == null || email.status() == status);
  }
}
