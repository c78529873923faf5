package dev.mailgate.approval.console;

import dev.mailgate.approval.service.review.Cursor;
import java.util.Optional;

/**
 * What the queue page shows: a view ({@code pending} = held and conflict, {@code held}, {@code
 * conflict}, {@code monitored}), narrowed by mailbox, team, role and a text (subject, body, agent,
 * recipient), ordered by arrival or by expiry, from a keyset position.
 */
public record QueueFilter(
    String view,
    String mailbox,
    String team,
    String role,
    String text,
    String sort,
    Optional<Cursor> after) {

  public static final int MAX_TEXT = 200;

  /** A filter from query parameters: unknown values fall back to the defaults, text is capped. */
  public static QueueFilter of(
      String view,
      String mailbox,
      String team,
      String role,
      String text,
      String sort,
      String after) {
    String v =
        view != null && view.matches("pending|held|conflict|monitored|inbound") ? view : "pending";
    String s = "expiry".equals(sort) && !v.equals("monitored") ? "expiry" : "received";
    Optional<Cursor> cursor = Optional.empty();
    if (after != null && !after.isBlank() && after.length() <= MAX_TEXT) {
      try {
        cursor = Optional.of(Cursor.decode(after));
      } catch (RuntimeException e) {
        cursor = Optional.empty();
      }
    }
    return new QueueFilter(v, clean(mailbox), clean(team), clean(role), clean(text), s, cursor);
  }

  /** Whether the listing is ordered by time to expiry. */
  public boolean byExpiry() {
    return "expiry".equals(sort);
  }

  private static String clean(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    StringBuilder out = new StringBuilder();
    stripped
        .codePoints()
        .filter(c -> !Character.isISOControl(c))
        .limit(MAX_TEXT)
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
